import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/States";
import { type Aspect, type Kind, type Statement, visionApi } from "../../vision/api";
import { path, useCan, write } from "../../account/permissions";
import type { ParticipantState } from "./useParticipant";
import { useLang } from "../../lang";
import { detectTextLanguage } from "../../vision/language";

const ASPECTS: Aspect[] = ["physical", "social", "mental"];
const KINDS: Kind[] = ["strength", "problem", "wish"];

function Tags({ s }: { s: Statement }) {
  const { t } = useTranslation();
  return <><Tag>{t(`vision.aspects.${s.aspect}`)}</Tag><Tag>{t(`vision.kinds.${s.kind}`)}</Tag><Tag>{t(`vision.groups.${s.authorGroup}`)}</Tag></>;
}

function QueueItem({ s, onDone }: { s: Statement; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const moderate = useMutation({ mutationFn: (status: "accepted" | "hidden") => visionApi.moderate(s.id, { status, reason: status === "hidden" ? reason : null, version: s.version }), onSuccess: onDone, onError: onDone });
  return (
    <ItemList.Item data-testid={`queue-${s.id}`} actions={[
      <Button key="a" type="primary" size="small" onClick={() => moderate.mutate("accepted")} loading={moderate.isPending} data-testid={`accept-${s.id}`}>{t("vision.statement.accept")}</Button>,
      <Space key="h"><Input size="small" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("vision.statement.reason")} aria-label={t("vision.statement.reason")} data-testid={`reason-${s.id}`} />
        <Button size="small" danger disabled={!reason.trim()} onClick={() => moderate.mutate("hidden")} data-testid={`hide-${s.id}`}>{t("vision.statement.hide")}</Button></Space>,
    ]}>
      <Space orientation="vertical" size={0}>
        <Typography.Text lang={s.language === "zh" ? "zh-CN" : "en"}>{s.text}</Typography.Text>
        <span><Tags s={s} /></span>
        {moderate.error && <Typography.Text type="danger">{moderate.error.message}</Typography.Text>}
      </Space>
    </ItemList.Item>
  );
}

/** Submit statements (either language, tagged), see the accepted ones, and the moderator queue (accept, or hide with a reason). */
export function StatementsPart({ process, open, me }: { process: string; open: boolean; me: ParticipantState }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const uiLang = useLang();
  // The language follows the text's script until the author picks one themselves.
  const languagePicked = useRef(false);
  const statements = useQuery({ queryKey: ["vision-statements", process], queryFn: ({ signal }) => visionApi.statements(process, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ["vision-statements", process] });
  // The moderators: those who may run this process (its city's editors); the server returns pending and hidden statements to them only.
  const moderator = useCan(write("PUT", path("vision-processes", process)))?.allowed ?? false;
  const submit = useMutation({
    mutationFn: (v: { text: string; language: "en" | "zh"; aspect: Aspect; kind: Kind }) => visionApi.submit(process, { ...v, token: me.token as string }),
    onSuccess: () => { form.resetFields(["text"]); refresh(); },
  });
  if (statements.isLoading) return <Loading />;
  if (statements.error || !statements.data) return <ErrorState error={statements.error} onRetry={() => void statements.refetch()} />;
  const items = statements.data.items;
  const accepted = items.filter((s) => s.status === "accepted");
  const pending = items.filter((s) => s.status === "pending");
  const hidden = items.filter((s) => s.status === "hidden");
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="statements-part">
      {open && me.participant && (
        <Card size="small" title={t("vision.statement.submitTitle")}>
          <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ language: uiLang, aspect: "physical", kind: "wish" }}
            onValuesChange={(changed: { text?: string; language?: string }) => {
              if (changed.language !== undefined) languagePicked.current = true;
              else if (changed.text !== undefined && !languagePicked.current) form.setFieldValue("language", detectTextLanguage(changed.text, uiLang));
            }}>
            <Form.Item name="text" label={t("vision.statement.text")} rules={[{ required: true, message: t("vision.required") }, { max: 280 }]}><Input.TextArea rows={2} maxLength={280} showCount data-testid="statement-text" /></Form.Item>
            <Space wrap>
              <Form.Item name="language" label={t("vision.statement.language")}><Select style={{ width: 120 }} options={[{ value: "en", label: "English" }, { value: "zh", label: "中文" }]} data-testid="statement-language" /></Form.Item>
              <Form.Item name="aspect" label={t("vision.statement.aspect")}><Select style={{ width: 140 }} options={ASPECTS.map((a) => ({ value: a, label: t(`vision.aspects.${a}`) }))} /></Form.Item>
              <Form.Item name="kind" label={t("vision.statement.kind")}><Select style={{ width: 140 }} options={KINDS.map((k) => ({ value: k, label: t(`vision.kinds.${k}`) }))} /></Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="statement-submit">{t("vision.statement.submit")}</Button>
            {submit.isSuccess && <Typography.Text type="secondary" style={{ marginLeft: 12 }} data-testid="statement-submitted">{t("vision.statement.submitted")}</Typography.Text>}
            {submit.error && <Alert type="error" showIcon title={submit.error.message} />}
          </Form>
        </Card>
      )}
      <Card size="small" title={t("vision.statement.accepted")} data-testid="accepted-statements">
        {accepted.length === 0 ? <Empty description={t("vision.statement.none")} /> : (
          <ItemList size="small" dataSource={accepted} renderItem={(s) => <ItemList.Item key={s.id}><Typography.Text lang={s.language === "zh" ? "zh-CN" : "en"}>{s.text}</Typography.Text> <Tags s={s} /></ItemList.Item>} />
        )}
      </Card>
      {moderator && <Card size="small" title={`${t("vision.statement.queue")} (${pending.length})`} data-testid="moderation-queue">
        {pending.length === 0 ? <Typography.Text type="secondary">{t("vision.statement.queueEmpty")}</Typography.Text> : <ItemList size="small" dataSource={pending} renderItem={(s) => <QueueItem key={s.id} s={s} onDone={refresh} />} />}
        {hidden.length > 0 && (
          <ItemList size="small" header={t("vision.statement.hidden")} dataSource={hidden} renderItem={(s) => <ItemList.Item key={s.id}><Typography.Text delete>{s.text}</Typography.Text> — {s.reason}</ItemList.Item>} />
        )}
      </Card>}
    </Space>
  );
}
