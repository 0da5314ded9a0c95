import { InvalidInputError } from "../../errors.js";
import { simplexLeastSquares } from "./simplex-least-squares.js";
import { fewDonors, fewPostYears, fewPreYears, type ImpactWarning, interpolatedFit, MIN_DONORS, MIN_POST_YEARS, MIN_PRE_YEARS, outsideDonorRange, POOR_FIT_SHARE, poorPreFit } from "./warnings.js";

/** One value of a panel: a unit (city, state…) in a year. */
export interface PanelValue {
  unit: string;
  year: number;
  value: number;
}

export interface SyntheticControlInput {
  panel: readonly PanelValue[];
  treated: string;
  /** First treated year: years before it are the pre-period, it and later years the post-period. */
  start: number;
  /** First year of the pre-period (default: the treated unit's first year). */
  preFrom?: number;
  /** The donor candidates (default: every other unit of the panel). */
  donors?: readonly string[];
  /** What the verdict is about, e.g. "Chongqing's CO2 emissions" / "重庆市的二氧化碳排放量" (default: the unit's value). */
  subject?: { en: string; zh: string };
}

export interface UnitWeight {
  unit: string;
  weight: number;
}

export interface SeriesPoint {
  year: number;
  actual: number;
  synthetic: number;
  gap: number;
}

export interface PlaceboRun {
  unit: string;
  preRmspe: number;
  postRmspe: number;
  /** postRmspe / preRmspe; null when the pre-period fit is exact (division by zero). */
  ratio: number | null;
  /** Gap (placebo actual − its synthetic) per year of `years`. */
  gaps: number[];
}

export interface LeaveOneOutRun {
  /** The donor left out. */
  unit: string;
  preRmspe: number;
  postRmspe: number;
  ratio: number | null;
  meanPostGap: number;
  /** The synthetic series without that donor, per year of `years`. */
  synthetic: number[];
}

export interface SyntheticControlResult {
  treated: string;
  start: number;
  /** The years evaluated: the treated unit's years from `preFrom` on, ascending. */
  years: number[];
  preFrom: number;
  /** Donors used (order of the panel's first appearance). */
  donors: string[];
  /** Donor candidates left out because they lack the outcome in some year of the window. */
  excluded: { unit: string; missingYears: number[] }[];
  /** Donors with positive weight, largest first. */
  weights: UnitWeight[];
  series: SeriesPoint[];
  preRmspe: number;
  postRmspe: number;
  ratio: number | null;
  /** Mean post-period gap and its share of the synthetic control's mean post-period level. */
  meanPostGap: number;
  meanPostGapShare: number | null;
  placebo: {
    /** 1 + the placebos whose ratio is at least the treated unit's. */
    rank: number;
    /** Units ranked: the treated one and every placebo run. */
    of: number;
    /** rank / of. */
    pValue: number;
    runs: PlaceboRun[];
  };
  leaveOneOut: LeaveOneOutRun[];
  /** Difference in differences: (treated post − pre mean) − (donor-average post − pre mean). */
  did: { estimate: number; treatedPre: number; treatedPost: number; donorsPre: number; donorsPost: number };
  warnings: ImpactWarning[];
  /** The answer in plain words. */
  verdict: { en: string; zh: string };
}

/** Weights below this are reported as zero (the solver's own zeros are exact). */
const WEIGHT_EPS = 1e-9;
/** Relative tolerance when comparing placebo ratios with the treated unit's (ties count against it). */
const RATIO_TIE = 1e-9;
/** A pre-period RMSPE below this share of the outcome's size is rounding: the fit is exact. */
const EXACT_FIT = 1e-10;

interface Fit {
  synthetic: Float64Array;
  weights: Float64Array;
  preRmspe: number;
  postRmspe: number;
}

function rmspe(actual: Float64Array, synthetic: Float64Array, from: number, to: number): number {
  if (to <= from) return NaN;
  let s = 0;
  for (let i = from; i < to; i++) s += (actual[i]! - synthetic[i]!) ** 2;
  return Math.sqrt(s / (to - from));
}

