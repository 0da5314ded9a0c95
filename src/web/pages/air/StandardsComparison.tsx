import { useMemo, useState } from "react";
import { Button, Card, Select, Space, Table, Typography } from "antd";
import { BarChart } from "echarts/charts";
import { useTranslation } from "react-i18next";
import { INDEX_FAMILIES, type AirDay, type AirStandard, type IndexFamily } from "../../air/api";
import { EChart } from "../../components/EChart";
import { echarts, type EChartsOption } from "../../echarts";
import { formatNumber, useLang } from "../../lang";
import { dayIndex, formatDay, standardOf } from "./airFormat";
import { CategoryTag } from "./CategoryTag";

echarts.use([BarChart]);

/** Days per category level under each index. */
function levelCounts(days: AirDay[], family: IndexFamily): number[] {
  const counts = Array<number>(6).fill(0);
  for (const d of days) {
    const level = d.indices[family].level;
    if (level !== null) counts[level - 1]!++;
  }
  return counts;
}

/** The same days under China's, the US and the European index: days per category, and a month day by day. */
export function StandardsComparison({ days, year, standards }: { days: AirDay[]; year: number; standards: AirStandard[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const months = useMemo(() => [...new Set(days.map((d) => d.date.slice(0, 7)))].sort(), [days]);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const shownMonth = month && months.includes(month) ? month : months[0];
  const [asTable, setAsTable] = useState(false);
  const option = useMemo<EChartsOption>(() => {
    const fams = [...INDEX_FAMILIES].reverse();
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", name: t("air.compare.days"), nameLocation: "end", nameGap: 4 },
      yAxis: { type: "category", data: fams.map((f) => t(`air.families.${f}`)) },
      series: [1, 2, 3, 4, 5, 6].map((level) => ({
        type: "bar",
        stack: "days",
        name: t("air.compare.level", { level }),
        label: { show: true, formatter: (p: { value: number }) => (p.value >= 12 ? String(p.value) : "") },
        data: fams.map((f) => {
          const c = standardOf(standards, f)!.categories.find((x) => x.level === level)!;
          return { value: levelCounts(days, f)[level - 1], itemStyle: { color: c.color, borderColor: "#fff", borderWidth: 1 }, name: `${t(`air.familiesShort.${f}`)}: ${c[lang]}` };
        }),
        tooltip: { formatter: (p: { data: { name: string; value: number } }) => `${p.data.name}: ${p.data.value}` },
      })),
    };
  }, [days, standards, lang, t]);
  const good = days.filter((d) => d.indices.cn.value !== null);
  const goodShare = good.length > 0 ? (100 * good.filter((d) => d.indices.cn.value! <= 100).length) / good.length : null;
  const rows = days.filter((d) => d.date.startsWith(shownMonth ?? "-"));
  return (
    <Card
      title={t("air.compare.title", { year })}
      data-testid="air-compare"
      extra={<Button size="small" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid="air-compare-toggle">{asTable ? t("air.compare.hideTable") : t("air.compare.showTable")}</Button>}
    >
      <EChart testId="air-compare-chart" option={option} height={190} ariaLabel={t("air.compare.aria", { year })} />
      {goodShare !== null && <Typography.Paragraph type="secondary" data-testid="air-good-share">{t("air.compare.goodOrModerate", { value: formatNumber(goodShare, lang) })}</Typography.Paragraph>}
      {asTable && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Select
            aria-label={t("air.monthLabel")}
            data-testid="air-month"
            value={shownMonth}
            onChange={setMonth}
            style={{ minWidth: 180 }}
            options={months.map((m) => ({ value: m, label: new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`)) }))}
          />
          <Table<AirDay>
            size="small"
            rowKey="date"
            data-testid="air-compare-table"
            caption={t("air.compare.table", { month: shownMonth ?? "" })}
            pagination={false}
            scroll={{ x: true }}
            dataSource={rows}
            columns={[
              { title: t("air.compare.date"), dataIndex: "date", render: (d: string) => formatDay(d, lang) },
              ...INDEX_FAMILIES.map((f) => ({
                title: t(`air.families.${f}`),
                key: f,
                render: (_: unknown, d: AirDay) => {
                  const i = dayIndex(d, f, standards);
                  return (
                    <Space orientation="vertical" size={0}>
                      <CategoryTag value={i.value} category={i.category} testId={`air-cell-${f}-${d.date}`} />
                      {i.primary.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.primary.map((p) => t(`air.pollutants.${p}`)).join(", ")}</Typography.Text>}
                    </Space>
                  );
                },
              })),
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
