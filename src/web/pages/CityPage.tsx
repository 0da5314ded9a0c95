import { Button, Card, Col, Descriptions, Result, Row, Space, Tabs, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { api, cityName, type City } from "../api";
import { cityFacts, readableAdmin1 } from "../components/CityFacts";
import { ErrorState, isNotFound, Loading } from "../components/States";
import { lazyTab, preloadTabInAddress } from "../components/lazyTab";
import { switchTab } from "../components/tabParams";
import { WorldLocator } from "../components/WorldLocator";
import { countryName } from "../countries";
import { loadWorldOutline } from "../geo/WorldOutline";
import { useLang } from "../lang";
// The overview's locator draws the world's outline (its own small chunk, also announced by spa-shell): start it now, not after the city's data.
if (typeof window !== "undefined" && (new URLSearchParams(window.location.search).get("tab") ?? "overview") === "overview") void loadWorldOutline();
// The other tabs load when opened (or, for the tab in the address, announced by src/api/spa-shell.ts):
// the overview's first paint does not wait for their chunks, nor for ECharts (the indicators' charts).
const IndicatorsTab = lazyTab(() => import("./CityIndicatorsTab"));
const AirTab = lazyTab(() => import("./air/AirTab"));
const ClimateTab = lazyTab(() => import("./climate/ClimateTab"));
const CityPracticesTab = lazyTab<{ slug: string }>(() => import("./practices/CityPracticesTab").then((m) => ({ default: m.CityPracticesTab })));
const CounterpartsTab = lazyTab(() => import("./matching/CounterpartsTab"));
const CityCooperationsTab = lazyTab(() => import("./cooperations/CityCooperationsTab"));
const CityDistrictsTab = lazyTab(() => import("./vision/CityDistrictsTab"));
preloadTabInAddress({ indicators: IndicatorsTab, air: AirTab, climate: ClimateTab, practices: CityPracticesTab, counterparts: CounterpartsTab, cooperations: CityCooperationsTab, districts: CityDistrictsTab });
import { ThemeOverview } from "./CityOverview";
import { CityName, nameIn } from "../components/Orig";

const TABS = ["overview", "indicators", "air", "climate", "practices", "counterparts", "cooperations", "districts"] as const;
type Tab = (typeof TABS)[number];
/** The tabs' own page parameters, kept while another tab is open (the cooperations' page); the other tabs' views start afresh. */
const KEEP = ["cpage"] as const;

/** Where the city is: the world's outline around it, a dot and its name (SVG; the page loads no ECharts nor world GeoJSON). */
function LocationMap({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A city without a Chinese name is shown with its English (GeoNames) name, marked as such in 中文.
  const { text: name, english } = nameIn(city.names, lang);
  return (
    <WorldLocator
      testId="city-location-map"
      nameLang={english ? "en" : undefined}
      lon={city.coordinates.lon}
      lat={city.coordinates.lat}
      name={name}
      height={300}
      ariaLabel={t("city.mapAria", { city: name })}
    />
  );
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
          { key: "indicators", label: <span data-testid="tab-indicators">{t("city.indicators")}</span>, children: <IndicatorsTab city={c} /> },
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
