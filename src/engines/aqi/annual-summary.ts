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

/**
 * Per calendar year: the annual mean of each pollutant's valid daily values with its day count
 * and completeness, the share of days with China's AQI ≤ 100, days per category under each index,
 * and the days above each set of daily limits.
 * @example annualSummaries(days, [who2021])[0].goodDaysShare //=> 48.2
 * Source: GB 3095-2012 Table 4 (completeness); HJ 633 (AQI ≤ 100 is good or moderate, 优良).
 */
export function annualSummaries(days: readonly IndexedDay[], limitSets: readonly DailyLimitSet[]): AnnualSummary[] {
  const byYear = new Map<number, IndexedDay[]>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(d);
  }
  const limits = limitSets.map((set) => ({ id: set.id, entries: Object.entries(set.limits) as [LimitKey, number][] }));
  // One pass over each year's days (in their order, so sums are the same as adding them up one by one).
  return [...byYear.keys()].sort().map((year) => {
    const ds = byYear.get(year)!;
    const n = HOURLY_POLLUTANTS.length;
    const sums = new Float64Array(n);
    const counts = new Int32Array(n);
    const perMonth = new Int32Array(n * 12);
    const aqiPerMonth = new Int32Array(12);
    let aqiDays = 0;
    let goodDays = 0;
    const categoryDays = { cn: Array<number>(6).fill(0), us: Array<number>(6).fill(0), eu: Array<number>(6).fill(0) };
    const exceeded = limits.map((set) => new Int32Array(set.entries.length));
    for (const d of ds) {
      const month = Number(d.date.slice(5, 7)) - 1;
      for (let i = 0; i < n; i++) {
        const p = HOURLY_POLLUTANTS[i]!;
        const v = p === "o3" ? d.pollutants.o3.max8h : d.pollutants[p].mean;
        if (v === null) continue;
        sums[i]! += v;
        counts[i]!++;
        perMonth[i * 12 + month]!++;
      }
      if (d.cnAqi !== null) {
        aqiDays++;
        aqiPerMonth[month]!++;
        if (d.cnAqi <= 100) goodDays++;
      }
      for (const k of ["cn", "us", "eu"] as const) if (d.levels[k] !== null) categoryDays[k][d.levels[k]! - 1]!++;
      for (let s = 0; s < limits.length; s++) {
        const entries = limits[s]!.entries;
        for (let e = 0; e < entries.length; e++) {
          const v = dailyStat(d, entries[e]![0]);
          if (v !== null && v > entries[e]![1]) exceeded[s]![e]!++;
        }
      }
    }
    const pollutants = {} as Record<HourlyPollutant, AnnualPollutant>;
    HOURLY_POLLUTANTS.forEach((p, i) => {
      pollutants[p] = { mean: counts[i]! > 0 ? sums[i]! / counts[i]! : null, days: counts[i]!, complete: complete(perMonth.subarray(i * 12, i * 12 + 12)) };
    });
    const exceedances: AnnualSummary["exceedances"] = {};
    limits.forEach((set, s) => {
      exceedances[set.id] = {};
      set.entries.forEach(([k], e) => (exceedances[set.id]![k] = exceeded[s]![e]!));
    });
    return {
      year,
      pollutants,
      aqiDays,
      goodDays,
      goodDaysShare: aqiDays > 0 ? (100 * goodDays) / aqiDays : null,
      aqiComplete: complete(aqiPerMonth),
      categoryDays,
      exceedances,
    };
  });
}
