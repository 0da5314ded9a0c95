import { useMemo } from "react";
import { Card, Col, Collapse, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { BarChart } from "echarts/charts";
import { useTranslation } from "react-i18next";
import { climateApi, type CompletenessRow, type CrfRow, type InventoryView } from "../../climate/api";
import { EChart } from "../../components/EChart";
import { SourceList } from "../../components/SourceList";
import { echarts, type EChartsOption } from "../../echarts";
import { formatAxis, formatNumber, useLang } from "../../lang";
import { useSources } from "../../queries";
import { useGpc } from "./InventoryPanel";

echarts.use([BarChart]);

const SCOPE_COLOURS = ["#0b5394", "#e6a117", "#6aa84f"];
const STATUS_COLOUR = { data: "green", "notation-key": "blue", missing: "red" } as const;

/** Totals, the sector × scope chart, the gas breakdown, completeness and the CRF table of one inventory. */
export function InventorySummary({ view }: { view: InventoryView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const gpc = useGpc();
  const sources = useSources();
  const r = view.result;
  const sectors = gpc.data?.reference.sectors ?? [];
  const gwpSet = gpc.data?.gwp.find((g) => g.id === r.gwp);
  const crf = useQuery({ queryKey: ["crf", view.inventory.id, view.inventory.version], queryFn: ({ signal }) => climateApi.crf(view.inventory.id, signal) });

  const sectorScope = useMemo<EChartsOption>(() => ({
    color: SCOPE_COLOURS,
    grid: { left: 16, right: 24, top: 40, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: unknown) => `${formatNumber(v as number, lang)} tCO2e` },
    xAxis: { type: "category", data: sectors.map((s) => s.id), axisLabel: { interval: 0 } },
    yAxis: { type: "value", name: "tCO2e", axisLabel: { formatter: (v: number) => formatAxis(v, lang) } },
    series: (["1", "2", "3"] as const).map((scope, i) => ({
      name: t("climate.summary.scope", { scope }), type: "bar", stack: "scope", itemStyle: { color: SCOPE_COLOURS[i] },
      // Patterns as well as colours, so scopes differ without colour vision.
      ...(i > 0 ? { itemStyle: { color: SCOPE_COLOURS[i], decal: { symbol: i === 1 ? "rect" : "circle", dashArrayX: 4, dashArrayY: 4 } } } : {}),
      data: sectors.map((s) => r.bySectorScope[s.id]?.[scope] ?? 0),
    })),
  }), [sectors, r, lang, t]);

  const gases = useMemo<EChartsOption>(() => ({
    grid: { left: 16, right: 48, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: unknown) => `${formatNumber(v as number, lang)} tCO2e` },
    xAxis: { type: "value", name: "tCO2e", axisLabel: { formatter: (v: number) => formatAxis(v, lang) } },
    yAxis: { type: "category", data: ["N2O", "CH4", "CO2"] },
    series: [{
      type: "bar", itemStyle: { color: "#0b5394" },
      label: { show: true, position: "right", formatter: (p: { name: string }) => t("climate.summary.gasTonnes", { gas: p.name, value: formatNumber(r.byGas[p.name as "CO2"], lang) }) },
      data: [r.byGasCO2e.N2O, r.byGasCO2e.CH4, r.byGasCO2e.CO2],
    }],
  }), [r, lang, t]);

  const perCapita = (v: number | null) => (v === null ? t("climate.summary.noPopulation") : t("climate.summary.perCapita", { value: formatNumber(v, lang) }));
  const refName = (ref: string) => sectors.flatMap((s) => s.subsectors).find((sub) => ref.startsWith(`${sub.id}.`))?.names[lang] ?? "";
  const basicRows = view.completeness.rows.filter((row) => row.basicPlus);
  const empty = r.total.all === 0;
  return (
    <Card title={t("climate.summary.title")} data-testid="inventory-summary">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}><Statistic title={t("climate.summary.basic")} value={formatNumber(r.total.basic, lang)} suffix="tCO2e" data-testid="total-basic" /><Typography.Text type="secondary">{perCapita(r.perCapita.basic)}</Typography.Text></Col>
        <Col xs={24} md={8}><Statistic title={t("climate.summary.basicPlus")} value={formatNumber(r.total.basicPlus, lang)} suffix="tCO2e" data-testid="total-basic-plus" /><Typography.Text type="secondary">{perCapita(r.perCapita.basicPlus)}</Typography.Text></Col>
        <Col xs={24} md={8}>
          <Typography.Paragraph type="secondary" data-testid="gwp-note">
            {t("climate.summary.gwpNote", { gwp: gwpSet?.names[lang] ?? r.gwp.toUpperCase(), ch4: r.gwpValues.CH4.fossil === r.gwpValues.CH4["non-fossil"] ? String(r.gwpValues.CH4.fossil) : `${r.gwpValues.CH4.fossil}/${r.gwpValues.CH4["non-fossil"]}`, n2o: r.gwpValues.N2O })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t("climate.summary.unitNote")}</Typography.Paragraph>
        </Col>
      </Row>
      {empty ? <Typography.Paragraph data-testid="summary-empty">{t("climate.summary.empty")}</Typography.Paragraph> : (
        <div className="cb-chart-grid" style={{ marginTop: 16 }}>
          <div><Typography.Title level={5}>{t("climate.summary.sectorScope")} (tCO2e)</Typography.Title>
            <EChart testId="sector-scope-chart" option={sectorScope} height={280} ariaLabel={t("climate.summary.sectorScopeAria")} /></div>
          <div><Typography.Title level={5}>{t("climate.summary.gases")} (tCO2e)</Typography.Title>
            <EChart testId="gas-chart" option={gases} height={200} ariaLabel={t("climate.summary.gasesAria")} /></div>
        </div>
      )}
      <SourceList ids={[gpc.data?.reference.source ?? "gpc-2014", gwpSet?.source ?? ""].filter(Boolean)} sources={sources.data?.items} testId="summary-sources" />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("climate.summary.completeness")}</Typography.Title>
      <Typography.Paragraph data-testid="completeness">
        {view.completeness.basicComplete ? t("climate.summary.basicComplete") : <>{t("climate.summary.basicMissing", { count: view.completeness.missingBasic.length })} {view.completeness.missingBasic.join(", ")}</>}
      </Typography.Paragraph>
      <Collapse size="small" items={[
        {
          key: "rows", label: `${t("climate.summary.completeness")}: BASIC / BASIC+`,
          children: (
            <Table<CompletenessRow> size="small" rowKey="ref" pagination={false} dataSource={basicRows} data-testid="completeness-table" columns={[
              { title: "GPC", dataIndex: "ref", key: "ref" },
              { title: t("climate.editor.description"), key: "name", render: (_: unknown, row) => refName(row.ref) },
              { title: t("climate.summary.scopeHeader"), dataIndex: "scope", key: "scope" },
              { title: "BASIC", dataIndex: "basic", key: "basic", render: (b: boolean) => (b ? "BASIC" : "BASIC+") },
              { title: t("climate.summary.completeness"), key: "status", render: (_: unknown, row) => (
                <Tag color={STATUS_COLOUR[row.status]}>{t(`climate.summary.status.${row.status}`)}{row.notationKeys.length ? ` ${row.notationKeys.join("/")}` : ""}</Tag>
              ) },
            ]} />
          ),
        },
        {
          key: "crf", label: t("climate.summary.crf"),
          children: (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Table<CrfRow> size="small" rowKey="row" pagination={false} loading={crf.isLoading} dataSource={crf.data?.rows} data-testid="crf-table" columns={[
                { title: "", key: "sector", render: (_: unknown, row) => row.sectorNames[lang] },
                { title: "", key: "row", render: (_: unknown, row) => row.names[lang] },
                ...(["scope1", "scope2", "scope3"] as const).map((k, i) => ({
                  title: `${t("climate.summary.scope", { scope: i + 1 })} (tCO2e)`, key: k, align: "right" as const,
                  render: (_: unknown, row: CrfRow) => (row[k] === null ? (row.notationKeys.join(" ") || "—") : formatNumber(row[k], lang)),
                })),
                { title: "tCO2e", key: "total", align: "right" as const, render: (_: unknown, row) => formatNumber(row.total, lang) },
              ]} />
              <SourceList ids={["gcom-crf"]} sources={sources.data?.items} />
            </Space>
          ),
        },
      ]} />
    </Card>
  );
}
