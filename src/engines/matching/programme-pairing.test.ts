import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { programmePairing } from "./programme-pairing.js";

const m = (rows: number[][]) => ({ rows: rows.length, cols: rows[0]?.length ?? 0, data: Float64Array.from(rows.flat()) });

/** Every subset of allowed pairs within capacity and containing the fixed ones: most pairs, then best total. */
function bruteForce(rows: number[][], rowCap: number[], colCap: number[], fixed: [number, number][], forbidden: [number, number][], maximize: boolean) {
  const nr = rows.length;
  const nc = rows[0]!.length;
  const cells: [number, number][] = [];
  for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) cells.push([r, c]);
  let best: { count: number; total: number } | null = null;
  for (let mask = 0; mask < 1 << cells.length; mask++) {
    const chosen = cells.filter((_, i) => mask & (1 << i));
    const has = (p: [number, number]) => chosen.some(([r, c]) => r === p[0] && c === p[1]);
    if (!fixed.every(has) || forbidden.some(has)) continue;
    if (rowCap.some((k, r) => chosen.filter((p) => p[0] === r).length > k)) continue;
    if (colCap.some((k, c) => chosen.filter((p) => p[1] === c).length > k)) continue;
    const total = chosen.reduce((s, [r, c]) => s + rows[r]![c]!, 0);
    const better = !best || chosen.length > best.count || (chosen.length === best.count && (maximize ? total > best.total : total < best.total));
    if (better) best = { count: chosen.length, total };
  }
  return best;
}

const instance = fc.integer({ min: 1, max: 3 }).chain((nr) =>
  fc.integer({ min: 1, max: 4 }).chain((nc) =>
    fc.record({
      rows: fc.array(fc.array(fc.integer({ min: -20, max: 50 }), { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr }),
      rowCap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nr, maxLength: nr }),
      colCap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nc, maxLength: nc }),
      fixed: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: nr - 1 }), fc.integer({ min: 0, max: nc - 1 })), { maxLength: 2, selector: ([r, c]) => `${r},${c}` }),
      forbidden: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: nr - 1 }), fc.integer({ min: 0, max: nc - 1 })), { maxLength: 3, selector: ([r, c]) => `${r},${c}` }),
      maximize: fc.boolean(),
    }),
  ),
);

describe("programmePairing", () => {
  it("matches brute force with capacities, fixed and forbidden pairs, or reports the instance infeasible when brute force finds nothing", () => {
    fc.assert(
      fc.property(instance, ({ rows, rowCap, colCap, fixed, forbidden, maximize }) => {
        const expected = bruteForce(rows, rowCap, colCap, fixed, forbidden, maximize);
        if (!expected) {
          expect(() => programmePairing(m(rows), { rowCapacity: rowCap, colCapacity: colCap, fixed, forbidden }, maximize)).toThrow(/infeasible/);
          return;
        }
        const r = programmePairing(m(rows), { rowCapacity: rowCap, colCapacity: colCap, fixed, forbidden }, maximize);
        expect([r.pairs.length, r.total]).toEqual([expected.count, expected.total]);
        for (const f of fixed) expect(r.pairs.some((p) => p.row === f[0] && p.col === f[1] && p.fixed)).toBe(true);
        for (const f of forbidden) expect(r.pairs.some((p) => p.row === f[0] && p.col === f[1])).toBe(false);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("gives each of two EU cities two Chinese partners, never the same pair twice (capacities 2 and 2)", () => {
    const r = programmePairing(m([[9, 8, 1], [7, 6, 5]]), { rowCapacity: 2, colCapacity: 2 });
    expect(r.pairs.map((p) => [p.row, p.col])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(r.total).toBe(30);
  });

  it("keeps a fixed pair even when it lowers the total score, and never picks a forbidden one", () => {
    expect(programmePairing(m([[9, 1], [8, 7]])).total).toBe(16);
    const pinned = programmePairing(m([[9, 1], [8, 7]]), { fixed: [[0, 1]] });
    expect(pinned.total).toBe(9);
    expect(pinned.pairs).toEqual([{ row: 0, col: 1, value: 1, fixed: true }, { row: 1, col: 0, value: 8, fixed: false }]);
    expect(programmePairing(m([[9, 1], [8, 7]]), { forbidden: [[0, 0]] }).total).toBe(9);
  });

  it("reports every contradiction as infeasible instead of relaxing it", () => {
    try {
      programmePairing(m([[1, 2], [3, 4]]), { fixed: [[0, 0], [0, 1], [1, 1]], forbidden: [[1, 1]], colCapacity: [1, 1] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      const msgs = (e as InvalidInputError).problems.map((p) => p.message);
      expect(msgs).toContain("is also forbidden");
      expect(msgs).toContain("has more fixed pairs than its capacity 1");
    }
    expect(() => programmePairing(m([[1]]), { rowCapacity: [1.5] })).toThrow(/infeasible/);
    expect(() => programmePairing(m([[1]]), { fixed: [[3, 0]] })).toThrow(/infeasible/);
  });
});
