import type { YearValue } from "./types.js";

export interface BudgetCheck {
  /** tCO2e emitted over the years of the series. */
  cumulative: number;
  budget: number;
  /** budget − cumulative (negative: over budget). */
  remaining: number;
  /** First year in which the running total passes the budget, or null. */
  exceededIn: number | null;
}

/**
 * Running total of yearly emissions, tCO2e (each year's annual emissions added once).
 * @example cumulative([{year: 2020, tCO2e: 10}, {year: 2021, tCO2e: 8}]) //=> [{year: 2020, tCO2e: 10}, {year: 2021, tCO2e: 18}]
 */
export function cumulative(series: YearValue[]): YearValue[] {
  let sum = 0;
  return series.map((p) => ({ year: p.year, tCO2e: (sum += p.tCO2e) }));
}

/**
 * Cumulative emissions of a series against a carbon budget for the same years.
 * @example budgetCheck([{year: 2020, tCO2e: 10}, {year: 2021, tCO2e: 8}], 15) //=> { cumulative: 18, budget: 15, remaining: -3, exceededIn: 2021 }
 */
export function budgetCheck(series: YearValue[], budget: number): BudgetCheck {
  const running = cumulative(series);
  const total = running[running.length - 1]?.tCO2e ?? 0;
  return { cumulative: total, budget, remaining: budget - total, exceededIn: running.find((p) => p.tCO2e > budget)?.year ?? null };
}
