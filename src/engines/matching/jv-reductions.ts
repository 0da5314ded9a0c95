/*
 * The start of Jonker & Volgenant's LAPJV for square matrices: column reduction, then augmenting
 * row reduction. They leave a partial assignment and dual variables from which the shortest
 * augmenting paths of linear-sum-assignment.ts finish exactly, much sooner than from zero.
 * Standard: R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse
 * linear assignment problems", Computing 38, 325–340 (1987).
 */
/**
 * Square matrices only: start from the duals v[j] = min over rows of column j (u = 0, so every
 * reduced cost is ≥ 0) and match each column to its cheapest row while that row is free — the
 * column reduction of Jonker & Volgenant (1987). Matched pairs have reduced cost 0, so the
 * augmentations that follow stay exact. (Not for rectangular problems: there the free columns'
 * duals must stay ≤ 0.) Skipped when a column has no finite entry.
 *
 * @returns false (duals left at 0, nothing matched) when a column has no finite entry
 * @example columnReduction(2, Float64Array.from([4, 1, 2, 3]), v, col4row, row4col) //=> true; v = [2, 1], col4row = [1, 0]
 * Standard: Jonker & Volgenant (1987), procedure "column reduction".
 */
export function columnReduction(n: number, cost: Float64Array, v: Float64Array, col4row: Int32Array, row4col: Int32Array): boolean {
  const argmin = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i < n; i++) {
      const c = cost[i * n + j]!;
      if (c < best) {
        best = c;
        at = i;
      }
    }
    if (at === -1) {
      v.fill(0);
      return false;
    }
    v[j] = best;
    argmin[j] = at;
  }
  for (let j = 0; j < n; j++) {
    const i = argmin[j]!;
    if (col4row[i] === -1) {
      col4row[i] = j;
      row4col[j] = i;
    }
  }
  return true;
}

/**
 * Square, finite matrices, after the column reduction: Jonker & Volgenant's augmenting row
 * reduction. Each free row takes the column of its least reduced cost c − v, lowering that
 * column's dual by the gap to the second least so that the row's u = c − v stays a minimum; the
 * column's previous row is freed and tried again. Keeps u_i = min_j (c_ij − v_j) for every
 * assigned row and c − v ≥ 0 everywhere, so the shortest augmenting paths that follow stay exact.
 * Run twice, as LAPJV does; the rows it leaves free go to the shortest augmenting paths.
 *
 * @example augmentingRowReduction(n, cost, v, col4row, row4col) // after columnReduction; updates v, col4row, row4col in place
 * Standard: Jonker & Volgenant (1987), procedure "augmenting row reduction".
 */
export function augmentingRowReduction(n: number, cost: Float64Array, v: Float64Array, col4row: Int32Array, row4col: Int32Array): void {
  const free = new Int32Array(n);
  let nFree = 0;
  for (let i = 0; i < n; i++) if (col4row[i] === -1) free[nFree++] = i;
  let current = 0;
  let newFree = 0;
  let count = 0;
  while (current < nFree) {
    count++;
    const i = free[current++]!;
    const base = i * n;
    let j1 = 0;
    let v1 = cost[base]! - v[0]!;
    let j2 = -1;
    let v2 = Infinity;
    for (let j = 1; j < n; j++) {
      const c = cost[base + j]! - v[j]!;
      if (c < v2) {
        if (c >= v1) {
          v2 = c;
          j2 = j;
        } else {
          v2 = v1;
          v1 = c;
          j2 = j1;
          j1 = j;
        }
      }
    }
    let i0 = row4col[j1]!;
    const lowered = v[j1]! - (v2 - v1);
    const lowers = lowered < v[j1]!;
    if (count < current * n) {
      if (lowers) v[j1] = lowered;
      else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = row4col[j2]!;
      }
      if (i0 >= 0) {
        if (lowers) free[--current] = i0;
        else free[newFree++] = i0;
      }
    } else if (i0 >= 0) free[newFree++] = i0;
    if (i0 >= 0) col4row[i0] = -1;
    col4row[i] = j1;
    row4col[j1] = i;
  }
}
