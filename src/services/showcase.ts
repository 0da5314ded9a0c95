import type { ShowcaseCooperation, ShowcaseProgramme } from "../domain/monitoring.js";
import { NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { countBy, kpiMonitoring, todayIso } from "./cooperation-monitoring.js";
import { cooperationLines } from "./programme-monitoring.js";

const KPI_KEYS = ["on_track", "at_risk", "off_track", "no_data"];
const ACTION_KEYS = ["planned", "in_progress", "done", "delayed", "cancelled"];

/**
 * Everything the public may read about one cooperation (showcase page and report): members, status
 * history, action plan, actions with KPIs and their status, activities and outputs, partners, pilots,
 * sources. Built field by field so no contact, budget or author ever leaks.
 */
export async function showcaseCooperation(ctx: AppContext, id: string, opts: { today?: string } = {}): Promise<ShowcaseCooperation> {
  const asOf = opts.today ?? todayIso();
  const [coop] = await ctx.monitoring.cooperations({ id });
  if (!coop) throw new NotFoundError(`no cooperation ${id}`, { code: "not_found.cooperation", params: { id: id } });
  const m = ctx.monitoring;
  const [programme, members, transitions, plans, actions, kpis, own, programmeWide, partners, pilots, sources] = await Promise.all([
    coop.programmeId ? m.programme(coop.programmeId) : Promise.resolve(null),
    m.members([id]), m.transitions(id), m.actionPlans([id]), m.actions([id]), m.kpis([id]),
    m.activities({ cooperationIds: [id] }),
    // The cooperation's Activities tab lists its programme's programme-wide activities (launch, joint
    // declaration, workshops) beside its own; the showcase and the report list the same, marked.
    coop.programmeId ? m.activities({ programmeId: coop.programmeId }) : Promise.resolve([]),
    m.partners(id), m.pilots(id), m.sources(coop.sourceIds),
  ]);
  const activities = [...own, ...programmeWide].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  const judged = kpis.map((k) => kpiMonitoring(k, asOf));
  const plan = plans[0];
  return {
    cooperation: {
      id: coop.id, programmeId: coop.programmeId, programmeNames: programme?.names ?? null, names: coop.names, themes: coop.themes,
      status: coop.status, startDate: coop.startDate, endDate: coop.endDate,
      members: members.map(({ cooperationId: _c, ...x }) => x),
    },
    transitions,
    actionPlan: plan
      ? { keyFocus: plan.keyFocus, challenges: plan.challenges, objectives: plan.objectives, expectedResults: plan.expectedResults, benefits: plan.benefits, sdgs: plan.sdgs, urbanAgenda: plan.urbanAgenda }
      : null,
    actions: actions.map((a) => ({
      id: a.id, titles: a.titles, theme: a.theme, ownerCity: a.ownerCity, startDate: a.startDate, endDate: a.endDate, status: a.status, completionPct: a.completionPct, impacts: a.impacts,
    })),
    kpis: judged,
    kpiCounts: countBy(judged, (k) => k.status, KPI_KEYS),
    actionsByStatus: countBy(actions, (a) => a.status, ACTION_KEYS),
    activities: activities.map(({ cooperationId, ...a }) => ({ ...a, programmeWide: cooperationId === null })),
    partners: partners.map((p) => ({ names: p.names, kind: p.kind, country: p.country, role: p.role })),
    pilots,
    sources,
    asOf,
  };
}

/** Everything the public may read about a programme: its cooperations with members, activities, outputs and a monitoring summary. */
export async function showcaseProgramme(ctx: AppContext, id: string, opts: { today?: string } = {}): Promise<ShowcaseProgramme> {
  const asOf = opts.today ?? todayIso();
  const m = ctx.monitoring;
  const p = await m.programme(id);
  if (!p) throw new NotFoundError(`no programme ${id}`, { code: "not_found.programme", params: { id: id } });
  const coops = await m.cooperations({ programmeId: id });
  const ids = coops.map((c) => c.id);
  const [members, actions, kpis, activities, programmeActivities, sources] = await Promise.all([
    m.members(ids), m.actions(ids), m.kpis(ids), m.activities({ cooperationIds: ids }), m.activities({ programmeId: id }),
    m.sources([...new Set([...p.sourceIds, ...coops.flatMap((c) => c.sourceIds)])]),
  ]);
  const cooperations = coops.map((c) => {
    const ms = members.filter((x) => x.cooperationId === c.id).map(({ cooperationId: _c, ...x }) => x);
    return {
      id: c.id, names: c.names, themes: c.themes, status: c.status, startDate: c.startDate, endDate: c.endDate, members: ms,
      activities: activities.filter((a) => a.cooperationId === c.id).map(({ cooperationId: _c, ...a }) => a),
      kpiCounts: countBy(kpis.filter((k) => k.cooperationId === c.id).map((k) => kpiMonitoring(k, asOf)), (k) => k.status, KPI_KEYS),
      actionsByStatus: countBy(actions.filter((a) => a.cooperationId === c.id), (a) => a.status, ACTION_KEYS),
    };
  });
  return {
    programme: { id: p.id, names: p.names, descriptions: p.descriptions, startDate: p.startDate, endDate: p.endDate, themes: p.themes, funder: p.funder },
    activities: programmeActivities.map(({ cooperationId: _c, ...a }) => a),
    cooperations,
    lines: cooperations.flatMap((c) => cooperationLines(c.id, c.members)),
    countsByStatus: countBy(coops, (c) => c.status, ["proposed", "agreed", "active", "completed", "discontinued"]),
    sources,
    asOf,
  };
}
