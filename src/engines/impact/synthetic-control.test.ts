import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { mulberry32 } from "../consensus/prng.js";
import { nnls } from "./nnls.js";
import { kktViolation } from "../../../test/support/impact.js";
import { objective, simplexLeastSquares } from "./simplex-least-squares.js";
import { type PanelValue, syntheticControl } from "./synthetic-control.js";

const column = (m: number) => fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: m, maxLength: m }).map((a) => Float64Array.from(a));
const problem = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 16 }) })
  .chain(({ m, n }) => fc.record({ y: column(m), donors: fc.array(column(m), { minLength: n, maxLength: n }) }));

function panelOf(units: Record<string, number[]>, from = 2000): PanelValue[] {
  return Object.entries(units).flatMap(([unit, values]) => values.map((value, i) => ({ unit, year: from + i, value })));
}

describe("nnls (Lawson–Hanson)", () => {
  it("solves a small problem whose answer is known, with one bound active", () => {
    // min ‖[1 0; 0 1; 1 1] x − (2, −1, 1)‖², x ≥ 0 → x2 = 0, x1 = 1.5.
    const r = nnls([Float64Array.of(1, 0, 1), Float64Array.of(0, 1, 1)], Float64Array.of(2, -1, 1));
    expect(r.x[0]).toBeCloseTo(1.5, 12);
    expect(r.x[1]).toBe(0);
  });
});

describe("simplexLeastSquares", () => {
  it("meets the KKT conditions at its answer, with weights on the simplex", () => {
    fc.assert(
      fc.property(problem, ({ y, donors }) => {
        const { weights } = simplexLeastSquares(donors, y);
        expect(weights.every((w) => w >= 0)).toBe(true);
        expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        expect(kktViolation(donors, y, weights)).toBeLessThan(1e-12);
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it("stays optimal on hard pools: up to 250 donors, exact duplicates, ties, values near 1e8", () => {
    const hard = fc
      .record({ m: fc.integer({ min: 1, max: 25 }), n: fc.integer({ min: 1, max: 250 }), kind: fc.constantFrom("duplicates", "ties", "large"), seed: fc.integer() })
      .map(({ m, n, kind, seed }) => {
        let x = seed >>> 0;
        const random = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        const base = Array.from({ length: 4 }, () => Float64Array.from({ length: m }, () => Math.floor(random() * 10)));
        const value = (i: number) => (kind === "large" ? 1e8 + i * 1e6 + random() * 1e3 : Math.floor(random() * 3));
        const donors = Array.from({ length: n }, (_, j) => (kind === "duplicates" ? Float64Array.from(base[j % 4]!) : Float64Array.from({ length: m }, (_, i) => value(i))));
        return { donors, y: Float64Array.from({ length: m }, (_, i) => value(i)) };
      });
    fc.assert(
      fc.property(hard, ({ donors, y }) => {
        const { weights } = simplexLeastSquares(donors, y);
        expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        expect(kktViolation(donors, y, weights)).toBeLessThan(1e-12);
      }),
      { numRuns: 150, seed: 37 },
    );
  });

  it("cannot be improved by moving weight from one donor to another (every feasible pairwise move)", () => {
    fc.assert(
      fc.property(problem, ({ y, donors }) => {
        const { weights, objective: best } = simplexLeastSquares(donors, y);
        const slack = 1e-9 * (1 + best);
        for (let i = 0; i < weights.length; i++) {
          if (weights[i]! <= 0) continue;
          for (let j = 0; j < weights.length; j++) {
            if (j === i) continue;
            for (const share of [1, 0.5, 1e-3]) {
              const moved = Float64Array.from(weights);
              const d = weights[i]! * share;
              moved[i] = moved[i]! - d;
              moved[j] = moved[j]! + d;
              expect(objective(donors, y, moved)).toBeGreaterThanOrEqual(best - slack);
            }
          }
        }
      }),
      { numRuns: 200, seed: 23 },
    );
  });

  it("recovers the weights when the treated unit is an exact convex combination of the donors", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            donors: fc.array(column(n + 8), { minLength: n, maxLength: n }),
            raw: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          }),
        ),
        ({ donors: noise, raw }) => {
          // Each donor stands out in a year of its own, so the donors are affinely independent
          // (well apart) and the weights are unique.
          const donors = noise.map((d, j) => Float64Array.from(d, (v, i) => (i === j ? v + 500 : v)));
          const total = raw.reduce((a, b) => a + b, 0);
          const truth = raw.map((r) => r / total);
          const y = Float64Array.from(donors[0]!, (_, i) => donors.reduce((s, d, j) => s + truth[j]! * d[i]!, 0));
          const { weights, objective: obj } = simplexLeastSquares(donors, y);
          expect(obj).toBeLessThan(1e-12 * (1 + Math.max(...Array.from(y, Math.abs))) ** 2);
          weights.forEach((w, j) => expect(w).toBeCloseTo(truth[j]!, 6));
        },
      ),
      { numRuns: 200, seed: 29 },
    );
  });

  it("puts all the weight on a donor equal to the treated unit, and handles a single donor", () => {
    const y = Float64Array.of(3, 4, 5);
    expect(Array.from(simplexLeastSquares([Float64Array.of(9, 9, 9), Float64Array.of(3, 4, 5), Float64Array.of(0, 0, 1)], y).weights)).toEqual([0, 1, 0]);
    expect(Array.from(simplexLeastSquares([Float64Array.of(1, 1, 1)], y).weights)).toEqual([1]);
  });

  it("stays exact on a degenerate pool: far more donors than years, with duplicates", () => {
    const base = [Float64Array.of(1, 2), Float64Array.of(2, 1), Float64Array.of(5, 5)];
    const donors = Array.from({ length: 60 }, (_, k) => Float64Array.from(base[k % 3]!, (v) => v + (k % 7) * 0.25));
    const y = Float64Array.of(2.1, 2.3);
    const { weights } = simplexLeastSquares(donors, y);
    expect(kktViolation(donors, y, weights)).toBeLessThan(1e-12);
  });
});

