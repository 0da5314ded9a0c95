import { COMPLETENESS } from "./data-completeness.js";

/** The six pollutants measured hourly (µg/m³; CO mg/m³). */
export const HOURLY_POLLUTANTS = ["pm25", "pm10", "so2", "no2", "co", "o3"] as const;
export type HourlyPollutant = (typeof HOURLY_POLLUTANTS)[number];

/** One station-hour: local date, hour of the day (0–23, the hour starting then) and the values measured (null or absent = gap). */
export interface HourlyRecord {
  date: string;
  hour: number;
  values: Partial<Record<HourlyPollutant, number | null>>;
}

/** One pollutant on one day. Values are null when the data-completeness rule is not met. */
export interface PollutantDay {
  /** Valid hourly values that day. */
  hours: number;
  /** 24-hour mean. */
  mean: number | null;
  /** Highest 1-hour value. */
  max1h: number | null;
  /** Highest 8-hour mean inside the day (O3 and CO only). */
  max8h: number | null;
}

export interface DailyValues {
  date: string;
  pollutants: Record<HourlyPollutant, PollutantDay>;
}

/**
 * The highest 8-hour mean of a day from its 24 hourly values (index = hour; null, undefined or
 * NaN = gap): windows 00–07 … 16–23, each valid with at least 6 values, the maximum valid when at
 * least 13 windows are. Returns the maximum (or null) and the number of valid windows.
 * @example maxEightHourMean(Array.from({ length: 24 }, (_, h) => h)) //=> { value: 19.5, windows: 17 }
 * Source: GB 3095-2012 Table 4; HJ 663-2013 (daily maximum 8-hour mean); see COMPLETENESS.
 */
export function maxEightHourMean(hourly: ArrayLike<number | null | undefined>): { value: number | null; windows: number } {
  const value = maxEightHourValue(hourly);
  return { value, windows: WINDOWS[0]! };
}

/** maxEightHourMean's value alone, without a result object (this runs twice for every station-day of an import). */
export function maxEightHourValue(hourly: ArrayLike<number | null | undefined>): number | null {
  const { eightHourWindows, eightHourMinHours, minEightHourWindows } = COMPLETENESS;
  // The hours are read once, not in each of the 8 windows that hold them, and each window is
  // summed in one expression. A gap adds 0 to a window's sum, which changes no sum: the
  // additions are those of a loop from 0, in order.
  let valid = 0;
  for (let h = 0; h < eightHourWindows + 7; h++) {
    const v = hourly[h];
    const ok = v !== null && v !== undefined && v === v;
    VALUES[h] = ok ? v : 0;
    VALID[h] = ok ? 1 : 0;
    if (ok) valid++;
  }
  const V = VALUES;
  const K = VALID;
  let best: number | null = null;
  let windows = 0;
  for (let s = 0; s < eightHourWindows; s++) {
    const n = valid === eightHourWindows + 7 ? 8 : K[s]! + K[s + 1]! + K[s + 2]! + K[s + 3]! + K[s + 4]! + K[s + 5]! + K[s + 6]! + K[s + 7]!;
    if (n < eightHourMinHours) continue;
    windows++;
    const mean = (0 + V[s]! + V[s + 1]! + V[s + 2]! + V[s + 3]! + V[s + 4]! + V[s + 5]! + V[s + 6]! + V[s + 7]!) / n;
    if (best === null || mean > best) best = mean;
  }
  WINDOWS[0] = windows;
  return windows >= minEightHourWindows ? best : null;
}

/** Scratch space of maxEightHourMean: each hour's value (0 in a gap) and whether it is valid. */
const VALUES = new Float64Array(COMPLETENESS.eightHourWindows + 7);
const VALID = new Uint8Array(COMPLETENESS.eightHourWindows + 7);
/** The number of valid windows maxEightHourValue last found. */
const WINDOWS = new Int32Array(1);

/**
 * Daily values of one station from its hourly records: per pollutant the count of valid hours,
 * the 24-hour mean and the 1-hour maximum (both only with at least 20 valid hours), and for O3
 * and CO the maximum 8-hour mean. Days come out in date order. This is the reference the DuckDB
 * ingestion is tested against.
 * @example dailyValues(records)[0].pollutants.pm25 //=> { hours: 24, mean: 487.5, max1h: 589, max8h: null }
 * Source: GB 3095-2012 Table 4 (data validity); HJ 663-2013.
 */
export function dailyValues(records: readonly HourlyRecord[]): DailyValues[] {
  const byDate = new Map<string, Record<HourlyPollutant, (number | null)[]>>();
  for (const r of records) {
    if (!Number.isInteger(r.hour) || r.hour < 0 || r.hour > 23) throw new RangeError(`hour must be 0–23, got ${r.hour}`);
    let day = byDate.get(r.date);
    if (!day) {
      day = Object.fromEntries(HOURLY_POLLUTANTS.map((p) => [p, Array<number | null>(24).fill(null)])) as Record<HourlyPollutant, (number | null)[]>;
      byDate.set(r.date, day);
    }
    for (const p of HOURLY_POLLUTANTS) {
      const v = r.values[p];
      if (v !== null && v !== undefined) day[p][r.hour] = v;
    }
  }
  return [...byDate.keys()].sort().map((date) => {
    const day = byDate.get(date)!;
    const pollutants = {} as Record<HourlyPollutant, PollutantDay>;
    for (const p of HOURLY_POLLUTANTS) {
      const values = day[p].filter((v): v is number => v !== null);
      const enough = values.length >= COMPLETENESS.dailyMinHours;
      pollutants[p] = {
        hours: values.length,
        mean: enough ? values.reduce((a, b) => a + b, 0) / values.length : null,
        max1h: enough ? Math.max(...values) : null,
        max8h: p === "o3" || p === "co" ? maxEightHourMean(day[p]).value : null,
      };
    }
    return { date, pollutants };
  });
}
