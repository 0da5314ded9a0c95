import { targetEmissions } from "./target-emissions.js";
import { trajectory } from "./trajectory.js";
import type { TargetDefinition, YearValue } from "./types.js";

/**
 * The path a target sets: from the base year's emissions to the target year's allowance by the
 * target's method, then — when a net-zero year is later — linearly on to zero in that year.
 * @example targetTrajectory({ type: "base-year", baseYear: 2019, baseEmissions: 100, targetYear: 2030, reductionPct: 43, netZeroYear: 2050, method: "linear", … })
 * //=> 2019: 100 … 2030: 57 … 2050: 0
 * Source: GCoM Common Reporting Framework (target year, net-zero year).
 */
export function targetTrajectory(t: TargetDefinition): YearValue[] {
  const level = targetEmissions(t);
  const first = trajectory({ fromYear: t.baseYear, fromTCO2e: t.baseEmissions, toYear: t.targetYear, toTCO2e: level, method: t.method });
  if (t.netZeroYear === null || t.netZeroYear <= t.targetYear || level === 0) return first;
  const rest = trajectory({ fromYear: t.targetYear, fromTCO2e: level, toYear: t.netZeroYear, toTCO2e: 0, method: "linear" });
  return [...first, ...rest.slice(1)];
}
