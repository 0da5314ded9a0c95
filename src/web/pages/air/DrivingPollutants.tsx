import { useMemo } from "react";
import { Card, Empty, Typography } from "antd";
import { BarChart } from "echarts/charts";
import { useTranslation } from "react-i18next";
import type { AirDay, IndexFamily } from "../../air/api";
import { EChart } from "../../components/EChart";
import { echarts, type EChartsOption } from "../../echarts";
import { isBadDay } from "./airFormat";

echarts.use([BarChart]);

/** The pollutant that set the index on each day worse than moderate, counted over the year. */
export function DrivingPollutants({ days, year, family }: { days: AirDay[]; year: number; family: IndexFamily }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const d of days) {
      const i = d.indices[family];
      if (!isBadDay(family, i.value)) continue;
      for (const p of i.primary) m.set(p, (m.get(p) ?? 0) + 1);
    }
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [days, family]);
  const standard = t(`air.families.${family}`);
  const option = useMemo<EChartsOption>(() => ({
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", name: t("air.drivers.days"), minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: counts.map(([p]) => t(`air.pollutants.${p}`)) },
    series: [{ type: "bar", name: t("air.drivers.days"), data: counts.map(([, n]) => n), itemStyle: { color: "#8b3a3a" }, label: { show: true, position: "right" } }],
  }), [counts, t]);
  return (
    <Card title={t("air.drivers.title", { year })} data-testid="air-drivers">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t("air.drivers.help")}</Typography.Paragraph>
      {counts.length === 0 ? (
        <Empty description={t("air.drivers.none", { year, standard })} data-testid="air-drivers-none" />
      ) : (
        <EChart testId="air-drivers-chart" option={option} height={Math.max(140, 40 + counts.length * 34)} ariaLabel={t("air.drivers.aria", { year, standard })} />
      )}
    </Card>
  );
}