/** Fits `y` (all years) on the donors' pre-period values; the synthetic series covers every year. */
function fit(y: Float64Array, donors: readonly Float64Array[], nPre: number): Fit {
  const { weights } = simplexLeastSquares(donors.map((d) => d.subarray(0, nPre)), y.subarray(0, nPre));
  const synthetic = new Float64Array(y.length);
  for (let j = 0; j < donors.length; j++) {
    const w = weights[j]!;
    if (w === 0) continue;
    const d = donors[j]!;
    for (let i = 0; i < y.length; i++) synthetic[i] = synthetic[i]! + w * d[i]!;
  }
  let level = 0;
  for (let i = 0; i < nPre; i++) level = Math.max(level, Math.abs(y[i]!));
  const pre = rmspe(y, synthetic, 0, nPre);
  // An exact pre-period fit up to rounding counts as exact, whatever order the sums ran in.
  return { synthetic, weights, preRmspe: pre <= EXACT_FIT * (1 + level) ? 0 : pre, postRmspe: rmspe(y, synthetic, nPre, y.length) };
}

const ratioOf = (pre: number, post: number): number => (pre > 0 ? post / pre : post > 0 ? Infinity : 0);
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const mean = (xs: ArrayLike<number>, from = 0, to = xs.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s / (to - from);
};

/**
 * Synthetic control (Abadie & Gardeazabal 2003; Abadie, Diamond & Hainmueller 2010) on the
 * outcome alone: donor weights w ≥ 0, Σw = 1 minimising the squared pre-period gap, found exactly
 * (simplex-least-squares.ts); the actual, synthetic and gap series; pre/post RMSPE and their
 * ratio; in-space placebos (each donor treated in turn against the other donors) ranked by that
 * ratio, p = rank / (donors + 1); leave-one-out over the donors with positive weight; and a
 * difference-in-differences estimate against the donors' plain average.
 *
 * The window is the treated unit's years from `preFrom` on. A donor candidate must have a value in
 * every year of the window, else it is excluded (and listed). Values must be finite.
 *
 * @throws InvalidInputError when the treated unit is not in the panel, when it has no year before
 * `start` (from `preFrom`) or none from `start` on, or when no donor has the whole window.
 */
