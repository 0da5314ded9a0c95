import { describe, expect, it } from "vitest";
import { budgetCheck, cumulative } from "./cumulative.js";
import { gap } from "./gap.js";
import { plannedPathway, wedge } from "./wedges.js";

const years = [2024, 2025, 2026, 2027, 2028];

describe("wedges and the planned pathway", () => {
  it("ramps an action up linearly to its full reduction", () => {
    expect(wedge({ id: "bus", startYear: 2025, fullYear: 2027, reductionTCO2e: 300 }, years).map((p) => p.tCO2e)).toEqual([0, 100, 200, 300, 300]);
    expect(wedge({ id: "now", startYear: 2026, fullYear: 2026, reductionTCO2e: 50 }, years).map((p) => p.tCO2e)).toEqual([0, 0, 50, 50, 50]);
  });

  it("subtracts every wedge from business as usual, never below zero", () => {
    const bau = years.map((year) => ({ year, tCO2e: 1000 }));
    const w = [
      wedge({ id: "a", startYear: 2025, fullYear: 2025, reductionTCO2e: 400 }, years),
      wedge({ id: "b", startYear: 2027, fullYear: 2027, reductionTCO2e: 700 }, years),
    ];
    expect(plannedPathway(bau, w).map((p) => p.tCO2e)).toEqual([1000, 600, 600, 0, 0]);
  });
});

describe("gap", () => {
  it("is planned minus allowed, positive for a shortfall, for years in both", () => {
    const planned = [{ year: 2029, tCO2e: 80 }, { year: 2030, tCO2e: 70 }];
    const allowed = [{ year: 2030, tCO2e: 57 }, { year: 2031, tCO2e: 50 }];
    expect(gap(planned, allowed)).toEqual([{ year: 2030, tCO2e: 13 }]);
  });
});

describe("cumulative emissions and budget", () => {
  it("adds each year's emissions once", () => {
    expect(cumulative([{ year: 2020, tCO2e: 10 }, { year: 2021, tCO2e: 8 }])).toEqual([{ year: 2020, tCO2e: 10 }, { year: 2021, tCO2e: 18 }]);
  });

  it("says when the running total passes the budget", () => {
    expect(budgetCheck([{ year: 2020, tCO2e: 10 }, { year: 2021, tCO2e: 8 }], 15)).toEqual({ cumulative: 18, budget: 15, remaining: -3, exceededIn: 2021 });
    expect(budgetCheck([{ year: 2020, tCO2e: 10 }], 15)).toEqual({ cumulative: 10, budget: 15, remaining: 5, exceededIn: null });
  });
});
