import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { request } from "../../api";
import { Can, write } from "../../account/permissions";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, useLang } from "../../lang";
import { useSources } from "../../queries";
import type { EmissionFactor } from "../../climate/api";
import { ProblemList } from "./ProblemList";

const GASES = ["CO2", "CH4", "N2O"] as const;
const KINDS = ["fuel", "grid", "other"] as const;
const FILTERS = ["q", "kind", "gas", "unit", "year", "region", "source", "builtin"] as const;
const PAGE = 50;

type Factor = EmissionFactor & { note: string | null; builtin: boolean; ncvTjPerGg: number | null };
interface NewFactor { id: string; en: string; zh?: string; kind: (typeof KINDS)[number]; gases: { gas: string; value: number; unit: string }[]; year?: number; region?: string; source: string; note?: string }

const list = (q: URLSearchParams, signal?: AbortSignal) => request<{ items: Factor[]; next: string | null }>("GET", `/api/v1/emission-factors?${q}`, undefined, signal);
const add = (f: NewFactor) => request<Factor>("POST", "/api/v1/emission-factors", {
  id: f.id.trim(), names: { en: f.en, zh: f.zh || null }, kind: f.kind, gases: f.gases,
  year: f.year ?? null, region: f.region || null, source: f.source, note: f.note || null,
});

/** Add your own factor, with a source (an existing source id or a citation); the server checks the units and the id. */
function AddFactor({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`dataPages.factors.${k}`);
  const [form] = Form.useForm<NewFactor>();
  const save = useMutation({ mutationFn: add, onSuccess: (f) => { form.resetFields(); onAdded(f.id); } });
  return (
    <Card size="small" title={L("addTitle")} data-testid="factor-add">
      <Typography.Paragraph type="secondary">{L("addHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: "other", gases: [{ gas: "CO2", unit: "kg/kWh" }] }}>
        <Space wrap align="start">
          <Form.Item name="id" label={L("id")} extra={L("idHelp")} rules={[{ required: true, message: L("required") }]}><Input style={{ width: 280 }} data-testid="factor-id" /></Form.Item>
          <Form.Item name="en" label={L("nameEn")} rules={[{ required: true, message: L("required") }]}><Input style={{ width: 260 }} data-testid="factor-name-en" /></Form.Item>
          <Form.Item name="zh" label={L("nameZh")}><Input lang="zh-CN" style={{ width: 200 }} /></Form.Item>
          <Form.Item name="kind" label={L("kind")}><Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: L(`kinds.${k}`) }))} /></Form.Item>
        </Space>
        <Form.List name="gases">
          {(fields, { add: addGas, remove }) => (
            <Space orientation="vertical" size={0}>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, "gas"]} label={i === 0 ? L("gas") : undefined} rules={[{ required: true, message: L("required") }]}><Select style={{ width: 100 }} options={GASES.map((g) => ({ value: g, label: g }))} aria-label={L("gas")} /></Form.Item>
                  <Form.Item name={[f.name, "value"]} label={i === 0 ? L("value") : undefined} rules={[{ required: true, message: L("required") }]}><InputNumber style={{ width: 140 }} aria-label={L("value")} data-testid={`factor-value-${i}`} /></Form.Item>
                  <Form.Item name={[f.name, "unit"]} label={i === 0 ? L("unit") : undefined} rules={[{ required: true, message: L("required") }]}><Input style={{ width: 120 }} aria-label={L("unit")} data-testid={`factor-unit-${i}`} /></Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>{L("removeGas")}</Button>}
                </Space>
              ))}
              {fields.length < 3 && <Button size="small" onClick={() => addGas({ gas: GASES[fields.length], unit: form.getFieldValue(["gases", 0, "unit"]) })} style={{ marginBottom: 12 }}>{L("addGas")}</Button>}
            </Space>
          )}
        </Form.List>
        <Space wrap align="start">
          <Form.Item name="source" label={L("source")} extra={L("sourceHelp")} rules={[{ required: true, message: L("required") }]}><Input style={{ width: 420, maxWidth: "100%" }} data-testid="factor-source" /></Form.Item>
          <Form.Item name="year" label={L("year")}><InputNumber style={{ width: 100 }} /></Form.Item>
          <Form.Item name="region" label={L("region")}><Input style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item name="note" label={L("note")}><Input.TextArea rows={2} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="factor-save">{L("save")}</Button>
      </Form>
      <div style={{ marginTop: 8 }}><ProblemList error={save.error} testId="factor-problems" /></div>
    </Card>
  );
}

