import { useMemo } from "react";
import { Card, Table, Tag, Typography } from "antd";
import { BarChart } from "echarts/charts";
import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart";
import { echarts, type EChartsOption } from "../../echarts";
import { formatNumber, useLang } from "../../lang";
import type { Outcome } from "../../practices-api";
import { unitName } from "../../units";

echarts.use([BarChart]);

const valueText = (o: Outcome, lang: "en" | "zh") => (o.valueMax === null ? formatNumber(o.value, lang) : `${formatNumber(o.value, lang)}–${formatNumber(o.valueMax, lang)}`);

function SourceLink({ o }: { o: Outcome }) {
  return o.source.url ? <a href={o.source.url} target="_blank" rel="noreferrer" lang="en">{o.source.citation}</a> : <span lang="en">{o.source.citation}</span>;
}

/** Before/after bars for one outcome that has a baseline, with its unit and source. */
function BeforeAfter({ o, index }: { o: Outcome; index: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo<EChartsOption>(() => ({
    grid: { left: 70, right: 16, top: 30, bottom: 30 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: [t("practices.before"), `${t("practices.after")}${o.year ? ` (${o.year})` : ""}`] },
    yAxis: { type: "value", name: unitName(o.unit, lang), axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [{ type: "bar", data: [{ value: o.baseline, itemStyle: { color: "#9fb0c1" } }, { value: o.value, itemStyle: { color: "#0b5394" } }], label: { show: true, position: "top", formatter: (p: { value: number }) => formatNumber(p.value, lang) } }],
  }), [o, lang, t]);
  return (
    <Card size="small" title={<span lang="en">{o.metric}</span>} data-testid={`outcome-chart-${index}`}>
      <EChart option={option} height={220} labelContent={o.metric} ariaLabel={t("practices.chartAria", { metric: o.metric, before: formatNumber(o.baseline, lang), after: valueText(o, lang), unit: unitName(o.unit, lang) })} />
      <Typography.Text type="secondary" lang="en">{o.note}</Typography.Text>
      <div><Typography.Text type="secondary">{t("practices.source")}: </Typography.Text><SourceLink o={o} /></div>
    </Card>
  );
}

/** Outcomes: a before/after chart for each figure with a baseline, and every figure in a table with unit, year, kind and source. */
export function OutcomeCharts({ outcomes }: { outcomes: Outcome[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (outcomes.length === 0) return <Typography.Text type="secondary">{t("practices.outcomesNone")}</Typography.Text>;
  const withBaseline = outcomes.map((o, i) => ({ o, i })).filter(({ o }) => o.baseline !== null && o.valueMax === null);
  return (
    <>
      {withBaseline.length > 0 && <div className="cb-chart-grid" style={{ marginBottom: 16 }}>{withBaseline.map(({ o, i }) => <BeforeAfter key={i} o={o} index={i} />)}</div>}
      <Table
        size="small"
        pagination={false}
        rowKey="row"
        data-testid="outcome-table"
        dataSource={outcomes.map((o, row) => ({ ...o, row }))}
        columns={[
          { title: t("practices.outcomes"), dataIndex: "metric", render: (_, o) => <span lang="en">{o.metric}{o.note && <div><Typography.Text type="secondary">{o.note}</Typography.Text></div>}</span> },
          { title: t("practices.before"), render: (_, o) => (o.baseline === null ? <Typography.Text type="secondary">{t("practices.noBaseline")}</Typography.Text> : `${formatNumber(o.baseline, lang)} ${unitName(o.unit, lang)}`) },
          { title: t("practices.value"), render: (_, o) => `${valueText(o, lang)} ${unitName(o.unit, lang)}` },
          { title: t("practices.year"), dataIndex: "year", render: (y: number | null) => y ?? "—" },
          { title: "", render: (_, o) => <Tag color={o.kind === "measured" ? "green" : "orange"}>{t(`practices.kind.${o.kind}`)}</Tag> },
          { title: t("practices.source"), render: (_, o) => <SourceLink o={o} /> },
        ]}
      />
    </>
  );
}
