import { InvalidInputError } from "../../errors.js";
import { augmentingRowReduction, columnReduction } from "./jv-reductions.js";

/** A dense cost (or score) matrix, row-major: `data[r * cols + c]`. */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** The optimal assignment: `rowIndices[k]` is paired with `colIndices[k]`, rows ascending. */
export interface Assignment {
  rowIndices: Int32Array;
  colIndices: Int32Array;
  /** Sum of the matrix entries of the chosen pairs (same unit as the matrix). */
  total: number;
}

/**
 * Solves the rectangular linear sum assignment problem exactly: pairs min(rows, cols) rows and
 * columns, each at most once, so that the sum of the chosen entries is least (or, with
 * `maximize`, greatest). Entries of +Infinity (−Infinity when maximising) mark forbidden pairs;
 * NaN is rejected. Shortest augmenting path with dual variables (Jonker–Volgenant), one
 * augmentation per row of the smaller side: O(n² m) time, O(n + m) extra memory; square finite
 * matrices first go through LAPJV's column and augmenting row reductions (jv-reductions.ts).
 *
 * @throws InvalidInputError when an entry is NaN (or the wrong infinity), or when forbidden
 * pairs leave no complete assignment ("infeasible").
 * @example linearSumAssignment({ rows: 2, cols: 2, data: Float64Array.from([4, 1, 2, 3]) })
 * //=> { rowIndices: [0, 1], colIndices: [1, 0], total: 3 }
 * Standard: D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Trans.
 * Aerospace and Electronic Systems 52(4), 2016 — the algorithm of scipy.optimize.linear_sum_assignment;
 * R. Jonker and A. Volgenant, Computing 38, 1987.
 */
export function linearSumAssignment(matrix: DenseMatrix, maximize = false): Assignment {
  const { rows, cols, data } = matrix;
  if (data.length !== rows * cols) throw new InvalidInputError(`matrix has ${data.length} entries, expected ${rows} × ${cols}`);
  if (rows === 0 || cols === 0) return { rowIndices: new Int32Array(0), colIndices: new Int32Array(0), total: 0 };
  const transpose = rows > cols;
  const nr = transpose ? cols : rows;
  const nc = transpose ? rows : cols;
  const cost = new Float64Array(nr * nc);
  let finite = true;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = data[r * cols + c]!;
      const v = maximize ? -x : x;
      if (v - v !== 0) {
        if (Number.isNaN(v) || v === -Infinity) {
          throw new InvalidInputError("matrix entry is not a number", [{ row: r + 1, column: String(c + 1), value: String(x), message: maximize ? "is not a number or +Infinity" : "is not a number or −Infinity" }]);
        }
        finite = false;
      }
      cost[transpose ? c * nc + r : r * nc + c] = v;
    }
  }
  const col4row = solve(nr, nc, cost, finite);
  const pairs: [number, number][] = [];
  for (let i = 0; i < nr; i++) pairs.push(transpose ? [col4row[i]!, i] : [i, col4row[i]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const rowIndices = Int32Array.from(pairs.map((p) => p[0]));
  const colIndices = Int32Array.from(pairs.map((p) => p[1]));
  let total = 0;
  for (const [r, c] of pairs) total += data[r * cols + c]!;
  return { rowIndices, colIndices, total };
}

/** Core of Crouse's algorithm on an nr × nc cost matrix with nr ≤ nc; returns the column of each row. */
function solve(nr: number, nc: number, cost: Float64Array, finite: boolean): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const SR = new Uint8Array(nr);
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  if (nr === nc && columnReduction(nr, cost, v, col4row, row4col) && finite) {
    augmentingRowReduction(nr, cost, v, col4row, row4col);
    augmentingRowReduction(nr, cost, v, col4row, row4col);
    for (let i = 0; i < nr; i++) if (col4row[i] !== -1) u[i] = cost[i * nc + col4row[i]!]! - v[col4row[i]!]!;
  }
  for (let cur = 0; cur < nr; cur++) {
    if (col4row[cur] !== -1) continue;
    // Dijkstra-like search for the shortest augmenting path from row `cur` in reduced costs.
    let minVal = 0;
    let i = cur;
    let nRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    SR.fill(0);
    SC.fill(0);
    shortest.fill(Infinity);
    let sink = -1;
    while (sink === -1) {
      let index = -1;
      let lowest = Infinity;
      SR[i] = 1;
      const base = i * nc;
      const ui = u[i]!;
      const offset = minVal - ui;
      for (let it = 0; it < nRemaining; it++) {
        const j = remaining[it]!;
        const r = offset + cost[base + j]! - v[j]!;
        let s = shortest[j]!;
        if (r < s) {
          path[j] = i;
          shortest[j] = r;
          s = r;
        }
        if (s < lowest || (s === lowest && row4col[j] === -1)) {
          lowest = s;
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) throw new InvalidInputError("infeasible: forbidden (infinite) entries leave no complete assignment", [], 0, { code: "pairing.no_assignment" });
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      SC[j] = 1;
      remaining[index] = remaining[--nRemaining]!;
    }
    // Update the dual variables, then augment along the path.
    u[cur] = u[cur]! + minVal;
    for (let r = 0; r < nr; r++) if (SR[r] && r !== cur) u[r] = u[r]! + minVal - shortest[col4row[r]!]!;
    for (let c = 0; c < nc; c++) if (SC[c]) v[c] = v[c]! - (minVal - shortest[c]!);
    let j = sink;
    for (;;) {
      const r = path[j]!;
      row4col[j] = r;
      const prev = col4row[r]!;
      col4row[r] = j;
      j = prev;
      if (r === cur) break;
    }
  }
  return col4row;
}

