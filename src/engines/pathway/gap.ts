import type { YearValue } from "./types.js";

/**
 * The gap each year between the planned pathway and the target's trajectory, tCO2e:
 * planned − allowed. Positive means the plan emits more than the target allows (a shortfall).
 * Only years present in both series.
 * @example gap([{year: 2030, tCO2e: 70}], [{year: 2030, tCO2e: 57}]) //=> [{year: 2030, tCO2e: 13}]
 */
export function gap(planned: YearValue[], allowed: YearValue[]): YearValue[] {
  const byYear = new Map(allowed.map((p) => [p.year, p.tCO2e]));
  return planned.filter((p) => byYear.has(p.year)).map((p) => ({ year: p.year, tCO2e: p.tCO2e - byYear.get(p.year)! }));
}
