import { type PanelValue, type SyntheticControlResult, syntheticControl } from "../engines/impact/synthetic-control.js";
import { InvalidInputError, notFound } from "../errors.js";
import { namedParam } from "../problem-codes.js";
import { parseImpactPanel } from "../ingest/impact-panel.js";
import type { CityPoint } from "../domain/city.js";
import type { CooperationRecord } from "../db/repositories/cooperation.repository.js";
import type { AppContext } from "./context.js";
import { counterpartsForCity } from "./counterparts-for-city.js";

/** Which cities may make up the synthetic control. */
export type DonorRule = { kind: "country" } | { kind: "family" } | { kind: "list"; slugs: string[] };

export type DonorExclusionReason = "missing_years" | "same_programme" | "other_cooperation";

/** A donor candidate left out, and why (in words, English and Chinese). */
export interface ExcludedDonor {
  unit: string;
  reason: DonorExclusionReason;
  /** Missing years, or the cooperation that excludes it. */
  detail: string;
  en: string;
  zh: string;
}

export interface CityImpactQuery {
  city: string;
  indicator: string;
  start: number;
  preFrom?: number;
  donors?: DonorRule;
}

export interface CityImpactEvaluation extends SyntheticControlResult {
  indicator: { code: string; names: { en: string; zh: string }; unit: string };
  city: { slug: string; names: { en: string; zh: string } };
  donorRule: DonorRule["kind"];
  /** How the pre-period's first year was chosen. */
  preFromChosen: "given" | "longest_with_enough_donors" | "most_donors";
  /** Every candidate left out: lacking data over the window, or in a cooperation. */
  excludedDonors: ExcludedDonor[];
  /** Names of the treated city and every donor. */
  names: Record<string, { en: string; zh: string }>;
}

/** The automatic pre-period keeps at least this many years… */
const MIN_PRE_YEARS = 5;
/** …and starts as early as leaves at least this many donors with the whole window. */
const ENOUGH_DONORS = 20;
/** How many counterparts make up the "family" donor pool. */
const FAMILY_SIZE = 100;

/** Synthetic control on a CSV panel (`unit,year,value`). */
export function evaluatePanelCsv(text: string, treated: string, start: number, preFrom?: number): SyntheticControlResult {
  const panel = parseImpactPanel(text);
  if (!panel.some((p) => p.unit === treated)) {
    throw new InvalidInputError(`the treated unit "${treated}" is not in the panel`, [{ column: "unit", value: treated, message: `is not a unit of the panel (${new Set(panel.map((p) => p.unit)).size} units)` }], undefined, { code: "impact.treated_not_in_panel", params: { unit: treated } });
  }
  return syntheticControl({ panel, treated, start, preFrom });
}

/** Every yearly observation of an indicator, one value per city and year (the first source by id). */
async function loadYearly(ctx: AppContext, indicator: string): Promise<Map<string, Map<number, number>>> {
  const byCity = new Map<string, Map<number, number>>();
  let after = null;
  for (;;) {
    const page = await ctx.observations.page({ indicator }, after, 5000);
    for (const o of page) {
      if (!/^\d{4}$/.test(o.period)) continue;
      let m = byCity.get(o.city);
      if (!m) byCity.set(o.city, (m = new Map()));
      const year = Number(o.period);
      if (!m.has(year)) m.set(year, o.value);
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]!;
  }
  return byCity;
}

/**
 * What evaluations read from the database — yearly panels per indicator, the cities, the
 * cooperations — and the evaluations made from them, each loaded once. Treat as read-only.
 */
export interface ImpactInputs {
  yearly(indicator: string): Promise<Map<string, Map<number, number>>>;
  points(): Promise<CityPoint[]>;
  cooperations(): Promise<CooperationRecord[]>;
  /** Evaluations already made on these inputs, by city, indicator, start, preFrom and donor rule. */
  evaluations: Map<string, Promise<CityImpactEvaluation>>;
}

function freshInputs(ctx: AppContext): ImpactInputs {
  const yearly = new Map<string, Promise<Map<string, Map<number, number>>>>();
  let points: Promise<CityPoint[]> | undefined;
  let cooperations: Promise<CooperationRecord[]> | undefined;
  const keep = <T>(p: Promise<T>, drop: () => void) => {
    p.catch(drop);
    return p;
  };
  return {
    yearly: (indicator) => {
      let p = yearly.get(indicator);
      if (!p) yearly.set(indicator, (p = keep(loadYearly(ctx, indicator), () => yearly.delete(indicator))));
      return p;
    },
    points: () => (points ??= keep(ctx.cities.points(), () => (points = undefined))),
    cooperations: () => (cooperations ??= keep(ctx.cooperations.list(), () => (cooperations = undefined))),
    evaluations: new Map(),
  };
}

/** Evaluations kept per database state (oldest dropped first). */
const MAX_KEPT_EVALUATIONS = 300;

// The inputs per database, valid while its change token is the same (SQLite: no commit by any
// connection since). PostgreSQL has no token (other instances write): fresh inputs for each call.
const inputsCache = new WeakMap<object, { token: string; inputs: ImpactInputs }>();

