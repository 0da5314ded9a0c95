/**
 * ECharts options of the monitoring views (a KPI against its trajectory). Registers the bar and lines
 * charts on the shared ECharts core (the home map's programme lines, src/web/monitoring/ProgrammeLines.tsx).
 * The programme's lines map and impact bars are SVG/CSS (CooperationLinesMap.tsx, ImpactBars.tsx).
 */
import { BarChart, LinesChart } from "echarts/charts";
import { echarts, type EChartsOption } from "../echarts";
import { formatNumber, formatPeriod } from "../lang";
import type { Lang } from "../api";
import type { KpiMonitoring } from "./api";
import { pick } from "./api";

echarts.use([BarChart, LinesChart]);

type T = (key: string, opts?: Record<string, unknown>) => string;

export const STATUS_COLOURS: Record<string, string> = { on_track: "#237804", at_risk: "#d48806", off_track: "#cf1322", no_data: "#8c8c8c" };

/** A KPI's recorded values against the straight line from the baseline to the target (dates on a time axis). */
export function kpiChartOption(k: KpiMonitoring, lang: Lang, t: T): EChartsOption {
  const name = pick(k.names, lang).text;
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${formatNumber(Number(v), lang)} ${k.unit}` },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: k.unit, scale: true },
    series: [
      {
        name: t("monitoring.trajectory"),
        type: "line",
        symbol: "none",
        lineStyle: { type: "dashed", color: "#595959" },
        data: [[k.baseline.date, k.baseline.value], [k.target.date, k.target.value]],
        markLine: { symbol: "none", label: { formatter: `${t("monitoring.target")} ${formatNumber(k.target.value, lang)} ${k.unit}` }, lineStyle: { color: "#1677ff" }, data: [{ yAxis: k.target.value }] },
      },
      {
        name: `${t("monitoring.recorded")} — ${name}`,
        type: "line",
        symbolSize: 8,
        itemStyle: { color: STATUS_COLOURS[k.status] },
        data: [[k.baseline.date, k.baseline.value], ...k.values.map((v) => [v.date, v.value])],
      },
    ],
  };
}

/** "2019" or a date, for display. */
export const period = (p: string, lang: Lang) => formatPeriod(p, lang);
