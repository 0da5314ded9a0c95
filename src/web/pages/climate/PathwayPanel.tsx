import { useState } from "react";
import { Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from "antd";
import { ItemList } from "../../components/ItemList";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { cityName, type City, type Lang } from "../../api";
import { climateApi, type PathwayView, type Target, type TargetInput } from "../../climate/api";
import { SourceList } from "../../components/SourceList";
import { ErrorState, Loading } from "../../components/States";
import { formatNumber, useLang } from "../../lang";
import { useSources } from "../../queries";
import { ActionsCard } from "./ActionsCard";
import { PathwayChart } from "./PathwayChart";
import { TargetForm } from "./TargetForm";
import { reasonText } from "./reasonText";
import { Can, path, write } from "../../account/permissions";
import { useClimateParam } from "./useClimateParam";

const NDC_COLOUR = { meets: "green", "falls-short": "red", "not-comparable": "default" } as const;

function targetLabel(tg: Target, t: (k: string, o?: Record<string, unknown>) => string, lang: Lang): string {
  const what = tg.type === "fixed-level" ? `${formatNumber(tg.targetLevel ?? 0, lang)} tCO2e` : `−${tg.reductionPct} %`;
  const name = (lang === "zh" ? tg.names?.zh : null) ?? tg.names?.en;
  return `${name ? `${name}: ` : ""}${t(`climate.pathway.types.${tg.type}`)} ${tg.baseYear} → ${tg.targetYear} (${what})`;
}

function Details({ view, city }: { view: PathwayView; city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sources = useSources();
  const [showGap, setShowGap] = useState(false);
  const byId = new Map((sources.data?.items ?? []).map((s) => [s.id, s]));
  const sourceName = (id: string) => (byId.get(id)?.citation ?? id).split(/[.,(:]/)[0]!.slice(0, 60);
  const L = (k: string, o?: Record<string, unknown>) => t(`climate.pathway.${k}`, o);
  const gapAtTarget = view.gap.find((g) => g.year === view.target.targetYear);
  const onTrack = gapAtTarget !== undefined && gapAtTarget.tCO2e <= 0;
  const budgetText = (b: { exceededIn: number | null }) => (b.exceededIn === null ? L("within") : L("exceeded", { year: b.exceededIn }));
  const sourceIds = [...view.history.map((h) => h.source), ...view.referenceLines.map((l) => l.source), ...(view.ndc ? [view.ndc.source] : [])];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card title={`${L("chart")} (tCO2e)`} size="small">
        <PathwayChart view={view} cityName={cityName(city.names, lang)} sourceName={sourceName} />
        {gapAtTarget && (
          <Space wrap style={{ marginTop: 8 }} data-testid="pathway-status">
            <Typography.Text strong>{L("status")}:</Typography.Text>
            <Tag color={onTrack ? "green" : "red"}>{onTrack ? L("onTrack") : L("offTrack")}</Tag>
            <Typography.Text data-testid="pathway-gap">
              {L("gapAt", { year: gapAtTarget.year, value: formatNumber(Math.abs(gapAtTarget.tCO2e), lang), dir: gapAtTarget.tCO2e > 0 ? L("above") : L("below") })}
            </Typography.Text>
            <Button size="small" aria-expanded={showGap} onClick={() => setShowGap((v) => !v)} data-testid="gap-toggle">{showGap ? L("hideTable") : L("showTable")}</Button>
          </Space>
        )}
        {showGap && (
          <Table size="small" rowKey="year" pagination={{ pageSize: 12, showSizeChanger: false }} dataSource={view.gap} data-testid="gap-table" aria-label={L("gapAria")}
            title={() => L("gapTitle")}
            columns={[
              { title: L("year"), dataIndex: "year", key: "year" },
              { title: `${L("planned")} (tCO2e)`, key: "p", align: "right" as const, render: (_: unknown, g: { year: number }) => formatNumber(view.planned.find((p) => p.year === g.year)?.tCO2e, lang) },
              { title: `${L("trajectory")} (tCO2e)`, key: "t", align: "right" as const, render: (_: unknown, g: { year: number }) => formatNumber(view.trajectory.find((p) => p.year === g.year)?.tCO2e, lang) },
              { title: `${L("gap")} (tCO2e)`, dataIndex: "tCO2e", key: "g", align: "right" as const, render: (v: number) => formatNumber(v, lang) },
            ]} />
        )}
        <SourceList ids={sourceIds} sources={sources.data?.items} testId="pathway-sources" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={L("references")} size="small" data-testid="reference-lines">
            <ItemList size="small" dataSource={view.referenceLines} renderItem={(l) => (
              <ItemList.Item>{l.names[lang]}{!l.available && <Typography.Text type="secondary"> — {L("unavailable", { reason: reasonText(l.reason, lang) })}</Typography.Text>}</ItemList.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={L("ndc")} size="small" data-testid="ndc-checks">
            {!view.ndc ? <Typography.Text type="secondary">{L("noNdc")}</Typography.Text> : (
              <ItemList size="small" header={view.ndc.names[lang]} dataSource={view.ndc.checks} renderItem={(c) => (
                <ItemList.Item><Space wrap><Tag color={NDC_COLOUR[c.status]}>{L(`ndcStatus.${c.status}`)}</Tag><span>{L(`commitments.${c.commitment.kind}`, { year: c.commitment.year, base: c.commitment.baseYear, pct: c.commitment.reductionPct })}: {reasonText(c.detail, lang)}</span></Space></ItemList.Item>
              )} />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={L("cumulative", { from: view.target.baseYear, to: view.target.targetYear })} size="small" data-testid="cumulative">
            <Typography.Paragraph style={{ margin: 0 }}>{L("cumulativeTrajectory", { value: formatNumber(view.cumulative.trajectory, lang) })}</Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{L("cumulativePlanned", { value: formatNumber(view.cumulative.planned, lang) })}</Typography.Paragraph>
            {view.budget && (
              <Typography.Paragraph style={{ margin: 0 }}>
                {L("budgetLine", { budget: formatNumber(view.budget.trajectory.budget, lang), source: view.budget.source, t: budgetText(view.budget.trajectory), p: budgetText(view.budget.planned) })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** Targets of the city, the chosen one's pathway (?target=) and the planned actions. */
export function PathwayPanel({ city }: { city: City }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [targetParam, setTarget] = useClimateParam("target");
  const [open, setOpen] = useState(false);
  const targets = useQuery({ queryKey: ["targets", city.slug], queryFn: ({ signal }) => climateApi.targets(city.slug, signal) });
  const chosen = targets.data?.items.find((x) => x.id === targetParam) ?? targets.data?.items[0];
  const pathway = useQuery({ queryKey: ["pathway", city.slug, chosen?.id], queryFn: ({ signal }) => climateApi.pathway(city.slug, chosen!.id, signal), enabled: !!chosen });
  const create = useMutation({
    mutationFn: (body: TargetInput) => climateApi.createTarget(city.slug, body),
    onSuccess: (tg) => { void qc.invalidateQueries({ queryKey: ["targets", city.slug] }); setTarget(tg.id); setOpen(false); },
  });
  const remove = useMutation({
    mutationFn: (id: string) => climateApi.deleteTarget(id),
    onSuccess: () => { setTarget(null); void qc.invalidateQueries({ queryKey: ["targets", city.slug] }); },
  });
  if (targets.error) return <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />;
  if (!targets.data) return <Loading rows={6} />;
  const L = (k: string) => t(`climate.pathway.${k}`);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <div className="cb-picker-row">
          <Typography.Text strong id="target-label">{L("pickTarget")}</Typography.Text>
          {chosen && (
            <Select aria-labelledby="target-label" data-testid="target-select" value={chosen.id} className="cb-picker-row-select" onChange={(id: string) => setTarget(id)}
              options={targets.data.items.map((x) => ({ value: x.id, label: targetLabel(x, t, lang) }))} />
          )}
          <Can check={write("POST", path("cities", city.slug, "targets"))} signInHint><Button type="primary" onClick={() => setOpen(true)} data-testid="target-new">{L("create")}</Button></Can>
          {chosen && <Can check={write("DELETE", path("targets", chosen.id))}><Button danger onClick={() => remove.mutate(chosen.id)} data-testid="target-delete">{L("delete")}</Button></Can>}
        </div>
      </Card>
      <TargetForm open={open} onCancel={() => setOpen(false)} onSubmit={(b) => create.mutate(b)} busy={create.isPending} error={create.error} />
      {!chosen ? <Card><Empty description={L("none")} data-testid="targets-none" /></Card>
        : pathway.error ? <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />
        : !pathway.data ? <Loading rows={8} /> : <Details view={pathway.data} city={city} />}
      <ActionsCard slug={city.slug} />
    </Space>
  );
}
