import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Source } from "../../api";
import { EChart } from "../../components/EChart";
import { SourceList } from "../../components/SourceList";
import type { EChartsOption } from "../../echarts";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import type { ComparedIndicator } from "../../matching/api";
import "./charts";
import { unitName } from "../../units";

/**
 * Two cities on the indicators that drove a match, as grouped bars of their standing (the share of
 * all cities each does better than, so that indicators of different units share one axis); the
 * values, units and periods are on the labels and tooltips, the sources under the chart.
 */
export function CompareChart({ items, cityName, counterpartName, sources, testId }: {
  items: ComparedIndicator[]; cityName: string; counterpartName: string; sources: Source[] | undefined; testId?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = items.map((i) => `${i.names[lang]} (${unitName(i.unit, lang)})`);
  const option = useMemo<EChartsOption>(() => {
    const label = (i: ComparedIndicator, side: "city" | "counterpart") => {
      const v = i[side];
      return v ? t("matching.compare.value", { value: formatNumber(v.value, lang), unit: unitName(i.unit, lang), period: formatPeriod(v.period, lang) }) : t("common.notYetReported");
    };
    const series = (side: "city" | "counterpart", name: string, color: string) => ({
      type: "bar", name, itemStyle: { color },
      data: items.map((i) => ({ value: i.standing[side] === null ? null : Math.round(i.standing[side]! * 100), label: label(i, side) })),
      label: { show: true, position: "right", formatter: (p: { data: { label: string } }) => p.data.label, fontSize: 11 },
    });
    return {
      grid: { left: 8, right: 150, top: 30, bottom: 30, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: (ps: { seriesName: string; value: number | null; data: { label: string }; axisValue: string }[]) =>
          [ps[0]?.axisValue ?? "", ...ps.map((p) => `${p.seriesName}: ${p.data.label} — ${p.value === null ? t("common.notYetReported") : `${p.value} %`}`)].join("<br/>"),
      },
      xAxis: { type: "value", min: 0, max: 100, name: t("matching.compare.axis"), nameLocation: "middle", nameGap: 22 },
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: 180, overflow: "truncate" } },
      series: [series("city", cityName, "#9fb0c1"), series("counterpart", counterpartName, "#0b5394")],
    };
  }, [items, names.join("|"), cityName, counterpartName, lang, t]);
  if (items.length === 0) return <div data-testid={testId}>{t("matching.compare.none")}</div>;
  const ids = items.flatMap((i) => [i.city?.source, i.counterpart?.source].filter((s): s is string => !!s));
  return (
    <div data-testid={testId}>
      <EChart
        option={option}
        height={90 + items.length * 60}
        ariaLabel={t("matching.compare.aria", { city: cityName, counterpart: counterpartName, indicators: names.join(", ") })}
      />
      <SourceList ids={ids} sources={sources} />
    </div>
  );
}
