import { Button, Form, Input, Select, Space } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { OUTPUT_KINDS, type OutputKind, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";

interface Values { kind: OutputKind; titleEn: string; titleZh?: string; date?: string; url?: string; pilotId?: string }

/** Adds an output (MoU, joint declaration, report, pilot project) to an activity. */
export function OutputForm({ activityId, cooperationId, onDone }: { activityId: string; cooperationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const L = (k: string) => t(`work.activities.${k}`);
  const pilots = useQuery({ queryKey: ["work-pilots", cooperationId], queryFn: ({ signal }) => workApi.pilots(cooperationId, signal) });
  const add = useMutation({
    mutationFn: (v: Values) => workApi.addOutput(activityId, { kind: v.kind, titles: { en: v.titleEn, zh: v.titleZh || null }, date: v.date || null, url: v.url || null, pilotId: v.pilotId ?? null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["work-activities", cooperationId] });
      onDone();
    },
  });
  return (
    <div data-testid="output-form-wrap">
      <Form form={form} layout="inline" data-testid="output-form" initialValues={{ kind: "mou" }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8 }}>
        <Form.Item name="kind" rules={[{ required: true }]}>
          <Select aria-label={t("work.activities.outputs")} style={{ width: 220 }} data-testid="output-kind" options={OUTPUT_KINDS.map((k) => ({ value: k, label: t(`work.outputKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="titleEn" rules={[{ required: true }]}><Input placeholder={`${L("outputTitle")} (EN)`} aria-label={`${L("outputTitle")} (EN)`} maxLength={300} data-testid="output-title-en" /></Form.Item>
        <Form.Item name="titleZh"><Input placeholder={`${L("outputTitle")} (中文)`} aria-label={`${L("outputTitle")} (中文)`} maxLength={300} data-testid="output-title-zh" /></Form.Item>
        <Form.Item name="date"><Input type="date" aria-label={L("date")} data-testid="output-date" /></Form.Item>
        <Form.Item name="url" rules={[{ pattern: /^https?:\/\/\S+$/i, message: "http(s)://…" }]}><Input placeholder={L("url")} aria-label={L("url")} maxLength={2000} data-testid="output-url" /></Form.Item>
        {(pilots.data?.items.length ?? 0) > 0 && (
          <Form.Item name="pilotId">
            <Select allowClear placeholder={L("pilot")} aria-label={L("pilot")} style={{ width: 200 }}
              options={pilots.data?.items.map((p) => ({ value: p.id, label: lang === "zh" ? p.titles.zh ?? p.titles.en : p.titles.en }))} />
          </Form.Item>
        )}
        <Space>
          <Button htmlType="submit" type="primary" loading={add.isPending} data-testid="output-submit">{L("addOutput")}</Button>
          <Button onClick={onDone}>{t("work.cancel")}</Button>
        </Space>
      </Form>
      <ProblemList error={add.error} testId="output-problems" />
    </div>
  );
}
