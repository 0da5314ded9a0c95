import { useMemo, useState } from "react";
import { Card, Col, Empty, Row, Select, Space, Table, Timeline, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Cooperation } from "../../cooperations/api";
import { EChart } from "../../components/EChart";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import { ACTION_STATUSES, monitoringApi, pick, type IndicatorChange, type KpiMonitoring, type ObsPoint } from "../../monitoring/api";
import { kpiChartOption } from "../../monitoring/charts";
import { StatusBars } from "../../monitoring/StatusBars";
import { DateText, KpiLight, Txt } from "../../monitoring/ui";
import ImpactEvaluationCard from "./ImpactEvaluationCard";
import { Orig } from "../../components/Orig";
import { unitName } from "../../units";

/** The Monitoring tab of a cooperation: KPI traffic lights and chart, actions by status, overdue actions, timeline, member cities' indicator changes. */
export default function CooperationMonitoringTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery({ queryKey: ["monitoring", "cooperation", cooperation.id], queryFn: ({ signal }) => monitoringApi.cooperation(cooperation.id, signal) });
  const [chosen, setChosen] = useState<string | null>(null);
  const m = q.data;
  const kpi = m?.kpis.find((k) => k.id === chosen) ?? m?.kpis[0];
  const chart = useMemo(() => (kpi ? kpiChartOption(kpi, lang, t) : null), [kpi, lang, t]);
  if (q.isLoading) return <Loading />;
  if (q.error || !m) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  const point = (p: ObsPoint | null) =>
    p ? <span>{formatNumber(p.value, lang)} <Typography.Text type="secondary">({formatPeriod(p.period, lang)})</Typography.Text></span> : <Typography.Text type="secondary" italic>{t("common.notYetReported")}</Typography.Text>;
  const actionSummary = ACTION_STATUSES.map((s) => `${t(`monitoring.actionStatus.${s}`)} ${m.actionsByStatus[s] ?? 0}`).join(", ");

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="cooperation-monitoring">
      <Typography.Text type="secondary">{t("monitoring.asOf", { date: m.asOf })}</Typography.Text>
      <Card title={t("monitoring.kpis")} data-testid="kpi-card">
        {m.kpis.length === 0 ? <Empty description={t("monitoring.noKpis")} /> : (
          <>
            <Table<KpiMonitoring>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={m.kpis}
              data-testid="kpi-table"
              columns={[
                { title: t("monitoring.kpi"), key: "name", render: (_, k) => <span data-testid={`kpi-name-${k.id}`}><Txt names={k.names} lang={lang} /> <Typography.Text type="secondary">({unitName(k.unit, lang)})</Typography.Text></span> },
                { title: t("monitoring.status"), key: "status", render: (_, k) => <KpiLight status={k.status} testId={`kpi-status-${k.id}`} /> },
                { title: t("monitoring.baseline"), key: "baseline", render: (_, k) => <>{formatNumber(k.baseline.value, lang)} <Typography.Text type="secondary">({k.baseline.date})</Typography.Text></> },
                { title: t("monitoring.target"), key: "target", render: (_, k) => <>{formatNumber(k.target.value, lang)} <Typography.Text type="secondary">({k.target.year})</Typography.Text></> },
                { title: t("monitoring.latest"), key: "latest", render: (_, k) => (k.latest ? <>{formatNumber(k.latest.value, lang)} <Typography.Text type="secondary">({k.latest.date})</Typography.Text></> : <DateText date={null} />) },
                { title: "", key: "reason", render: (_, k) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{k.reason[lang]}</Typography.Text> },
              ]}
            />
            <Space style={{ marginTop: 12 }} align="center">
              <label htmlFor="kpi-chart-select">{t("monitoring.chooseKpi")}</label>
              <Select id="kpi-chart-select" style={{ minWidth: 260 }} value={kpi?.id} onChange={setChosen} data-testid="kpi-chart-select"
                options={m.kpis.map((k) => ({ value: k.id, label: `${pick(k.names, lang).text} (${unitName(k.unit, lang)})` }))} />
            </Space>
            {kpi && chart && (
              <EChart testId="kpi-chart" option={chart} height={300} ariaLabel={t("monitoring.kpiChartAria", { kpi: pick(kpi.names, lang).text, unit: unitName(kpi.unit, lang) })} />
            )}
          </>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("monitoring.actionsByStatus")}>
            <StatusBars testId="actions-chart" counts={m.actionsByStatus} keys={ACTION_STATUSES} label={(s) => t(`monitoring.actionStatus.${s}`)} ariaLabel={t("monitoring.actionsAria", { summary: actionSummary })} />
            <Typography.Text type="secondary" data-testid="actions-summary">{actionSummary}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("monitoring.overdue")} data-testid="overdue-card">
            {m.overdueActions.length === 0 ? <Typography.Text>{t("monitoring.noOverdue")}</Typography.Text> : (
              <ItemList size="small" dataSource={m.overdueActions} renderItem={(a) => (
                <ItemList.Item data-testid={`overdue-${a.id}`}>
                  <Txt names={a.titles} lang={lang} /> — {t(`monitoring.actionStatus.${a.status}`)}, {t("monitoring.endedOn", { date: a.endDate })}
                </ItemList.Item>
              )} />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t("monitoring.timeline")} data-testid="timeline-card">
        {m.timeline.length === 0 ? <Empty description={t("monitoring.noTimeline")} /> : (
          <Timeline
            items={m.timeline.map((i) => ({
              key: `${i.kind}-${i.id}`,
              color: i.kind === "transition" ? "gray" : i.kind === "output" ? "green" : i.kind === "action" ? "blue" : "orange",
              content: (
                <span>
                  <Typography.Text strong>{i.date}{i.endDate && i.endDate !== i.date ? ` – ${i.endDate}` : ""}</Typography.Text>{" · "}
                  {t(`monitoring.timelineKind.${i.kind}`)}{" · "}
                  {i.kind === "transition" ? t(`monitoring.coopStatus.${i.subkind}`, { defaultValue: i.subkind }) : <Txt names={i.titles} lang={lang} />}
                  {i.kind === "action" && <Typography.Text type="secondary"> ({t(`monitoring.actionStatus.${i.subkind}`, { defaultValue: i.subkind })})</Typography.Text>}
                </span>
              ),
            }))}
          />
        )}
      </Card>
      <Card title={t("monitoring.indicatorChanges")} data-testid="indicator-changes">
        <Typography.Paragraph type="secondary">
          {cooperation.startDate ? t("monitoring.indicatorChangesHint", { start: cooperation.startDate }) : t("monitoring.noStart")}
        </Typography.Paragraph>
        {m.indicatorChanges.length === 0 ? <Empty description={t("monitoring.noIndicators")} /> : (
          <Table<IndicatorChange>
            size="small"
            rowKey={(r) => `${r.city}-${r.indicator}`}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            dataSource={m.indicatorChanges}
            columns={[
              { title: t("monitoring.city"), key: "city", render: (_, r) => <Link to={`/cities/${r.city}`}>{pick(r.cityNames, lang).text}</Link> },
              { title: t("monitoring.indicator"), key: "ind", render: (_, r) => `${r.names[lang]} (${unitName(r.unit, lang)})` },
              { title: t("monitoring.before"), key: "before", render: (_, r) => point(r.before) },
              { title: t("monitoring.now"), key: "now", render: (_, r) => point(r.now) },
              {
                title: t("monitoring.change"), key: "change",
                render: (_, r) => r.change === null ? <Typography.Text type="secondary">—</Typography.Text> : (
                  <span data-testid={`change-${r.city}-${r.indicator}`}>
                    <span aria-hidden="true" style={{ color: r.verdict === "improved" ? "#237804" : r.verdict === "worsened" ? "#cf1322" : undefined }}>{r.change > 0 ? "↑" : r.change < 0 ? "↓" : "="} </span>
                    {r.change > 0 ? "+" : ""}{formatNumber(r.change, lang)}{r.changePct !== null ? ` (${r.changePct > 0 ? "+" : ""}${formatNumber(r.changePct, lang)} %)` : ""}
                    {r.verdict && <Typography.Text type={r.verdict === "worsened" ? "danger" : r.verdict === "improved" ? "success" : "secondary"}> {t(`monitoring.verdict.${r.verdict}`)}</Typography.Text>}
                  </span>
                ),
              },
              { title: t("monitoring.source"), key: "source", render: (_, r) => <Orig>{[...new Set([r.before?.source.citation, r.now?.source.citation].filter(Boolean))].join("; ")}</Orig> },
            ]}
          />
        )}
      </Card>
      <ImpactEvaluationCard cooperation={cooperation} />
      <Card size="small" title={t("monitoring.method")}><Typography.Paragraph type="secondary" style={{ margin: 0 }}>{m.method[lang]}</Typography.Paragraph></Card>
    </Space>
  );
}
