import { useState } from "react";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api";
import { accountApi, safeNext, useMe } from "../../account/api";
import { PasswordInput } from "../../components/PasswordInput";

const FIRST_ADMIN = "citybridge users create-admin --email you@example.org";

function errorText(err: unknown, t: (k: string, o?: Record<string, unknown>) => string): { title: string; detail?: string } {
  // The message comes from the problem's code, in the UI language (the title already says a wrong password).
  if (err instanceof ApiError && err.status === 401) return { title: t("account.signInPage.wrong"), detail: err.problem.code === "auth.wrong_credentials" ? undefined : err.message };
  if (err instanceof ApiError && err.status === 429) return { title: t("account.signInPage.tooMany"), detail: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { title: t("account.signInPage.failed", { message }) };
}

/** /sign-in?next=…: e-mail and password; goes back to `next` (a path on this site) or the map. */
export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (v: { email: string; password: string }) => {
    setPending(true);
    setError(null);
    try {
      const r = await accountApi.signIn(v.email.trim(), v.password);
      qc.setQueryData(["me"], r.user);
      // Pages may show edit controls now: fetch everything again with the session.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "me" });
      // A one-time password (from `users create-admin` or a reset) must be changed before any write.
      navigate(r.user.mustChangePassword ? "/account#change-password" : next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const shown = error ? errorText(error, t) : null;

  return (
    <div style={{ maxWidth: 460, margin: "24px auto" }} data-testid="sign-in-page">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t("account.signInPage.title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("account.signInPage.intro")}</Typography.Paragraph>
        {me.data ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert type="info" showIcon title={<Trans i18nKey="account.signInPage.already" values={{ name: me.data.name }} components={{ name: <span data-content="name" /> }} />} data-testid="sign-in-already" />
            <Button type="primary" onClick={() => navigate(next)}>{t("account.signInPage.continue")}</Button>
          </Space>
        ) : (
          <Form layout="vertical" onFinish={(v: { email: string; password: string }) => void submit(v)} data-testid="sign-in-form" requiredMark={false}>
            <Form.Item name="email" label={t("account.signInPage.email")} rules={[{ required: true, whitespace: true, message: t("account.signInPage.emailRequired") }]}>
              <Input type="email" autoComplete="username" autoFocus data-testid="sign-in-email" />
            </Form.Item>
            <Form.Item name="password" label={t("account.signInPage.password")} rules={[{ required: true, message: t("account.signInPage.passwordRequired") }]}>
              <PasswordInput autoComplete="current-password" data-testid="sign-in-password" />
            </Form.Item>
            {shown && (
              <Form.Item>
                <Alert type="error" showIcon role="alert" title={shown.title} description={shown.detail} data-testid="sign-in-error" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={pending} block data-testid="sign-in-submit">{t("account.signInPage.submit")}</Button>
          </Form>
        )}
      </Card>
      <Card size="small" style={{ marginTop: 16 }} data-testid="sign-in-help">
        <Typography.Paragraph>{t("account.signInPage.help")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t("account.signInPage.firstRun")}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: FIRST_ADMIN }} style={{ marginBottom: 0 }}><code className="cb-example">{FIRST_ADMIN}</code></Typography.Paragraph>
      </Card>
    </div>
  );
}
