/** ECharts options of the impact evaluation: actual vs synthetic, and the gap against the placebos' gaps. */
import type { EChartsOption } from "../echarts";
import type { Lang } from "../api";
import { formatNumber } from "../lang";
import type { CityImpact } from "./impact-api";

type T = (key: string, opts?: Record<string, unknown>) => string;

const startLine = (r: CityImpact, t: T) => ({
  symbol: "none",
  silent: true,
  label: { formatter: t("impact.startMark", { year: r.start }) },
  lineStyle: { color: "#595959", type: "dashed" as const },
  data: [{ xAxis: String(r.start) }],
});

/** The treated city's series and its synthetic control, the start year marked. */
export function levelsOption(r: CityImpact, lang: Lang, t: T): EChartsOption {
  const name = r.city.names[lang];
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${formatNumber(Number(v), lang)} ${r.indicator.unit}` },
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 36, bottom: 32 },
    xAxis: { type: "category", data: r.years.map(String) },
    yAxis: { type: "value", name: r.indicator.unit, scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      { name: t("impact.actual", { city: name }), type: "line", symbolSize: 6, lineStyle: { width: 2.5, color: "#0b5394" }, itemStyle: { color: "#0b5394" }, data: r.series.map((s) => s.actual), markLine: startLine(r, t) },
      { name: t("impact.synthetic"), type: "line", symbol: "none", lineStyle: { width: 2, type: "dashed", color: "#d46b08" }, itemStyle: { color: "#d46b08" }, data: r.series.map((s) => s.synthetic) },
    ],
  };
}

/** The gap (actual − synthetic) of the city in bold, each placebo's gap faintly behind it. */
export function gapsOption(r: CityImpact, lang: Lang, t: T): EChartsOption {
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${formatNumber(Number(v), lang)} ${r.indicator.unit}` },
    legend: { top: 0, data: [t("impact.gap", { city: r.city.names[lang] }), t("impact.placeboGaps")] },
    grid: { left: 72, right: 24, top: 36, bottom: 32 },
    xAxis: { type: "category", data: r.years.map(String) },
    yAxis: { type: "value", name: r.indicator.unit, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: [
      ...r.placebo.runs.map((p) => ({
        name: t("impact.placeboGaps"),
        id: `placebo-${p.unit}`,
        type: "line" as const,
        symbol: "none",
        silent: true,
        z: 1,
        tooltip: { show: false },
        lineStyle: { width: 1, color: "#bfbfbf", opacity: 0.6 },
        itemStyle: { color: "#bfbfbf" },
        data: p.gaps,
      })),
      {
        name: t("impact.gap", { city: r.city.names[lang] }),
        type: "line",
        z: 3,
        symbolSize: 6,
        lineStyle: { width: 3, color: "#cf1322" },
        itemStyle: { color: "#cf1322" },
        data: r.series.map((s) => s.gap),
        markLine: { ...startLine(r, t), data: [{ xAxis: String(r.start) }, { yAxis: 0, label: { show: false }, lineStyle: { type: "solid" as const, color: "#8c8c8c" } }] },
      },
    ],
  };
}
