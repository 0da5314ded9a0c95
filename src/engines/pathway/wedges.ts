import type { ActionWedgeDefinition, YearValue } from "./types.js";

/**
 * An action's expected reduction each year: nothing before its start, ramping up linearly to
 * its full reduction in `fullYear` (start year = 1/(n) of it, n = fullYear − startYear + 1),
 * full after. Positive tCO2e avoided.
 * @example wedge({ id: "a", startYear: 2025, fullYear: 2026, reductionTCO2e: 100 }, [2024, 2025, 2026, 2027])
 * //=> [{2024: 0}, {2025: 50}, {2026: 100}, {2027: 100}]
 */
export function wedge(a: ActionWedgeDefinition, years: number[]): YearValue[] {
  if (a.fullYear < a.startYear) throw new RangeError(`action ${a.id}: the full-effect year comes before the start year`);
  const n = a.fullYear - a.startYear + 1;
  return years.map((year) => ({
    year,
    tCO2e: year < a.startYear ? 0 : year >= a.fullYear ? a.reductionTCO2e : (a.reductionTCO2e * (year - a.startYear + 1)) / n,
  }));
}

/**
 * The planned pathway: business-as-usual minus every action's wedge, never below zero.
 * @example plannedPathway([{year: 2030, tCO2e: 100}], [[{year: 2030, tCO2e: 30}]]) //=> [{year: 2030, tCO2e: 70}]
 */
export function plannedPathway(bau: YearValue[], wedges: YearValue[][]): YearValue[] {
  return bau.map((p, i) => ({ year: p.year, tCO2e: Math.max(0, p.tCO2e - wedges.reduce((s, w) => s + (w[i]?.tCO2e ?? 0), 0)) }));
}
