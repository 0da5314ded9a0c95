import { nnls } from "./nnls.js";

/**
 * min ‖y − X w‖² subject to w ≥ 0, Σw = 1 — the synthetic-control weight problem — solved exactly.
 *
 * On the simplex y = y·Σw, so y − X w = D w with columns d_j = y − x_j, and the problem is the
 * point of least norm in the convex hull of the d_j. That point is found with one non-negative
 * least-squares problem (Lawson & Hanson 1974, ch. 23, least distance programming):
 *
 *   u = argmin_{u ≥ 0} ‖[D; 1ᵀ] u − e_{m+1}‖²,   s = Σu,   w = u / s.
 *
 * Why it is exact: NNLS's optimality conditions are  −d_jᵀ D u + (1 − s) ≤ 0 for all j, with
 * equality where u_j > 0. Multiplying by u_j and summing gives ‖D u‖² = s(1 − s), so with
 * w = u/s and p = D w:  d_jᵀ p ≥ ‖p‖² for all j, equality on the support — exactly the
 * optimality conditions of the least-norm point of the hull (and, as gradients, the KKT
 * conditions of the original problem: g_j = 2 x_jᵀ(X w − y) ≥ λ with equality where w_j > 0).
 * s > 0 always, since at u = 0 every column has gradient 1.
 *
 * D is divided by its largest absolute entry first (the weights do not change), so that the row
 * of ones and the outcome rows weigh alike whatever the outcome's unit.
 */
export interface SimplexFit {
  /** One weight per column of X, ≥ 0, summing to 1. */
  weights: Float64Array;
  /** ‖y − X w‖². */
  objective: number;
}

/** `donors[j]` is column j of X (one value per pre-period year); `y` the treated unit's values. */
export function simplexLeastSquares(donors: readonly Float64Array[], y: Float64Array): SimplexFit {
  const n = donors.length;
  const m = y.length;
  if (n === 0) return { weights: new Float64Array(0), objective: NaN };
  let scale = 0;
  for (const x of donors) for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(y[i]! - x[i]!));
  if (scale === 0 || !Number.isFinite(scale)) scale = 1;
  const cols = donors.map((x) => {
    const c = new Float64Array(m + 1);
    for (let i = 0; i < m; i++) c[i] = (y[i]! - x[i]!) / scale;
    c[m] = 1;
    return c;
  });
  const f = new Float64Array(m + 1);
  f[m] = 1;
  const { x: u } = nnls(cols, f);
  let s = 0;
  for (let j = 0; j < n; j++) s += u[j]!;
  const weights = new Float64Array(n);
  for (let j = 0; j < n; j++) weights[j] = u[j]! / s;
  return { weights, objective: objective(donors, y, weights) };
}

/** ‖y − X w‖². */
export function objective(donors: readonly Float64Array[], y: Float64Array, w: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    let synth = 0;
    for (let j = 0; j < donors.length; j++) synth += w[j]! * donors[j]![i]!;
    const e = y[i]! - synth;
    sum += e * e;
  }
  return sum;
}

/** The gradient of ‖y − X w‖² at w: g_j = 2 x_jᵀ(X w − y). */
export function gradient(donors: readonly Float64Array[], y: Float64Array, w: ArrayLike<number>): Float64Array {
  const m = y.length;
  const resid = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let synth = 0;
    for (let j = 0; j < donors.length; j++) synth += w[j]! * donors[j]![i]!;
    resid[i] = synth - y[i]!;
  }
  return Float64Array.from(donors, (x) => {
    let g = 0;
    for (let i = 0; i < m; i++) g += 2 * x[i]! * resid[i]!;
    return g;
  });
}
