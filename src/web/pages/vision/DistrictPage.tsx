import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Empty, Popconfirm, Result, Select, Space, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { ApiError } from "../../api";
import { useLang } from "../../lang";
import { pickName, type VisionProcess, visionApi } from "../../vision/api";
import { JoinForm } from "./JoinForm";
import { ResultsPart } from "./ResultsPart";
import { StatementsPart } from "./StatementsPart";
import { useParticipant } from "./useParticipant";
import { path, useCan, write } from "../../account/permissions";
import { VotePart } from "./VotePart";

const PARTS = ["statements", "vote", "results"] as const;
type Part = (typeof PARTS)[number];

function ProcessView({ process, open, city }: { process: string; open: boolean; city: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useParticipant(process);
  const part: Part = (PARTS as readonly string[]).includes(params.get("part") ?? "") ? (params.get("part") as Part) : "statements";
  const go = (p: string) => setParams((prev) => { const n = new URLSearchParams(prev); n.set("part", p); return n; });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {open && <JoinForm process={process} me={me} />}
      <Tabs activeKey={part} onChange={go} destroyOnHidden items={[
        { key: "statements", label: <span data-testid="part-statements">{t("vision.parts.statements")}</span>, children: <StatementsPart process={process} open={open} me={me} /> },
        { key: "vote", label: <span data-testid="part-vote">{t("vision.parts.vote")}</span>, children: <VotePart process={process} open={open} me={me} /> },
        { key: "results", label: <span data-testid="part-results">{t("vision.parts.results")}</span>, children: <ResultsPart process={process} city={city} /> },
      ]} />
    </Space>
  );
}

/**
 * Close (or reopen) a process after a confirmation, for those the server's write policy allows (the city's editors and
 * administrators); a refusal or a version conflict is shown, and the page reloads.
 */
function ProcessStatusButton({ process, district }: { process: VisionProcess; district: string }) {
  const { t } = useTranslation();
  const may = useCan(write("PUT", path("vision-processes", process.id)));
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: () => visionApi.updateProcess(process, process.status === "open" ? "closed" : "open"),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["district", district] }),
  });
  if (!may?.allowed) return null;
  return (
    <>
      <Popconfirm
        title={process.status === "open" ? t("dataPages.process.closeConfirm") : t("dataPages.process.reopenConfirm")}
        description={process.status === "open" ? t("dataPages.process.closeDetail") : t("dataPages.process.reopenDetail")}
        okText={t("dataPages.process.yes")} cancelText={t("dataPages.process.no")}
        okButtonProps={{ "data-testid": "process-status-confirm" } as React.ComponentProps<typeof Button>}
        onConfirm={() => change.mutate()}>
        <Button loading={change.isPending} data-testid="process-status-toggle">
          {process.status === "open" ? t("vision.closeProcess") : t("vision.reopenProcess")}
        </Button>
      </Popconfirm>
      {change.error && (
        <Alert type={change.error instanceof ApiError && change.error.status === 409 ? "warning" : "error"} showIcon data-testid="process-status-error"
          title={change.error instanceof ApiError && change.error.status === 409 ? t("vision.processConflict") : change.error.message} />
      )}
    </>
  );
}

/** /cities/:slug/districts/:id — a district's vision process in three deep-linked parts (?process=…&part=statements|vote|results). */
export default function DistrictPage() {
  const { slug = "", id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const district = useQuery({ queryKey: ["district", id], queryFn: ({ signal }) => visionApi.district(id, signal) });
  if (district.isLoading) return <Loading rows={8} />;
  if (isNotFound(district.error)) {
    return <Result status="404" title={t("vision.notFound")} data-testid="district-not-found" extra={<Button type="primary" onClick={() => navigate(`/cities/${slug}`)}>{t("vision.back")}</Button>} />;
  }
  if (district.error || !district.data) return <ErrorState error={district.error} onRetry={() => void district.refetch()} />;
  const d = district.data;
  const process = d.processes.find((p) => p.id === params.get("process")) ?? d.processes[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="district-page">
      <Link to={`/cities/${slug}?tab=districts`}>← {t("vision.back")}</Link>
      <Typography.Title level={2} data-testid="district-title">{t("vision.title")}: {pickName(d.names, lang)}</Typography.Title>
      {!process ? <Empty description={t("vision.noProcesses")} /> : (
        <>
          <Space wrap>
            {d.processes.length > 1 && (
              <Select value={process.id} style={{ minWidth: "min(320px, 100%)" }} aria-label={t("vision.process")}
                onChange={(v) => setParams({ process: v, part: params.get("part") ?? "statements" })}
                options={d.processes.map((p) => ({ value: p.id, label: pickName(p.question, lang) }))} />
            )}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="process-question">{pickName(process.question, lang)}</Typography.Title>
            <Tag color={process.status === "open" ? "green" : "default"}>{t(`vision.status.${process.status}`)}</Tag>
            <Typography.Text type="secondary">{process.startsOn}{process.endsOn ? ` – ${process.endsOn}` : ""}</Typography.Text>
            <ProcessStatusButton key={`${process.id}-${process.version}`} process={process} district={d.id} />
          </Space>
          <ProcessView key={process.id} process={process.id} open={process.status === "open"} city={d.city} />
        </>
      )}
    </Space>
  );
}
