import { MIN_POST_YEARS, MIN_PRE_YEARS } from "../engines/impact/warnings.js";
import type { ImpactWarning } from "../engines/impact/warnings.js";
import { InvalidInputError, notFound, type ProblemCode, type ProblemParams } from "../errors.js";
import type { AppContext } from "./context.js";
import { evaluateCityImpact, type ImpactInputs, impactInputs } from "./impact-evaluation.js";

type Words = { en: string; zh: string };

/** An indicator a city has yearly values of, and how many fall before and from a start year. */
export interface ImpactIndicatorYears {
  code: string;
  names: Words;
  unit: string;
  years: number[];
  preYears: number;
  postYears: number;
  /** At least one year before the start and one from it on: the engine can run. */
  evaluable: boolean;
  /** At least 5 years before and 3 from the start on: the answer can be more than a hint. */
  enough: boolean;
}

/**
 * The indicators of a city that have yearly values, with their years before and from `start`:
 * what an impact evaluation of the city could use (most years before the start first).
 */
export async function impactIndicatorsForCity(ctx: AppContext, slug: string, start: number): Promise<ImpactIndicatorYears[]> {
  const city = await ctx.cities.get(slug);
  if (!city) throw notFound("city", slug);
  const years = new Map<string, Set<number>>();
  let after = null;
  for (;;) {
    const page = await ctx.observations.page({ city: slug }, after, 5000);
    for (const o of page) {
      if (!/^\d{4}$/.test(o.period)) continue;
      let s = years.get(o.indicator);
      if (!s) years.set(o.indicator, (s = new Set()));
      s.add(Number(o.period));
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]!;
  }
  const catalogue = new Map((await ctx.indicators.list()).map((i) => [i.code, i]));
  const out: ImpactIndicatorYears[] = [];
  for (const [code, set] of years) {
    const i = catalogue.get(code);
    if (!i || set.size < 2) continue;
    const ys = [...set].sort((a, b) => a - b);
    const preYears = ys.filter((y) => y < start).length;
    const postYears = ys.length - preYears;
    out.push({ code, names: i.names, unit: i.unit, years: ys, preYears, postYears, evaluable: preYears > 0 && postYears > 0, enough: preYears >= MIN_PRE_YEARS && postYears >= MIN_POST_YEARS });
  }
  return out.sort((a, b) => b.preYears - a.preYears || (a.code < b.code ? -1 : 1));
}

export type ProgrammeImpactStatus = "evaluated" | "no_start" | "no_data" | "no_pre_years" | "no_post_years" | "not_evaluable";

/** One member city × indicator of a programme's cooperations, evaluated from the cooperation's start. */
export interface ProgrammeImpactRow {
  cooperation: { id: string; names: { en: string; zh: string | null } };
  city: { slug: string; names: Words; country: string };
  indicator: { code: string; names: Words; unit: string };
  start: number | null;
  status: ProgrammeImpactStatus;
  /** Why there is no evaluation (null when evaluated). */
  reason: Words | null;
  /** For `not_evaluable`: the problem the evaluation raised, as a code with its params (src/problem-codes.ts), for clients to render. */
  problem?: { code: ProblemCode; params: ProblemParams };
  /** The city's yearly values of the indicator from the start year on, and before it. */
  preYears: number;
  postYears: number;
  /** Mean post-period gap as a share of the synthetic control's post-period level (−0.05: 5 % below). */
  effectShare: number | null;
  meanPostGap: number | null;
  pValue: number | null;
  rank: number | null;
  of: number | null;
  preRmspe: number | null;
  /** Pre-period RMSPE as a share of the city's mean pre-period level. */
  preFitShare: number | null;
  /** good; poor (RMSPE above 5 % of the level); few_years (fewer than 5 years before the start); interpolated (exact with about as many weights as years). */
  preFit: "good" | "poor" | "few_years" | "interpolated" | null;
  donors: number | null;
  warnings: ImpactWarning[];
  verdict: Words | null;
}

export interface ProgrammeImpact {
  programme: { id: string; names: { en: string; zh: string | null } };
  indicators: string[];
  rows: ProgrammeImpactRow[];
}

const reasons: Record<Exclude<ProgrammeImpactStatus, "evaluated" | "not_evaluable">, (n: Words, ind: Words, start: number | null) => Words> = {
  no_start: () => ({ en: "The cooperation has no start date.", zh: "该合作没有开始日期。" }),
  no_data: (n, ind) => ({ en: `${n.en} has no yearly value of ${ind.en}.`, zh: `${n.zh}没有${ind.zh}的年度数据。` }),
  no_pre_years: (n, ind, start) => ({ en: `${n.en} has no value of ${ind.en} before ${start}: not enough years before the start.`, zh: `${n.zh}在 ${start} 年之前没有${ind.zh}的数据：开始前的年份不足。` }),
  no_post_years: (n, ind, start) => ({ en: `${n.en} has no value of ${ind.en} from ${start} on: nothing after the start yet.`, zh: `${n.zh}自 ${start} 年起没有${ind.zh}的数据：开始后尚无数据。` }),
};