/**
 * The inputs of impact evaluations, kept (with the evaluations made from them) while the
 * database's change token is unchanged; without a token (PostgreSQL), new ones each call.
 */
export function impactInputs(ctx: AppContext): ImpactInputs {
  const token = ctx.database.changeToken();
  if (token === null) return freshInputs(ctx);
  const hit = inputsCache.get(ctx.database);
  if (hit && hit.token === token) return hit.inputs;
  const inputs = freshInputs(ctx);
  inputsCache.set(ctx.database, { token, inputs });
  return inputs;
}

/**
 * Did a cooperation move a city's indicator? Synthetic control for a city on the database: the
 * panel is the indicator's yearly values; the donors are, by default, the cities of the same
 * country (or the city's counterpart family in that country, or a chosen list) that have the
 * indicator over the whole window. With the country or family rule, cities in a cooperation of
 * the same programme as the city's, and members of other cooperations that started within the
 * window, are excluded and listed. Without `preFrom`, the pre-period starts at the earliest year
 * that leaves at least 20 donors (at least 5 pre-period years; failing that, the year with the
 * most donors).
 */
export function evaluateCityImpact(ctx: AppContext, q: CityImpactQuery, inputs: ImpactInputs = impactInputs(ctx)): Promise<CityImpactEvaluation> {
  const d = q.donors;
  const key = JSON.stringify([q.city, q.indicator, q.start, q.preFrom ?? null, d?.kind ?? "country", d?.kind === "list" ? d.slugs : null]);
  let p = inputs.evaluations.get(key);
  if (!p) {
    inputs.evaluations.set(key, (p = evaluate(ctx, q, inputs)));
    p.catch(() => inputs.evaluations.delete(key));
    // Keep the most recent ones only: any query (windows, donor lists) makes a new entry.
    if (inputs.evaluations.size > MAX_KEPT_EVALUATIONS) inputs.evaluations.delete(inputs.evaluations.keys().next().value as string);
  }
  return p;
}

