import { describe, expect, it } from "vitest";
import refs from "../../../data/pathway/references.json" with { type: "json" };
import { ndcComparison } from "./ndc-comparison.js";
import { perCapitaReference, referenceLine } from "./reference-lines.js";
import type { NdcDefinition, PathwayReferences } from "./types.js";

const R = refs as unknown as PathwayReferences;
const line = (id: string) => R.lines.find((l) => l.id === id)!;
const ndc = (id: string) => R.ndcs.find((n) => n.id === id) as NdcDefinition;

describe("reference lines", () => {
  it("draws IPCC AR6 1.5 °C from the city's 2019 emissions: −43 % in 2030, −60 % in 2035", () => {
    const l = referenceLine(line("ipcc-ar6-1.5c"), { year: 2019, tCO2e: 1000 });
    expect(l.available).toBe(true);
    expect(l.series.map((p) => p.year)).toEqual(Array.from({ length: 17 }, (_, i) => 2019 + i));
    expect(l.series.find((p) => p.year === 2030)?.tCO2e).toBeCloseTo(570, 9);
    expect(l.series.find((p) => p.year === 2035)?.tCO2e).toBeCloseTo(400, 9);
    expect(l.series.find((p) => p.year === 2033)?.tCO2e).toBeCloseTo(570 - (170 * 3) / 5, 9);
  });

  it("is not drawn without the city's 2019 emissions, and says so", () => {
    expect(referenceLine(line("ipcc-ar6-1.5c"), { year: 2020, tCO2e: 1000 })).toMatchObject({ available: false, reason: "needs the city's 2019 emissions" });
  });

  it("draws net zero by 2050 from the base year", () => {
    const l = referenceLine(line("net-zero-2050"), { year: 2020, tCO2e: 300 });
    expect(l.series[0]).toEqual({ year: 2020, tCO2e: 300 });
    expect(l.series.find((p) => p.year === 2035)?.tCO2e).toBeCloseTo(150, 9);
    expect(l.series[l.series.length - 1]).toEqual({ year: 2050, tCO2e: 0 });
  });

  it("names the 2050 line as SR1.5 names it: net-zero CO2, not all greenhouse gases", () => {
    const l = line("net-zero-2050");
    expect(l.names.en).toBe("Net-zero CO2 around 2050 (IPCC SR1.5)");
    expect(l.names.zh).toContain("二氧化碳净零排放");
    expect(JSON.stringify(l.names)).not.toMatch(/GHG|greenhouse|温室气体/i);
    expect(R.sources.find((s) => s.id === l.source)?.citation).toMatch(/net anthropogenic CO2 emissions .* net zero around 2050/);
  });

  it("turns C40's 2.9 t per person into the city's 2030 total", () => {
    expect(perCapitaReference(R.perCapita[0]!, 2_000_000).series).toEqual([{ year: 2030, tCO2e: 5_800_000 }]);
    expect(perCapitaReference(R.perCapita[0]!, null).available).toBe(false);
  });
});

describe("NDC comparison", () => {
  const falling = [2019, 2025, 2030].map((year, i) => ({ year, tCO2e: 100 - 20 * i }));

  it("checks China's peak-before-2030 and neutrality-before-2060, and cannot judge a GDP intensity", () => {
    const checks = ndcComparison(ndc("cn-2021"), { trajectory: falling, netZeroYear: 2060, history: [] });
    expect(checks.map((c) => c.status)).toEqual(["meets", "meets", "not-comparable"]);
    const late = ndcComparison(ndc("cn-2021"), { trajectory: [{ year: 2030, tCO2e: 1 }, { year: 2032, tCO2e: 2 }], netZeroYear: null, history: [] });
    expect(late.map((c) => c.status)).toEqual(["falls-short", "falls-short", "not-comparable"]);
  });

  it("checks the EU's −55 % by 2030 against the city's own 1990 emissions only when it has them", () => {
    expect(ndcComparison(ndc("eu-2020"), { trajectory: falling, netZeroYear: 2050, history: [] })[0]).toMatchObject({
      status: "not-comparable",
      detail: "needs the city's 1990 emissions",
    });
    const checks = ndcComparison(ndc("eu-2020"), { trajectory: falling, netZeroYear: 2050, history: [{ year: 1990, tCO2e: 150 }] });
    expect(checks[0]).toMatchObject({ status: "meets", detail: "60.0 % below 1990 in 2030 (NDC: 55 %)" });
    expect(checks[1]!.status).toBe("meets");
  });
});
