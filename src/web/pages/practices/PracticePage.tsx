import { Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { countryName } from "../../countries";
import { formatNumber, useLang } from "../../lang";
import { pick, practicesApi, type Practice } from "../../practices-api";
import { OutcomeCharts } from "./OutcomeCharts";
import { EditPracticeButton } from "./PracticeLibraryTools";
import { api } from "../../api";
import { CityName } from "../../components/Orig";

function Sources({ p }: { p: Practice }) {
  const { t } = useTranslation();
  return (
    <Card title={t("practices.sources")} size="small" data-testid="practice-sources">
      <ol className="cb-practice-sources">
        {p.sources.map((s) => (
          <li key={s.id}>
            {s.publisher && <Typography.Text strong lang="en">{s.publisher}</Typography.Text>} ({s.year ?? "n.d."}): {s.url ? <a href={s.url} target="_blank" rel="noreferrer" lang="en">{s.title}</a> : <span lang="en">{s.title}</span>}
          </li>
        ))}
      </ol>
      <Typography.Text type="secondary">{t("practices.translationNote")}</Typography.Text>
    </Card>
  );
}

function Assessment({ p }: { p: Practice }) {
  const { t } = useTranslation();
  const criteria = ["fit", "relevance", "evidence", "transferability"] as const;
  if (!p.assessment) return <Typography.Text type="secondary" data-testid="not-assessed">{t("practices.notAssessed")}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered items={criteria.map((c) => {
      const v = p.assessment?.[c];
      return { key: c, label: t(`practices.criteria.${c}`), children: v ? <><Tag>{t(`practices.ratings.${v.rating}`)}</Tag><span lang="en">{v.note}</span></> : t("common.notYetReported") };
    })} />
  );
}

/** One practice: summary, outcomes before/after with units and sources, measures, transferability, cost, assessment, sources. */
export default function PracticePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const practice = useQuery({ queryKey: ["practice", id], queryFn: ({ signal }) => practicesApi.get(id, signal) });
  const citySlug = practice.data?.citySlug ?? null;
  // The catalogue city, for its Chinese name.
  const city = useQuery({ queryKey: ["city", citySlug], queryFn: ({ signal }) => api.city(citySlug!, signal), enabled: citySlug !== null });
  if (practice.isLoading) return <Loading rows={10} />;
  if (isNotFound(practice.error)) {
    return <Result status="404" title={t("practices.notFound")} subTitle={t("practices.notFoundDetail", { id })} data-testid="practice-not-found"
      extra={<Button type="primary" onClick={() => navigate("/practices")}>{t("practices.back")}</Button>} />;
  }
  if (practice.error || !practice.data) return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  const p = practice.data;
  const title = pick(p.title, lang);
  const summary = pick(p.summary, lang);
  const other = p.title[lang === "en" ? "zh" : "en"];
  // Outcomes, measures, transferability and notes are written in English only: say so in 中文.
  const english = lang === "zh" ? <Typography.Text type="secondary" data-testid="english-only">{t("practices.otherLanguage")}</Typography.Text> : null;
  const period = p.startYear ? (p.endYear ? `${p.startYear}–${p.endYear}` : t("practices.since", { year: p.startYear })) : "—";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="practice-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Link to="/practices">← {t("practices.back")}</Link>
        <EditPracticeButton practice={p} />
      </Space>
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }} data-testid="practice-title">{title.text}</Typography.Title>
        {!title.fallback && other && <Typography.Text type="secondary" style={{ fontSize: 17 }} lang={lang === "zh" ? "en" : "zh-CN"}>{other}</Typography.Text>}
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">
            {p.citySlug ? <Link to={`/cities/${p.citySlug}`}>{city.data ? <CityName names={city.data.names} /> : <span lang="en">{p.city}</span>}</Link> : <span lang="en">{p.city}</span>} · {countryName(p.country, lang)} · {t("practices.period")}: {period}
          </Typography.Text>{" "}
          {p.themes.map((th) => <Tag key={th}>{t(`practices.themes.${th}`)}</Tag>)}
        </div>
      </div>
      <Card title={t("practices.summary")} size="small">
        <Typography.Paragraph style={{ margin: 0 }} data-testid="practice-summary">
          {summary.text} {summary.fallback && <Typography.Text type="secondary">{lang === "zh" ? t("practices.otherLanguage") : t("practices.otherLanguageZh")}</Typography.Text>}
        </Typography.Paragraph>
      </Card>
      <Card title={t("practices.outcomes")} extra={english} size="small" data-testid="practice-outcomes"><OutcomeCharts outcomes={p.outcomes} /></Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("practices.measures")} extra={english} size="small" data-testid="practice-measures">
            <ul style={{ margin: 0, paddingLeft: 20 }} lang="en">{p.measures.map((m, i) => <li key={i}>{m}</li>)}</ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("practices.transferability")} extra={p.transferability ? english : null} size="small" data-testid="practice-transferability">
            <Typography.Paragraph style={{ margin: 0 }}>{p.transferability ? <span lang="en">{p.transferability}</span> : t("practices.transferabilityNone")}</Typography.Paragraph>
          </Card>
        </Col>
        {p.cost && (
          <Col xs={24} lg={12}>
            <Card title={t("practices.cost")} size="small" data-testid="practice-cost">
              <Typography.Text strong>{formatNumber(p.cost.amount, lang)} {p.cost.currency}</Typography.Text> {p.cost.note && <span lang="en">{p.cost.note}</span>}
              <div><Typography.Text type="secondary">{t("practices.source")}: </Typography.Text>{p.cost.source.url ? <a href={p.cost.source.url} target="_blank" rel="noreferrer">{p.cost.source.citation}</a> : p.cost.source.citation}</div>
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t("practices.assessment")} size="small"><Assessment p={p} /></Card>
        </Col>
      </Row>
      <Sources p={p} />
    </Space>
  );
}
