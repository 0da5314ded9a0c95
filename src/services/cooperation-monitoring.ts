import { kpiStatus, kpiStatusWords } from "../engines/cooperation/kpi-status.js";
import { NotFoundError } from "../errors.js";
import type { MonKpi, MonObservation } from "../db/repositories/monitoring.repository.js";
import type { CooperationMonitoring, IndicatorChange, KpiMonitoring, MonAction, MonMember, TimelineItem } from "../domain/monitoring.js";
import type { AppContext } from "./context.js";

/** Today as `YYYY-MM-DD` (UTC). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A KPI with its recorded values judged by the kpi-status engine as of `asOf`. */
export function kpiMonitoring(k: MonKpi, asOf: string): KpiMonitoring {
  const r = kpiStatus({ baseline: k.baseline, target: k.target, values: k.values, asOf });
  return {
    id: k.id, names: k.names, unit: k.unit, actionId: k.actionId, pilotId: k.pilotId, indicatorCode: k.indicatorCode, city: k.city,
    baseline: k.baseline, target: { ...k.target, date: r.targetDate }, values: k.values,
    status: r.status, statusWords: kpiStatusWords(r.status), direction: r.direction, latest: r.latest,
    expectedValue: r.expectedValue, progressPct: r.progressPct, expectedPct: r.expectedPct, projectedValue: r.projectedValue, reason: r.reason,
  };
}

