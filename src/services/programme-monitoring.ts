import { impactTotals } from "../engines/cooperation/impact.js";
import { NotFoundError } from "../errors.js";
import type { AttentionItem, MonMember, ProgrammeMonitoring } from "../domain/monitoring.js";
import type { AppContext } from "./context.js";
import { countBy, isOverdue, kpiMonitoring, todayIso } from "./cooperation-monitoring.js";

const OPEN = new Set(["proposed", "agreed", "active"]);
const NEEDS_PLAN = new Set(["agreed", "active"]);

export const IMPACT_METHOD = {
  en:
    "Expected impact: the impacts the action plans state, summed per unit over every action that is not cancelled. " +
    "Achieved impact: the same for the actions marked done — claimed by the cooperations, not measured; measured change is shown by the KPIs.",
  zh: "预期影响：各行动计划所列影响按单位加总（不含已取消的行动）。已实现影响：已完成行动的同类加总——为合作方申报值而非实测值；实测变化见关键绩效指标。",
};

/** One line per pair of cooperating cities: each side-a member to each side-b member, else the lead to every other member. */
export function cooperationLines(cooperationId: string, members: MonMember[]): { cooperationId: string; from: string; to: string }[] {
  const a = members.filter((m) => m.side === "a");
  const b = members.filter((m) => m.side === "b");
  if (a.length > 0 && b.length > 0) return a.flatMap((x) => b.map((y) => ({ cooperationId, from: x.slug, to: y.slug })));
  const [hub, ...rest] = members;
  return hub ? rest.map((y) => ({ cooperationId, from: hub.slug, to: y.slug })) : [];
}

/** A year before `asOf` (`YYYY-MM-DD`). */
function yearBefore(asOf: string): string {
  return `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, "0")}${asOf.slice(4)}`;
}

/**
 * Monitoring of a programme: its cooperations with member coordinates and lines for the map, counts by
 * status, expected vs achieved impact by unit, and what needs attention in open cooperations (proposed,
 * agreed, active): overdue actions; KPIs with no value in the last 12 months (counted from the baseline
 * date while none was recorded); agreed or active cooperations without an action plan.
 */
export async function programmeMonitoring(ctx: AppContext, id: string, opts: { today?: string } = {}): Promise<ProgrammeMonitoring> {
  const asOf = opts.today ?? todayIso();
  const programme = await ctx.monitoring.programme(id);
  if (!programme) throw new NotFoundError(`no programme ${id}`, { code: "not_found.programme", params: { id: id } });
  const coops = await ctx.monitoring.cooperations({ programmeId: id });
  const ids = coops.map((c) => c.id);
  const [members, actions, kpis, plans] = await Promise.all([ctx.monitoring.members(ids), ctx.monitoring.actions(ids), ctx.monitoring.kpis(ids), ctx.monitoring.actionPlans(ids)]);
  const withPlan = new Set(plans.map((p) => p.cooperationId));
  const judged = kpis.map((k) => ({ coop: k.cooperationId, k, m: kpiMonitoring(k, asOf) }));
  const since = yearBefore(asOf);
  const needsAttention: AttentionItem[] = [];
  const cooperations = coops.map((c) => {
    const ms = members.filter((m) => m.cooperationId === c.id).map(({ cooperationId: _c, ...m }) => m);
    const acts = actions.filter((a) => a.cooperationId === c.id);
    const ks = judged.filter((j) => j.coop === c.id);
    if (OPEN.has(c.status)) {
      const ref = { cooperationId: c.id, cooperationNames: c.names };
      for (const a of acts.filter((x) => isOverdue(x, asOf))) {
        needsAttention.push({ ...ref, kind: "overdue_action", id: a.id, titles: a.titles, detail: { en: `ended ${a.endDate}, status ${a.status}`, zh: `已于${a.endDate}结束，状态：${a.status}` } });
      }
      for (const { k } of ks) {
        const last = k.values.filter((v) => v.date <= asOf).at(-1)?.date ?? null;
        if ((last ?? k.baseline.date) < since) {
          needsAttention.push({
            ...ref, kind: "stale_kpi", id: k.id, titles: k.names,
            detail: last ? { en: `last value ${last}`, zh: `最近数值：${last}` } : { en: `no value since the baseline (${k.baseline.date})`, zh: `基线（${k.baseline.date}）以来尚未报告` },
          });
        }
      }
      if (NEEDS_PLAN.has(c.status) && !withPlan.has(c.id)) {
        needsAttention.push({ ...ref, kind: "no_action_plan", id: c.id, titles: c.names, detail: { en: "no action plan (UCAP) yet", zh: "尚无城市合作行动计划" } });
      }
    }
    return {
      id: c.id, names: c.names, status: c.status, members: ms, hasActionPlan: withPlan.has(c.id),
      kpiCounts: countBy(ks, (j) => j.m.status, ["on_track", "at_risk", "off_track", "no_data"]),
      actionsByStatus: countBy(acts, (a) => a.status, ["planned", "in_progress", "done", "delayed", "cancelled"]),
    };
  });
  return {
    programme: { id: programme.id, names: programme.names },
    asOf,
    cooperations,
    lines: cooperations.flatMap((c) => cooperationLines(c.id, c.members)),
    countsByStatus: countBy(coops, (c) => c.status, ["proposed", "agreed", "active", "completed", "discontinued"]),
    impact: { totals: impactTotals(actions.map((a) => ({ status: a.status, impacts: a.impacts }))), method: IMPACT_METHOD },
    needsAttention,
  };
}
