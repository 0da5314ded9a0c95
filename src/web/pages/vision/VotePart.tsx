import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Progress, Space, Tag, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/States";
import { type VoteName, visionApi } from "../../vision/api";
import type { ParticipantState } from "./useParticipant";

const KEYS: Record<string, VoteName> = { a: "agree", d: "disagree", p: "pass" };

/** One statement at a time: agree / disagree / pass (keys A, D, P), with progress. Own statements are skipped. */
export function VotePart({ process, open, me }: { process: string; open: boolean; me: ParticipantState }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const statements = useQuery({ queryKey: ["vision-statements", process], queryFn: ({ signal }) => visionApi.statements(process, signal) });
  const votable = (statements.data?.items ?? []).filter((s) => s.status === "accepted" && s.author !== me.participant?.id);
  const voted = new Set(me.votes.map((v) => v.statement));
  const next = votable.find((s) => !voted.has(s.id));
  const vote = useMutation({
    mutationFn: (v: VoteName) => visionApi.vote((next as { id: string }).id, { token: me.token as string, vote: v }),
    onSuccess: () => { me.refetch(); void qc.invalidateQueries({ queryKey: ["vision-results", process] }); },
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!next || vote.isPending || e.ctrlKey || e.metaKey || e.altKey || target?.closest("input, textarea, select, [contenteditable]")) return;
      const v = KEYS[e.key.toLowerCase()];
      if (v) vote.mutate(v);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [next, vote]);
  if (!open) return <Alert type="info" title={t("vision.vote.closed")} />;
  if (!me.participant) return <Alert type="info" title={t("vision.vote.joinFirst")} data-testid="vote-join-first" />;
  if (statements.isLoading) return <Loading />;
  if (statements.error) return <ErrorState error={statements.error} onRetry={() => void statements.refetch()} />;
  if (votable.length === 0) return <Empty description={t("vision.vote.none")} />;
  const done = votable.filter((s) => voted.has(s.id)).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="vote-part">
      <Progress percent={Math.round((done / votable.length) * 100)} format={() => t("vision.vote.progress", { done, total: votable.length })} data-testid="vote-progress" />
      {next ? (
        <Card data-testid="vote-card" data-statement={next.id}>
          <Typography.Title level={4} lang={next.language === "zh" ? "zh-CN" : "en"} data-testid="vote-text">{next.text}</Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}><Tag>{t(`vision.aspects.${next.aspect}`)}</Tag><Tag>{t(`vision.kinds.${next.kind}`)}</Tag></Space>
          <Space wrap>
            <Button type="primary" onClick={() => vote.mutate("agree")} loading={vote.isPending} data-testid="vote-agree" aria-keyshortcuts="A">{t("vision.vote.agree")}</Button>
            <Button danger onClick={() => vote.mutate("disagree")} disabled={vote.isPending} data-testid="vote-disagree" aria-keyshortcuts="D">{t("vision.vote.disagree")}</Button>
            <Button onClick={() => vote.mutate("pass")} disabled={vote.isPending} data-testid="vote-pass" aria-keyshortcuts="P">{t("vision.vote.pass")}</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t("vision.vote.keys")}</Typography.Paragraph>
          {vote.error && <Alert type="error" showIcon title={vote.error.message} />}
        </Card>
      ) : <Alert type="success" title={t("vision.vote.done")} data-testid="vote-done" />}
    </Space>
  );
}
