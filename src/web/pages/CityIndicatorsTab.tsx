import { useMemo } from "react";
import { Card, Empty, Space, Tag } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, cityName, type City, type Indicator, type Observation } from "../api";
import { IndicatorChart } from "../components/IndicatorChart";
import { ErrorState, Loading } from "../components/States";
import { useLang } from "../lang";
import { useIndicators, useSources } from "../queries";
import { unitName } from "../units";

/** The city tab "Indicators": a chart per indicator with data (ECharts, in this chunk only), the others listed as not reported. */
export default function CityIndicatorsTab({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const indicators = useIndicators();
  const sources = useSources();
  const observations = useQuery({ queryKey: ["observations", city.slug], queryFn: ({ signal }) => api.observations(city.slug, undefined, signal) });
  const grouped = useMemo(() => {
    const m = new Map<string, Observation[]>();
    for (const o of observations.data?.items ?? []) m.set(o.indicator, [...(m.get(o.indicator) ?? []), o]);
    return m;
  }, [observations.data]);
  const error = indicators.error ?? observations.error;
  if (error) return <ErrorState error={error} onRetry={() => { void indicators.refetch(); void observations.refetch(); }} />;
  if (!indicators.data || !observations.data) return <Loading rows={8} />;
  const list = indicators.data.items;
  const withData = list.filter((i) => grouped.has(i.code));
  const without = list.filter((i) => !grouped.has(i.code));
  const name = cityName(city.names, lang);
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {withData.length === 0 ? <Empty description={t("city.noIndicators")} data-testid="no-indicators" /> : (
        <div className="cb-chart-grid">
          {withData.map((i: Indicator) => (
            <IndicatorChart
              key={i.code}
              indicator={i}
              sources={sources.data?.items}
              series={[{ key: city.slug, name, observations: grouped.get(i.code) ?? [] }]}
              ariaLabel={t("city.chartAria", { indicator: i.names[lang], city: name, unit: unitName(i.unit, lang) })}
            />
          ))}
        </div>
      )}
      {without.length > 0 && (
        <Card size="small" title={t("city.notReportedList")} data-testid="not-reported">
          <Space wrap>
            {without.map((i) => (
              <Tag key={i.code} data-testid={`not-reported-${i.code}`}>{i.names[lang]}: {t("common.notYetReported")}</Tag>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
