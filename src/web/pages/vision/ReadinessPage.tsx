import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, ConfigProvider, Empty, Input, Radio, Result, Row, Select, Space, Table, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api";
import { ErrorState, isNotFound, Loading } from "../../components/States";
import { useLang } from "../../lang";
import { type Assessment, type AssessmentView, type Framework, pickName, type Prerequisite, visionApi } from "../../vision/api";
import { ReadinessRadar } from "./ReadinessRadar";
import { StakeholderMap } from "./StakeholderMap";
import { path, SignInToEdit, useCan, write } from "../../account/permissions";

type Draft = Omit<Assessment, "id" | "pilot" | "action">;
const draftOf = (a: Assessment): Draft => ({ title: a.title, scores: a.scores, role: a.role, roleNote: a.roleNote, partners: a.partners, tensions: a.tensions, version: a.version });

/** /readiness/new?pilot=ID or ?action=ID: creates the assessment, then shows it. */
function StartAssessment() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const started = useRef(false);
  const pilot = params.get("pilot") ?? undefined;
  const action = params.get("action") ?? undefined;
  const start = useMutation({ mutationFn: () => visionApi.startAssessment(pilot ? { pilot } : { action }), onSuccess: (v) => navigate(`/readiness/${v.assessment.id}`, { replace: true }) });
  useEffect(() => {
    if (started.current || (!pilot && !action)) return;
    started.current = true;
    start.mutate();
  }, [pilot, action, start]);
  if (!pilot && !action) return <Alert type="warning" title={t("vision.readiness.missingSubject")} data-testid="readiness-missing-subject" />;
  if (start.error) return <ErrorState error={start.error} />;
  return <Loading />;
}

