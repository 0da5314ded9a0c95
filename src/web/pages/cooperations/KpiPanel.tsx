import { Alert, App, Button, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, cityName } from "../../api";
import { IndicatorSelect } from "../../components/IndicatorSelect";
import { type Cooperation, type CooperationAction, cooperationsApi, type Kpi } from "../../cooperations/api";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import { Can, path, write } from "../../account/permissions";
import { useIndicators } from "../../queries";
import { unitName } from "../../units";

interface KpiForm { nameEn: string; nameZh?: string; indicator?: string; city?: string; unit: string; baselineValue: number; baselineDate: string; targetValue: number; targetYear: number }

/** The latest recorded value of a KPI and a form to record one. */
function KpiValues({ kpi }: { kpi: Kpi }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState<number | null>(null);
  const q = useQuery({ queryKey: ["kpi-values", kpi.id], queryFn: ({ signal }) => cooperationsApi.kpiValues(kpi.id, signal) });
  const record = useMutation({
    mutationFn: () => cooperationsApi.recordKpiValue(kpi.id, { date, value: value ?? 0 }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["kpi-values", kpi.id] });
      void message.success(t("cooperations.kpis.recorded"));
      setValue(null);
    },
  });
  const last = q.data?.values.at(-1);
  return (
    <Space wrap>
      <span data-testid={`kpi-latest-${kpi.id}`}>
        {last ? `${formatNumber(last.value, lang)} ${unitName(kpi.unit, lang)} (${formatPeriod(last.date, lang)})` : <Typography.Text type="secondary">{t("common.notYetReported")}</Typography.Text>}
      </span>
      <Can check={write("POST", path("kpis", kpi.id, "values"))}><Space wrap>
      <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label={t("cooperations.kpis.date")} style={{ width: 150 }} />
      <InputNumber value={value} onChange={(v) => setValue(v)} aria-label={t("cooperations.kpis.value")} placeholder={t("cooperations.kpis.value")} data-testid={`kpi-value-input-${kpi.id}`} />
      <Button size="small" disabled={value === null || !date} loading={record.isPending} onClick={() => record.mutate()} data-testid={`kpi-record-${kpi.id}`}>{t("cooperations.kpis.record")}</Button>
      </Space></Can>
      {record.error instanceof ApiError && <Typography.Text type="danger">{record.error.message}</Typography.Text>}
    </Space>
  );
}

