import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { climateApi, type ActionInput, type ClimateAction } from "../../climate/api";
import { formatNumber, useLang } from "../../lang";
import { Can, path, write, useCan } from "../../account/permissions";
import { ProblemList } from "./ProblemList";

/** The city's planned actions (the pathway's wedges): list, add, remove. */
export function ActionsCard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string; sector?: string; startYear: number; fullYear: number; reductionTCO2e: number }>();
  const list = useQuery({ queryKey: ["actions", slug], queryFn: ({ signal }) => climateApi.actions(slug, signal) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["actions", slug] });
    void qc.invalidateQueries({ queryKey: ["pathway", slug] });
  };
  const add = useMutation({ mutationFn: (a: ActionInput) => climateApi.createAction(slug, a), onSuccess: () => { form.resetFields(); refresh(); } });
  const remove = useMutation({ mutationFn: (id: string) => climateApi.deleteAction(id), onSuccess: refresh });
  const L = (k: string) => t(`climate.pathway.${k}`);
  const may = useCan(write("POST", path("cities", slug, "actions")))?.allowed ?? false;
  return (
    <Card title={L("actions")} size="small" data-testid="actions-card">
      <Table<ClimateAction> size="small" rowKey="id" pagination={false} loading={list.isLoading} dataSource={list.data?.items} locale={{ emptyText: L("noActions") }}
        columns={[
          { title: L("actionName"), key: "name", render: (_: unknown, a) => (lang === "zh" ? a.names.zh ?? a.names.en : a.names.en) },
          { title: L("sector"), dataIndex: "sector", key: "sector", render: (s: string | null) => s ?? L("anySector") },
          { title: L("startYear"), dataIndex: "startYear", key: "start" },
          { title: L("fullYear"), dataIndex: "fullYear", key: "full" },
          { title: L("reductionT"), dataIndex: "reductionTCO2e", key: "r", align: "right" as const, render: (v: number) => formatNumber(v, lang) },
          ...(may ? [{ title: "", key: "x", render: (_: unknown, a: ClimateAction) => <Can check={write("DELETE", path("climate-actions", a.id))}><Button size="small" danger onClick={() => remove.mutate(a.id)} aria-label={`${L("delete")} ${a.names.en}`}>{L("delete")}</Button></Can> }] : []),
        ]} />
      {may && <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} data-testid="action-form" initialValues={{ startYear: 2025, fullYear: 2028 }}
        onFinish={(v) => add.mutate({ names: { en: v.name }, sector: v.sector ?? null, startYear: v.startYear, fullYear: v.fullYear, reductionTCO2e: v.reductionTCO2e })}>
        <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={L("actionName")} aria-label={L("actionName")} maxLength={300} data-testid="action-name" /></Form.Item>
        <Form.Item name="sector"><Select allowClear placeholder={L("sector")} aria-label={L("sector")} style={{ width: 120 }} options={["I", "II", "III", "IV", "V", "VI"].map((s) => ({ value: s, label: s }))} /></Form.Item>
        <Form.Item name="startYear" rules={[{ required: true }]}><InputNumber aria-label={L("startYear")} min={1990} max={2100} /></Form.Item>
        <Form.Item name="fullYear" rules={[{ required: true }]}><InputNumber aria-label={L("fullYear")} min={1990} max={2100} /></Form.Item>
        <Form.Item name="reductionTCO2e" rules={[{ required: true }]}><InputNumber aria-label={L("reductionT")} placeholder={L("reductionT")} min={1} style={{ width: 220 }} data-testid="action-reduction" /></Form.Item>
        <Space><Button htmlType="submit" loading={add.isPending} data-testid="action-add">{L("addAction")}</Button></Space>
      </Form>}
      <ProblemList error={add.error} />
    </Card>
  );
}