function ScoreTable({ framework, draft, onChange }: { framework: Framework; draft: Draft; onChange: (p: Prerequisite, patch: { score?: number | null; evidence?: string | null }) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = framework.dimensions.flatMap((d) => d.prerequisites.map((p) => ({ ...p, dimension: d.names[lang] })));
  type Row = (typeof rows)[number];
  const score = (p: Row, width: number | string) => (
    <Select style={{ width }} allowClear placeholder={t("common.notYetReported")} value={draft.scores[p.key]?.score ?? undefined} data-testid={`score-${p.key}`} aria-label={`${p.names[lang]}: ${t("vision.readiness.score")}`}
      onChange={(v) => onChange(p.key, { score: v ?? null })}
      options={framework.scale.map((s) => ({ value: s.score, label: <span data-testid={`score-${p.key}-${s.score}`}>{`${s.score} — ${s[lang]}`}</span> }))} />
  );
  const evidence = (p: Row, placeholder?: string) => <Input value={draft.scores[p.key]?.evidence ?? ""} onChange={(e) => onChange(p.key, { evidence: e.target.value || null })} aria-label={`${p.names[lang]}: ${t("vision.readiness.evidence")}`} placeholder={placeholder} data-testid={`evidence-${p.key}`} />;
  // Below 576 px four columns left the evidence field 71 px wide: one column there, the prerequisite above its score and evidence.
  const wide = ["sm"] as const;
  return (
    <Table size="small" pagination={false} rowKey="key" dataSource={rows} data-testid="readiness-scores" columns={[
      { title: "", dataIndex: "dimension", key: "d", responsive: [...wide], render: (v: string) => <Tag>{v}</Tag> },
      { title: t("vision.readiness.scores"), key: "n", responsive: [...wide], render: (_: unknown, p: Row) => p.names[lang] },
      { title: t("vision.readiness.score"), key: "s", responsive: [...wide], render: (_: unknown, p: Row) => score(p, 190) },
      { title: t("vision.readiness.evidence"), key: "e", responsive: [...wide], render: (_: unknown, p: Row) => evidence(p) },
      {
        title: t("vision.readiness.scores"), key: "phone", responsive: ["xs"],
        render: (_: unknown, p: Row) => (
          <Space orientation="vertical" size={4} style={{ width: "100%" }}>
            <span><Tag>{p.dimension}</Tag>{p.names[lang]}</span>
            {score(p, "100%")}
            {evidence(p, t("vision.readiness.evidence"))}
          </Space>
        ),
      },
    ]} />
  );
}

function Gaps({ view, framework }: { view: AssessmentView; framework: Framework }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(framework.dimensions.flatMap((d) => d.prerequisites.map((p) => [p.key, p.names[lang]] as const)));
  const scale = (s: number) => framework.scale.find((x) => x.score === s)?.[lang] ?? "";
  if (view.result.gaps.length === 0) return <Typography.Text type="secondary">{t("vision.readiness.noGaps")}</Typography.Text>;
  return (
    <ItemList dataSource={view.result.gaps} data-testid="readiness-gaps" renderItem={(g) => (
      <ItemList.Item key={g.prerequisite} data-testid={`gap-${g.prerequisite}`}>
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{names.get(g.prerequisite)} — {g.score} ({scale(g.score)})</Typography.Text>
          {g.evidence && <Typography.Text type="secondary">{g.evidence}</Typography.Text>}
          <Typography.Text>{t("vision.readiness.suggestions")}:</Typography.Text>
          {g.practices.length === 0 ? <Typography.Text type="secondary">{t("vision.readiness.noPractice")}</Typography.Text> : g.practices.map((p) => (
            <span key={p.id}><Link to={`/practices/${p.id}`} data-testid={`gap-practice-${p.id}`}>{(lang === "zh" ? p.title.zh ?? p.title.en : p.title.en ?? p.title.zh) ?? p.id}</Link> <Typography.Text type="secondary">({p.city}; {t("vision.readiness.matched", { words: p.matched.join(", ") })})</Typography.Text></span>
          ))}
        </Space>
      </ItemList.Item>
    )} />
  );
}

function AssessmentEditor({ id, framework }: { id: string; framework: Framework }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const view = useQuery({ queryKey: ["readiness", id], queryFn: ({ signal }) => visionApi.assessment(id, signal) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState(false);
  const may = useCan(write("PUT", path("readiness-assessments", id)));
  const readOnly = !may?.allowed;
  useEffect(() => { if (view.data) setDraft(draftOf(view.data.assessment)); }, [view.data]);
  const save = useMutation({
    mutationFn: (d: Draft) => visionApi.saveAssessment(id, d),
    onSuccess: (v) => { setConflict(false); qc.setQueryData(["readiness", id], v); },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) { setConflict(true); void view.refetch(); }
    },
  });
  if (view.isLoading || (view.data && !draft)) return <Loading rows={8} />;
  if (isNotFound(view.error)) return <Result status="404" title={t("vision.readiness.notFound")} extra={<Button onClick={() => navigate("/")}>{t("common.backHome")}</Button>} />;
  if (view.error || !view.data || !draft) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const setScore = (p: Prerequisite, patch: { score?: number | null; evidence?: string | null }) => {
    const cur = draft.scores[p] ?? { score: null, evidence: null };
    setDraft({ ...draft, scores: { ...draft.scores, [p]: { ...cur, ...patch } } });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="readiness-page">
      <Typography.Title level={2} data-testid="readiness-title">
        {t("vision.readiness.title")}: {v.subject ? `${t(`vision.readiness.${v.subject.kind}`)} — ${pickName(v.subject.title, lang)}` : t("common.notYetReported")}
      </Typography.Title>
      {v.subject && <Link to={`/cooperations/${v.subject.cooperation}`}>{v.subject.cooperation}</Link>}
      {conflict && <Alert type="warning" showIcon title={t("vision.readiness.conflict")} data-testid="readiness-conflict" />}
      {may && readOnly && (may.needs === "sign-in" ? <SignInToEdit /> : <Typography.Text type="secondary" data-testid="readiness-read-only">{t("dataPages.readiness.readOnly")}</Typography.Text>)}
      <Row gutter={16}>
        <Col xs={24} lg={12}><Card size="small" title={t("vision.readiness.radar")}><ReadinessRadar result={v.result} framework={framework} /></Card></Col>
        <Col xs={24} lg={12}><Card size="small" title={t("vision.readiness.gaps")}><Gaps view={v} framework={framework} /></Card></Col>
      </Row>
      <ConfigProvider componentDisabled={readOnly}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small" title={t("vision.readiness.scores")}><ScoreTable framework={framework} draft={draft} onChange={setScore} /></Card>
      <Card size="small" title={t("vision.readiness.role")} data-testid="readiness-role">
        <Typography.Paragraph type="secondary">{t("vision.readiness.roleHint")}</Typography.Paragraph>
        <Radio.Group value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} optionType="button"
          options={framework.roles.map((r) => ({ value: r.key, label: <span data-testid={`role-${r.key}`}>{r.names[lang]}</span> }))} />
        <Input.TextArea style={{ marginTop: 8 }} rows={2} value={draft.roleNote ?? ""} placeholder={t("vision.readiness.roleNote")} aria-label={t("vision.readiness.roleNote")} onChange={(e) => setDraft({ ...draft, roleNote: e.target.value || null })} />
      </Card>
      <StakeholderMap partners={draft.partners} tensions={draft.tensions} onChange={(partners, tensions) => setDraft({ ...draft, partners, tensions })} />
      </Space>
      </ConfigProvider>
      {!readOnly && <Space>
        <Button type="primary" onClick={() => save.mutate({ ...draft, partners: draft.partners.filter((p) => p.name.trim()) })} loading={save.isPending} data-testid="readiness-save">{t("vision.readiness.save")}</Button>
        {save.isSuccess && !conflict && <Typography.Text type="success" data-testid="readiness-saved">{t("vision.readiness.saved")}</Typography.Text>}
        {save.error && !conflict && <Typography.Text type="danger">{save.error.message}</Typography.Text>}
      </Space>}
    </Space>
  );
}

/** /readiness/:id — an innovation readiness self-assessment (SASUI 2016): scores, role, stakeholders, radar, gaps and practices. */
export default function ReadinessPage() {
  const { id = "" } = useParams();
  const framework = useQuery({ queryKey: ["readiness-framework"], queryFn: ({ signal }) => visionApi.framework(signal), staleTime: Infinity });
  if (id === "new") return <StartAssessment />;
  if (framework.isLoading) return <Loading />;
  if (framework.error || !framework.data) return framework.error ? <ErrorState error={framework.error} onRetry={() => void framework.refetch()} /> : <Empty />;
  return <AssessmentEditor key={id} id={id} framework={framework.data} />;
}