async function evaluate(ctx: AppContext, q: CityImpactQuery, inputs: ImpactInputs): Promise<CityImpactEvaluation> {
  const city = await ctx.cities.get(q.city);
  if (!city) throw notFound("city", q.city);
  const indicator = await ctx.indicators.get(q.indicator);
  if (!indicator) throw notFound("indicator", q.indicator);
  const rule: DonorRule = q.donors ?? { kind: "country" };
  const yearly = await inputs.yearly(indicator.code);
  const own = yearly.get(city.slug);
  if (!own || own.size === 0) {
    throw new InvalidInputError(`${city.slug} has no yearly value of ${indicator.code}`, [{ column: "city", value: city.slug, message: `has no yearly value of ${indicator.code}` }], undefined, { code: "impact.no_yearly_values", params: { ...namedParam("city", city.slug, city.names), ...namedParam("indicator", indicator.code, indicator.names) } });
  }
  const points = await inputs.points();
  const info = new Map(points.map((p) => [p.slug, p]));
  const nameOf = (slug: string) => {
    const p = info.get(slug);
    return { en: p?.names.en ?? slug, zh: p?.names.zh ?? p?.names.en ?? slug };
  };

  // Candidates by the rule.
  let candidates: string[];
  if (rule.kind === "list") {
    const problems = rule.slugs.filter((s) => !info.has(s)).map((s) => ({ column: "donors", value: s, message: "is not a city slug" }));
    if (problems.length) throw new InvalidInputError(`${problems.length} donor(s) are not cities`, problems, undefined, { code: "impact.donors_not_cities", params: { count: problems.length } });
    candidates = rule.slugs.filter((s, i, all) => s !== city.slug && all.indexOf(s) === i);
  } else if (rule.kind === "family") {
    const family = await counterpartsForCity(ctx, city.slug, { top: FAMILY_SIZE, country: city.country });
    candidates = family.results.map((r) => r.city);
  } else {
    candidates = [...yearly.keys()].filter((s) => s !== city.slug && info.get(s)?.country === city.country).sort();
  }

  // Cooperations: the same programme's cities are out; so are members of cooperations started in the window.
  const excludedDonors: ExcludedDonor[] = [];
  const cooperations = rule.kind === "list" ? [] : await inputs.cooperations();
  const programmes = new Set(cooperations.filter((c) => c.programmeId && c.members.some((m) => m.slug === city.slug)).map((c) => c.programmeId!));
  const sameProgramme = new Map<string, string>();
  for (const c of cooperations) {
    if (!c.programmeId || !programmes.has(c.programmeId)) continue;
    for (const m of c.members) if (m.slug !== city.slug && !sameProgramme.has(m.slug)) sameProgramme.set(m.slug, c.id);
  }
  candidates = candidates.filter((s) => {
    const coop = sameProgramme.get(s);
    if (coop === undefined) return true;
    excludedDonors.push({
      unit: s,
      reason: "same_programme",
      detail: coop,
      en: `${nameOf(s).en} is in the cooperation ${coop} of the same programme`,
      zh: `${nameOf(s).zh}属于同一项目的合作 ${coop}`,
    });
    return false;
  });

  const years = [...own.keys()].sort((a, b) => a - b);
  const last = years[years.length - 1]!;
  let preFrom = q.preFrom;
  let preFromChosen: CityImpactEvaluation["preFromChosen"] = "given";
  if (preFrom === undefined) {
    const complete = (from: number) => {
      const window = years.filter((y) => y >= from);
      return candidates.filter((s) => window.every((y) => yearly.get(s)?.has(y))).length;
    };
    const options = years.filter((y) => y < q.start && years.filter((x) => x >= y && x < q.start).length >= MIN_PRE_YEARS);
    const enough = options.find((y) => complete(y) >= ENOUGH_DONORS);
    if (enough !== undefined) {
      preFrom = enough;
      preFromChosen = "longest_with_enough_donors";
    } else if (options.length) {
      let best = options[0]!;
      for (const y of options) if (complete(y) > complete(best)) best = y;
      preFrom = best;
      preFromChosen = "most_donors";
    } else {
      preFrom = years[0]!;
      preFromChosen = "most_donors";
    }
  }
  const from = preFrom;
  const started = new Map<string, { id: string; date: string }>();
  for (const c of cooperations) {
    if (!c.startDate) continue;
    const y = Number(c.startDate.slice(0, 4));
    if (y < from || y > last) continue;
    for (const m of c.members) if (m.slug !== city.slug && !started.has(m.slug)) started.set(m.slug, { id: c.id, date: c.startDate });
  }
  candidates = candidates.filter((s) => {
    const c = started.get(s);
    if (!c) return true;
    excludedDonors.push({
      unit: s,
      reason: "other_cooperation",
      detail: c.id,
      en: `${nameOf(s).en} joined the cooperation ${c.id}, which started on ${c.date}, within the window ${from}–${last}`,
      zh: `${nameOf(s).zh}参与的合作 ${c.id} 于 ${c.date} 开始，在评估时段 ${from}–${last} 之内`,
    });
    return false;
  });
  if (candidates.length === 0) {
    throw new InvalidInputError(`no donor city for ${city.slug} (${rule.kind} rule)`, [{ column: "donors", value: rule.kind, message: "leaves no candidate city" }], undefined, { code: "impact.no_donor", params: { ...namedParam("city", city.slug, city.names), rule: rule.kind } });
  }

  const panel: PanelValue[] = [];
  for (const s of [city.slug, ...candidates]) for (const [year, value] of yearly.get(s) ?? []) panel.push({ unit: s, year, value });
  const names = Object.fromEntries([city.slug, ...candidates].map((s) => [s, nameOf(s)]));
  let result: SyntheticControlResult;
  try {
    result = syntheticControl({ panel, treated: city.slug, start: q.start, preFrom, donors: candidates,
      subject: { en: `${names[city.slug]!.en}'s ${indicator.names.en}`, zh: `${names[city.slug]!.zh}的${indicator.names.zh}` },
    });
  } catch (e) {
    // The engine names a unit by its slug: the problem also carries the city's names (a client says 重庆市).
    if (e instanceof InvalidInputError && typeof e.params?.unit === "string") {
      const unit = e.params.unit;
      e.params = { ...e.params, ...namedParam("unit", unit, unit === city.slug ? city.names : info.get(unit)?.names) };
    }
    throw e;
  }
  for (const x of result.excluded) {
    const list = x.missingYears.length > 6 ? `${x.missingYears.slice(0, 6).join(", ")}… (${x.missingYears.length} years)` : x.missingYears.join(", ");
    excludedDonors.push({
      unit: x.unit,
      reason: "missing_years",
      detail: x.missingYears.join(","),
      en: `${nameOf(x.unit).en} has no value in ${list}`,
      zh: `${nameOf(x.unit).zh}缺少 ${list} 年的数据`,
    });
  }
  return {
    ...result,
    indicator: { code: indicator.code, names: indicator.names, unit: indicator.unit },
    city: { slug: city.slug, names: names[city.slug]! },
    donorRule: rule.kind,
    preFromChosen,
    excludedDonors,
    names,
  };
}

/** The CLI's `--json` shape (issue 17): exactly these keys, in this order. */
export function impactJson(r: SyntheticControlResult) {
  return {
    treated: r.treated,
    start: r.start,
    weights: r.weights.map(({ unit, weight }) => ({ unit, weight })),
    series: r.series.map(({ year, actual, synthetic, gap }) => ({ year, actual, synthetic, gap })),
    preRmspe: r.preRmspe,
    postRmspe: r.postRmspe,
    ratio: r.ratio,
    placebo: { rank: r.placebo.rank, of: r.placebo.of, pValue: r.placebo.pValue },
    leaveOneOut: r.leaveOneOut.map(({ unit, preRmspe, postRmspe, ratio, meanPostGap }) => ({ unit, preRmspe, postRmspe, ratio, meanPostGap })),
    did: { estimate: r.did.estimate },
    warnings: r.warnings,
  };
}
