import { Card, Col, Empty, Row, Segmented, Select, Space, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { cityName, type City } from "../../api";
import { airApi, INDEX_FAMILIES, type AirOverview, type IndexFamily } from "../../air/api";
import { SourceList } from "../../components/SourceList";
import { ErrorState, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { useSources } from "../../queries";
import { AirUpload } from "./AirUpload";
import { AnnualMeans } from "./AnnualMeans";
import { AqiCalendar } from "./AqiCalendar";
import { formatDay } from "./airFormat";
import { DrivingPollutants } from "./DrivingPollutants";
import { DailyData } from "./DailyData";
import { StandardsComparison } from "./StandardsComparison";
import { StationsTable } from "./StationsTable";

const RULES = ["daily", "eightHour", "annual", "gaps", "standards"] as const;

/** The years with data, and the one to show first: the latest with most of its days, else the latest. */
function years(overview: AirOverview): { all: number[]; initial: number | undefined } {
  const all = overview.annual.map((a) => a.year);
  const full = overview.annual.filter((a) => a.aqiDays >= 300).map((a) => a.year);
  return { all, initial: full.at(-1) ?? all.at(-1) };
}

function Rules() {
  const { t } = useTranslation();
  return (
    <Card title={t("air.rules")} size="small" data-testid="air-rules">
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {RULES.map((r) => <li key={r}><Typography.Text type="secondary">{t(`air.rule.${r}`)}</Typography.Text></li>)}
      </ul>
    </Card>
  );
}

/** The city page's Air tab: daily indices under China's, the US and the European index, annual means against references, stations, upload. Deep-linked by ?aqi=&year=. */
export default function AirTab({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const sources = useSources();
  const overview = useQuery({ queryKey: ["air", city.slug], queryFn: ({ signal }) => airApi.overview(city.slug, signal) });
  const family: IndexFamily = INDEX_FAMILIES.find((f) => f === params.get("aqi")) ?? "cn";
  const ys = overview.data ? years(overview.data) : { all: [], initial: undefined };
  const asked = Number(params.get("year"));
  const year = ys.all.includes(asked) ? asked : ys.initial;
  const daily = useQuery({
    queryKey: ["air-daily", city.slug, year],
    queryFn: ({ signal }) => airApi.daily(city.slug, { from: `${year}-01-01`, to: `${year}-12-31` }, signal),
    enabled: year !== undefined,
  });
  const set = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    }, { replace: true });

  if (overview.error) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <Loading rows={8} />;
  const o = overview.data;
  const name = cityName(city.names, lang);

  if (o.stations.length === 0 || year === undefined) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="air-tab">
        <Empty description={<><Typography.Text strong>{t("common.notYetReported")}</Typography.Text><br />{t("air.none")}<br />{t("air.noneHelp")}</>} data-testid="air-empty" />
        <AirUpload slug={city.slug} />
        <Rules />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="air-tab">
      <Card size="small">
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} data-testid="air-title">{t("air.title")}</Typography.Title>
        <Typography.Paragraph>{t("air.intro", { city: name })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="air-covered">
          {t("air.covered", { count: o.stations.length, from: formatDay(o.firstDate!, lang), to: formatDay(o.lastDate!, lang) })}
        </Typography.Paragraph>
        <Space wrap size="middle">
          <Segmented<IndexFamily>
            aria-label={t("air.standardLabel")}
            data-testid="air-standard"
            value={family}
            onChange={(v) => set("aqi", v)}
            options={INDEX_FAMILIES.map((f) => ({ value: f, label: <span data-testid={`air-standard-${f}`}>{t(`air.families.${f}`)}</span> }))}
          />
          <Select<number>
            aria-label={t("air.yearLabel")}
            data-testid="air-year"
            value={year}
            onChange={(y) => set("year", String(y))}
            style={{ width: 110 }}
            options={ys.all.map((y) => ({ value: y, label: lang === "zh" ? `${y}年` : String(y) }))}
          />
        </Space>
      </Card>
      {daily.error ? (
        <ErrorState error={daily.error} onRetry={() => void daily.refetch()} />
      ) : !daily.data ? (
        <Loading rows={6} />
      ) : (
        <>
          <AqiCalendar days={daily.data.items} year={year} family={family} standards={o.standards} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}><StandardsComparison days={daily.data.items} year={year} standards={o.standards} /></Col>
            <Col xs={24} xl={10}><DrivingPollutants days={daily.data.items} year={year} family={family} /></Col>
          </Row>
          <DailyData key={year} slug={city.slug} year={year} family={family} standards={o.standards} days={daily.data.items} sources={sources.data?.items} />
        </>
      )}
      <AnnualMeans city={city} annual={o.annual} limitSets={o.limitSets} />
      <StationsTable stations={o.stations} sources={sources.data?.items} />
      <AirUpload slug={city.slug} />
      <Rules />
      <Card size="small"><SourceList testId="air-sources" title={t("air.sources")} ids={o.sources} sources={sources.data?.items} /></Card>
    </Space>
  );
}
