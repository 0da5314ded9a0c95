import { Card, Col, Result, Row, Space, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { formatPeriod, useLang } from "../../lang";
import { monitoringApi, pick } from "../../monitoring/api";
import { CooperationLinesMap } from "../../monitoring/CooperationLinesMap";
import { ActivityList, MonitoringSummary, Sources } from "../../monitoring/ShowcaseParts";
import { Txt } from "../../monitoring/ui";
import { CityName } from "../../components/Orig";

/** /showcase/programmes/:id — the public, read-only page of a programme's results. */
export default function ShowcaseProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["showcase", "programme", id], queryFn: ({ signal }) => monitoringApi.showcaseProgramme(id, signal) });
  if (q.isLoading) return <Loading rows={10} />;
  if (isNotFound(q.error)) return <Result status="404" title={t("monitoring.showcase.notFound")} subTitle={id} data-testid="showcase-not-found" />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const p = s.programme;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="showcase-programme">
      <div>
        <Tag color="blue">{t("monitoring.showcase.title")}</Tag>
        <Typography.Title level={1} style={{ margin: "4px 0", fontSize: 28 }} data-testid="showcase-title"><Txt names={p.names} lang={lang} /></Typography.Title>
        <Typography.Text type="secondary">{t("monitoring.showcase.programmeIntro")} {p.startDate ? `${t("monitoring.showcase.period")}: ${formatPeriod(p.startDate, lang)} – ${p.endDate ? formatPeriod(p.endDate, lang) : t("monitoring.showcase.ongoing")}` : ""}</Typography.Text>
        {(p.descriptions.en || p.descriptions.zh) && <Typography.Paragraph style={{ marginTop: 8 }}><Txt names={p.descriptions} lang={lang} /></Typography.Paragraph>}
      </div>
      <Card styles={{ body: { padding: 8 } }}>
        <CooperationLinesMap cooperations={s.cooperations} lines={s.lines} height={380} linkPrefix="/showcase/cooperations/" />
      </Card>
      <Row gutter={[16, 16]}>
        {s.cooperations.map((c) => (
          <Col xs={24} lg={12} key={c.id}>
            <Card
              data-testid={`showcase-coop-${c.id}`}
              title={<Link to={`/showcase/cooperations/${encodeURIComponent(c.id)}`} aria-label={t("monitoring.showcase.openCooperation", { name: pick(c.names, lang).text })}><Txt names={c.names} lang={lang} /></Link>}
              extra={t(`monitoring.coopStatus.${c.status}`, { defaultValue: c.status })}
            >
              <Space orientation="vertical" size="small" style={{ width: "100%" }}>
                <div>
                  <Typography.Text type="secondary">{t("monitoring.members")}: </Typography.Text>
                  {c.members.map((m) => <Tag key={m.slug}><CityName names={m.names} /> · {t(`monitoring.roles.${m.role}`, { defaultValue: m.role })}</Tag>)}
                </div>
                <MonitoringSummary kpiCounts={c.kpiCounts} actionsByStatus={c.actionsByStatus} testId={`showcase-summary-${c.id}`} />
                <Typography.Text strong>{t("monitoring.showcase.activities")}</Typography.Text>
                <ActivityList activities={c.activities} lang={lang} />
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {s.activities.length > 0 && (
        <Card title={t("monitoring.showcase.programmeActivities")}><ActivityList activities={s.activities} lang={lang} /></Card>
      )}
      <Sources sources={s.sources} />
    </Space>
  );
}