/** /emission-factors — the library: shipped factors (IPCC 2006, China MEE, Ember) and users' own, searchable, with each one's source. */
export default function FactorLibraryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const L = (k: string, o?: Record<string, unknown>) => t(`dataPages.factors.${k}`, o);
  const qc = useQueryClient();
  const sources = useSources();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const k of FILTERS) { const v = params.get(k); if (v) query.set(k, v); }
  const after = cursors.at(-1);
  if (after) query.set("after", after);
  const page = useQuery({ queryKey: ["factor-library", query.toString()], queryFn: ({ signal }) => list(query, signal) });
  const set = (k: (typeof FILTERS)[number], v: string | number | null | undefined) => {
    setCursors([undefined]);
    setParams((p) => { const n = new URLSearchParams(p); if (v === null || v === undefined || v === "") n.delete(k); else n.set(k, String(v)); return n; }, { replace: true });
  };
  const sourceOf = (id: string) => sources.data?.items.find((s) => s.id === id);
  const items = page.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="factor-library">
      <Typography.Title level={2}>{L("title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{L("intro")}</Typography.Paragraph>
      <Card size="small">
        <Space wrap>
          <Input.Search key={params.get("q") ?? ""} enterButton={<Button icon={<SearchOutlined />} aria-label={t("a11y.search")} title={t("a11y.search")} />} allowClear defaultValue={params.get("q") ?? ""} placeholder={L("search")} aria-label={L("search")} onSearch={(v) => set("q", v.trim())} style={{ width: 280 }} data-testid="factor-search" />
          <Select allowClear placeholder={L("kind")} aria-label={L("kind")} value={params.get("kind") ?? undefined} onChange={(v) => set("kind", v)} style={{ width: 190 }} options={KINDS.map((k) => ({ value: k, label: L(`kinds.${k}`) }))} data-testid="factor-filter-kind" />
          <Select allowClear placeholder={L("gas")} aria-label={L("gas")} value={params.get("gas") ?? undefined} onChange={(v) => set("gas", v)} style={{ width: 110 }} options={GASES.map((g) => ({ value: g, label: g }))} data-testid="factor-filter-gas" />
          <Input allowClear placeholder={L("unit")} aria-label={L("unit")} defaultValue={params.get("unit") ?? ""} onPressEnter={(e) => set("unit", e.currentTarget.value.trim())} onBlur={(e) => set("unit", e.currentTarget.value.trim())} style={{ width: 110 }} data-testid="factor-filter-unit" />
          <InputNumber placeholder={L("year")} aria-label={L("year")} value={params.get("year") ? Number(params.get("year")) : null} onChange={(v) => set("year", v)} min={1800} max={2200} style={{ width: 100 }} data-testid="factor-filter-year" />
          <Input allowClear placeholder={L("region")} aria-label={L("region")} defaultValue={params.get("region") ?? ""} onPressEnter={(e) => set("region", e.currentTarget.value.trim())} onBlur={(e) => set("region", e.currentTarget.value.trim())} style={{ width: 140 }} data-testid="factor-filter-region" />
          <Select allowClear showSearch={{ optionFilterProp: "label" }} placeholder={L("source")} aria-label={L("source")} value={params.get("source") ?? undefined} onChange={(v) => set("source", v)} style={{ width: 260 }}
            options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.citation }))} data-testid="factor-filter-source" />
          <Select allowClear placeholder={L("origin")} aria-label={L("origin")} value={params.get("builtin") ?? undefined} onChange={(v) => set("builtin", v)} style={{ width: 150 }} options={[{ value: "true", label: L("shipped") }, { value: "false", label: L("own") }]} data-testid="factor-filter-origin" />
        </Space>
      </Card>
      {page.error ? <ErrorState error={page.error} onRetry={() => void page.refetch()} /> : !page.data ? <Loading rows={6} /> : (
        <Card size="small">
          <Table<Factor> size="small" rowKey="id" pagination={false} dataSource={items} scroll={{ x: true }} data-testid="factor-table" locale={{ emptyText: L("none") }} columns={[
            { title: L("factor"), key: "name", render: (_, f) => <Space orientation="vertical" size={0}><span data-testid="factor-name">{lang === "zh" ? f.names.zh ?? f.names.en : f.names.en}</span><Typography.Text type="secondary" code>{f.id}</Typography.Text></Space> },
            { title: L("kind"), key: "kind", render: (_, f) => L(`kinds.${f.kind}`) },
            { title: L("values"), key: "gases", render: (_, f) => f.gases.map((g) => <div key={g.gas}>{g.gas}: {formatNumber(g.value, lang)} {g.unit}</div>) },
            { title: L("year"), key: "year", render: (_, f) => f.year ?? <Typography.Text type="secondary">—</Typography.Text> },
            { title: L("region"), key: "region", render: (_, f) => f.region ?? <Typography.Text type="secondary">—</Typography.Text> },
            { title: L("source"), key: "source", render: (_, f) => { const s = sourceOf(f.source); return s?.url ? <a href={s.url} target="_blank" rel="noreferrer" title={f.source}>{s.citation}</a> : <span title={f.source}>{s?.citation ?? f.source}</span>; } },
            { title: L("origin"), key: "origin", render: (_, f) => <Tag color={f.builtin ? "default" : "blue"}>{f.builtin ? L("shipped") : L("own")}</Tag> },
          ]} />
          <Space style={{ marginTop: 8 }}>
            <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))} data-testid="factor-prev">{L("prev")}</Button>
            <Typography.Text type="secondary" data-testid="factor-page">{L("page", { n: cursors.length, count: items.length })}</Typography.Text>
            <Button size="small" disabled={!page.data.next} onClick={() => setCursors([...cursors, page.data!.next!])} data-testid="factor-next">{L("next")}</Button>
          </Space>
        </Card>
      )}
      <Can check={write("POST", "/emission-factors")} signInHint>
        <AddFactor onAdded={(id) => { void qc.invalidateQueries({ queryKey: ["factor-library"] }); void qc.invalidateQueries({ queryKey: ["sources"] }); setCursors([undefined]); setParams({ q: id }, { replace: true }); }} />
      </Can>
    </Space>
  );
}
