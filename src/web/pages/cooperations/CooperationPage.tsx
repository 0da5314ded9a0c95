import { Alert, Button, Form, Input, Result, Select, Space, Tabs, Tag, Typography } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { type Cooperation, type CooperationStatus, cooperationsApi, refusalReason } from "../../cooperations/api";
import { useLang } from "../../lang";
import CooperationMonitoringTab from "../monitoring/CooperationMonitoringTab";
import ActivitiesTab from "../work/ActivitiesTab";
import PartnersTab from "../work/PartnersTab";
import PilotsTab from "../work/PilotsTab";
import ActionPlanTab from "./ActionPlanTab";
import CooperationOverviewTab from "./CooperationOverviewTab";
import { StatusTag } from "./StatusTag";
import { Can, path, write } from "../../account/permissions";
import HistoryPanel from "../account/HistoryPanel";
import { CityName } from "../../components/Orig";
import { switchTab } from "../../components/tabParams";

const TABS = ["overview", "plan", "activities", "partners", "pilots", "monitoring", "report", "history"] as const;
type Tab = (typeof TABS)[number];
/** The tabs' own page parameters, kept while another tab is open (the history's page). */
const KEEP = ["hpage"] as const;

const today = () => new Date().toISOString().slice(0, 10);

/** "Move to …": the allowed next statuses, a date and a note; a refusal shows its reason. */
function MoveStatus({ c }: { c: Cooperation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [to, setTo] = useState<CooperationStatus | undefined>(undefined);
  const [date, setDate] = useState(today());
  const [note, setNote] = useState("");
  const move = useMutation({
    mutationFn: (target: CooperationStatus) => cooperationsApi.transition(c.id, { to: target, date, note: note || null, version: c.version }),
    onSuccess: (next) => {
      qc.setQueryData(["cooperation", c.id], next);
      void qc.invalidateQueries({ queryKey: ["cooperations"] });
      setTo(undefined);
      setNote("");
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: ["cooperation", c.id] });
    },
  });
  const err = move.error instanceof ApiError ? move.error : null;
  const reason = err ? refusalReason(err.problem) : null;
  if (c.allowedTransitions.length === 0) return <Typography.Text type="secondary" data-testid="status-final">{t("cooperations.finalStatus")}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} data-testid="move-status">
      <Form layout="inline" onFinish={() => to && move.mutate(to)} aria-label={t("cooperations.moveTitle")}>
        <Form.Item label={t("cooperations.moveTo")} style={{ marginBottom: 4 }}>
          <Select
            style={{ minWidth: 180 }}
            value={to}
            onChange={(v) => setTo(v)}
            placeholder={t("cooperations.moveTo")}
            data-testid="move-to"
            options={c.allowedTransitions.map((s) => ({ value: s, label: t(`cooperations.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("cooperations.moveDate")} style={{ marginBottom: 4 }}>
          <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="move-date" />
        </Form.Item>
        <Form.Item label={t("cooperations.moveNote")} style={{ marginBottom: 4 }}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="move-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!to || !date} loading={move.isPending} data-testid="move-submit">{t("cooperations.moveSubmit")}</Button>
      </Form>
      {err && (
        <Alert
          type="error"
          showIcon
          data-testid="move-refused"
          title={err.status === 409 ? t("cooperations.conflict") : t("cooperations.refused")}
          description={reason ? reason[lang] : err.status === 409 ? undefined : err.message}
        />
      )}
    </Space>
  );
}

/** A cooperation: title, programme, status with "move to …", member cities, and its tabs (?tab=). */
export default function CooperationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "overview";
  const q = useQuery({ queryKey: ["cooperation", id], queryFn: ({ signal }) => cooperationsApi.get(id, signal) });
  if (q.isLoading) return <Loading rows={8} />;
  if (isNotFound(q.error)) {
    return <Result status="404" title={t("cooperations.notFound")} subTitle={t("cooperations.notFoundDetail", { id })} data-testid="cooperation-not-found"
      extra={<Button type="primary" onClick={() => navigate("/programmes")}>{t("cooperations.back")}</Button>} />;
  }
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const title = lang === "zh" ? c.names.zh ?? c.names.en : c.names.en;
  const other = lang === "zh" ? (c.names.zh ? c.names.en : null) : c.names.zh;
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid="cooperation-page">
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }} data-testid="cooperation-title">
          {title}
          {other && <Typography.Text type="secondary" style={{ fontSize: 18, fontWeight: 400 }} lang={lang === "zh" ? "en" : "zh-CN"}> {other}</Typography.Text>}
        </Typography.Title>
        <Space wrap size="small">
          <Typography.Text type="secondary">{t("cooperations.programme")}:</Typography.Text>
          {c.programmeId ? (
            <Link to={`/programmes/${c.programmeId}`} data-testid="cooperation-programme">
              {c.programmeNames ? (lang === "zh" ? c.programmeNames.zh ?? c.programmeNames.en : c.programmeNames.en) : c.programmeId}
            </Link>
          ) : <Typography.Text type="secondary">{t("cooperations.noProgramme")}</Typography.Text>}
          <StatusTag status={c.status} />
        </Space>
      </div>
      <div data-testid="cooperation-members">
        <Typography.Text strong>{t("cooperations.members")}: </Typography.Text>
        {c.members.map((m) => (
          <Tag key={m.slug} data-testid={`member-${m.slug}`}>
            <Link to={`/cities/${m.slug}`}><CityName names={m.names} /></Link> · {t(`cooperations.roles.${m.role}`)}
          </Tag>
        ))}
      </div>
      <Can check={write("POST", path("cooperations", c.id, "transitions"))}><MoveStatus c={c} /></Can>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams((prev) => switchTab(prev, key, "overview", KEEP), { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`coop-tab-${key}`}>{t(`cooperations.tabs.${key}`)}</span>,
          children:
            key === "overview" ? <CooperationOverviewTab cooperation={c} />
            : key === "plan" ? <ActionPlanTab cooperation={c} />
            : key === "activities" ? <ActivitiesTab cooperation={c} />
            : key === "partners" ? <PartnersTab cooperation={c} />
            : key === "pilots" ? <PilotsTab cooperation={c} />
            : key === "monitoring" ? <CooperationMonitoringTab cooperation={c} />
            : key === "history" ? <HistoryPanel entity="cooperation" id={c.id} />
            : (
              <Space orientation="vertical">
                <Typography.Text>{t("cooperations.reportHint")}</Typography.Text>
                <Button type="primary" onClick={() => navigate(`/cooperations/${c.id}/report`)} data-testid="open-report">{t("cooperations.openReport")}</Button>
              </Space>
            ),
        }))}
      />
    </Space>
  );
}
