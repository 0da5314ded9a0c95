import { useMemo, useState } from "react";
import { Button, Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Indicator, Lang, Observation, Source } from "../api";
import type { EChartsOption } from "../echarts";
import { formatAxis, formatNumber, formatPeriod, useLang } from "../lang";
import { EChart } from "./EChart";
import { SourceList } from "./SourceList";
import { Orig } from "./Orig";
import { unitName } from "../units";

export interface Series {
  key: string; name: string; observations: Observation[];
  /** Fixed colour and marker slot, so a city looks the same in every chart of a comparison. */
  slot?: number;
}

const PALETTE = ["#0b5394", "#e6550d", "#31a354", "#756bb1"];
const SYMBOLS = ["circle", "rect", "triangle", "diamond"];

/** The smallest 1-2-5 × 10^k step value at or above x (keeps axis ends readable: 40 rather than 38.5). */
function niceCeil(x: number): number {
  if (x <= 0) return x;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= x) ?? 10) * p;
}

function chartOption(indicator: Indicator, series: Series[], lang: Lang, legend: boolean): EChartsOption {
  const periods = [...new Set(series.flatMap((s) => s.observations.map((o) => o.period)))].sort();
  const refs = indicator.references ?? [];
  const refMax = refs.length ? Math.max(...refs.map((r) => r.value)) : -Infinity;
  return {
    color: PALETTE,
    grid: { left: 16, right: 24, top: legend ? 48 : 36, bottom: 24, containLabel: true },
    legend: legend ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => typeof v === "number" ? `${formatNumber(v, lang)} ${unitName(indicator.unit, lang)}` : "—" },
    xAxis: { type: "category", data: periods, boundaryGap: false, axisLabel: { formatter: (p: string) => formatPeriod(p, lang) } },
    yAxis: {
      type: "value",
      name: unitName(indicator.unit, lang),
      nameTextStyle: { align: "left" },
      // Reference lines must stay in view even when every value is far below them.
      max: (extent: { max: number }) => (refMax >= extent.max ? niceCeil(refMax * 1.05) : null) as number,
      axisLabel: { formatter: (v: number) => formatAxis(v, lang) },
    },
    series: series.map((s, i) => {
      const slot = s.slot ?? i;
      const byPeriod = new Map(s.observations.map((o) => [o.period, o.value]));
      return {
        name: s.name,
        type: "line",
        connectNulls: true,
        symbol: SYMBOLS[slot % SYMBOLS.length],
        itemStyle: { color: PALETTE[slot % PALETTE.length] },
        lineStyle: { color: PALETTE[slot % PALETTE.length] },
        symbolSize: 6,
        data: periods.map((p) => byPeriod.get(p) ?? null),
        markLine: i === 0 && refs.length ? {
          symbol: "none",
          lineStyle: { type: "dashed", color: "#b22222" },
          // Alternate label ends so close reference values (e.g. 5 and 10 µg/m³) stay readable.
          data: refs.map((r, k) => ({
            yAxis: r.value, name: r.label[lang],
            label: { formatter: `${r.label[lang]}: ${formatNumber(r.value, lang)} ${unitName(indicator.unit, lang)}`, position: k % 2 ? "insideStartTop" : "insideEndTop" },
          })),
        } : undefined,
      };
    }),
  };
}

/** One indicator over time for one or more cities, with its unit, references, sources and a table alternative. */
export function IndicatorChart({ indicator, series, sources, ariaLabel, compare = false }: {
  indicator: Indicator; series: Series[]; sources: Source[] | undefined; ariaLabel: string;
  /** On the compare page every chart names its cities, even when only one of them has data. */
  compare?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [asTable, setAsTable] = useState(false);
  const multi = compare || series.length > 1;
  const option = useMemo(() => chartOption(indicator, series, lang, multi), [indicator, series, lang, multi]);
  const rows = series.flatMap((s) => s.observations.map((o) => ({ ...o, seriesName: s.name, key: `${s.key}|${o.period}` })));
  const sourceIds = [...new Set(rows.map((r) => r.source))];
  const byId = new Map((sources ?? []).map((s) => [s.id, s]));
  return (
    <Card
      data-testid={`indicator-chart-${indicator.code}`}
      title={<span>{indicator.names[lang]} <Typography.Text type="secondary">({unitName(indicator.unit, lang)})</Typography.Text></span>}
      extra={
        <Button size="small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid={`table-toggle-${indicator.code}`}>
          {asTable ? t("common.showChart") : t("common.showTable")}
        </Button>
      }
    >
      {indicator.description && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{indicator.description[lang]}</Typography.Paragraph>}
      {asTable ? (
        <Table
          size="small"
          rowKey="key"
          data-testid={`indicator-table-${indicator.code}`}
          dataSource={rows}
          pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          columns={[
            ...(multi ? [{ title: t("common.city"), dataIndex: "seriesName", key: "city" }] : []),
            { title: t("common.period"), dataIndex: "period", key: "period", render: (p: string) => formatPeriod(p, lang) },
            { title: `${t("common.value")} (${unitName(indicator.unit, lang)})`, dataIndex: "value", key: "value", align: "right" as const, render: (v: number) => formatNumber(v, lang) },
            { title: t("common.source"), dataIndex: "source", key: "source", render: (s: string) => <Orig>{sources?.find((x) => x.id === s)?.citation ?? s}</Orig> },
            { title: t("common.note"), dataIndex: "note", key: "note", render: (n: string | null) => (n ? <Orig>{n}</Orig> : "") },
          ]}
        />
      ) : (
        <EChart option={option} ariaLabel={ariaLabel} height={280} />
      )}
      {indicator.references.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0" }} data-testid={`indicator-references-${indicator.code}`}>
          {t("city.reference")}:{" "}
          {indicator.references.map((r, k) => {
            const src = r.source ? byId.get(r.source) : undefined;
            const text = `${r.label[lang]} ${formatNumber(r.value, lang)} ${unitName(indicator.unit, lang)}`;
            return (
              <span key={k}>
                {k > 0 && "; "}
                {/* The citation (the title) is in its original language; the reference text in the UI's. */}
                {src?.url
                  ? <a href={src.url} target="_blank" rel="noreferrer" title={src.citation} lang="en"><span lang={lang === "zh" ? "zh-CN" : "en"}>{text}</span></a>
                  : <span title={src?.citation} lang="en"><span lang={lang === "zh" ? "zh-CN" : "en"}>{text}</span></span>}
              </span>
            );
          })}
        </Typography.Paragraph>
      )}
      <SourceList testId={`indicator-sources-${indicator.code}`} ids={sourceIds} sources={sources} />
    </Card>
  );
}
