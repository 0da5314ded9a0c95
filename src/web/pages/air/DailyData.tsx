import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import { LineChart } from "echarts/charts";
import { useTranslation } from "react-i18next";
import { airApi, type AirDay, type AirStandard, type IndexFamily } from "../../air/api";
import { EChart } from "../../components/EChart";
import { SourceList } from "../../components/SourceList";
import { ErrorState, Loading } from "../../components/States";
import { echarts, type EChartsOption } from "../../echarts";
import { formatNumber, useLang } from "../../lang";
import type { Source } from "../../api";
import { dayIndex, formatDay, standardOf, textOn } from "./airFormat";

echarts.use([LineChart]);

const PAGE = 31;
const CONCENTRATIONS = [["pm25", "mean", "ug"], ["pm10", "mean", "ug"], ["so2", "mean", "ug"], ["no2", "mean", "ug"], ["co", "mean", "mg"], ["o3", "max8h", "ug"]] as const;

/**
 * The stored daily values of a city for a year: the index under the chosen standard as a line,
 * the days in a table paged by the API (`limit`/`after`), and the CSV download of the year or of every day.
 */
export function DailyData({ slug, year, family, standards, days, sources }: { slug: string; year: number; family: IndexFamily; standards: AirStandard[]; days: AirDay[]; sources: Source[] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const L = (k: string, o?: Record<string, unknown>) => t(`dataPages.airDaily.${k}`, o);
  // The `after` of each page shown so far: [undefined] is the first page.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors.at(-1);
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  const page = useQuery({
    queryKey: ["air-daily-page", slug, year, after],
    queryFn: ({ signal }) => airApi.dailyPage(slug, { ...range, limit: PAGE, after }, signal),
  });
  const standard = standardOf(standards, family)!;
  const scale = t(`air.scale.${standard.scale}`);
  const option = useMemo<EChartsOption>(() => ({
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: scale, min: 0 },
    dataZoom: [{ type: "inside" }],
    series: [{ type: "line", name: scale, showSymbol: false, connectNulls: false, lineStyle: { width: 1.5 }, data: days.map((d) => [d.date, d.indices[family].value ?? (standard.scale === "band" ? d.indices[family].level : null)]) }],
  }), [days, family, scale, standard.scale]);
  const csv = (q: Record<string, string>) => `/api/v1/cities/${encodeURIComponent(slug)}/air/daily.csv${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ""}`;
  const ug = (v: number | null) => (v === null ? "—" : formatNumber(Math.round(v * 10) / 10, lang));
  const shown = page.data?.items ?? [];
  const standardsUsed = [...new Set(days.map((d) => d.indices[family].standard))].map((id) => standardOf(standards, family, id)?.name ?? id);

  return (
    <Card size="small" title={L("title")} data-testid="air-daily">
      <Typography.Paragraph type="secondary" data-testid="air-daily-about">
        {L("about", { standard: standardsUsed.join(", "), scale })}
      </Typography.Paragraph>
      <EChart option={option} height={220} testId="air-daily-chart" ariaLabel={L("chartAria", { scale, year, standard: standardsUsed.join(", ") })} />
      <Space wrap style={{ margin: "8px 0" }}>
        <Button href={csv(range)} download data-testid="air-daily-csv-year">{L("csvYear", { year })}</Button>
        <Button href={csv({})} download data-testid="air-daily-csv-all">{L("csvAll")}</Button>
      </Space>
      {page.error ? <ErrorState error={page.error} onRetry={() => void page.refetch()} /> : !page.data ? <Loading rows={4} /> : (
        <>
          <Table<AirDay> size="small" rowKey="date" pagination={false} dataSource={shown} scroll={{ x: true }} data-testid="air-daily-table" columns={[
            { title: L("date"), key: "date", render: (_, d) => formatDay(d.date, lang) },
            {
              title: `${scale} (${t(`air.familiesShort.${family}`)})`, key: "index", render: (_, d) => {
                const i = dayIndex(d, family, standards);
                const shownValue = i.value ?? i.level;
                if (shownValue === null) return <Typography.Text type="secondary">—</Typography.Text>;
                return <Space size={4}><span>{shownValue}</span>{i.category && <Tag color={i.category.color} style={{ color: textOn(i.category.color) }}>{i.category[lang]}</Tag>}</Space>;
              },
            },
            { title: L("primary"), key: "primary", render: (_, d) => d.indices[family].primary.map((p) => t(`air.pollutants.${p}`)).join(", ") || "—" },
            { title: L("standard"), key: "standard", render: (_, d) => standardOf(standards, family, d.indices[family].standard)?.name ?? d.indices[family].standard },
            ...CONCENTRATIONS.map(([p, k, u]) => ({ title: `${t(`air.pollutants.${k === "max8h" ? "o3_8h" : p}`)} (${t(`air.units.${u}`)})`, key: p, align: "right" as const, render: (_: unknown, d: AirDay) => ug(d.pollutants[p]?.[k] ?? null) })),
            { title: L("stations"), dataIndex: "stations", key: "stations", align: "right" as const },
          ]} />
          <Space style={{ marginTop: 8 }}>
            <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))} data-testid="air-daily-prev">{L("prev")}</Button>
            <Typography.Text type="secondary" data-testid="air-daily-page">{L("page", { n: cursors.length, first: shown[0] ? formatDay(shown[0].date, lang) : "—", last: shown.at(-1) ? formatDay(shown.at(-1)!.date, lang) : "—" })}</Typography.Text>
            <Button size="small" disabled={!page.data.next} onClick={() => setCursors([...cursors, page.data!.next!])} data-testid="air-daily-next">{L("next")}</Button>
          </Space>
          <SourceList ids={shown.flatMap((d) => d.sources)} sources={sources} title={L("sources")} testId="air-daily-sources" />
        </>
      )}
    </Card>
  );
}