export function syntheticControl(input: SyntheticControlInput): SyntheticControlResult {
  const { treated, start } = input;
  const byUnit = new Map<string, Map<number, number>>();
  for (const { unit, year, value } of input.panel) {
    if (!Number.isFinite(value)) throw new InvalidInputError(`value of ${unit} in ${year} is not a finite number`, [{ column: "value", value: String(value), message: "is not a finite number" }], undefined, { code: "impact.value_not_finite", params: { unit, year } });
    let m = byUnit.get(unit);
    if (!m) byUnit.set(unit, (m = new Map()));
    m.set(year, value);
  }
  const own = byUnit.get(treated);
  if (!own) throw new InvalidInputError(`the treated unit ${treated} is not in the panel`, [{ column: "treated", value: treated, message: "is not a unit of the panel" }], undefined, { code: "impact.treated_not_in_panel", params: { unit: treated } });
  const allYears = [...own.keys()].sort((a, b) => a - b);
  const preFrom = input.preFrom ?? allYears[0]!;
  const years = allYears.filter((y) => y >= preFrom);
  const nPre = years.filter((y) => y < start).length;
  if (nPre === 0) {
    throw new InvalidInputError(`${treated} has no value before ${start}${input.preFrom !== undefined ? ` from ${preFrom}` : ""}: there is no pre-period`, [
      { column: "start", value: String(start), message: `leaves no pre-period (${treated} has values ${allYears[0]}–${allYears[allYears.length - 1]})` },
    ], undefined, { code: "impact.no_pre_period", params: { unit: treated, start } });
  }
  if (nPre === years.length) {
    throw new InvalidInputError(`${treated} has no value from ${start} on: there is no post-period`, [
      { column: "start", value: String(start), message: `leaves no post-period (${treated} has values ${allYears[0]}–${allYears[allYears.length - 1]})` },
    ], undefined, { code: "impact.no_post_period", params: { unit: treated, start } });
  }

  const candidates = (input.donors ?? [...byUnit.keys()]).filter((u, i, all) => u !== treated && all.indexOf(u) === i);
  const donors: string[] = [];
  const donorValues: Float64Array[] = [];
  const excluded: { unit: string; missingYears: number[] }[] = [];
  for (const unit of candidates) {
    const m = byUnit.get(unit);
    const missingYears = years.filter((y) => m?.get(y) === undefined);
    if (missingYears.length > 0) {
      excluded.push({ unit, missingYears });
      continue;
    }
    donors.push(unit);
    donorValues.push(Float64Array.from(years, (y) => m!.get(y)!));
  }
  if (donors.length === 0) {
    throw new InvalidInputError(`no donor has a value in every year ${years[0]}–${years[years.length - 1]}`, [{ column: "donors", message: `none of ${candidates.length} candidate(s) covers the whole window` }], undefined, { code: "impact.no_complete_donor", params: { from: years[0]!, to: years[years.length - 1]!, count: candidates.length } });
  }
  const y = Float64Array.from(years, (yr) => own.get(yr)!);
  const T = years.length;

  const main = fit(y, donorValues, nPre);
  const ratio = ratioOf(main.preRmspe, main.postRmspe);
  const series: SeriesPoint[] = years.map((year, i) => ({ year, actual: y[i]!, synthetic: main.synthetic[i]!, gap: y[i]! - main.synthetic[i]! }));
  const weights: UnitWeight[] = donors
    .map((unit, j) => ({ unit, weight: main.weights[j]! }))
    .filter((w) => w.weight > WEIGHT_EPS)
    .sort((a, b) => b.weight - a.weight || (a.unit < b.unit ? -1 : 1));

  // In-space placebos: each donor against the others (never against the treated unit).
  const runs: PlaceboRun[] = [];
  if (donors.length > 1) {
    for (let k = 0; k < donors.length; k++) {
      const others = donorValues.filter((_, j) => j !== k);
      const p = fit(donorValues[k]!, others, nPre);
      runs.push({
        unit: donors[k]!,
        preRmspe: p.preRmspe,
        postRmspe: p.postRmspe,
        ratio: finiteOrNull(ratioOf(p.preRmspe, p.postRmspe)),
        gaps: Array.from(donorValues[k]!, (v, i) => v - p.synthetic[i]!),
      });
    }
  }
  let atLeast = 0;
  for (const r of runs) {
    const pr = ratioOf(r.preRmspe, r.postRmspe);
    if (pr >= ratio * (1 - RATIO_TIE)) atLeast++;
  }
  const rank = 1 + atLeast;
  const of = runs.length + 1;

  // Leave-one-out over the donors with positive weight.
  const leaveOneOut: LeaveOneOutRun[] = [];
  if (donors.length > 1) {
    for (const w of weights) {
      const j = donors.indexOf(w.unit);
      const l = fit(y, donorValues.filter((_, q) => q !== j), nPre);
      leaveOneOut.push({
        unit: w.unit,
        preRmspe: l.preRmspe,
        postRmspe: l.postRmspe,
        ratio: finiteOrNull(ratioOf(l.preRmspe, l.postRmspe)),
        meanPostGap: mean(Array.from(y, (v, i) => v - l.synthetic[i]!), nPre, T),
        synthetic: Array.from(l.synthetic),
      });
    }
  }

  // Difference in differences against the donors' plain average.
  const donorMean = Float64Array.from(years, (_, i) => mean(donorValues.map((d) => d[i]!)));
  const treatedPre = mean(y, 0, nPre);
  const treatedPost = mean(y, nPre, T);
  const donorsPre = mean(donorMean, 0, nPre);
  const donorsPost = mean(donorMean, nPre, T);
  const did = { estimate: treatedPost - treatedPre - (donorsPost - donorsPre), treatedPre, treatedPost, donorsPre, donorsPost };

  const meanPostGap = mean(Float64Array.from(series, (s) => s.gap), nPre, T);
  const synthPost = mean(main.synthetic, nPre, T);
  const meanPostGapShare = synthPost !== 0 ? meanPostGap / Math.abs(synthPost) : null;

  const warnings: ImpactWarning[] = [];
  const level = mean(Float64Array.from(y.subarray(0, nPre), Math.abs));
  const poorFit = !(main.preRmspe <= POOR_FIT_SHARE * level);
  if (poorFit) warnings.push(poorPreFit(main.preRmspe, level));
  const fewPre = nPre < MIN_PRE_YEARS;
  if (fewPre) warnings.push(fewPreYears(nPre, donors.length));
  // An exact fit with about as many positive weights as pre-period years is interpolation, not evidence.
  const interpolated = !fewPre && main.preRmspe === 0 && weights.length >= nPre;
  if (interpolated) warnings.push(interpolatedFit(nPre, weights.length));
  if (T - nPre < MIN_POST_YEARS) warnings.push(fewPostYears(T - nPre));
  if (donors.length < MIN_DONORS) warnings.push(fewDonors(donors.length));
  let above = 0;
  let below = 0;
  for (let i = 0; i < nPre; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const d of donorValues) {
      lo = Math.min(lo, d[i]!);
      hi = Math.max(hi, d[i]!);
    }
    if (y[i]! > hi) above++;
    else if (y[i]! < lo) below++;
  }
  if (above > 0) warnings.push(outsideDonorRange(above, nPre, true));
  if (below > 0) warnings.push(outsideDonorRange(below, nPre, false));

  const pValue = rank / of;
  return {
    treated,
    start,
    years,
    preFrom,
    donors,
    excluded,
    weights,
    series,
    preRmspe: main.preRmspe,
    postRmspe: main.postRmspe,
    ratio: finiteOrNull(ratio),
    meanPostGap,
    meanPostGapShare,
    placebo: { rank, of, pValue, runs },
    leaveOneOut,
    did,
    warnings,
    verdict: verdict(input.subject ?? { en: `${treated}'s value`, zh: `${treated}的数值` }, start, meanPostGapShare, meanPostGap, rank, of, pValue, poorFit, fewPre ? nPre : null, interpolated ? weights.length : null),
  };
}

