import { describe, expect, it } from "vitest";
import { businessAsUsual, projectedPopulation } from "./business-as-usual.js";
import { targetEmissions } from "./target-emissions.js";
import { targetTrajectory } from "./target-trajectory.js";
import type { TargetDefinition } from "./types.js";

const base: TargetDefinition = {
  type: "base-year",
  baseYear: 2019,
  baseEmissions: 1.2e7,
  targetYear: 2030,
  reductionPct: 43,
  targetLevel: null,
  basePopulation: null,
  netZeroYear: null,
  method: "linear",
  bau: null,
};
const growth = { populationGrowthPct: 1, gdpPerCapitaGrowthPct: 4, intensityChangePct: -2 };

describe("targetEmissions by CRF target type", () => {
  it("base-year: 43 % below 1.2e7 is 6.84e6", () => {
    expect(targetEmissions(base)).toBeCloseTo(6.84e6, 6);
  });

  it("fixed-level: the level itself", () => {
    expect(targetEmissions({ ...base, type: "fixed-level", reductionPct: null, targetLevel: 5e6 })).toBe(5e6);
  });

  it("baseline-scenario: 30 % below the BAU of the target year", () => {
    // BAU factor per year 1.01 × 1.04 × 0.98 = 1.029392; over 11 years ≈ 1.375…
    const bau2030 = 1.2e7 * (1.01 * 1.04 * 0.98) ** 11;
    expect(targetEmissions({ ...base, type: "baseline-scenario", reductionPct: 30, bau: growth })).toBeCloseTo(bau2030 * 0.7, 3);
  });

  it("intensity: 50 % less per person, times the population grown 1 % a year", () => {
    const t = targetEmissions({ ...base, type: "intensity", reductionPct: 50, basePopulation: 3e6, bau: growth });
    expect(t).toBeCloseTo((1.2e7 / 3e6) * 0.5 * 3e6 * 1.01 ** 11, 3);
  });

  it("says which field a target type is missing", () => {
    expect(() => targetEmissions({ ...base, reductionPct: null })).toThrow(/reductionPct is required for a base-year target/);
    expect(() => targetEmissions({ ...base, type: "baseline-scenario", bau: null })).toThrow(/bau is required/);
    expect(() => targetEmissions({ ...base, type: "intensity" })).toThrow(/basePopulation is required/);
  });
});

describe("targetTrajectory", () => {
  it("continues linearly from the target year to zero in the net-zero year", () => {
    const s = targetTrajectory({ ...base, baseEmissions: 100, reductionPct: 50, targetYear: 2030, netZeroYear: 2050 });
    expect(s[0]).toEqual({ year: 2019, tCO2e: 100 });
    expect(s.find((p) => p.year === 2030)?.tCO2e).toBe(50);
    expect(s.find((p) => p.year === 2040)?.tCO2e).toBe(25);
    expect(s[s.length - 1]).toEqual({ year: 2050, tCO2e: 0 });
    expect(s).toHaveLength(32);
  });
});

describe("businessAsUsual", () => {
  it("grows with population, GDP per person and intensity: 100 × 1.01 × 1.02 = 103.02 after a year", () => {
    const s = businessAsUsual({ baseYear: 2020, baseTCO2e: 100, toYear: 2021, rates: { populationGrowthPct: 1, gdpPerCapitaGrowthPct: 2, intensityChangePct: 0 } });
    expect(s[1]!.tCO2e).toBeCloseTo(103.02, 10);
  });

  it("stays flat without growth rates", () => {
    expect(businessAsUsual({ baseYear: 2020, baseTCO2e: 100, toYear: 2022, rates: null }).map((p) => p.tCO2e)).toEqual([100, 100, 100]);
  });

  it("projects population at the BAU rate", () => {
    expect(projectedPopulation(1000, 2020, 2022, growth)).toBeCloseTo(1020.1, 10);
  });
});
