/** ECharts options of the monitoring views. Registers the bar and lines charts on the shared ECharts core. */
import { BarChart, LinesChart } from "echarts/charts";
import { echarts, type EChartsOption } from "../echarts";
import { countryNames } from "../countries";
import { esc } from "../html";
import { formatNumber, formatPeriod } from "../lang";
import type { Lang } from "../api";
import type { KpiMonitoring, Line, MonMember } from "./api";
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

/** Expected vs achieved impact per unit: one group per unit. */
export function impactOption(totals: { unit: string; expected: number; achieved: number }[], lang: Lang, t: T): EChartsOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 72, right: 24, top: 36, bottom: 32 },
    xAxis: { type: "category", data: totals.map((x) => x.unit) },
    yAxis: { type: "value" },
    series: [
      { name: t("monitoring.expectedImpact"), type: "bar", data: totals.map((x) => x.expected), label: { show: true, position: "top", formatter: (p: { value: unknown }) => formatNumber(Number(p.value), lang) } },
      { name: t("monitoring.achievedImpact"), type: "bar", data: totals.map((x) => x.achieved), label: { show: true, position: "top", formatter: (p: { value: unknown }) => formatNumber(Number(p.value), lang) } },
    ],
  };
}

/** The world map with the cooperating cities and a line for each pair (ECharts geo + lines). */
export function linesMapOption(members: MonMember[], lines: Line[], coopNames: Map<string, string>, lang: Lang): EChartsOption {
  const bySlug = new Map(members.map((m) => [m.slug, m]));
  const cities = [...bySlug.values()];
  const lons = cities.map((c) => c.lon);
  const lats = cities.map((c) => c.lat);
  const pad = 12;
  const bounds: [[number, number], [number, number]] | undefined = cities.length
    ? [[Math.max(-180, Math.min(...lons) - pad), Math.min(85, Math.max(...lats) + pad)], [Math.min(190, Math.max(...lons) + pad), Math.max(-58, Math.min(...lats) - pad)]]
    : undefined;
  const name = (s: string) => (bySlug.get(s) ? pick(bySlug.get(s)!.names, lang).text : s);
  return {
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data?: { name?: string; coop?: string } }).data;
        return d ? `<b>${esc(d.name ?? "")}</b>${d.coop ? `<br/>${esc(d.coop)}` : ""}` : "";
      },
    },
    geo: {
      map: "world", roam: true, nameProperty: "iso_a2", nameMap: countryNames(lang), silent: true,
      boundingCoords: bounds ?? [[-170, 80], [190, -58]],
      itemStyle: { areaColor: "#e9eef3", borderColor: "#b9c5d1" },
    },
    series: [
      {
        type: "lines",
        coordinateSystem: "geo",
        polyline: false,
        lineStyle: { color: "#0b5394", width: 2, opacity: 0.7, curveness: 0.2 },
        data: lines.flatMap((l) => {
          const a = bySlug.get(l.from);
          const b = bySlug.get(l.to);
          return a && b ? [{ name: `${name(l.from)} — ${name(l.to)}`, coop: coopNames.get(l.cooperationId) ?? l.cooperationId, cooperationId: l.cooperationId, coords: [[a.lon, a.lat], [b.lon, b.lat]] }] : [];
        }),
      },
      {
        type: "scatter",
        coordinateSystem: "geo",
        symbolSize: 9,
        itemStyle: { color: "#d46b08", borderColor: "#333", borderWidth: 0.6 },
        label: { show: true, position: "right", formatter: "{b}", fontSize: 11 },
        data: cities.map((c) => ({ name: name(c.slug), value: [c.lon, c.lat], slug: c.slug })),
      },
    ],
  };
}

/** "2019" or a date, for display. */
export const period = (p: string, lang: Lang) => formatPeriod(p, lang);
