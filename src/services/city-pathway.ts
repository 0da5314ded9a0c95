import type { Observation } from "../domain/observation.js";
import type { ClimateAction, Target } from "../domain/target.js";
import {
  budgetCheck,
  type BudgetCheck,
  businessAsUsual,
  gap,
  type NdcCheck,
  ndcComparison,
  perCapitaReference,
  plannedPathway,
  projectedPopulation,
  type ReferenceLine,
  referenceLine,
  targetEmissions,
  targetTrajectory,
  wedge,
  type YearValue,
} from "../engines/pathway/index.js";
import { notFound, NotFoundError } from "../errors.js";
import { climateTables } from "./climate-tables.js";
import type { AppContext } from "./context.js";

/** An observed series of one indicator from one source, by year. */
export interface HistorySeries {
  indicator: string;
  unit: string;
  source: string;
  points: YearValue[];
}

/** Everything the targets-and-pathway page draws, in tCO2e per year. */
export interface PathwayView {
  city: string;
  target: Target;
  targetEmissions: number;
  history: HistorySeries[];
  trajectory: YearValue[];
  bau: YearValue[];
  wedges: { action: ClimateAction; series: YearValue[] }[];
  planned: YearValue[];
  gap: YearValue[];
  referenceLines: ReferenceLine[];
  ndc: { id: string; names: { en: string; zh: string }; source: string; checks: NdcCheck[] } | null;
  cumulative: { trajectory: number; planned: number };
  budget: { source: string; trajectory: BudgetCheck; planned: BudgetCheck } | null;
}

const UNITS: Record<string, string> = { "ghg.total": "tCO2e", "ghg.co2_total": "tCO2" };

/** Observations of ghg.total (and CO2-only ghg.co2_total) grouped by indicator and source, one value per year. */
function historyOf(observations: Observation[]): HistorySeries[] {
  const groups = new Map<string, HistorySeries>();
  for (const o of observations) {
    if (!UNITS[o.indicator]) continue;
    const key = `${o.indicator}\u0000${o.source}`;
    const g = groups.get(key) ?? { indicator: o.indicator, unit: UNITS[o.indicator]!, source: o.source, points: [] };
    groups.set(key, g);
    const year = Number(o.period.slice(0, 4));
    const at = g.points.findIndex((p) => p.year === year);
    if (at >= 0) g.points[at] = { year, tCO2e: o.value }; // a later date in the same year wins
    else g.points.push({ year, tCO2e: o.value });
  }
  return [...groups.values()].map((g) => ({ ...g, points: g.points.sort((a, b) => a.year - b.year) }));
}

/** ghg.total by year, the city's own inventories first. */
function totalsByYear(history: HistorySeries[]): YearValue[] {
  const totals = history.filter((h) => h.indicator === "ghg.total").sort((a, b) => Number(b.source.startsWith("inventory-")) - Number(a.source.startsWith("inventory-")));
  const byYear = new Map<number, number>();
  for (const h of totals) for (const p of h.points) if (!byYear.has(p.year)) byYear.set(p.year, p.tCO2e);
  return [...byYear].map(([year, tCO2e]) => ({ year, tCO2e })).sort((a, b) => a.year - b.year);
}

/**
 * The pathway of one of a city's targets: observed history, the target's trajectory, business
 * as usual, the planned actions as wedges, the planned pathway and its gap to the trajectory,
 * Paris-aligned reference lines, the comparison with the country's NDC and cumulative emissions
 * against the target's budget.
 */
export async function cityPathway(ctx: AppContext, city: string, targetId: string): Promise<PathwayView> {
  const c = await ctx.cities.get(city);
  if (!c) throw notFound("city", city);
  const target = await ctx.targets.get(targetId);
  if (!target || target.city !== city) throw new NotFoundError(`${city} has no target with id "${targetId}"`, { code: "not_found.target", params: { id: targetId } });
  const refs = climateTables().pathway;

  const history = historyOf(await ctx.observations.forCity(city));
  const totals = totalsByYear(history);
  const trajectory = targetTrajectory(target);
  const end = trajectory[trajectory.length - 1]!.year;
  const years = trajectory.map((p) => p.year);
  const bau = businessAsUsual({ baseYear: target.baseYear, baseTCO2e: target.baseEmissions, toYear: end, rates: target.bau });
  const actions = await ctx.climateActions.listForCity(city);
  const wedges = actions.map((action) => ({ action, series: wedge({ id: action.id, startYear: action.startYear, fullYear: action.fullYear, reductionTCO2e: action.reductionTCO2e }, years) }));
  const planned = plannedPathway(bau, wedges.map((w) => w.series));

  const anchorFor = (referenceYear: number | null): YearValue | null => {
    if (referenceYear === null || referenceYear === target.baseYear) return { year: target.baseYear, tCO2e: target.baseEmissions };
    return totals.find((p) => p.year === referenceYear) ?? null;
  };
  const lines = refs.lines.map((l) => referenceLine(l, anchorFor(l.referenceYear)));
  const perCapita = refs.perCapita.map((p) =>
    perCapitaReference(p, target.basePopulation === null ? null : projectedPopulation(target.basePopulation, target.baseYear, p.year, target.bau)),
  );
  const ndc = refs.ndcs.find((n) => n.countries.includes(c.country)) ?? null;

  const within = (s: YearValue[]) => s.filter((p) => p.year <= target.targetYear);
  const sum = (s: YearValue[]) => within(s).reduce((t, p) => t + p.tCO2e, 0);
  return {
    city,
    target,
    targetEmissions: targetEmissions(target),
    history,
    trajectory,
    bau,
    wedges,
    planned,
    gap: gap(planned, trajectory),
    referenceLines: [...lines, ...perCapita],
    ndc: ndc ? { id: ndc.id, names: ndc.names, source: ndc.source, checks: ndcComparison(ndc, { trajectory, netZeroYear: target.netZeroYear, history: totals }) } : null,
    cumulative: { trajectory: sum(trajectory), planned: sum(planned) },
    budget: target.budget
      ? { source: target.budget.source, trajectory: budgetCheck(within(trajectory), target.budget.tCO2e), planned: budgetCheck(within(planned), target.budget.tCO2e) }
      : null,
  };
}
