import { Card, Descriptions, Progress, Result, Space, Table, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import { monitoringApi, type KpiMonitoring } from "../../monitoring/api";
import { ActivityList, MonitoringSummary, Sources } from "../../monitoring/ShowcaseParts";
import { KpiLight, Txt } from "../../monitoring/ui";
import { unitName } from "../../units";
import { CityName, FreeText } from "../../components/Orig";

/** /showcase/cooperations/:id — the public, read-only page of one cooperation. */
export default function ShowcaseCooperationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["showcase", "cooperation", id], queryFn: ({ signal }) => monitoringApi.showcaseCooperation(id, signal) });
  if (q.isLoading) return <Loading rows={10} />;
  if (isNotFound(q.error)) return <Result status="404" title={t("monitoring.showcase.notFound")} subTitle={id} data-testid="showcase-not-found" />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const c = s.cooperation;
  const plan = s.actionPlan;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="showcase-cooperation">
      <div>
        <Tag color="blue">{t("monitoring.showcase.title")}</Tag>
        {c.programmeId && <Link to={`/showcase/programmes/${encodeURIComponent(c.programmeId)}`} data-testid="showcase-programme-link"><Txt names={c.programmeNames} lang={lang} /></Link>}
        <Typography.Title level={1} style={{ margin: "4px 0", fontSize: 28 }} data-testid="showcase-title"><Txt names={c.names} lang={lang} /></Typography.Title>
        <Typography.Text type="secondary">{t("monitoring.showcase.publicNote")}</Typography.Text>
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: "members", label: t("monitoring.members"), children: c.members.map((m) => <Tag key={m.slug}><CityName names={m.names} /> · {t(`monitoring.roles.${m.role}`, { defaultValue: m.role })}</Tag>) },
        { key: "status", label: t("monitoring.status"), children: t(`monitoring.coopStatus.${c.status}`, { defaultValue: c.status }) },
        { key: "period", label: t("monitoring.showcase.period"), children: c.startDate ? `${formatPeriod(c.startDate, lang)} – ${c.endDate ? formatPeriod(c.endDate, lang) : t("monitoring.showcase.ongoing")}` : t("common.notYetReported") },
        { key: "summary", label: t("monitoring.showcase.summary"), children: <MonitoringSummary kpiCounts={s.kpiCounts} actionsByStatus={s.actionsByStatus} testId="showcase-summary" /> },
      ]} />
      <Card title={t("monitoring.showcase.plan")}>
        {plan ? (
          <Descriptions size="small" column={1} items={[
            { key: "focus", label: t("monitoring.showcase.keyFocus"), children: <Txt names={plan.keyFocus} lang={lang} /> },
            { key: "obj", label: t("monitoring.showcase.objectives"), children: <Txt names={plan.objectives} lang={lang} /> },
            { key: "res", label: t("monitoring.showcase.expectedResults"), children: <Txt names={plan.expectedResults} lang={lang} /> },
          ]} />
        ) : <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text>}
        <ItemList size="small" dataSource={s.actions} locale={{ emptyText: t("common.notYetReported") }} renderItem={(a) => (
          <ItemList.Item key={a.id} data-testid={`showcase-action-${a.id}`}>
            <Space wrap>
              <Txt names={a.titles} lang={lang} />
              <Tag>{t(`monitoring.actionStatus.${a.status}`, { defaultValue: a.status })}</Tag>
              <Progress percent={a.completionPct} size="small" style={{ width: 120 }} aria-label={`${a.completionPct} %`} />
            </Space>
          </ItemList.Item>
        )} />
      </Card>
      <Card title={t("monitoring.kpis")}>
        <Table<KpiMonitoring> size="small" rowKey="id" pagination={false} dataSource={s.kpis} locale={{ emptyText: t("monitoring.noKpis") }} columns={[
          { title: t("monitoring.kpi"), key: "n", render: (_, k) => <><Txt names={k.names} lang={lang} /> ({unitName(k.unit, lang)})</> },
          { title: t("monitoring.status"), key: "s", render: (_, k) => <KpiLight status={k.status} testId={`showcase-kpi-${k.id}`} /> },
          { title: t("monitoring.baseline"), key: "b", render: (_, k) => `${formatNumber(k.baseline.value, lang)} (${formatPeriod(k.baseline.date, lang)})` },
          { title: t("monitoring.target"), key: "t", render: (_, k) => `${formatNumber(k.target.value, lang)} (${k.target.year})` },
          { title: t("monitoring.latest"), key: "l", render: (_, k) => (k.latest ? `${formatNumber(k.latest.value, lang)} (${formatPeriod(k.latest.date, lang)})` : t("common.notYetReported")) },
        ]} />
      </Card>
      <Card title={t("monitoring.showcase.activities")}><ActivityList activities={s.activities} lang={lang} testId="showcase-activities" /></Card>
      {s.pilots.length > 0 && (
        <Card title={t("monitoring.showcase.pilots")}>
          <ItemList size="small" dataSource={s.pilots} renderItem={(p) => <ItemList.Item key={p.id}><Txt names={p.titles} lang={lang} /> · {t(`monitoring.actionStatus.${p.status}`, { defaultValue: p.status })}</ItemList.Item>} />
        </Card>
      )}
      {s.partners.length > 0 && (
        <Card title={t("monitoring.showcase.partners")}>
          <Space wrap>{s.partners.map((p, i) => <Tag key={i}><Txt names={p.names} lang={lang} /> · <FreeText text={p.role} /></Tag>)}</Space>
        </Card>
      )}
      <Sources sources={s.sources} />
    </Space>
  );
}
