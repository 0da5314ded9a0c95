/**
 * Non-negative least squares, exact active-set method (Lawson & Hanson, "Solving Least Squares
 * Problems", 1974, ch. 23, algorithm NNLS): min ‖E x − f‖² subject to x ≥ 0.
 *
 * The matrix is given as its columns (each of length m). The passive set's least-squares
 * subproblem is solved afresh by Householder QR at each step (the passive set never holds more
 * than m columns), which is cheap for the small m of a pre-period (tens of years).
 */

export interface NnlsResult {
  x: Float64Array;
  /** ‖E x − f‖. */
  residualNorm: number;
  /** Outer iterations (columns brought into the passive set). */
  iterations: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Least squares on the chosen columns by Householder QR: min ‖A z − b‖ with A = cols[idx].
 * A column whose pivot vanishes (linearly dependent on the earlier ones to rounding) gets z = 0.
 */
export function leastSquares(cols: readonly Float64Array[], idx: readonly number[], b: Float64Array): Float64Array {
  const m = b.length;
  const k = idx.length;
  const a: Float64Array[] = idx.map((j) => Float64Array.from(cols[j]!));
  const rhs = Float64Array.from(b);
  const diag = new Float64Array(k);
  const dependent = new Uint8Array(k);
  let scale = 0;
  for (const c of a) for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(c[i]!));
  const small = Math.max(m, k) * EPS * 16 * (scale || 1);
  let row = 0;
  const pivotRow = new Int32Array(k).fill(-1);
  for (let c = 0; c < k; c++) {
    const col = a[c]!;
    if (row >= m) {
      dependent[c] = 1;
      continue;
    }
    let norm = 0;
    for (let i = row; i < m; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    if (norm <= small) {
      dependent[c] = 1;
      continue;
    }
    const alpha = col[row]! > 0 ? -norm : norm;
    // v = col[row:] − alpha e1, stored in col[row:]; H = I − 2 v vᵀ / vᵀv.
    col[row] = col[row]! - alpha;
    let vv = 0;
    for (let i = row; i < m; i++) vv += col[i]! * col[i]!;
    const apply = (t: Float64Array) => {
      let s = 0;
      for (let i = row; i < m; i++) s += col[i]! * t[i]!;
      const f = (2 * s) / vv;
      for (let i = row; i < m; i++) t[i] = t[i]! - f * col[i]!;
    };
    for (let c2 = c + 1; c2 < k; c2++) apply(a[c2]!);
    apply(rhs);
    diag[c] = alpha;
    pivotRow[c] = row;
    row++;
  }
  // Back substitution on the upper-triangular R (R[r][c] = a[c][r] for c after the pivot's column).
  const z = new Float64Array(k);
  for (let c = k - 1; c >= 0; c--) {
    if (dependent[c]) continue;
    const r = pivotRow[c]!;
    let s = rhs[r]!;
    for (let c2 = c + 1; c2 < k; c2++) if (!dependent[c2]) s -= a[c2]![r]! * z[c2]!;
    z[c] = s / diag[c]!;
  }
  return z;
}

/**
 * Solves min ‖E x − f‖² s.t. x ≥ 0 to its optimum: on return the gradient w = Eᵀ(f − E x)
 * satisfies w_j ≤ tol for every j and |w_j| ≤ tol (to rounding) where x_j > 0.
 * `cols` are the n columns of E, each of length m = f.length.
 */
export function nnls(cols: readonly Float64Array[], f: Float64Array, options: { maxIterations?: number } = {}): NnlsResult {
  const n = cols.length;
  const m = f.length;
  const x = new Float64Array(n);
  const passive = new Uint8Array(n);
  let norm1 = 0;
  for (const c of cols) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(c[i]!);
    norm1 = Math.max(norm1, s);
  }
  const tol = 10 * EPS * (norm1 || 1) * Math.max(m, n);
  const maxIterations = options.maxIterations ?? 3 * n + 30;
  const r = Float64Array.from(f);
  const barred = new Uint8Array(n);
  let iterations = 0;

  const residual = () => {
    r.set(f);
    for (let j = 0; j < n; j++) {
      const xj = x[j]!;
      if (xj === 0) continue;
      const c = cols[j]!;
      for (let i = 0; i < m; i++) r[i] = r[i]! - xj * c[i]!;
    }
  };

  while (iterations < maxIterations) {
    // The most promising column outside the passive set.
    let t = -1;
    let best = tol;
    let count = 0;
    for (let j = 0; j < n; j++) if (passive[j]) count++;
    if (count >= m) break; // the passive set cannot grow past the rank
    for (let j = 0; j < n; j++) {
      if (passive[j] || barred[j]) continue;
      const c = cols[j]!;
      let g = 0;
      for (let i = 0; i < m; i++) g += c[i]! * r[i]!;
      if (g > best) {
        best = g;
        t = j;
      }
    }
    if (t < 0) break;
    iterations++;
    passive[t] = 1;
    let first = true;
    for (;;) {
      const idx: number[] = [];
      for (let j = 0; j < n; j++) if (passive[j]) idx.push(j);
      const z = leastSquares(cols, idx, f);
      if (first) {
        first = false;
        const zt = z[idx.indexOf(t)]!;
        // In exact arithmetic z_t > 0; when rounding says otherwise the column cannot help: bar it
        // until x moves (Lawson & Hanson's safeguard against an endless loop).
        if (!(zt > 0)) {
          passive[t] = 0;
          barred[t] = 1;
          break;
        }
      }
      let feasible = true;
      for (let q = 0; q < idx.length; q++) if (!(z[q]! > 0)) feasible = false;
      if (feasible) {
        for (let q = 0; q < idx.length; q++) x[idx[q]!] = z[q]!;
        barred.fill(0);
        break;
      }
      // Move from x towards z until the first passive variable reaches zero, then drop every such variable.
      let alpha = Infinity;
      let hit = -1;
      for (let q = 0; q < idx.length; q++) {
        const zq = z[q]!;
        if (zq > 0) continue;
        const xq = x[idx[q]!]!;
        const a = xq / (xq - zq);
        if (a < alpha) {
          alpha = a;
          hit = idx[q]!;
        }
      }
      for (let q = 0; q < idx.length; q++) {
        const j = idx[q]!;
        x[j] = x[j]! + alpha * (z[q]! - x[j]!);
      }
      for (const j of idx) {
        if (j === hit || x[j]! <= tol * 1e-3) {
          x[j] = 0;
          passive[j] = 0;
        }
      }
      barred.fill(0);
      if (!idx.some((j) => passive[j])) break;
    }
    residual();
  }
  residual();
  let rn = 0;
  for (let i = 0; i < m; i++) rn += r[i]! * r[i]!;
  return { x, residualNorm: Math.sqrt(rn), iterations };
}
