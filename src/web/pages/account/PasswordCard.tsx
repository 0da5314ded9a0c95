import { Alert, App, Button, Card, Form } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { accountApi, MIN_PASSWORD } from "../../account/api";
import { PasswordInput } from "../../components/PasswordInput";

interface Values { current: string; next: string; repeat: string }

/** Change my password: the current one, the new one twice. Shows why when a one-time password must be changed. */
export function PasswordCard({ mustChange }: { mustChange: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) => accountApi.changePassword(v.current, v.next),
    onSuccess: (user) => {
      qc.setQueryData(["me"], user);
      form.resetFields();
      void message.success(t("account.password.done"));
    },
    onError: (err) => void message.error(t("account.password.failed", { message: err.message })),
  });
  return (
    <Card title={t("account.password.title")} size="small" id="change-password" data-testid="password-card">
      {mustChange && <Alert type="warning" showIcon title={t("account.password.mustChange")} style={{ marginBottom: 16 }} data-testid="password-must-change" />}
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} requiredMark={false} style={{ maxWidth: 420 }} data-testid="password-form">
        <Form.Item name="current" label={t("account.password.current")} rules={[{ required: true, message: t("account.password.currentRequired") }]}>
          <PasswordInput autoComplete="current-password" maxLength={200} data-testid="password-current" />
        </Form.Item>
        <Form.Item name="next" label={t("account.password.new")} rules={[{ required: true, min: MIN_PASSWORD, message: t("account.password.tooShort", { min: MIN_PASSWORD }) }]}>
          <PasswordInput autoComplete="new-password" maxLength={200} data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t("account.password.repeat")}
          dependencies={["next"]}
          rules={[
            { required: true, message: t("account.password.mismatch") },
            ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue("next") ? Promise.resolve() : Promise.reject(new Error(t("account.password.mismatch")))) }),
          ]}
        >
          <PasswordInput autoComplete="new-password" maxLength={200} data-testid="password-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">{t("account.password.submit")}</Button>
      </Form>
    </Card>
  );
}
