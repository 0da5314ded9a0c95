import { useMemo } from "react";
import { Card, Typography } from "antd";
import { HeatmapChart } from "echarts/charts";
import { CalendarComponent, VisualMapPiecewiseComponent } from "echarts/components";
import { useTranslation } from "react-i18next";
import type { AirDay, AirStandard, IndexFamily } from "../../air/api";
import { EChart } from "../../components/EChart";
import { useScreen } from "../../components/useScreen";
import { echarts, type EChartsOption } from "../../echarts";
import { useLang } from "../../lang";
import { dayIndex, formatDay, standardOf } from "./airFormat";

echarts.use([HeatmapChart, CalendarComponent, VisualMapPiecewiseComponent]);

/** A year of days as a calendar, each day coloured by its category under the chosen index. */
export function AqiCalendar({ days, year, family, standards }: { days: AirDay[]; year: number; family: IndexFamily; standards: AirStandard[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const standard = standardOf(standards, family)!;
  const pollutant = (k: string) => t(`air.pollutants.${k}`);
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const valued = days.filter((d) => d.indices[family].value !== null);
  // On a phone the categories do not fit on one line above the calendar: they are listed one a line above it.
  const { phone } = useScreen();
  const legendHeight = phone ? standard.categories.length * 20 + 8 : 0;
  const option = useMemo<EChartsOption>(() => ({
    tooltip: {
      formatter: (p: unknown) => {
        const [date] = (p as { data: [string, number] }).data;
        const day = byDate.get(date);
        if (!day) return formatDay(date, lang);
        const i = dayIndex(day, family, standards);
        const lines = [
          t("air.calendar.tooltip", { date: formatDay(date, lang), scale: t(`air.scale.${standard.scale}`), value: i.value, category: i.category?.[lang] ?? "—" }),
          i.primary.length > 0 ? t("air.calendar.primary", { list: i.primary.map(pollutant).join(", ") }) : null,
          t("air.calendar.standardUsed", { name: i.standardInfo?.name ?? i.standard }),
        ];
        return lines.filter(Boolean).join("<br/>");
      },
    },
    visualMap: {
      type: "piecewise",
      orient: phone ? "vertical" : "horizontal",
      left: phone ? 0 : "center",
      top: 0,
      ...(phone ? { itemGap: 6 } : {}),
      itemWidth: 14,
      textStyle: { fontSize: 11 },
      pieces: standard.categories.map((c) => ({
        min: c.min,
        ...(c.max === null ? {} : { max: c.max }),
        color: c.color,
        label: standard.scale === "band" ? `${c.level} ${c[lang]}` : `${c.min}${c.max === null ? "+" : `–${c.max}`} ${c[lang]}`,
      })),
    },
    calendar: {
      range: String(year),
      top: 64 + legendHeight,
      left: 36,
      right: 8,
      cellSize: ["auto", 15],
      yearLabel: { show: false },
      dayLabel: { firstDay: 1, nameMap: lang === "zh" ? "ZH" : "EN", fontSize: 10 },
      monthLabel: { nameMap: lang === "zh" ? "ZH" : "EN" },
      itemStyle: { borderColor: "#fff", borderWidth: 1, color: "#eef1f4" },
      splitLine: { lineStyle: { color: "#9aa5b1" } },
    },
    series: [{ type: "heatmap", coordinateSystem: "calendar", data: valued.map((d) => [d.date, d.indices[family].value]) }],
  }), [valued, year, family, standard, standards, lang, t, byDate, phone, legendHeight]);
  return (
    <Card title={t("air.calendar.title", { year })} data-testid="air-calendar-card">
      <EChart
        testId="air-calendar"
        option={option}
        height={210 + legendHeight}
        ariaLabel={t("air.calendar.aria", { year, standard: t(`air.families.${family}`), days: valued.length })}
      />
      {family !== "us" && (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} data-testid="air-calendar-note">
          {t(family === "cn" ? "air.calendar.switchNote" : "air.calendar.euNote")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
