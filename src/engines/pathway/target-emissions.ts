import { InvalidInputError } from "../../errors.js";
import { businessAsUsual, projectedPopulation } from "./business-as-usual.js";
import type { TargetDefinition } from "./types.js";

function need(value: number | null, column: string, why: string): number {
  if (value === null || value === undefined) throw new InvalidInputError(`${column} is required ${why}`, [{ column, message: `is required ${why}` }], undefined, { code: "validation.required", params: { field: column } });
  return value;
}

/**
 * The tCO2e a target allows in its target year, by the four CRF target types:
 * base-year E₀·(1−r); fixed-level L; baseline-scenario BAU(T)·(1−r);
 * intensity (per person) (E₀/P₀)·(1−r)·P(T), with P(T) grown at the BAU population rate.
 * @example targetEmissions({ type: "base-year", baseYear: 2019, baseEmissions: 1.2e7, targetYear: 2030, reductionPct: 43, … }) //=> 6840000
 * Source: Global Covenant of Mayors, Common Reporting Framework (target types).
 */
export function targetEmissions(t: TargetDefinition): number {
  switch (t.type) {
    case "base-year":
      return t.baseEmissions * (1 - need(t.reductionPct, "reductionPct", "for a base-year target") / 100);
    case "fixed-level":
      return need(t.targetLevel, "targetLevel", "for a fixed-level target");
    case "baseline-scenario": {
      const r = need(t.reductionPct, "reductionPct", "for a baseline-scenario target");
      if (!t.bau) throw new InvalidInputError("bau is required for a baseline-scenario target", [{ column: "bau", message: "is required for a baseline-scenario target (growth rates)" }], undefined, { code: "target.bau_required" });
      const bau = businessAsUsual({ baseYear: t.baseYear, baseTCO2e: t.baseEmissions, toYear: t.targetYear, rates: t.bau });
      return bau[bau.length - 1]!.tCO2e * (1 - r / 100);
    }
    case "intensity": {
      const r = need(t.reductionPct, "reductionPct", "for an intensity target");
      const p0 = need(t.basePopulation, "basePopulation", "for an intensity target (emissions per person)");
      return (t.baseEmissions / p0) * (1 - r / 100) * projectedPopulation(p0, t.baseYear, t.targetYear, t.bau);
    }
  }
}
