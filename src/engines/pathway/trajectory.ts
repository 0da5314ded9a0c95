import { InvalidInputError } from "../../errors.js";
import type { TrajectoryMethod, YearValue } from "./types.js";

/**
 * Emissions each year from one year's level to another's, inclusive: `linear` (the same tonnes
 * removed every year) or `constant-rate` (the same percentage every year,
 * E(t) = E₀ · (E₁/E₀)^((t−t₀)/(t₁−t₀))). A constant rate never reaches zero.
 * @example trajectory({ fromYear: 2019, fromTCO2e: 100, toYear: 2021, toTCO2e: 50, method: "linear" })
 * //=> [{year: 2019, tCO2e: 100}, {year: 2020, tCO2e: 75}, {year: 2021, tCO2e: 50}]
 * Source: GPC 2014 Chapter 11 (goal types and tracking); GCoM Common Reporting Framework.
 */
export function trajectory(p: { fromYear: number; fromTCO2e: number; toYear: number; toTCO2e: number; method: TrajectoryMethod }): YearValue[] {
  if (!Number.isInteger(p.fromYear) || !Number.isInteger(p.toYear)) throw new RangeError("years must be whole numbers");
  if (p.toYear <= p.fromYear) {
    throw new InvalidInputError("the target year must come after the base year", [{ column: "targetYear", value: String(p.toYear), message: `must be after ${p.fromYear}` }], undefined, { code: "target.year_order", params: { base: p.fromYear } });
  }
  if (p.method === "constant-rate" && (p.fromTCO2e <= 0 || p.toTCO2e <= 0)) {
    throw new InvalidInputError("a constant-rate trajectory cannot reach zero", [
      { column: "method", value: p.method, message: "cannot reach zero emissions (a constant percentage never does): use linear" },
    ], undefined, { code: "pathway.constant_rate_zero" });
  }
  const span = p.toYear - p.fromYear;
  const out: YearValue[] = [];
  for (let year = p.fromYear; year <= p.toYear; year++) {
    const f = (year - p.fromYear) / span;
    const tCO2e = p.method === "linear" ? p.fromTCO2e + (p.toTCO2e - p.fromTCO2e) * f : p.fromTCO2e * (p.toTCO2e / p.fromTCO2e) ** f;
    out.push({ year, tCO2e });
  }
  out[out.length - 1]!.tCO2e = p.toTCO2e; // exact at the end, whatever the rounding on the way
  return out;
}