describe("syntheticControl", () => {
  const pool = {
    a: [10, 11, 12, 13, 14, 15, 16, 17],
    b: [20, 21, 23, 24, 26, 27, 29, 30],
    c: [5, 6, 6, 7, 7, 8, 8, 9],
    d: [30, 29, 28, 27, 26, 25, 24, 23],
  };
  // t = 0.5 a + 0.5 b before 2005, then 5 below it: a clear effect.
  const t = pool.a.map((v, i) => 0.5 * v + 0.5 * pool.b[i]! - (i >= 5 ? 5 : 0));

  it("gives weights, series, RMSPE, placebos, leave-one-out and DiD", () => {
    const r = syntheticControl({ panel: panelOf({ t, ...pool }), treated: "t", start: 2005 });
    expect(r.years).toEqual([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007]);
    expect(r.weights.map((w) => w.unit).sort()).toEqual(["a", "b"]);
    for (const w of r.weights) expect(w.weight).toBeCloseTo(0.5, 9);
    expect(r.preRmspe).toBeLessThan(1e-9);
    expect(r.postRmspe).toBeCloseTo(5, 9);
    expect(r.ratio).toBeNull(); // an exact pre-period fit: the ratio is infinite
    expect(r.series[7]).toMatchObject({ year: 2007, gap: expect.closeTo(-5, 9) });
    expect(r.meanPostGap).toBeCloseTo(-5, 9);
    expect(r.placebo.of).toBe(5);
    expect(r.placebo.runs.map((p) => p.unit)).toEqual(["a", "b", "c", "d"]);
    expect(r.placebo.pValue).toBeCloseTo(r.placebo.rank / 5, 12);
    expect(r.leaveOneOut.map((l) => l.unit).sort()).toEqual(["a", "b"]);
    // DiD: treated post − pre mean minus the donor average's.
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const avg = pool.a.map((_, i) => m(Object.values(pool).map((v) => v[i]!)));
    expect(r.did.estimate).toBeCloseTo(m(t.slice(5)) - m(t.slice(0, 5)) - (m(avg.slice(5)) - m(avg.slice(0, 5))), 9);
    expect(r.warnings.map((w) => w.code)).toEqual(["few_donors"]);
    expect(r.verdict.en).toMatch(/^t's value from 2005 on was \d+\.\d % below the synthetic control; /);
    expect(r.verdict.zh).toContain("合成控制");
  });

  it("excludes and lists donors missing a year of the window, and honours preFrom", () => {
    const panel = panelOf({ t, ...pool }).filter((v) => !(v.unit === "c" && v.year === 2006));
    const r = syntheticControl({ panel, treated: "t", start: 2005 });
    expect(r.excluded).toEqual([{ unit: "c", missingYears: [2006] }]);
    expect(r.donors).toEqual(["a", "b", "d"]);
    // c lacks 2000–2001 only: with the window from 2002 it takes part.
    const late = panelOf({ t, ...pool }).filter((v) => !(v.unit === "c" && v.year < 2002));
    const r2 = syntheticControl({ panel: late, treated: "t", start: 2005, preFrom: 2002 });
    expect(r2.excluded).toEqual([]);
    expect(r2.years[0]).toBe(2002);
    expect(r2.series).toHaveLength(6);
  });

  it("warns in words (English and Chinese) about a poor fit, few post years and a unit above every donor", () => {
    const high = pool.a.map((v) => v * 10);
    const r = syntheticControl({ panel: panelOf({ high, ...pool }), treated: "high", start: 2006 });
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toEqual(["poor_pre_fit", "few_post_years", "few_donors", "outside_donor_range"]);
    for (const w of r.warnings) {
      expect(w.en.length).toBeGreaterThan(20);
      expect(w.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(r.warnings[3]!.en).toContain("6 of 6 pre-period years");
    expect(r.verdict.en).toContain("poor");
  });

  it("warns when only a few pre-period years carry the fit, and does not call that fit good", () => {
    // Start 2003: three pre-period years for four donor weights, as with WHO PM2.5 from 2014 and a 2017 start.
    const r = syntheticControl({ panel: panelOf({ t, ...pool }), treated: "t", start: 2003 });
    expect(r.warnings.map((w) => w.code)).toContain("few_pre_years");
    const w = r.warnings.find((x) => x.code === "few_pre_years")!;
    expect(w.en).toMatch(/^Only 3 year\(s\) before the start \(fewer than 5\) to fit 4 donor weights/);
    expect(w.zh).toMatch(/起始年之前只有 3 年数据/);
    expect(r.verdict.en).toMatch(/the pre-2003 fit rests on only 3 year\(s\), too few to trust it\.$/);
    expect(r.verdict.en).not.toContain("fit is good");
    expect(r.verdict.zh).toContain("只基于 3 年数据");
    // Five pre-period years: no such warning.
    expect(syntheticControl({ panel: panelOf({ t, ...pool }), treated: "t", start: 2005 }).warnings.map((x) => x.code)).not.toContain("few_pre_years");
  });

  it("warns that an exact fit with about as many donor weights as pre-period years is interpolation", () => {
    // 12 wiggly donors over 5 pre- and 3 post-period years; the treated unit is the average of six
    // of them: generically no fewer than 6 donors match its 5 pre-period years exactly.
    const donors: Record<string, number[]> = {};
    const random = mulberry32(7);
    for (let j = 0; j < 12; j++) donors[`d${j}`] = Array.from({ length: 8 }, () => 40 + 20 * random());
    const treated = Array.from({ length: 8 }, (_, i) => [0, 1, 2, 3, 4, 5].reduce((a, j) => a + donors[`d${j}`]![i]!, 0) / 6);
    const r = syntheticControl({ panel: panelOf({ treated, ...donors }), treated: "treated", start: 2005 });
    expect(r.preRmspe).toBe(0);
    expect(r.weights.length).toBeGreaterThanOrEqual(5);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain("interpolated_fit");
    expect(codes).not.toContain("few_pre_years");
    expect(r.verdict.en).toMatch(/the pre-2005 fit is exact only because \d+ donors can match so few years, so it proves little\.$/);
    expect(r.verdict.zh).toContain("说明力有限");
  });

  it("rejects a treated unit not in the panel, a start with no pre-period or no post-period, and a non-finite value", () => {
    const panel = panelOf({ t, ...pool });
    expect(() => syntheticControl({ panel, treated: "x", start: 2005 })).toThrow(InvalidInputError);
    expect(() => syntheticControl({ panel, treated: "t", start: 2000 })).toThrow(/no pre-period/);
    expect(() => syntheticControl({ panel, treated: "t", start: 2005, preFrom: 2005 })).toThrow(/no pre-period/);
    expect(() => syntheticControl({ panel, treated: "t", start: 2010 })).toThrow(/no post-period/);
    expect(() => syntheticControl({ panel: [...panel, { unit: "a", year: 2010, value: NaN }], treated: "t", start: 2005 })).toThrow(/finite/);
    expect(() => syntheticControl({ panel, treated: "t", start: 2005, donors: ["nobody"] })).toThrow(/no donor/);
  });

  it("ranks the treated unit the same whatever the order of the donors", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }).chain((n) =>
          fc.record({
            series: fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 7, maxLength: 7 }), { minLength: n + 1, maxLength: n + 1 }),
            order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
          }),
        ),
        ({ series, order }) => {
          const units: Record<string, number[]> = {};
          series.forEach((s, i) => (units[`u${i}`] = s));
          const panel = panelOf(units);
          const donors = series.slice(1).map((_, i) => `u${i + 1}`);
          const a = syntheticControl({ panel, treated: "u0", start: 2004, donors });
          const b = syntheticControl({ panel, treated: "u0", start: 2004, donors: order.map((i) => donors[i]!) });
          expect(b.placebo.rank).toBe(a.placebo.rank);
          expect(b.placebo.pValue).toBe(a.placebo.pValue);
          expect(b.preRmspe).toBeCloseTo(a.preRmspe, 6);
        },
      ),
      { numRuns: 150, seed: 31 },
    );
  });
});
