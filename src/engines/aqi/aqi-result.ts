import { categoryFor } from "./category.js";
import { primaryPollutants } from "./primary-pollutants.js";
import type { AveragingPeriod, Category, IndexResult, PollutantKey, StandardRef } from "./types.js";

/**
 * The overall result of a 0–500 index from its sub-indices: the highest sub-index, its category,
 * and the pollutants that set it (named above 50).
 * @example aqiResult(ref, "day", { pm25: 125, pm10: 80 }, categories, [], []).value //=> 125
 * Source: HJ 633-2012 §4.3 (AQI = max IAQI); EPA-454/B-24-002 §2 (the highest AQI is reported).
 */
export function aqiResult(
  standard: StandardRef,
  period: AveragingPeriod,
  sub: Partial<Record<PollutantKey, number>>,
  categories: readonly Category[],
  notes: string[],
  beyondTable: PollutantKey[],
): IndexResult {
  let value: number | null = null;
  for (const k in sub) value = value === null ? sub[k as PollutantKey]! : Math.max(value, sub[k as PollutantKey]!);
  return {
    standard,
    period,
    scale: "aqi",
    value,
    category: value === null ? null : categoryFor(value, categories),
    primary: primaryPollutants(sub, value, 50),
    subIndices: sub,
    notes,
    beyondTable,
  };
}
