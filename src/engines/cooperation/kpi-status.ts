/** A KPI's traffic light: where it stands against the straight line from its baseline to its target. */

export type KpiStatus = "on_track" | "at_risk" | "off_track" | "no_data";
/** Which way the KPI must move: down (e.g. tCO2e, µg/m³), up (e.g. % of trips) or stay. */
export type KpiDirection = "reduction" | "increase" | "maintain";

export interface DatedValue {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** In the KPI's unit. */
  value: number;
}

export interface KpiStatusInput {
  baseline: DatedValue;
  /** Target value, reached by 31 December of `year`. */
  target: { value: number; year: number };
  /** Recorded values in the KPI's unit, any order; only those after the baseline date and not after `asOf` count. */
  values: DatedValue[];
  /** The day of the judgement, `YYYY-MM-DD` (engines read no clock: the caller passes today). */
  asOf: string;
}

/** Share of the expected progress (0–1) at or above which a KPI is on track, resp. at risk. */
export interface KpiThresholds {
  onTrack: number;
  atRisk: number;
}

/** Progress ≥ 90 % of the expected progress: on track; ≥ 60 %: at risk; below: off track. */
export const KPI_THRESHOLDS: KpiThresholds = { onTrack: 0.9, atRisk: 0.6 };

/** For a KPI that must stay at its level: relative deviation from the target ≤ 5 % on track, ≤ 15 % at risk. */
const MAINTAIN_TOLERANCE = { onTrack: 0.05, atRisk: 0.15 };

export interface KpiStatusResult {
  status: KpiStatus;
  direction: KpiDirection;
  /** `YYYY-12-31` of the target year. */
  targetDate: string;
  latest: DatedValue | null;
  /** Value on the straight line baseline → target at the latest value's date. */
  expectedValue: number | null;
  /** Achieved share of the planned change at the latest value, % (negative = moved the wrong way). */
  progressPct: number | null;
  /** Share of the planned change the straight line expects by the latest value's date, %. */
  expectedPct: number | null;
  /** Least-squares line through the baseline and the values, projected to the target date; null with fewer than two recorded values. */
  projectedValue: number | null;
  /** Why, in English and Chinese. */
  reason: { en: string; zh: string };
}

const DAY_MS = 86_400_000;

