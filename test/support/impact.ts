import { readFileSync } from "node:fs";
import { gradient } from "../../src/engines/impact/simplex-least-squares.js";
import type { PanelValue } from "../../src/engines/impact/synthetic-control.js";

/**
 * How far a simplex-constrained least-squares answer is from optimal: the KKT conditions of
 * min ‖y − Xw‖² s.t. w ≥ 0, Σw = 1 are g_i = λ where w_i > 0 and g_i ≥ λ where w_i = 0, with
 * g = 2Xᵀ(Xw − y). Returns the worst violation divided by max |g| + m·M² (M the largest |entry| of
 * X and y): the gradient's own size, or — when the fit is exact and g is nothing but rounding —
 * the size rounding works at.
 */
export function kktViolation(donors: readonly Float64Array[], y: Float64Array, w: ArrayLike<number>): number {
  const g = gradient(donors, y, w);
  const support = Array.from(g).filter((_, j) => w[j]! > 1e-9);
  const lambda = support.reduce((a, b) => a + b, 0) / support.length;
  let worst = 0;
  for (let j = 0; j < g.length; j++) {
    if (w[j]! > 1e-9) worst = Math.max(worst, Math.abs(g[j]! - lambda));
    else worst = Math.max(worst, lambda - g[j]!);
  }
  let big = 0;
  for (const v of y) big = Math.max(big, Math.abs(v));
  for (const x of donors) for (const v of x) big = Math.max(big, Math.abs(v));
  return worst / (Math.max(...Array.from(g, Math.abs)) + y.length * big * big || 1);
}

/** The Proposition 99 panel (test/fixtures/prop99/smoking.csv): cigarette sales per capita, 39 states, 1970–2000. */
export function prop99Panel(): PanelValue[] {
  const text = readFileSync(new URL("../fixtures/prop99/smoking.csv", import.meta.url), "utf8");
  const [header, ...lines] = text.trim().split("\n");
  const cols = header!.split(",");
  const [iState, iYear, iSales] = ["state", "year", "cigsale"].map((c) => cols.indexOf(c));
  return lines.map((line) => {
    const c = line.split(",");
    return { unit: c[iState!]!, year: Number(c[iYear!]), value: Number(c[iSales!]) };
  });
}
