import type { PollutantKey } from "./types.js";

/**
 * The pollutants whose sub-index equals the overall value, named only when the overall value is
 * above `threshold` (HJ 633: the primary pollutant, 首要污染物, is named when AQI > 50; ties name
 * every pollutant at the maximum).
 * @example primaryPollutants({ pm25: 125, pm10: 80 }, 125, 50) //=> ["pm25"]
 * Source: HJ 633-2012 §3 (terms: primary pollutant) and §4.
 */
export function primaryPollutants(sub: Partial<Record<PollutantKey, number>>, value: number | null, threshold: number): PollutantKey[] {
  if (value === null || value <= threshold) return [];
  return (Object.keys(sub) as PollutantKey[]).filter((k) => sub[k] === value);
}
