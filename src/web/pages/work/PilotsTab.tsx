import { Card, Descriptions, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, cityName } from "../../api";
import type { Cooperation } from "../../cooperations/api";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, formatPeriod, useLang } from "../../lang";
import { type FundApplication, PILOT_STATUSES, type Pilot, type PilotKpi, type PilotStatus, workApi } from "../../work/api";
import { ProblemList } from "../climate/ProblemList";
import { DecisionButton, FundApplicationForm } from "./FundForms";
import { LangText } from "./LangText";
import { PilotForm } from "./PilotForm";
import { Can, path, useCan, write } from "../../account/permissions";
import { useConflict } from "./useConflict";
import { ReadinessLink } from "../vision/ReadinessLink";


const STATUS_COLOURS: Record<PilotStatus, string> = { planned: "default", in_progress: "processing", done: "success", delayed: "warning", cancelled: "error" };

function PilotCard({ pilot, cooperation }: { pilot: Pilot; cooperation: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const key = ["work-pilots", cooperation.id];
  const onConflict = useConflict(key);
  const L = (k: string) => t(`work.pilots.${k}`);
  const nr = <Typography.Text type="secondary">{t("work.notReported")}</Typography.Text>;
  const money = (v: number | null, c: string | null) => (v === null ? nr : `${formatNumber(v, lang)} ${c ?? ""}`.trim());
  const date = (d: string | null) => (d ? formatPeriod(d, lang) : nr);
  const member = cooperation.members.find((m) => m.slug === pilot.citySlug);
  const status = useMutation({
    mutationFn: (s: PilotStatus) => workApi.updatePilot(pilot.id, { version: pilot.version, status: s }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
    onError: (e) => { onConflict(e); },
  });
  const mayEdit = useCan(write("PATCH", path("pilots", pilot.id)));
  return (
    <Card size="small" data-testid={`pilot-${pilot.id}`}
      title={<Space wrap><LangText value={pilot.titles} strong testId="pilot-title" /><Tag color={STATUS_COLOURS[pilot.status]} data-testid="pilot-status-tag">{t(`work.pilotStatuses.${pilot.status}`)}</Tag><ReadinessLink kind="pilot" id={pilot.id} cooperation={cooperation.id} /></Space>}
      extra={mayEdit?.allowed && <Select size="small" aria-label={L("changeStatus")} value={pilot.status} style={{ width: 130 }} onChange={(s) => status.mutate(s)}
        options={PILOT_STATUSES.map((s) => ({ value: s, label: t(`work.pilotStatuses.${s}`) }))} />}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
        { key: "city", label: L("city"), children: member ? cityName(member.names, lang) : pilot.citySlug ?? nr },
        { key: "budget", label: L("budget"), children: <span data-testid="pilot-budget-value">{money(pilot.budget, pilot.currency)}</span> },
        { key: "period", label: `${L("startDate")} – ${L("endDate")}`, children: <Space size={4}>{date(pilot.startDate)}<span aria-hidden="true">–</span>{date(pilot.endDate)}</Space> },
      ]} />
      <ProblemList error={status.error instanceof ApiError && status.error.status !== 409 ? status.error : null} />
      <Typography.Title level={5}>{L("partners")}</Typography.Title>
      {pilot.partners.length === 0 ? <Typography.Text type="secondary">{L("noPartners")}</Typography.Text> : (
        <ul data-testid="pilot-partners">{pilot.partners.map((c) => (
          <li key={c.id}><LangText value={c.organisation.names} /> · {t(`work.organisationKinds.${c.organisation.kind}`)} · {c.role}</li>
        ))}</ul>
      )}
      <Typography.Title level={5}>{L("kpis")}</Typography.Title>
      {pilot.kpis.length === 0 ? <Typography.Text type="secondary">{L("noKpis")}</Typography.Text> : (
        <Table<PilotKpi> size="small" rowKey="id" pagination={false} dataSource={pilot.kpis} data-testid="pilot-kpis" columns={[
          { title: "KPI", key: "n", render: (_: unknown, k) => <LangText value={k.names} /> },
          { title: t("unitName(common.unit, lang)"), dataIndex: "unit", key: "u" },
          { title: L("baseline"), key: "b", render: (_: unknown, k) => `${formatNumber(k.baseline.value, lang)} (${formatPeriod(k.baseline.date, lang)})` },
          { title: L("target"), key: "t", render: (_: unknown, k) => `${formatNumber(k.target.value, lang)} (${k.target.year})` },
          { title: L("latest"), key: "l", render: (_: unknown, k) => (k.latest ? `${formatNumber(k.latest.value, lang)} (${formatPeriod(k.latest.date, lang)})` : nr) },
        ]} />
      )}
      <Typography.Title level={5}>{L("funding")}</Typography.Title>
      {pilot.fundApplications.length === 0 ? <Typography.Paragraph type="secondary">{L("noFunding")}</Typography.Paragraph> : (
        <Table<FundApplication> size="small" rowKey="id" pagination={false} dataSource={pilot.fundApplications} data-testid="pilot-funds" columns={[
          { title: L("fund"), dataIndex: "fund", key: "f" },
          { title: L("submittedOn"), key: "s", render: (_: unknown, f) => formatPeriod(f.submittedOn, lang) },
          { title: L("amountRequested"), key: "r", align: "right" as const, render: (_: unknown, f) => money(f.amountRequested, f.currency) },
          { title: L("score"), key: "sc", align: "right" as const, render: (_: unknown, f) => (f.score === null ? nr : formatNumber(f.score, lang)) },
          { title: L("decision"), key: "d", render: (_: unknown, f) => <Tag data-testid="fund-decision" color={f.decision === "awarded" ? "success" : f.decision === "rejected" ? "error" : "default"}>{t(`work.decisions.${f.decision}`)}</Tag> },
          { title: L("decidedOn"), key: "do", render: (_: unknown, f) => date(f.decidedOn) },
          { title: L("amountAwarded"), key: "a", align: "right" as const, render: (_: unknown, f) => (f.decision === "awarded" ? money(f.amountAwarded, f.currency) : "—") },
          { title: "", key: "x", render: (_: unknown, f) => <Can check={write("PATCH", path("fund-applications", f.id))}><DecisionButton application={f} cooperationId={cooperation.id} /></Can> },
        ]} />
      )}
      <Can check={write("POST", path("pilots", pilot.id, "fund-applications"))}><FundApplicationForm pilotId={pilot.id} cooperationId={cooperation.id} currency={pilot.currency} /></Can>
    </Card>
  );
}

/** Pilot projects with budget, status, partners, KPIs (read-only) and follow-up fund applications; forms to add them. */
export default function PilotsTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ["work-pilots", cooperation.id], queryFn: ({ signal }) => workApi.pilots(cooperation.id, signal) });
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="pilots-tab">
      <Typography.Title level={4}>{t("work.pilots.title")}</Typography.Title>
      {items.length === 0 ? <Empty description={t("work.pilots.none")} data-testid="pilots-empty" /> : items.map((p) => <PilotCard key={p.id} pilot={p} cooperation={cooperation} />)}
      <Can check={write("POST", path("cooperations", cooperation.id, "pilots"))} signInHint><PilotForm cooperation={cooperation} /></Can>
    </Space>
  );
}
