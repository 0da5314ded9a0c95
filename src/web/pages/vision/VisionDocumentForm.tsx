import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { useLang } from "../../lang";
import { path, useCan, write } from "../../account/permissions";
import { type Finding, pickName, type VisionDocument, visionApi } from "../../vision/api";

interface Values { en: string; zh?: string; textEn: string; textZh?: string; statements: string[]; targets?: string[]; actions?: string[] }

/**
 * The moderator turns selected consensus statements into a vision document linked to the city's
 * targets and cooperation actions, or edits one (saved against the version it was opened at).
 */
export function VisionDocumentForm({ process, city, consensus }: { process: string; city: string; consensus: Finding[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const docs = useQuery({ queryKey: ["vision-documents", process], queryFn: ({ signal }) => visionApi.documents(process, signal) });
  const targets = useQuery({ queryKey: ["targets", city], queryFn: ({ signal }) => visionApi.targets(city, signal) });
  const [editing, setEditing] = useState<VisionDocument | null>(null);
  const may = useCan(write("POST", path("vision-processes", process, "documents")))?.allowed ?? false;
  const create = useMutation({
    mutationFn: (v: Values) => {
      const body = { title: { en: v.en, zh: v.zh || null }, text: { en: v.textEn, zh: v.textZh || null }, statements: v.statements, targets: v.targets ?? [], actions: v.actions ?? [] };
      return editing ? visionApi.updateDocument(editing.id, { ...body, version: editing.version }) : visionApi.createDocument(process, body);
    },
    onSuccess: () => { form.resetFields(); setEditing(null); void qc.invalidateQueries({ queryKey: ["vision-documents", process] }); },
    onError: (err) => { if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ["vision-documents", process] }); },
  });
  const edit = (d: VisionDocument) => {
    create.reset();
    setEditing(d);
    form.setFieldsValue({ en: d.title.en, zh: d.title.zh ?? undefined, textEn: d.text.en, textZh: d.text.zh ?? undefined, statements: d.statements, targets: d.targets, actions: d.actions });
  };
  const cancel = () => { setEditing(null); create.reset(); form.resetFields(); };
  // Statements of the edited document that are no longer in consensus stay choosable (by id).
  const options = [
    ...consensus.map((c) => ({ value: c.statement, label: <span data-testid={`doc-statement-${c.statement}`}>{c.text}</span> })),
    ...(editing?.statements ?? []).filter((id) => !consensus.some((c) => c.statement === id)).map((id) => ({ value: id, label: <span>{id}</span> })),
  ];
  // Everyone reads the documents; only those who may write them see the form.
  if (!may && (docs.data?.items.length ?? 0) === 0) return null;
  return (
    <Card size="small" title={may ? t("vision.document.create") : t("vision.document.list")} data-testid="vision-document">
      {(docs.data?.items.length ?? 0) > 0 && (
        <ItemList size="small" header={t("vision.document.list")} dataSource={docs.data?.items ?? []} renderItem={(d) => (
          <ItemList.Item key={d.id} data-testid={`vision-document-${d.id}`}
            actions={!may ? [] : [<Button key="edit" size="small" onClick={() => edit(d)} aria-label={`${t("vision.document.edit")}: ${pickName(d.title, lang)}`} data-testid={`edit-document-${d.id}`}>{t("vision.document.edit")}</Button>]}><Typography.Text strong>{pickName(d.title, lang)}</Typography.Text> — {pickName(d.text, lang)}</ItemList.Item>
        )} />
      )}
      {may && editing && <Typography.Paragraph strong data-testid="doc-editing">{t("vision.document.editing", { title: pickName(editing.title, lang) })}</Typography.Paragraph>}
      {may && <Form<Values> form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ statements: [] }}>
        <Form.Item name="statements" label={t("vision.document.statements")} rules={[{ required: true, type: "array", min: 1, message: t("vision.document.pickOne") }]}>
          <Checkbox.Group options={options} />
        </Form.Item>
        <Form.Item name="en" label={t("vision.document.title")} rules={[{ required: true, message: t("vision.required") }]}><Input data-testid="doc-title" /></Form.Item>
        <Form.Item name="zh" label={t("vision.document.titleZh")}><Input /></Form.Item>
        <Form.Item name="textEn" label={t("vision.document.text")} rules={[{ required: true, message: t("vision.required") }]}><Input.TextArea rows={3} data-testid="doc-text" /></Form.Item>
        <Form.Item name="textZh" label={t("vision.document.textZh")}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="targets" label={t("vision.document.targets")}>
          <Select mode="multiple" allowClear options={(targets.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.names ? pickName(x.names, lang) : x.type} (${x.targetYear})` }))} />
        </Form.Item>
        <Form.Item name="actions" label={t("vision.document.actions")}><Select mode="tags" allowClear tokenSeparators={[",", " "]} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="doc-save">{t("vision.document.save")}</Button>
          {editing && <Button onClick={cancel} data-testid="doc-cancel-edit">{t("vision.document.cancelEdit")}</Button>}
          {create.isSuccess && <Typography.Text type="success" data-testid="doc-saved">{t("vision.document.saved")}</Typography.Text>}
        </Space>
        {create.error && (create.error instanceof ApiError && create.error.status === 409
          ? <Alert type="warning" showIcon title={t("vision.document.conflict")} data-testid="doc-conflict" />
          : <Alert type="error" showIcon title={create.error.message} />)}
      </Form>}
    </Card>
  );
}
