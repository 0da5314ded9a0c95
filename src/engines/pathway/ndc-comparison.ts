import type { NdcCommitment, NdcDefinition, YearValue } from "./types.js";

export type NdcStatus = "meets" | "falls-short" | "not-comparable";

export interface NdcCheck {
  commitment: NdcCommitment;
  status: NdcStatus;
  /** What was compared, in words, e.g. "the trajectory peaks in 2019". */
  detail: string;
}

/**
 * Compares a city's target with its country's NDC, commitment by commitment. A city target
 * should be at least as ambitious as the NDC (GCoM). What cannot be compared honestly — an
 * intensity per unit of GDP without the city's GDP, a 1990 baseline without 1990 emissions —
 * is said to be not comparable rather than guessed.
 * @example ndcComparison(EU_NDC, { trajectory, netZeroYear: 2050, history: [{ year: 1990, tCO2e: 100 }] })[0].status //=> "meets" if trajectory(2030) ≤ 45
 * Source: the NDCs in data/pathway/references.json; GCoM Common Reporting Framework.
 */
export function ndcComparison(ndc: NdcDefinition, city: { trajectory: YearValue[]; netZeroYear: number | null; history: YearValue[] }): NdcCheck[] {
  return ndc.commitments.map((c) => ({ commitment: c, ...check(c, city) }));
}

function check(c: NdcCommitment, city: { trajectory: YearValue[]; netZeroYear: number | null; history: YearValue[] }): { status: NdcStatus; detail: string } {
  const at = (year: number) => city.trajectory.find((p) => p.year === year)?.tCO2e;
  switch (c.kind) {
    case "peak": {
      if (city.trajectory.length === 0) return { status: "not-comparable", detail: "no trajectory" };
      const peak = city.trajectory.reduce((m, p) => (p.tCO2e > m.tCO2e ? p : m));
      return peak.year <= c.year
        ? { status: "meets", detail: `the trajectory peaks in ${peak.year}, by ${c.year}` }
        : { status: "falls-short", detail: `the trajectory peaks in ${peak.year}, after ${c.year}` };
    }
    case "net-zero":
      if (city.netZeroYear === null) return { status: "falls-short", detail: `the target sets no net-zero year (NDC: ${c.year})` };
      return city.netZeroYear <= c.year
        ? { status: "meets", detail: `net zero in ${city.netZeroYear}, by ${c.year}` }
        : { status: "falls-short", detail: `net zero in ${city.netZeroYear}, after ${c.year}` };
    case "base-year": {
      const base = city.history.find((p) => p.year === c.baseYear)?.tCO2e;
      if (base === undefined) return { status: "not-comparable", detail: `needs the city's ${c.baseYear} emissions` };
      const then = at(c.year);
      if (then === undefined) return { status: "not-comparable", detail: `the trajectory does not reach ${c.year}` };
      const cut = (1 - then / base) * 100;
      return {
        status: cut >= c.reductionPct ? "meets" : "falls-short",
        detail: `${cut.toFixed(1)} % below ${c.baseYear} in ${c.year} (NDC: ${c.reductionPct} %)`,
      };
    }
    case "intensity":
      return { status: "not-comparable", detail: `an intensity per unit of ${c.denominator} needs the city's ${c.denominator}` };
  }
}
