import { Card, Space, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, cityName, type City } from "../../api";
import type { AirAnnual, AirLimitSet } from "../../air/api";
import { IndicatorChart } from "../../components/IndicatorChart";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, useLang } from "../../lang";
import { useIndicators, useSources } from "../../queries";
import { unitName } from "../../units";

const CODES = ["air.pm25_annual", "air.pm10_annual", "air.no2_annual", "air.good_days_share"];
const LIMIT_KEYS = ["pm25", "pm10", "no2", "so2", "co", "o3_8h"] as const;

/** Annual means as the city's indicator values (with WHO, EU and China reference lines), and the days above daily limits. */
export function AnnualMeans({ city, annual, limitSets }: { city: City; annual: AirAnnual[]; limitSets: AirLimitSet[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const indicators = useIndicators();
  const sources = useSources();
  const observations = useQuery({ queryKey: ["observations", city.slug], queryFn: ({ signal }) => api.observations(city.slug, undefined, signal) });
  if (indicators.error || observations.error) return <ErrorState error={indicators.error ?? observations.error} onRetry={() => { void indicators.refetch(); void observations.refetch(); }} />;
  if (!indicators.data || !observations.data) return <Loading rows={6} />;
  const name = cityName(city.names, lang);
  const incomplete = annual.filter((a) => !a.pollutants.pm25.complete).map((a) => a.year);
  const applies = limitSets.filter((l) => l.applies);
  const rows = annual.flatMap((a) => applies.map((l) => ({ key: `${a.year}-${l.id}`, year: a.year, set: l, days: a.exceedances[l.id] ?? {} })));
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="air-annual">
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{t("air.annual.title")}</Typography.Title>
      <Typography.Text type="secondary">{t("air.annual.help")}{incomplete.length > 0 ? ` ${t("air.annual.notComplete", { years: incomplete.join(", ") })}` : ""}</Typography.Text>
      <div className="cb-chart-grid">
        {CODES.map((code) => {
          const indicator = indicators.data.items.find((i) => i.code === code);
          if (!indicator) return null;
          const obs = observations.data.items.filter((o) => o.indicator === code);
          return (
            <IndicatorChart
              key={code}
              indicator={indicator}
              sources={sources.data?.items}
              series={[{ key: city.slug, name, observations: obs }]}
              ariaLabel={t("city.chartAria", { indicator: indicator.names[lang], city: name, unit: unitName(indicator.unit, lang) })}
            />
          );
        })}
      </div>
      <Card title={t("air.annual.exceedTitle")} size="small">
        <Table
          size="small"
          data-testid="air-exceedances"
          aria-label={t("air.annual.exceedAria")}
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: t("air.year"), dataIndex: "year" },
            { title: t("air.annual.limit"), key: "set", render: (_: unknown, r: (typeof rows)[number]) => r.set.label[lang] },
            ...LIMIT_KEYS.map((k) => ({
              title: t(`air.pollutants.${k}`),
              key: k,
              align: "right" as const,
              render: (_: unknown, r: (typeof rows)[number]) => {
                const limit = r.set.limits[k];
                if (limit === undefined) return "—";
                const unit = k === "co" ? t("air.units.mg") : t("air.units.ug");
                return <span title={t("air.annual.value", { value: formatNumber(limit, lang), unit })}>{r.days[k] ?? 0}</span>;
              },
            })),
          ]}
        />
      </Card>
    </Space>
  );
}