/** Counts of items by a key, with every listed key present (0 when none). */
export function countBy<T>(items: T[], key: (t: T) => string, keys: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Not done or cancelled and its end date has passed. */
export const isOverdue = (a: { status: string; endDate: string | null }, asOf: string) => a.endDate !== null && a.endDate < asOf && a.status !== "done" && a.status !== "cancelled";

/** A year period `2019` counts as its last day, so an annual value belongs before a start only if the year ended by then. */
const periodEnd = (p: string) => (/^\d{4}$/.test(p) ? `${p}-12-31` : p);

/**
 * Each member city's indicators since the cooperation began: for every indicator with observations, the
 * latest value whose period ended at or before `start` vs the latest value after it (one source per
 * period: the first by source id). Direction-aware verdict from the indicator catalogue.
 */
export function indicatorChanges(observations: MonObservation[], members: MonMember[], start: string | null): IndicatorChange[] {
  const groups = new Map<string, MonObservation[]>();
  for (const o of observations) {
    const key = `${o.city}\u0000${o.indicator}`;
    const list = groups.get(key) ?? [];
    if (list[list.length - 1]?.period !== o.period) list.push(o); // first source of each period
    groups.set(key, list);
  }
  const out: IndicatorChange[] = [];
  for (const member of members) {
    for (const [key, list] of groups) {
      if (!key.startsWith(`${member.slug}\u0000`)) continue;
      const first = list[0]!;
      const before = start === null ? null : ([...list].reverse().find((o) => periodEnd(o.period) <= start) ?? null);
      const last = list[list.length - 1]!;
      // nothing newer than the value before the start: not yet reported since
      const now = before === null || last.period !== before.period ? last : null;
      const change = before && now ? now.value - before.value : null;
      const changePct = change !== null && before && before.value !== 0 ? (change / Math.abs(before.value)) * 100 : null;
      const verdict =
        change === null || first.direction === null ? null : change === 0 ? "unchanged" : (change < 0) === (first.direction === "lower") ? "improved" : "worsened";
      const point = (o: MonObservation | null) => (o ? { period: o.period, value: o.value, source: o.source } : null);
      out.push({
        city: member.slug, cityNames: member.names, indicator: first.indicator, names: first.names, unit: first.unit, direction: first.direction,
        before: point(before), now: point(now), change, changePct, verdict,
      });
    }
  }
  return out;
}

export const COOPERATION_METHOD = {
  en:
    "KPI status: the latest value against the straight line from the baseline to the target (31 December of the target year): " +
    "at least 90 % of the expected progress is on track, at least 60 % at risk, below that off track; a met target is on track; " +
    "with two or more values a least-squares trend projected to the target date can lower the status. " +
    "Overdue actions: end date passed and not done or cancelled. Indicator changes: the latest value of each indicator whose period " +
    "ended by the start of the cooperation against the latest value since (a year counts as its 31 December).",
  zh:
    "关键绩效指标状态：将最新数值与从基线到目标（目标年12月31日）的直线相比：达到预期进展的90%及以上为正常，60%及以上为有风险，低于60%为偏离；" +
    "已达到目标即为正常；有两个及以上数值时，按最小二乘趋势外推至目标日期，可能降低状态。逾期行动：结束日期已过且未完成或未取消。" +
    "指标变化：合作开始前最后一个统计期的数值与其后最新数值之比较（年度数据以当年12月31日计）。",
};

/** Monitoring of one cooperation: KPI traffic lights and series, actions by status, overdue actions, a timeline, member cities' indicator changes. */
export async function cooperationMonitoring(ctx: AppContext, id: string, opts: { today?: string } = {}): Promise<CooperationMonitoring> {
  const asOf = opts.today ?? todayIso();
  const [coop] = await ctx.monitoring.cooperations({ id });
  if (!coop) throw new NotFoundError(`no cooperation ${id}`, { code: "not_found.cooperation", params: { id: id } });
  const [members, transitions, actions, kpis, activities] = await Promise.all([
    ctx.monitoring.members([id]),
    ctx.monitoring.transitions(id),
    ctx.monitoring.actions([id]),
    ctx.monitoring.kpis([id]),
    ctx.monitoring.activities({ cooperationIds: [id] }),
  ]);
  const start = coop.startDate ?? transitions[0]?.date ?? null;
  const observations = await ctx.monitoring.observations(members.map((m) => m.slug));
  const judged = kpis.map((k) => kpiMonitoring(k, asOf));
  return {
    cooperation: { id: coop.id, programmeId: coop.programmeId, names: coop.names, status: coop.status, startDate: coop.startDate, endDate: coop.endDate, members: members.map(stripCoop) },
    asOf,
    kpis: judged,
    kpiCounts: countBy(judged, (k) => k.status, ["on_track", "at_risk", "off_track", "no_data"]),
    actionsByStatus: countBy(actions, (a) => a.status, ["planned", "in_progress", "done", "delayed", "cancelled"]),
    overdueActions: actions.filter((a) => isOverdue(a, asOf)).map(stripCoop),
    timeline: timeline(activities, actions, transitions),
    indicatorChanges: indicatorChanges(observations, members, start),
    method: COOPERATION_METHOD,
  };
}

function stripCoop<T extends { cooperationId: string }>(x: T): Omit<T, "cooperationId"> {
  const { cooperationId: _c, ...rest } = x;
  return rest;
}

function timeline(
  activities: Awaited<ReturnType<AppContext["monitoring"]["activities"]>>,
  actions: MonAction[],
  transitions: Awaited<ReturnType<AppContext["monitoring"]["transitions"]>>,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  transitions.forEach((t, i) => items.push({ date: t.date, endDate: null, kind: "transition", subkind: t.to, id: `transition-${i + 1}`, titles: { en: t.note ?? t.to, zh: null } }));
  for (const a of activities) {
    items.push({ date: a.startDate, endDate: a.endDate, kind: "activity", subkind: a.kind, id: a.id, titles: a.titles });
    for (const o of a.outputs) items.push({ date: o.date ?? a.startDate, endDate: null, kind: "output", subkind: o.kind, id: o.id, titles: o.titles });
  }
  for (const a of actions) if (a.startDate) items.push({ date: a.startDate, endDate: a.endDate, kind: "action", subkind: a.status, id: a.id, titles: a.titles });
  const order = { transition: 0, activity: 1, output: 2, action: 3 } as const;
  return items.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
