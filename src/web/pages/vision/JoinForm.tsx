import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_GROUPS, type ParticipantGroup, visionApi } from "../../vision/api";
import type { ParticipantState } from "./useParticipant";

/** "Join as": a name and a group; the returned participant key is kept in this browser for the process. */
export function JoinForm({ process, me }: { process: string; me: ParticipantState }) {
  const { t } = useTranslation();
  const join = useMutation({ mutationFn: (v: { name: string; group: ParticipantGroup }) => visionApi.join(process, v), onSuccess: (r) => me.setToken(r.token) });
  if (me.participant) {
    return (
      <Space data-testid="joined-as">
        <Typography.Text>{t("vision.join.as", { name: me.participant.name, group: t(`vision.groups.${me.participant.group}`) })}</Typography.Text>
        <Button size="small" onClick={() => me.setToken(null)} data-testid="join-leave">{t("vision.join.leave")}</Button>
      </Space>
    );
  }
  return (
    <Card size="small" title={t("vision.join.title")} data-testid="join-form">
      <Typography.Paragraph type="secondary">{t("vision.join.hint")}</Typography.Paragraph>
      <Form layout="inline" onFinish={(v) => join.mutate(v)} initialValues={{ group: "residents" }}>
        <Form.Item name="name" rules={[{ required: true, message: t("vision.required") }]}><Input placeholder={t("vision.join.name")} aria-label={t("vision.join.name")} data-testid="join-name" /></Form.Item>
        <Form.Item name="group" label={t("vision.join.group")}>
          <Radio.Group optionType="button" data-testid="join-group" options={PARTICIPANT_GROUPS.map((g) => ({ value: g, label: <span data-testid={`join-group-${g}`}>{t(`vision.groups.${g}`)}</span> }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={join.isPending} data-testid="join-submit">{t("vision.join.submit")}</Button>
      </Form>
      {join.error && <Alert type="error" showIcon title={join.error.message} />}
    </Card>
  );
}
