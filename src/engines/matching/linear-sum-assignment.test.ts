import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { linearSumAssignment } from "./linear-sum-assignment.js";
import { minCostPairing } from "./min-cost-pairing.js";

const m = (rows: number[][]) => ({ rows: rows.length, cols: rows[0]?.length ?? 0, data: Float64Array.from(rows.flat()) });

/** Best total over every way of pairing min(rows, cols) rows and columns. */
function bruteForce(rows: number[][], maximize: boolean): number {
  const nr = rows.length;
  const nc = rows[0]!.length;
  let best = maximize ? -Infinity : Infinity;
  const usedCols = new Array<boolean>(nc).fill(false);
  const visit = (r: number, taken: number, sum: number) => {
    if (taken === Math.min(nr, nc)) {
      best = maximize ? Math.max(best, sum) : Math.min(best, sum);
      return;
    }
    if (r === nr) return;
    if (nr - r > Math.min(nr, nc) - taken) visit(r + 1, taken, sum); // row r unpaired
    for (let c = 0; c < nc; c++) {
      if (usedCols[c]) continue;
      usedCols[c] = true;
      visit(r + 1, taken + 1, sum + rows[r]![c]!);
      usedCols[c] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

const matrix = fc.integer({ min: 1, max: 6 }).chain((nr) =>
  fc.integer({ min: 1, max: 6 }).chain((nc) => fc.array(fc.array(fc.integer({ min: -50, max: 100 }), { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr })),
);

describe("linearSumAssignment", () => {
  it("finds the least total of a known 3 × 3 problem (scipy's documented example: 5)", () => {
    const a = linearSumAssignment(m([[4, 1, 3], [2, 0, 5], [3, 2, 2]]));
    expect(Array.from(a.colIndices)).toEqual([1, 0, 2]);
    expect(a.total).toBe(5);
  });

  it("matches brute force on random matrices up to 6 × 6, minimising and maximising, rectangular both ways", () => {
    fc.assert(
      fc.property(matrix, fc.boolean(), (rows, maximize) => {
        const a = linearSumAssignment(m(rows), maximize);
        expect(a.rowIndices.length).toBe(Math.min(rows.length, rows[0]!.length));
        expect(new Set(a.rowIndices).size).toBe(a.rowIndices.length);
        expect(new Set(a.colIndices).size).toBe(a.colIndices.length);
        expect(a.total).toBe(bruteForce(rows, maximize));
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it("matches brute force when +Infinity entries forbid pairs, and reports infeasible exactly when every assignment needs one", () => {
    const withForbidden = matrix.chain((rows) => fc.array(fc.boolean(), { minLength: rows.flat().length, maxLength: rows.flat().length }).map((ban) => rows.map((row, r) => row.map((x, c) => (ban[r * row.length + c] && (r + c) % 2 ? Infinity : x)))));
    fc.assert(
      fc.property(withForbidden, (rows) => {
        const best = bruteForce(rows, false);
        if (best === Infinity) expect(() => linearSumAssignment(m(rows))).toThrow(/infeasible/);
        else expect(linearSumAssignment(m(rows)).total).toBe(best);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("leaves the costliest row of a tall matrix unpaired, pairs listed by ascending row", () => {
    const a = linearSumAssignment(m([[10, 1], [2, 10], [0, 5]]));
    expect(Array.from(a.rowIndices)).toEqual([0, 2]);
    expect(Array.from(a.colIndices)).toEqual([1, 0]);
    expect(a.total).toBe(1);
  });

  it("maximises: the greatest total of [[1, 2], [3, 4]] is 5 on either diagonal", () => {
    expect(linearSumAssignment(m([[1, 2], [3, 4]]), true).total).toBe(5);
    expect(linearSumAssignment(m([[9, 2], [3, 1]]), true).total).toBe(10);
  });

  it("avoids +Infinity entries and reports an assignment they make impossible", () => {
    expect(linearSumAssignment(m([[Infinity, 5], [1, Infinity]])).total).toBe(6);
    expect(() => linearSumAssignment(m([[Infinity, Infinity], [1, 2]]))).toThrow(/infeasible/);
  });

  it("rejects NaN with the row and column of the entry", () => {
    try {
      linearSumAssignment(m([[1, 2], [NaN, 4]]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).problems[0]).toMatchObject({ row: 2, column: "1" });
    }
  });

  it("agrees with an independent min-cost-flow solver on larger square and rectangular matrices (where the row reductions run)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 8, max: 40 }), fc.boolean(), fc.integer(), (nr, ncRaw, square, seed) => {
        const nc = square ? nr : ncRaw;
        let a = seed >>> 0;
        const data = Float64Array.from({ length: nr * nc }, () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0), a % 97));
        const flow = minCostPairing(nr, nc, new Array<number>(nr).fill(1), new Array<number>(nc).fill(1), (r, c) => data[r * nc + c]!);
        expect(linearSumAssignment({ rows: nr, cols: nc, data }).total).toBe(flow.reduce((t, [r, c]) => t + data[r * nc + c]!, 0));
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("returns no pairs for an empty matrix", () => {
    expect(linearSumAssignment({ rows: 0, cols: 3, data: new Float64Array(0) }).total).toBe(0);
  });
});
