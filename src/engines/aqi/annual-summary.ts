import { COMPLETENESS } from "./data-completeness.js";
import { type DailyValues, HOURLY_POLLUTANTS, type HourlyPollutant } from "./daily-values.js";

/** The daily statistic compared with a daily limit: 24-hour means, and O3's daily maximum 8-hour mean. */
export type LimitKey = "pm25" | "pm10" | "so2" | "no2" | "co" | "o3_8h";

/** A set of daily limit values (µg/m³, CO mg/m³), e.g. the WHO 2021 24-hour guideline levels. */
export interface DailyLimitSet {
  id: string;
  limits: Partial<Record<LimitKey, number>>;
}

/** A day's values with the category level (1–6) of each index, or null when not computed. */
export interface IndexedDay extends DailyValues {
  levels: { cn: number | null; us: number | null; eu: number | null };
  /** China's AQI that day (the good-days count uses AQI ≤ 100). */
  cnAqi: number | null;
}

export interface AnnualPollutant {
  /** Mean of the valid daily values (O3: of the daily maximum 8-hour means). */
  mean: number | null;
  days: number;
  /** Whether the days meet the annual completeness rule (324 a year, 27 a month, 25 in February). */
  complete: boolean;
}

export interface AnnualSummary {
  year: number;
  pollutants: Record<HourlyPollutant, AnnualPollutant>;
  /** Days with a China AQI, and those with AQI ≤ 100 (good or moderate, 优良). */
  aqiDays: number;
  goodDays: number;
  /** goodDays / aqiDays × 100, %. */
  goodDaysShare: number | null;
  /** Whether the AQI days meet the annual completeness rule. */
  aqiComplete: boolean;
  /** Days in each category level 1–6 (index 0 = level 1) under each index. */
  categoryDays: { cn: number[]; us: number[]; eu: number[] };
  /** Days above each limit set's daily limits, per pollutant. */
  exceedances: Record<string, Partial<Record<LimitKey, number>>>;
}

/** 324 days a year and 27 in each month (25 in February), from the days counted per month. Source: GB 3095-2012 Table 4. */
function complete(perMonth: ArrayLike<number>): boolean {
  let days = 0;
  for (let m = 0; m < 12; m++) days += perMonth[m]!;
  if (days < COMPLETENESS.annualMinDays) return false;
  for (let m = 0; m < 12; m++) if (perMonth[m]! < (m === 1 ? COMPLETENESS.februaryMinDays : COMPLETENESS.monthlyMinDays)) return false;
  return true;
}

const dailyStat = (d: DailyValues, k: LimitKey): number | null => (k === "o3_8h" ? d.pollutants.o3.max8h : d.pollutants[k].mean);

/** Where each limit's daily statistic is among a day's values (HOURLY_POLLUTANTS order, O3 as o3_8h). */
const STAT_AT = new Map<string, number>([["pm25", 0], ["pm10", 1], ["so2", 2], ["no2", 3], ["co", 4], ["o3_8h", 5]]);

/** The number of a date's digits from `from` to `to` (exclusive): Number(date.slice(from, to)) without making the slice. */
function dateNumber(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(date.slice(from, to));
    n = n * 10 + digit;
  }
  return n;
}

/** One year's sums and counts as its days are read. */
interface YearCounts {
  sums: Float64Array;
  counts: Int32Array;
  perMonth: Int32Array;
  aqiPerMonth: Int32Array;
  aqiDays: number;
  goodDays: number;
  categoryDays: { cn: number[]; us: number[]; eu: number[] };
  /** Days above each limit, the limit sets' entries one after the other. */
  exceeded: Int32Array;
}

const yearCounts = (limits: number): YearCounts => ({
  sums: new Float64Array(HOURLY_POLLUTANTS.length),
  counts: new Int32Array(HOURLY_POLLUTANTS.length),
  perMonth: new Int32Array(HOURLY_POLLUTANTS.length * 12),
  aqiPerMonth: new Int32Array(12),
  aqiDays: 0,
  goodDays: 0,
  categoryDays: { cn: Array<number>(6).fill(0), us: Array<number>(6).fill(0), eu: Array<number>(6).fill(0) },
  exceeded: new Int32Array(limits),
});