/** KPIs of one action: baseline, target, latest value; add a KPI (indicator picker) and record values. */
export default function KpiPanel({ cooperation, action }: { cooperation: Cooperation; action: CooperationAction }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<KpiForm>();
  const [adding, setAdding] = useState(false);
  const indicators = useIndicators();
  const key = ["cooperation-kpis", cooperation.id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => cooperationsApi.kpis(cooperation.id, signal) });
  const L = (k: string) => t(`cooperations.kpis.${k}`);
  const create = useMutation({
    mutationFn: (v: KpiForm) =>
      cooperationsApi.createKpi(cooperation.id, {
        actionId: action.id, pilotId: null, indicator: v.indicator || null, city: v.city || null, names: { en: v.nameEn, zh: v.nameZh || null },
        unit: unitName(v.unit, lang), baselineValue: v.baselineValue, baselineDate: v.baselineDate, targetValue: v.targetValue, targetYear: v.targetYear,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void message.success(L("saved"));
      form.resetFields();
      setAdding(false);
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => cooperationsApi.deleteKpi(id), onSuccess: () => void qc.invalidateQueries({ queryKey: key }) });
  const kpis = (q.data?.kpis ?? []).filter((k) => k.actionId === action.id);
  const onIndicator = (code: string | undefined) => {
    form.setFieldValue("indicator", code);
    const ind = indicators.data?.items.find((i) => i.code === code);
    if (ind) {
      if (!form.getFieldValue("unit")) form.setFieldValue("unit", unitName(ind.unit, lang));
      if (!form.getFieldValue("nameEn")) form.setFieldsValue({ nameEn: ind.names.en, nameZh: ind.names.zh });
    }
  };
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <div data-testid={`kpis-${action.id}`}>
      <Typography.Text strong>{L("title")}</Typography.Text>
      {kpis.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={L("empty")} /> : (
        <Table<Kpi>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={kpis}
          columns={[
            { title: L("nameEn"), key: "name", render: (_, k) => <span data-testid="kpi-name">{lang === "zh" ? k.names.zh ?? k.names.en : k.names.en}</span> },
            { title: L("city"), key: "city", render: (_, k) => { const m = cooperation.members.find((x) => x.slug === k.city); return m ? cityName(m.names, lang) : "—"; } },
            { title: L("baseline"), key: "baseline", render: (_, k) => `${formatNumber(k.baselineValue, lang)} ${unitName(k.unit, lang)} (${formatPeriod(k.baselineDate, lang)})` },
            { title: L("target"), key: "target", render: (_, k) => `${formatNumber(k.targetValue, lang)} ${unitName(k.unit, lang)} (${formatPeriod(String(k.targetYear), lang)})` },
            { title: L("latest"), key: "latest", render: (_, k) => <KpiValues kpi={k} /> },
            { title: "", key: "ops", render: (_, k) => <Can check={write("DELETE", path("kpis", k.id))}><Button size="small" danger onClick={() => remove.mutate(k.id)} aria-label={L("delete")}>×</Button></Can> },
          ]}
        />
      )}
      {!adding ? <Can check={write("POST", path("cooperations", cooperation.id, "kpis"))}><Button size="small" style={{ marginTop: 8 }} onClick={() => setAdding(true)} data-testid={`kpi-add-${action.id}`}>{L("add")}</Button></Can> : (
        <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }} onFinish={(v) => create.mutate(v)} data-testid="kpi-form"
          initialValues={{ baselineDate: new Date().toISOString().slice(0, 10), targetYear: new Date().getFullYear() + 5 }}>
          <Form.Item name="indicator" label={L("indicator")}>
            <IndicatorSelect indicators={indicators.data?.items ?? []} value={form.getFieldValue("indicator") as string | undefined} onChange={onIndicator} allowClear width={260} testId="kpi-indicator" />
          </Form.Item>
          <Form.Item name="nameEn" label={L("nameEn")} rules={[{ required: true }]}><Input maxLength={300} data-testid="kpi-name-en" /></Form.Item>
          <Form.Item name="nameZh" label={L("nameZh")}><Input maxLength={300} data-testid="kpi-name-zh" /></Form.Item>
          <Form.Item name="city" label={L("city")}>
            <Select allowClear style={{ width: 160 }} options={cooperation.members.map((m) => ({ value: m.slug, label: cityName(m.names, lang) }))} />
          </Form.Item>
          <Form.Item name="unit" label={L("unit")} rules={[{ required: true }]}><Input maxLength={30} style={{ width: 110 }} data-testid="kpi-unit" /></Form.Item>
          <Form.Item name="baselineValue" label={L("baseline")} rules={[{ required: true }]}><InputNumber data-testid="kpi-baseline" /></Form.Item>
          <Form.Item name="baselineDate" label={L("baselineDate")} rules={[{ required: true }]}><Input type="date" data-testid="kpi-baseline-date" /></Form.Item>
          <Form.Item name="targetValue" label={L("target")} rules={[{ required: true }]}><InputNumber data-testid="kpi-target" /></Form.Item>
          <Form.Item name="targetYear" label={L("targetYear")} rules={[{ required: true }]}><InputNumber min={1990} max={2100} data-testid="kpi-target-year" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="kpi-save">{t("cooperations.actions.save")}</Button>
          <Button onClick={() => setAdding(false)}>{t("cooperations.actions.cancel")}</Button>
          {err && <Alert type="error" showIcon title={err.message} data-testid="kpi-error" />}
        </Form>
      )}
    </div>
  );
}