/**
 * Every member city × indicator of a programme's cooperations, evaluated by synthetic control from
 * the cooperation's start year (country donors, automatic pre-period): the effect, the placebo
 * p-value, the pre-period fit and the warnings — or, where there is no evaluation, why. The data
 * are read once for all rows, and evaluations are kept while the database is unchanged.
 */
export async function evaluateProgrammeImpact(ctx: AppContext, programmeId: string, indicatorCodes: string[], inputs: ImpactInputs = impactInputs(ctx)): Promise<ProgrammeImpact> {
  const programme = await ctx.programmes.get(programmeId);
  if (!programme) throw notFound("programme", programmeId);
  const catalogue = new Map((await ctx.indicators.list()).map((i) => [i.code, i]));
  const unknown = indicatorCodes.filter((c) => !catalogue.has(c));
  if (unknown.length) throw new InvalidInputError(`unknown indicator(s): ${unknown.join(", ")}`, unknown.map((c) => ({ column: "indicator", value: c, message: "is not an indicator code" })), undefined, { code: "impact.unknown_indicators", params: { codes: unknown.join(", ") } });
  const cooperations = (await inputs.cooperations()).filter((c) => c.programmeId === programme.id).sort((a, b) => (a.id < b.id ? -1 : 1));
  const points = new Map((await inputs.points()).map((p) => [p.slug, p]));
  const rows: ProgrammeImpactRow[] = [];
  for (const code of indicatorCodes) {
    const indicator = catalogue.get(code)!;
    const ind = { en: indicator.names.en, zh: indicator.names.zh };
    const yearly = await inputs.yearly(code);
    for (const c of cooperations) {
      const start = c.startDate ? Number(c.startDate.slice(0, 4)) : null;
      for (const m of c.members) {
        const p = points.get(m.slug);
        const names = { en: p?.names.en ?? m.slug, zh: p?.names.zh ?? p?.names.en ?? m.slug };
        const own = [...(yearly.get(m.slug)?.keys() ?? [])];
        const preYears = start === null ? 0 : own.filter((y) => y < start).length;
        const base: ProgrammeImpactRow = {
          cooperation: { id: c.id, names: c.names },
          city: { slug: m.slug, names, country: p?.country ?? m.country },
          indicator: { code, names: ind, unit: indicator.unit },
          start, status: "evaluated", reason: null, preYears, postYears: own.length - preYears,
          effectShare: null, meanPostGap: null, pValue: null, rank: null, of: null, preRmspe: null, preFitShare: null, preFit: null, donors: null, warnings: [], verdict: null,
        };
        const status: keyof typeof reasons | null =
          start === null ? "no_start" : own.length === 0 ? "no_data" : base.preYears === 0 ? "no_pre_years" : base.postYears === 0 ? "no_post_years" : null;
        if (status) {
          rows.push({ ...base, status, reason: reasons[status](names, ind, start) });
          continue;
        }
        try {
          const r = await evaluateCityImpact(ctx, { city: m.slug, indicator: code, start: start! }, inputs);
          const nPre = r.series.filter((s) => s.year < r.start).length;
          const level = r.series.slice(0, nPre).reduce((a, s) => a + Math.abs(s.actual), 0) / nPre;
          const codes = new Set(r.warnings.map((w) => w.code));
          rows.push({
            ...base,
            preYears: nPre,
            postYears: r.series.length - nPre,
            effectShare: r.meanPostGapShare,
            meanPostGap: r.meanPostGap,
            pValue: r.placebo.pValue,
            rank: r.placebo.rank,
            of: r.placebo.of,
            preRmspe: r.preRmspe,
            preFitShare: level > 0 ? r.preRmspe / level : null,
            preFit: codes.has("poor_pre_fit") ? "poor" : codes.has("few_pre_years") ? "few_years" : codes.has("interpolated_fit") ? "interpolated" : "good",
            donors: r.donors.length,
            warnings: r.warnings,
            verdict: r.verdict,
          });
        } catch (e) {
          if (!(e instanceof InvalidInputError)) throw e;
          rows.push({ ...base, status: "not_evaluable", reason: { en: `No evaluation: ${e.message}.`, zh: `无法评估：${e.message}。` }, ...(e.code ? { problem: { code: e.code, params: e.params ?? {} } } : {}) });
        }
      }
    }
  }
  return { programme: { id: programme.id, names: programme.names }, indicators: indicatorCodes, rows };
}