/** "Chongqing's CO2 emissions from 2017 on were 4.1 % below its synthetic control; 2 of 30 … p = 0.07; the pre-2017 fit is good." */
function verdict(subject: { en: string; zh: string }, start: number, share: number | null, gap: number, rank: number, of: number, p: number, poorFit: boolean, fewPreYears: number | null, interpolatedWeights: number | null): { en: string; zh: string } {
  const below = gap < 0;
  const size = share !== null ? `${Math.abs(share * 100).toFixed(1)} %` : gap.toPrecision(3);
  const pText = p.toFixed(2);
  const others = rank - 1;
  const chance = p <= 0.1;
  const en = [
    `${subject.en} from ${start} on ${gap === 0 ? "matched" : `${/s$/.test(subject.en) ? "were" : "was"} ${size} ${below ? "below" : "above"}`} the synthetic control`,
    `${others} of ${of - 1} placebo unit(s) show a post/pre error ratio as large: p = ${pText}${chance ? "" : " — no effect that can be told apart from chance"}`,
    poorFit ? `the pre-${start} fit is poor, so the gap is not a reliable estimate`
      : fewPreYears !== null ? `the pre-${start} fit rests on only ${fewPreYears} year(s), too few to trust it`
      : interpolatedWeights !== null ? `the pre-${start} fit is exact only because ${interpolatedWeights} donors can match so few years, so it proves little`
      : `the pre-${start} fit is good`,
  ].join("; ");
  const zh = [
    gap === 0 ? `${subject.zh}自 ${start} 年起与合成控制持平` : `${subject.zh}自 ${start} 年起比合成控制${below ? "低" : "高"} ${size}`,
    `${of - 1} 个安慰剂单元中有 ${others} 个的事后/事前误差比同样大：p = ${pText}${chance ? "" : "，无法与偶然波动区分，未检测到效果"}`,
    poorFit ? `${start} 年之前的拟合较差，差距不能可靠地估计效果`
      : fewPreYears !== null ? `${start} 年之前的拟合只基于 ${fewPreYears} 年数据，年份太少，不足为信`
      : interpolatedWeights !== null ? `${start} 年之前的拟合完全吻合，只是因为 ${interpolatedWeights} 个对照城市足以拟合这么少的年份，说明力有限`
      : `${start} 年之前的拟合良好`,
  ].join("；");
  return { en: `${en}.`, zh: `${zh}。` };
}
