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

/** 324 days a year and 27 in each month (25 in February). Source: GB 3095-2012 Table 4. */
function complete(dates: string[]): boolean {
  if (dates.length < COMPLETENESS.annualMinDays) return false;
  const perMonth = Array<number>(12).fill(0);
  for (const d of dates) perMonth[Number(d.slice(5, 7)) - 1]!++;
  return perMonth.every((n, m) => n >= (m === 1 ? COMPLETENESS.februaryMinDays : COMPLETENESS.monthlyMinDays));
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
  return [...byYear.keys()].sort().map((year) => {
    const ds = byYear.get(year)!;
    const pollutants = {} as Record<HourlyPollutant, AnnualPollutant>;
    for (const p of HOURLY_POLLUTANTS) {
      const valid = ds.filter((d) => (p === "o3" ? d.pollutants.o3.max8h : d.pollutants[p].mean) !== null);
      const sum = valid.reduce((a, d) => a + (p === "o3" ? d.pollutants.o3.max8h! : d.pollutants[p].mean!), 0);
      pollutants[p] = { mean: valid.length > 0 ? sum / valid.length : null, days: valid.length, complete: complete(valid.map((d) => d.date)) };
    }
    const withAqi = ds.filter((d) => d.cnAqi !== null);
    const goodDays = withAqi.filter((d) => d.cnAqi! <= 100).length;
    const categoryDays = { cn: Array<number>(6).fill(0), us: Array<number>(6).fill(0), eu: Array<number>(6).fill(0) };
    for (const d of ds) for (const k of ["cn", "us", "eu"] as const) if (d.levels[k] !== null) categoryDays[k][d.levels[k]! - 1]!++;
    const exceedances: AnnualSummary["exceedances"] = {};
    for (const set of limitSets) {
      exceedances[set.id] = {};
      for (const [k, limit] of Object.entries(set.limits) as [LimitKey, number][]) {
        exceedances[set.id]![k] = ds.filter((d) => {
          const v = dailyStat(d, k);
          return v !== null && v > limit;
        }).length;
      }
    }
    return {
      year,
      pollutants,
      aqiDays: withAqi.length,
      goodDays,
      goodDaysShare: withAqi.length > 0 ? (100 * goodDays) / withAqi.length : null,
      aqiComplete: complete(withAqi.map((d) => d.date)),
      categoryDays,
      exceedances,
    };
  });
}
