import { Fragment } from "react";
import { Card, Col, Empty, Row, Space, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { PlainTable } from "../../components/PlainTable";
import { CityName } from "../../components/Orig";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, useLang } from "../../lang";
import { COOPERATION_STATUSES, KPI_STATUSES, monitoringApi, pick, type ProgrammeMonitoring } from "../../monitoring/api";
import { ImpactBars } from "../../monitoring/ImpactBars";
import { loadWorldOutline } from "../../geo/WorldOutline";
import { StatusBars } from "../../monitoring/StatusBars";
import { CooperationLinesMap } from "../../monitoring/CooperationLinesMap";
import { KpiLight, Txt } from "../../monitoring/ui";
import ProgrammeImpactTable from "./ProgrammeImpactTable";
import { unitName } from "../../units";

type Coop = ProgrammeMonitoring["cooperations"][number];

// The lines map draws the world's outline (its own small chunk): start loading it with this tab's code, not after its data.
void loadWorldOutline();

/**
 * The Monitoring tab of a programme: map of cooperation lines, counts by status, expected vs achieved impact, what needs attention.
 * Drawn in SVG and CSS: this tab loads neither ECharts nor the world GeoJSON (issue 18.8; src/api/spa-shell.test.ts checks the build).
 */
export default function ProgrammeMonitoringTab({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["monitoring", "programme", programmeId], queryFn: ({ signal }) => monitoringApi.programme(programmeId, signal) });
  const m = q.data;
  if (q.isLoading) return <Loading />;
  if (q.error || !m) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const statusSummary = COOPERATION_STATUSES.map((s) => `${t(`monitoring.coopStatus.${s}`)} ${m.countsByStatus[s] ?? 0}`).join(", ");
  const impactSummary = m.impact.totals.map((x) => `${unitName(x.unit, lang)}: ${t("monitoring.expectedImpact")} ${formatNumber(x.expected, lang)}, ${t("monitoring.achievedImpact")} ${formatNumber(x.achieved, lang)}`).join("; ");

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="programme-monitoring">
      <Typography.Text type="secondary">{t("monitoring.asOf", { date: m.asOf })}</Typography.Text>
      <Card title={t("monitoring.map")} styles={{ body: { padding: 8 } }}>
        {m.cooperations.length === 0 ? <Empty description={t("monitoring.noCooperations")} /> : <CooperationLinesMap cooperations={m.cooperations} lines={m.lines} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("monitoring.countsByStatus")}>
            <StatusBars testId="coop-status-chart" counts={m.countsByStatus} keys={COOPERATION_STATUSES} label={(s) => t(`monitoring.coopStatus.${s}`)} ariaLabel={statusSummary} />
            <Typography.Text type="secondary" data-testid="coop-status-summary">{statusSummary}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("monitoring.impact")}>
            {m.impact.totals.length ? <ImpactBars testId="impact-chart" totals={m.impact.totals} ariaLabel={t("monitoring.impactAria", { summary: impactSummary })} /> : <Empty description={t("monitoring.noImpact")} />}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>{m.impact.method[lang]}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card title={`${t("monitoring.needsAttention")} (${m.needsAttention.length})`} data-testid="needs-attention">
        {m.needsAttention.length === 0 ? <Typography.Text>{t("monitoring.nothingNeedsAttention")}</Typography.Text> : (
          <ItemList size="small" dataSource={m.needsAttention} renderItem={(n) => (
            <ItemList.Item data-testid={`attention-${n.kind}-${n.id}`}>
              <Space wrap size={4}>
                <Typography.Text strong>{t(`monitoring.attention.${n.kind}`)}:</Typography.Text>
                <Link to={`/cooperations/${encodeURIComponent(n.cooperationId)}${n.kind === "no_action_plan" ? "?tab=plan" : n.kind === "overdue_action" ? "?tab=plan" : "?tab=monitoring"}`}>
                  <Txt names={n.titles} lang={lang} />
                </Link>
                {n.kind !== "no_action_plan" && <Typography.Text type="secondary">({pick(n.cooperationNames, lang).text})</Typography.Text>}
                <Typography.Text type="secondary">— {n.detail[lang]}</Typography.Text>
              </Space>
            </ItemList.Item>
          )} />
        )}
      </Card>
      <Card title={t("monitoring.cooperations")}>
        <PlainTable<Coop>
          rowKey={(c) => c.id}
          rows={m.cooperations}
          aria-label={t("monitoring.cooperations")}
          columns={[
            { title: t("monitoring.cooperations"), key: "name", render: (c) => <Link to={`/cooperations/${encodeURIComponent(c.id)}?tab=monitoring`}><Txt names={c.names} lang={lang} /></Link> },
            { title: t("monitoring.status"), key: "status", render: (c) => t(`monitoring.coopStatus.${c.status}`, { defaultValue: c.status }) },
            { title: t("monitoring.members"), key: "members", render: (c) => c.members.map((x, i) => <Fragment key={x.slug}>{i > 0 && (lang === "zh" ? "、" : ", ")}<CityName names={x.names} /></Fragment>) },
            { title: t("monitoring.hasPlan"), key: "plan", render: (c) => (c.hasActionPlan ? t("monitoring.yes") : t("monitoring.no")) },
            {
              title: t("monitoring.kpis"), key: "kpis",
              render: (c) => <Space size={2} wrap>{KPI_STATUSES.filter((s) => (c.kpiCounts[s] ?? 0) > 0).map((s) => <span key={s}><KpiLight status={s} /> {c.kpiCounts[s]}</span>)}</Space>,
            },
          ]}
        />
      </Card>
      <ProgrammeImpactTable programmeId={programmeId} />
    </Space>
  );
}
