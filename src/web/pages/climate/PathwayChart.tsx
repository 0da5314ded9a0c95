import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PathwayView, YearValue } from "../../climate/api";
import { MarkPointComponent } from "echarts/components";
import { EChart } from "../../components/EChart";
import { echarts, type EChartsOption } from "../../echarts";
import { formatAxis, formatNumber, useLang } from "../../lang";

echarts.use([MarkPointComponent]);

const REF_STYLE: Record<string, { color: string; type: "dashed" | "dotted" }> = {
  "ipcc-ar6-1.5c": { color: "#b22222", type: "dashed" },
  "net-zero-2050": { color: "#7b3294", type: "dotted" },
};
const WEDGE_COLOURS = ["#9ecae1", "#a1d99b", "#fdd0a2", "#dadaeb", "#fcbba1", "#c7e9c0"];

/**
 * The pathway chart, tCO2e per year: observed history (one line per source), the target's
 * trajectory with its target point, business as usual, the planned pathway with each action as a
 * wedge stacked up to BAU, and the Paris-aligned reference lines.
 */
export function PathwayChart({ view, cityName, sourceName }: { view: PathwayView; cityName: string; sourceName: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const option = useMemo<EChartsOption>(() => {
    const all: YearValue[][] = [view.trajectory, view.bau, ...view.history.map((h) => h.points), ...view.referenceLines.map((l) => l.series)];
    const years: number[] = [];
    const lo = Math.min(...all.flatMap((s) => s.map((p) => p.year)));
    const hi = Math.max(...all.flatMap((s) => s.map((p) => p.year)));
    for (let y = lo; y <= hi; y++) years.push(y);
    const align = (s: YearValue[]) => {
      const m = new Map(s.map((p) => [p.year, p.tCO2e]));
      return years.map((y) => m.get(y) ?? null);
    };
    const line = (name: string, s: YearValue[], style: Record<string, unknown> = {}) => ({ name, type: "line", data: align(s), connectNulls: false, showSymbol: false, ...style });
    const history = view.history.map((h) => line(
      t(h.indicator === "ghg.co2_total" ? "climate.pathway.historyCo2" : "climate.pathway.history", { source: sourceName(h.source) }),
      h.points,
      { showSymbol: true, symbol: h.indicator === "ghg.co2_total" ? "triangle" : "circle", symbolSize: 6, lineStyle: { width: 1.5 } },
    ));
    // Wedges: an invisible base at the planned pathway, each action's reduction stacked on it up to BAU.
    const wedgeBase = { ...line("__planned_base", view.planned, { stack: "wedges", lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } }) };
    const wedges = view.wedges.map((w, i) => line(lang === "zh" ? w.action.names.zh ?? w.action.names.en : w.action.names.en, w.series.filter((p) => p.year >= view.target.baseYear), {
      stack: "wedges", lineStyle: { width: 0 }, areaStyle: { color: WEDGE_COLOURS[i % WEDGE_COLOURS.length], opacity: 0.8 }, itemStyle: { color: WEDGE_COLOURS[i % WEDGE_COLOURS.length] },
    }));
    const refs = view.referenceLines.filter((l) => l.available).map((l) =>
      l.series.length === 1
        ? { name: l.names[lang], type: "scatter", symbol: "diamond", symbolSize: 14, itemStyle: { color: "#d95f02" }, data: align(l.series) }
        : line(l.names[lang], l.series, { lineStyle: { width: 2, ...(REF_STYLE[l.id] ?? { color: "#555", type: "dashed" }) }, itemStyle: { color: (REF_STYLE[l.id] ?? { color: "#555" }).color } }),
    );
    const target = view.targetEmissions;
    const trajectory = line(t("climate.pathway.trajectory"), view.trajectory, {
      lineStyle: { width: 3, color: "#0b5394" }, itemStyle: { color: "#0b5394" },
      markPoint: { symbol: "pin", symbolSize: 44, itemStyle: { color: "#0b5394" }, label: { formatter: formatAxis(target, lang), fontSize: 10 },
        data: [{ name: t("climate.pathway.targetPoint", { year: view.target.targetYear, value: formatNumber(target, lang) }), coord: [String(view.target.targetYear), target] }] },
    });
    const series = [
      ...history,
      wedgeBase,
      ...wedges,
      line(t("climate.pathway.bauLine"), view.bau, { lineStyle: { type: "dashed", color: "#777", width: 2 }, itemStyle: { color: "#777" } }),
      line(t("climate.pathway.planned"), view.planned, { lineStyle: { width: 2.5, color: "#2ca02c" }, itemStyle: { color: "#2ca02c" } }),
      trajectory,
      ...refs,
    ];
    return {
      grid: { left: 16, right: 24, top: 80, bottom: 24, containLabel: true },
      legend: { top: 0, type: "scroll", data: series.map((s) => s.name).filter((n) => n !== "__planned_base") },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? `${formatNumber(v, lang)} tCO2e` : "—"),
      },
      xAxis: { type: "category", data: years.map(String), boundaryGap: false, axisLabel: { formatter: (y: string) => (lang === "zh" ? `${y}年` : y) } },
      yAxis: { type: "value", name: "tCO2e", min: 0, axisLabel: { formatter: (v: number) => formatAxis(v, lang) } },
      series,
    };
  }, [view, lang, t, sourceName]);
  return <EChart testId="pathway-chart" option={option} height={440} ariaLabel={t("climate.pathway.chartAria", { city: cityName })} />;
}
