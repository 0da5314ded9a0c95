import { useEffect, useMemo, useState } from "react";
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Tabs, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { api, cityName, type City, type Indicator, type Observation } from "../api";
import { cityFacts, readableAdmin1 } from "../components/CityFacts";
import { EChart } from "../components/EChart";
import { IndicatorChart } from "../components/IndicatorChart";
import { ErrorState, isNotFound, Loading } from "../components/States";
import { lazyTab, preloadTabInAddress } from "../components/lazyTab";
import { switchTab } from "../components/tabParams";
import { countryName, countryNames } from "../countries";
import { loadWorldMap, type EChartsOption } from "../echarts";
import { useLang } from "../lang";
import { useIndicators, useSources } from "../queries";
// The other tabs load when opened (or, for the tab in the address, announced by src/api/spa-shell.ts):
// the overview's first paint does not wait for their ~40 chunks queued ahead of the world map.
const AirTab = lazyTab(() => import("./air/AirTab"));
const ClimateTab = lazyTab(() => import("./climate/ClimateTab"));
const CityPracticesTab = lazyTab<{ slug: string }>(() => import("./practices/CityPracticesTab").then((m) => ({ default: m.CityPracticesTab })));
const CounterpartsTab = lazyTab(() => import("./matching/CounterpartsTab"));
const CityCooperationsTab = lazyTab(() => import("./cooperations/CityCooperationsTab"));
const CityDistrictsTab = lazyTab(() => import("./vision/CityDistrictsTab"));
preloadTabInAddress({ air: AirTab, climate: ClimateTab, practices: CityPracticesTab, counterparts: CounterpartsTab, cooperations: CityCooperationsTab, districts: CityDistrictsTab });
import { ThemeOverview } from "./CityOverview";
import { CityName } from "../components/Orig";
import { unitName } from "../units";

const TABS = ["overview", "indicators", "air", "climate", "practices", "counterparts", "cooperations", "districts"] as const;
type Tab = (typeof TABS)[number];
/** The tabs' own page parameters, kept while another tab is open (the cooperations' page); the other tabs' views start afresh. */
const KEEP = ["cpage"] as const;

function LocationMap({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [ready, setReady] = useState(false);
  useEffect(() => { void loadWorldMap().then(() => setReady(true)); }, []);
  const option = useMemo<EChartsOption>(() => ({
    geo: {
      map: "world", nameProperty: "iso_a2", nameMap: countryNames(lang), roam: true, silent: true,
      center: [city.coordinates.lon, city.coordinates.lat], zoom: 6,
      itemStyle: { areaColor: "#e9eef3", borderColor: "#9fb0c1" },
    },
    series: [{
      type: "scatter", coordinateSystem: "geo", symbolSize: 14, itemStyle: { color: "#0b5394", borderColor: "#fff", borderWidth: 2 },
      label: { show: true, formatter: cityName(city.names, lang), position: "right", fontWeight: "bold" },
      data: [{ name: cityName(city.names, lang), value: [city.coordinates.lon, city.coordinates.lat] }],
    }],
  }), [city, lang]);
  if (!ready) return <Loading rows={5} />;
  return <EChart testId="city-location-map" option={option} height={300} ariaLabel={t("city.mapAria", { city: cityName(city.names, lang) })} />;
}

function Overview({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}><ThemeOverview city={city} /></Col>
      <Col xs={24} lg={14}>
        <Card title={t("city.keyFacts")}>
          <Descriptions
            column={1}
            size="small"
            bordered
            data-testid="city-facts"
            items={cityFacts(t, lang).map((f) => ({ key: f.key, label: f.label, children: f.value(city) }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t("city.location")} styles={{ body: { padding: 8 } }}><LocationMap city={city} /></Card>
      </Col>
    </Row>
  );
}

function Indicators({ city }: { city: City }) {
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

export default function CityPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "overview";
  const city = useQuery({ queryKey: ["city", slug], queryFn: ({ signal }) => api.city(slug, signal) });

  if (city.isLoading) return <Loading rows={8} />;
  if (isNotFound(city.error)) {
    return (
      <Result status="404" title={t("city.notFound")} subTitle={t("city.notFoundDetail", { slug })} data-testid="city-not-found"
        extra={<Button type="primary" onClick={() => navigate("/cities")}>{t("nav.cities")}</Button>} />
    );
  }
  if (city.error || !city.data) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  const c = city.data;
  const other = lang === "zh" ? c.names.en : c.names.zh;
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="city-page">
      <Space wrap align="baseline" style={{ justifyContent: "space-between", width: "100%" }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }} data-testid="city-title">
            <CityName names={c.names} />
            {other && other !== cityName(c.names, lang) && <Typography.Text type="secondary" style={{ fontSize: 18, fontWeight: 400 }}> <span lang={lang === "zh" ? "en" : "zh-CN"}>{other}</span></Typography.Text>}
          </Typography.Title>
          <Typography.Text type="secondary">{countryName(c.country, lang)}{readableAdmin1(c.admin1) ? <> · <span lang="en">{readableAdmin1(c.admin1)}</span></> : ""}</Typography.Text>
        </div>
        <Button onClick={() => navigate(`/compare?c=${c.slug}`)}>{t("city.compareWith")}</Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams((prev) => switchTab(prev, key, "overview", KEEP), { replace: true })}
        items={[
          { key: "overview", label: <span data-testid="tab-overview">{t("city.overview")}</span>, children: <Overview city={c} /> },
          { key: "indicators", label: <span data-testid="tab-indicators">{t("city.indicators")}</span>, children: <Indicators city={c} /> },
          { key: "air", label: <span data-testid="tab-air">{t("air.tab")}</span>, children: <AirTab city={c} /> },
          { key: "climate", label: <span data-testid="tab-climate">{t("climate.tab")}</span>, children: <ClimateTab city={c} /> },
          { key: "practices", label: <span data-testid="tab-practices">{t("practices.gaps.tab")}</span>, children: <CityPracticesTab slug={c.slug} /> },
          { key: "counterparts", label: <span data-testid="tab-counterparts">{t("matching.tab")}</span>, children: <CounterpartsTab slug={c.slug} /> },
          { key: "cooperations", label: <span data-testid="tab-cooperations">{t("cooperations.cityTab")}</span>, children: <CityCooperationsTab slug={c.slug} /> },
          { key: "districts", label: <span data-testid="tab-districts">{t("vision.cityTab")}</span>, children: <CityDistrictsTab slug={c.slug} /> },
        ]}
      />
    </Space>
  );
}