function days(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

const WORDS: Record<KpiStatus, { en: string; zh: string }> = {
  on_track: { en: "on track", zh: "正常" },
  at_risk: { en: "at risk", zh: "有风险" },
  off_track: { en: "off track", zh: "偏离" },
  no_data: { en: "not yet reported", zh: "尚未报告" },
};
const RANK: Record<KpiStatus, number> = { on_track: 0, at_risk: 1, off_track: 2, no_data: 3 };

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function judge(ratio: number, t: KpiThresholds): KpiStatus {
  return ratio >= t.onTrack ? "on_track" : ratio >= t.atRisk ? "at_risk" : "off_track";
}

/** Ordinary least squares y = a + b·x; null when every x is the same. */
function leastSquares(points: { x: number; y: number }[]): { a: number; b: number } | null {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const b = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { a: my - b * mx, b };
}

/**
 * Judges a KPI from its trajectory. Method:
 * 1. Direction: target below baseline → reduction, above → increase, equal → maintain.
 * 2. Only values dated after the baseline and not after `asOf` count; none → `no_data` ("not yet reported").
 * 3. Target already met by the latest value (≤ target for a reduction, ≥ for an increase) → on track.
 * 4. progress = (latest − baseline) / (target − baseline); expected = elapsed share of the time from the
 *    baseline date to 31 Dec of the target year, at the latest value's date (so a value is compared with
 *    the line on the day it was measured). ratio = progress / expected: ≥ 0.9 on track, ≥ 0.6 at risk,
 *    else off track (`thresholds`).
 * 5. With two or more recorded values, an ordinary least-squares line through the baseline and the values
 *    is projected to the target date; the projected share of the planned change is judged with the same
 *    thresholds, and the worse of the two judgements is the status (a good last value on a falling trend
 *    is still at risk).
 * A KPI to maintain is on track within ±5 % of its target, at risk within ±15 %, else off track.
 * @example kpiStatus({ baseline: { date: "2020-01-01", value: 100 }, target: { value: 50, year: 2029 },
 *   values: [{ date: "2025-01-01", value: 70 }], asOf: "2025-06-01" }).status //=> "on_track"
 * Source: linear target trajectory as in GPC 2014 ch. 11 (tracking goals) and the GCoM Common Reporting
 * Framework; least squares after Gauss (ordinary least squares). Thresholds are citybridge's own.
 */
export function kpiStatus(input: KpiStatusInput, thresholds: KpiThresholds = KPI_THRESHOLDS): KpiStatusResult {
  const { baseline, target } = input;
  if (!Number.isInteger(target.year)) throw new RangeError("target year must be a whole number");
  const targetDate = `${String(target.year).padStart(4, "0")}-12-31`;
  const t0 = days(baseline.date);
  const t1 = days(targetDate);
  const asOf = days(input.asOf);
  if (t1 <= t0) throw new RangeError(`the target date ${targetDate} must come after the baseline date ${baseline.date}`);
  const change = target.value - baseline.value;
  const direction: KpiDirection = change < 0 ? "reduction" : change > 0 ? "increase" : "maintain";
  const counted = input.values
    .filter((v) => Number.isFinite(v.value) && days(v.date) > t0 && days(v.date) <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const base = { direction, targetDate };
  const latest = counted[counted.length - 1];
  if (!latest) {
    return { ...base, status: "no_data", latest: null, expectedValue: null, progressPct: null, expectedPct: null, projectedValue: null, reason: WORDS.no_data };
  }
  const tl = days(latest.date);
  const elapsed = Math.min(1, (tl - t0) / (t1 - t0));
  const expectedValue = baseline.value + change * elapsed;
  const fit = counted.length >= 2 ? leastSquares([{ x: t0, y: baseline.value }, ...counted.map((v) => ({ x: days(v.date), y: v.value }))]) : null;
  const projectedValue = fit ? fit.a + fit.b * t1 : null;
  const expectedPct = elapsed * 100;

  if (direction === "maintain") {
    const scale = Math.abs(target.value) || 1;
    const dev = Math.abs(latest.value - target.value) / scale;
    const status: KpiStatus = dev <= MAINTAIN_TOLERANCE.onTrack ? "on_track" : dev <= MAINTAIN_TOLERANCE.atRisk ? "at_risk" : "off_track";
    const pct = round(dev * 100);
    return {
      ...base, status, latest, expectedValue, progressPct: null, expectedPct, projectedValue,
      reason: {
        en: `To be kept at ${target.value}; on ${latest.date} it was ${latest.value} (${pct} % off; within 5 % on track, within 15 % at risk): ${WORDS[status].en}.`,
        zh: `目标为保持在${target.value}；${latest.date}为${latest.value}（偏差${pct}%；5%以内为正常，15%以内为有风险）：${WORDS[status].zh}。`,
      },
    };
  }

  const progress = (latest.value - baseline.value) / change;
  const progressPct = progress * 100;
  const met = direction === "reduction" ? latest.value <= target.value : latest.value >= target.value;
  if (met) {
    return {
      ...base, status: "on_track", latest, expectedValue, progressPct, expectedPct, projectedValue,
      reason: {
        en: `Target ${target.value} already met: ${latest.value} on ${latest.date}. ${WORDS.on_track.en}.`,
        zh: `已达到目标${target.value}：${latest.date}为${latest.value}。${WORDS.on_track.zh}。`,
      },
    };
  }
  const now = judge(progress / elapsed, thresholds);
  const projected = projectedValue === null ? null : judge((projectedValue - baseline.value) / change, thresholds);
  const status = projected !== null && RANK[projected] > RANK[now] ? projected : now;
  const p = round(progressPct);
  const e = round(expectedPct);
  let en = `By ${latest.date}, ${p} % of the planned change from ${baseline.value} to ${target.value}; the straight line expects ${e} % (on track from 90 % of that, at risk from 60 %)`;
  let zh = `截至${latest.date}，已完成从${baseline.value}到${target.value}计划变化的${p}%；按基线至目标的直线应完成${e}%（达到其90%为正常，60%为有风险）`;
  if (projectedValue !== null) {
    const pv = round(projectedValue, 2);
    en += `; the trend of the recorded values reaches ${pv} by ${targetDate}`;
    zh += `；按已记录数值的趋势，到${targetDate}将为${pv}`;
  }
  return {
    ...base, status, latest, expectedValue, progressPct, expectedPct, projectedValue,
    reason: { en: `${en}: ${WORDS[status].en}.`, zh: `${zh}：${WORDS[status].zh}。` },
  };
}

/** The status word in both languages, e.g. `{ en: "at risk", zh: "有风险" }`. */
export function kpiStatusWords(status: KpiStatus): { en: string; zh: string } {
  return WORDS[status];
}
