import { mulberry32 } from "./prng.js";

/** The first two principal components of a centred matrix and each row's projection on them. */
export interface Pca2 {
  /** Row projections [pc1, pc2], in vote units (agree = 1). */
  points: [number, number][];
  /** Unit-length component vectors (one weight per column). */
  components: [number[], number[]];
  /** Share of the total variance each component explains, 0–1. */
  explained: [number, number];
}

function covarianceTimes(x: number[][], v: number[]): number[] {
  // C·v = Xᵀ(X·v) without forming the covariance matrix; the 1/(n−1) factor cancels in the normalisation.
  const xv = x.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));
  const out = new Array<number>(v.length).fill(0);
  x.forEach((row, i) => row.forEach((a, j) => (out[j] = (out[j] ?? 0) + a * (xv[i] ?? 0))));
  return out;
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));

function powerIteration(x: number[][], deflate: number[] | null, seed: number): { vector: number[]; value: number } {
  const cols = x[0]?.length ?? 0;
  const rnd = mulberry32(seed);
  let v = Array.from({ length: cols }, () => rnd() - 0.5);
  let value = 0;
  for (let it = 0; it < 500; it++) {
    if (deflate) {
      const d = v.reduce((s, a, j) => s + a * (deflate[j] ?? 0), 0);
      v = v.map((a, j) => a - d * (deflate[j] ?? 0));
    }
    const w = covarianceTimes(x, v);
    if (deflate) {
      const d = w.reduce((s, a, j) => s + a * (deflate[j] ?? 0), 0);
      for (let j = 0; j < cols; j++) w[j] = (w[j] ?? 0) - d * (deflate[j] ?? 0);
    }
    const n = norm(w);
    if (n < 1e-12) return { vector: new Array<number>(cols).fill(0), value: 0 };
    const next = w.map((a) => a / n);
    const delta = Math.sqrt(next.reduce((s, a, j) => s + (a - (v[j] ?? 0)) ** 2, 0));
    v = next;
    value = n;
    if (delta < 1e-10) break;
  }
  // Fix the sign (the largest weight positive) so equal inputs give equal maps.
  const big = v.reduce((b, a) => (Math.abs(a) > Math.abs(b) ? a : b), 0);
  return { vector: big < 0 ? v.map((a) => -a) : v, value };
}

/**
 * PCA to two dimensions by power iteration with deflation: repeatedly multiply a seeded start
 * vector by the covariance XᵀX until it stops turning (Δ < 1e−10, at most 500 steps), then do
 * the same orthogonal to the first component. Works on a centred matrix (see imputeCentred).
 * @example pca2([[1, 1], [-1, -1]], 1).points //=> [[1.414…, 0], [-1.414…, 0]]
 * Source: power iteration (Golub & Van Loan, Matrix Computations, 4th ed., §8.2.1), as Pol.is uses.
 */
export function pca2(x: number[][], seed: number): Pca2 {
  const first = powerIteration(x, null, seed);
  const second = powerIteration(x, first.vector, seed + 1);
  const total = x.reduce((s, row) => s + row.reduce((t, a) => t + a * a, 0), 0);
  const project = (row: number[], c: number[]) => row.reduce((s, a, j) => s + a * (c[j] ?? 0), 0);
  const points = x.map((row) => [project(row, first.vector), project(row, second.vector)] as [number, number]);
  const share = (c: number[]) => (total > 0 ? points.reduce((s, _p, i) => s + project(x[i] ?? [], c) ** 2, 0) / total : 0);
  return { points, components: [first.vector, second.vector], explained: [share(first.vector), share(second.vector)] };
}
