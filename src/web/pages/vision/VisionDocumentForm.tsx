import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Form, Input, List, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { type Finding, pickName, visionApi } from "../../vision/api";

/** The moderator turns selected consensus statements into a vision document linked to the city's targets and cooperation actions. */
export function VisionDocumentForm({ process, city, consensus }: { process: string; city: string; consensus: Finding[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const docs = useQuery({ queryKey: ["vision-documents", process], queryFn: ({ signal }) => visionApi.documents(process, signal) });
  const targets = useQuery({ queryKey: ["targets", city], queryFn: ({ signal }) => visionApi.targets(city, signal) });
  const create = useMutation({
    mutationFn: (v: { en: string; zh?: string; textEn: string; textZh?: string; statements: string[]; targets?: string[]; actions?: string[] }) =>
      visionApi.createDocument(process, { title: { en: v.en, zh: v.zh || null }, text: { en: v.textEn, zh: v.textZh || null }, statements: v.statements, targets: v.targets ?? [], actions: v.actions ?? [] }),
    onSuccess: () => { form.resetFields(); void qc.invalidateQueries({ queryKey: ["vision-documents", process] }); },
  });
  return (
    <Card size="small" title={t("vision.document.create")} data-testid="vision-document">
      {(docs.data?.items.length ?? 0) > 0 && (
        <List size="small" header={t("vision.document.list")} dataSource={docs.data?.items ?? []} renderItem={(d) => (
          <List.Item key={d.id} data-testid={`vision-document-${d.id}`}><Typography.Text strong>{pickName(d.title, lang)}</Typography.Text> — {pickName(d.text, lang)}</List.Item>
        )} />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ statements: [] }}>
        <Form.Item name="statements" label={t("vision.document.statements")} rules={[{ required: true, type: "array", min: 1, message: t("vision.document.pickOne") }]}>
          <Checkbox.Group options={consensus.map((c) => ({ value: c.statement, label: <span data-testid={`doc-statement-${c.statement}`}>{c.text}</span> }))} />
        </Form.Item>
        <Form.Item name="en" label={t("vision.document.title")} rules={[{ required: true, message: t("vision.required") }]}><Input data-testid="doc-title" /></Form.Item>
        <Form.Item name="zh" label={t("vision.document.titleZh")}><Input /></Form.Item>
        <Form.Item name="textEn" label={t("vision.document.text")} rules={[{ required: true, message: t("vision.required") }]}><Input.TextArea rows={3} data-testid="doc-text" /></Form.Item>
        <Form.Item name="textZh" label={t("vision.document.textZh")}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="targets" label={t("vision.document.targets")}>
          <Select mode="multiple" allowClear options={(targets.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.names ? pickName(x.names, lang) : x.type} (${x.targetYear})` }))} />
        </Form.Item>
        <Form.Item name="actions" label={t("vision.document.actions")}><Select mode="tags" allowClear tokenSeparators={[",", " "]} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="doc-save">{t("vision.document.save")}</Button>
        {create.isSuccess && <Typography.Text type="success" style={{ marginLeft: 12 }} data-testid="doc-saved">{t("vision.document.saved")}</Typography.Text>}
        {create.error && <Alert type="error" showIcon message={create.error.message} />}
      </Form>
    </Card>
  );
}