/** Annual summaries made day by day: `add` reads each day at once and keeps nothing of it; `summaries` gives annualSummaries of the days added. */
export interface AnnualCounter {
  add(day: IndexedDay): void;
  summaries(): AnnualSummary[];
}

/**
 * The counter behind annualSummaries, for a caller that makes each day as it goes (and may reuse
 * one object for every day): the days are added in order, so each year's sums are the same as
 * adding up its days one by one.
 * @example const c = annualCounter([who2021]); days.forEach(c.add); c.summaries()[0].aqiDays //=> 365
 * Source: see annualSummaries.
 */
export function annualCounter(limitSets: readonly DailyLimitSet[]): AnnualCounter {
  const limits = limitSets.map((set) => ({ id: set.id, entries: Object.entries(set.limits) as [LimitKey, number][] }));
  const entries = limits.flatMap((set) => set.entries);
  const statAt = entries.map(([k]) => STAT_AT.get(k) ?? -1);
  const n = HOURLY_POLLUTANTS.length;
  const values = new Array<number | null>(n);
  const years = new Map<number, YearCounts>();
  let year = NaN;
  let y: YearCounts | undefined;
  const add = (d: IndexedDay): void => {
    const dayYear = dateNumber(d.date, 0, 4);
    if (dayYear !== year || y === undefined) {
      year = dayYear;
      y = years.get(year);
      if (y === undefined) years.set(year, (y = yearCounts(entries.length)));
    }
    const month = dateNumber(d.date, 5, 7) - 1;
    const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
    values[0] = pm25.mean;
    values[1] = pm10.mean;
    values[2] = so2.mean;
    values[3] = no2.mean;
    values[4] = co.mean;
    values[5] = o3.max8h;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v === null) continue;
      y.sums[i]! += v;
      y.counts[i]!++;
      y.perMonth[i * 12 + month]!++;
    }
    if (d.cnAqi !== null) {
      y.aqiDays++;
      y.aqiPerMonth[month]!++;
      if (d.cnAqi <= 100) y.goodDays++;
    }
    const { cn, us, eu } = d.levels;
    if (cn !== null) y.categoryDays.cn[cn - 1]!++;
    if (us !== null) y.categoryDays.us[us - 1]!++;
    if (eu !== null) y.categoryDays.eu[eu - 1]!++;
    for (let e = 0; e < entries.length; e++) {
      const at = statAt[e]!;
      const v = at >= 0 ? values[at]! : dailyStat(d, entries[e]![0]);
      if (v !== null && v > entries[e]![1]) y.exceeded[e]!++;
    }
  };
  const summaries = (): AnnualSummary[] =>
    [...years.keys()].sort().map((year) => {
      const { sums, counts, perMonth, aqiPerMonth, aqiDays, goodDays, categoryDays, exceeded } = years.get(year)!;
      const pollutants = {} as Record<HourlyPollutant, AnnualPollutant>;
      HOURLY_POLLUTANTS.forEach((p, i) => {
        pollutants[p] = { mean: counts[i]! > 0 ? sums[i]! / counts[i]! : null, days: counts[i]!, complete: complete(perMonth.subarray(i * 12, i * 12 + 12)) };
      });
      const exceedances: AnnualSummary["exceedances"] = {};
      let e = 0;
      for (const set of limits) {
        exceedances[set.id] = {};
        for (const [k] of set.entries) exceedances[set.id]![k] = exceeded[e++]!;
      }
      return { year, pollutants, aqiDays, goodDays, goodDaysShare: aqiDays > 0 ? (100 * goodDays) / aqiDays : null, aqiComplete: complete(aqiPerMonth), categoryDays, exceedances };
    });
  return { add, summaries };
}

/**
 * Per calendar year: the annual mean of each pollutant's valid daily values with its day count
 * and completeness, the share of days with China's AQI ≤ 100, days per category under each index,
 * and the days above each set of daily limits.
 * @example annualSummaries(days, [who2021])[0].goodDaysShare //=> 48.2
 * Source: GB 3095-2012 Table 4 (completeness); HJ 633 (AQI ≤ 100 is good or moderate, 优良).
 */
export function annualSummaries(days: readonly IndexedDay[], limitSets: readonly DailyLimitSet[]): AnnualSummary[] {
  const counter = annualCounter(limitSets);
  for (const d of days) counter.add(d);
  return counter.summaries();
}
