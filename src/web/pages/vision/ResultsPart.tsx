import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Progress, Row, Space, Table, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/States";
import { type Finding, PARTICIPANT_GROUPS, visionApi, type VisionResults } from "../../vision/api";
import { GROUP_COLOURS, groupLetter, OpinionMap } from "./OpinionMap";
import { VisionDocumentForm } from "./VisionDocumentForm";

const pct = (x: number) => `${Math.round(x * 100)}%`;

function FindingItem({ f, testId }: { f: Finding; testId: string }) {
  const { t } = useTranslation();
  return (
    <ItemList.Item data-testid={testId}>
      <Space orientation="vertical" size={2} style={{ width: "100%" }}>
        <Typography.Text strong>{f.text}</Typography.Text>
        {f.groups.map((a, g) => (
          <Space key={g} style={{ width: "100%" }}>
            <span style={{ width: 64, display: "inline-block" }}>{t("vision.results.group", { g: groupLetter(g) })}</span>
            <Progress percent={Math.round(a * 100)} strokeColor={GROUP_COLOURS[g % GROUP_COLOURS.length]} size="small" style={{ width: 240 }} aria-label={`${t("vision.results.group", { g: groupLetter(g) })}: ${pct(a)}`} />
          </Space>
        ))}
        <Typography.Text type="secondary">{t("vision.results.votes", { n: f.votes })} · <Tag color={f.confidence === "high" ? "green" : f.confidence === "medium" ? "gold" : "default"}>{t(`vision.results.confidence.${f.confidence}`)}</Tag></Typography.Text>
      </Space>
    </ItemList.Item>
  );
}

function Breakdown({ r }: { r: VisionResults }) {
  const { t } = useTranslation();
  const present = PARTICIPANT_GROUPS.filter((g) => r.breakdown.some((b) => b.participantGroups[g]));
  return (
    <Table size="small" pagination={false} rowKey="statement" data-testid="group-breakdown" dataSource={r.breakdown} columns={[
      { title: t("vision.parts.statements"), dataIndex: "text", key: "text" },
      ...present.map((g) => ({
        title: t(`vision.groups.${g}`), key: g,
        render: (_: unknown, b: VisionResults["breakdown"][number]) => {
          const c = b.participantGroups[g];
          return c && c.votes > 0 ? `${pct(c.agreement)} (${c.agree}/${c.votes})` : t("common.notYetReported");
        },
      })),
    ]} />
  );
}

/** The opinion map, the common vision and the divisive statements with per-group agreement, the participant-group breakdown, and the vision document. */
export function ResultsPart({ process, city }: { process: string; city: string }) {
  const { t } = useTranslation();
  const results = useQuery({ queryKey: ["vision-results", process], queryFn: ({ signal }) => visionApi.results(process, signal) });
  if (results.isLoading) return <Loading />;
  if (results.error || !results.data) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  if (r.votes === 0) return <Empty description={t("vision.results.empty")} data-testid="results-empty" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="results-part">
      <Row gutter={16}>
        <Col xs={24} lg={14}><Card size="small" title={t("vision.results.map")}><OpinionMap r={r} /></Card></Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("vision.results.groupsTitle")} data-testid="opinion-groups">
            <ItemList size="small" dataSource={r.groups} renderItem={(g) => (
              <ItemList.Item key={g.id}><Tag color={GROUP_COLOURS[g.id % GROUP_COLOURS.length]}>{t("vision.results.group", { g: groupLetter(g.id) })}</Tag> {g.size} · {Object.entries(g.participantGroups).map(([k, n]) => `${t(`vision.groups.${k}`)} ${n}`).join(", ")}</ItemList.Item>
            )} />
            <Typography.Paragraph type="secondary">{t("vision.results.method")}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t("vision.results.consensus")} data-testid="consensus">
        <Typography.Paragraph type="secondary">{t("vision.results.consensusHint", { pct: pct(r.thresholds.consensusAgreement), min: r.thresholds.minGroupVotes })}</Typography.Paragraph>
        {r.consensus.length === 0 ? <Typography.Text type="secondary">{t("vision.results.noConsensus")}</Typography.Text> : <ItemList dataSource={r.consensus} renderItem={(f) => <FindingItem key={f.statement} f={f} testId={`consensus-${f.statement}`} />} />}
      </Card>
      <Card size="small" title={t("vision.results.divisive")} data-testid="divisive">
        <Typography.Paragraph type="secondary">{t("vision.results.divisiveHint", { pct: pct(r.thresholds.divisiveSpread) })}</Typography.Paragraph>
        {r.divisive.length === 0 ? <Typography.Text type="secondary">{t("vision.results.noDivisive")}</Typography.Text> : <ItemList dataSource={r.divisive} renderItem={(f) => <FindingItem key={f.statement} f={f} testId={`divisive-${f.statement}`} />} />}
      </Card>
      <Card size="small" title={t("vision.results.breakdown")}><Breakdown r={r} /></Card>
      {r.consensus.length > 0 && <VisionDocumentForm process={process} city={city} consensus={r.consensus} />}
    </Space>
  );
}
