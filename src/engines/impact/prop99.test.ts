import { describe, expect, it } from "vitest";
import { kktViolation, prop99Panel } from "../../../test/support/impact.js";
import { objective } from "./simplex-least-squares.js";
import { syntheticControl } from "./synthetic-control.js";

/**
 * Verification on published data: California's Proposition 99 (Abadie, Diamond & Hainmueller 2010,
 * JASA 105(490)), the panel in test/fixtures/prop99 (see its README for the source and the figures).
 * Outcome-only synthetic control, treatment 1989, pre-period 1970–1988, the 38 donor states.
 */
describe("Proposition 99: California's cigarette sales against a synthetic California", () => {
  const panel = prop99Panel();
  const r = syntheticControl({ panel, treated: "California", start: 1989 });
  const value = new Map(panel.map((p) => [`${p.unit}|${p.year}`, p.value]));
  const pre = Array.from({ length: 19 }, (_, i) => 1970 + i);
  const y = Float64Array.from(pre, (t) => value.get(`California|${t}`)!);
  const X = r.donors.map((u) => Float64Array.from(pre, (t) => value.get(`${u}|${t}`)!));
  const w = r.donors.map((u) => r.weights.find((x) => x.unit === u)?.weight ?? 0);
  // ADH 2010, Table 2 (weights chosen with covariates as well as three years of the outcome).
  const ADH: Record<string, number> = { Colorado: 0.164, Connecticut: 0.069, Montana: 0.199, Nevada: 0.234, Utah: 0.334 };
  const adh = r.donors.map((u) => ADH[u] ?? 0);

  it("uses the 38 donor states over 1970–2000 and meets the KKT conditions at its optimum", () => {
    expect(r.donors).toHaveLength(38);
    expect(r.excluded).toEqual([]);
    expect(r.years).toEqual(Array.from({ length: 31 }, (_, i) => 1970 + i));
    expect(kktViolation(X, y, w)).toBeLessThan(1e-12);
    // The check can fail: equal weights, or moving 0.01 of Utah's weight to another state, are not optimal.
    expect(kktViolation(X, y, w.map(() => 1 / 38))).toBeGreaterThan(0.01);
    const moved = [...w];
    const utah = r.donors.indexOf("Utah");
    moved[utah] = moved[utah]! - 0.01;
    moved[(utah + 1) % 38] = moved[(utah + 1) % 38]! + 0.01;
    expect(kktViolation(X, y, moved)).toBeGreaterThan(1e-4);
  });

  it("finds the outcome-only optimum (cross-checked once with scipy) and fits better than the paper's weights on the outcome", () => {
    expect(Object.fromEntries(r.weights.map((x) => [x.unit, Number(x.weight.toFixed(4))]))).toEqual({
      Utah: 0.3939,
      Montana: 0.2318,
      Nevada: 0.2049,
      Connecticut: 0.1091,
      "New Hampshire": 0.0454,
      Colorado: 0.0148,
    });
    expect(r.preRmspe).toBeCloseTo(1.6564, 4);
    // scipy 1.10.1 SLSQP (ftol 1e-16) stopped at 52.129581; our optimum is not above it.
    expect(objective(X, y, w)).toBeLessThanOrEqual(52.129581);
    // The paper's weights are feasible here, so the outcome-only optimum must fit at least as well.
    expect(Math.sqrt(objective(X, y, adh) / 19)).toBeCloseTo(1.7576, 4);
    expect(r.preRmspe).toBeLessThan(Math.sqrt(objective(X, y, adh) / 19));
    // Same five states carry 94 % of our weight (the paper's five carry all of theirs).
    const shared = r.weights.filter((x) => x.unit in ADH).reduce((s, x) => s + x.weight, 0);
    expect(shared).toBeGreaterThan(0.94);
  });

  it("shows the paper's effect: about −26 packs per capita by 2000, and a placebo rank near the top", () => {
    const last = r.series.at(-1)!;
    expect(last.year).toBe(2000);
    expect(last.gap).toBeCloseTo(-26.6, 1); // ADH 2010: "about 26 packs lower" by 2000
    expect(r.meanPostGap).toBeCloseTo(-19.51, 2);
    // ADH 2010 (with covariates): California's post/pre ratio is the largest of 39, p = 1/39.
    // Outcome-only, Virginia and Missouri (pre-period fits of 0.82 and 0.44 packs) rank above it.
    expect(r.placebo).toMatchObject({ rank: 3, of: 39 });
    expect(r.placebo.pValue).toBeCloseTo(3 / 39, 12);
    expect(r.leaveOneOut).toHaveLength(6);
    for (const l of r.leaveOneOut) expect(l.meanPostGap).toBeLessThan(-17);
    expect(r.did.estimate).toBeCloseTo(-27.35, 2);
    expect(r.warnings).toEqual([]);
  });
});
