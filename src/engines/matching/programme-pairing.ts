import { InvalidInputError, type Problem } from "../../errors.js";
import { type DenseMatrix, linearSumAssignment } from "./linear-sum-assignment.js";
import { minCostPairing } from "./min-cost-pairing.js";

/** The rules of a programme: how many partners each city may take, and pairs pinned or ruled out. */
export interface PairingConstraints {
  /** Most partners per row city: one number for all, or one per row. Default 1. */
  rowCapacity?: number | readonly number[];
  /** Most partners per column city: one number for all, or one per column. Default 1. */
  colCapacity?: number | readonly number[];
  /** [row, col] pairs (0-based) that must be in the pairing. */
  fixed?: readonly (readonly [number, number])[];
  /** [row, col] pairs (0-based) that must not be. */
  forbidden?: readonly (readonly [number, number])[];
}

export interface ProgrammePair {
  row: number;
  col: number;
  value: number;
  fixed: boolean;
}

export interface ProgrammePairing {
  /** Pairs sorted by row then column. */
  pairs: ProgrammePair[];
  /** Sum of the values of the pairs (unit of the matrix). */
  total: number;
}

function capacities(cap: number | readonly number[] | undefined, n: number, side: "row" | "column", problems: Problem[]): number[] {
  const caps = typeof cap === "object" ? [...cap] : new Array<number>(n).fill(cap ?? 1);
  if (caps.length !== n) problems.push({ column: `${side}Capacity`, message: `has ${caps.length} values for ${n} ${side}s` });
  caps.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 0) problems.push({ column: `${side}Capacity`, value: String(k), message: `of ${side} ${i + 1} is not a whole number ≥ 0` });
  });
  return caps;
}

/**
 * The best pairing for a whole programme: each row city takes up to k partners and each column
 * city up to m, fixed pairs are kept, forbidden pairs never chosen. The pairing has as many pairs
 * as the capacities and forbidden pairs allow and, among those, the greatest total score (least
 * total cost when `maximize` is false). Exact: when one side has capacity at most 1, by replicating
 * each city of the other side once per place and solving one rectangular assignment
 * (Jonker–Volgenant; forbidden pairs get a cost above any total of allowed pairs, then are
 * dropped); otherwise by successive shortest paths on the flow network source → rows → columns →
 * sink, which also rules out the same pair twice.
 *
 * @throws InvalidInputError ("infeasible: …") with every problem when the constraints contradict
 * themselves: a fixed pair that is also forbidden, out of range, repeated, or more fixed pairs
 * on a city than its capacity; never relaxes a constraint.
 * @example programmePairing({ rows: 2, cols: 2, data: Float64Array.from([9, 1, 8, 7]) }, { fixed: [[0, 1]] })
 * //=> { total: 9, pairs: [{ row: 0, col: 1, value: 1, fixed: true }, { row: 1, col: 0, value: 8, fixed: false }] }
 * Standard: Crouse 2016 (rectangular assignment); Ahuja, Magnanti & Orlin, "Network Flows" (1993),
 * §9.7 successive shortest paths with node potentials.
 */
export function programmePairing(scores: DenseMatrix, constraints: PairingConstraints = {}, maximize = true): ProgrammePairing {
  const { rows, cols, data } = scores;
  const problems: Problem[] = [];
  const rowCap = capacities(constraints.rowCapacity, rows, "row", problems);
  const colCap = capacities(constraints.colCapacity, cols, "column", problems);
  const key = (r: number, c: number) => r * cols + c;
  const inRange = ([r, c]: readonly [number, number], what: string) => {
    const ok = Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < rows && c >= 0 && c < cols;
    if (!ok) problems.push({ column: what, value: `${r},${c}`, message: "is outside the matrix" });
    return ok;
  };
  const banned = new Set<number>();
  for (const p of constraints.forbidden ?? []) if (inRange(p, "forbidden")) banned.add(key(p[0], p[1]));
  const pinned = new Set<number>();
  for (const p of constraints.fixed ?? []) {
    if (!inRange(p, "fixed")) continue;
    const k = key(p[0], p[1]);
    if (banned.has(k)) problems.push({ column: "fixed", value: `${p[0]},${p[1]}`, message: "is also forbidden" });
    else if (pinned.has(k)) problems.push({ column: "fixed", value: `${p[0]},${p[1]}`, message: "is fixed twice" });
    else if (!Number.isFinite(data[k]!)) problems.push({ column: "fixed", value: `${p[0]},${p[1]}`, message: "has no finite value" });
    pinned.add(k);
  }
  const rowLeft = [...rowCap];
  const colLeft = [...colCap];
  for (const k of pinned) {
    rowLeft[Math.floor(k / cols)]!--;
    colLeft[k % cols]!--;
  }
  rowLeft.forEach((n, r) => n < 0 && problems.push({ row: r + 1, message: `has more fixed pairs than its capacity ${rowCap[r]}` }));
  colLeft.forEach((n, c) => n < 0 && problems.push({ column: String(c + 1), message: `has more fixed pairs than its capacity ${colCap[c]}` }));
  for (let k = 0; k < data.length; k++) if (Number.isNaN(data[k]!)) problems.push({ row: Math.floor(k / cols) + 1, column: String((k % cols) + 1), message: "is not a number" });
  if (problems.length) throw new InvalidInputError("infeasible: the programme's constraints contradict each other", problems.slice(0, 20), problems.length, { code: "pairing.infeasible", params: { count: problems.length } });

  // The free part: costs to minimise, null where a pair cannot be chosen.
  const cost = (r: number, c: number): number | null => {
    const k = key(r, c);
    const x = data[k]!;
    if (banned.has(k) || pinned.has(k) || !Number.isFinite(x)) return null;
    return maximize ? -x : x;
  };
  const free = rowLeft.every((n) => n <= 1) || colLeft.every((n) => n <= 1) ? replicated(rows, cols, rowLeft, colLeft, cost) : minCostPairing(rows, cols, rowLeft, colLeft, cost);
  const pairs: ProgrammePair[] = [...pinned].map((k) => ({ row: Math.floor(k / cols), col: k % cols, value: data[k]!, fixed: true }));
  for (const [r, c] of free) pairs.push({ row: r, col: c, value: data[key(r, c)]!, fixed: false });
  pairs.sort((a, b) => a.row - b.row || a.col - b.col);
  return { pairs, total: pairs.reduce((s, p) => s + p.value, 0) };
}

/** One side has capacity ≤ 1: copy each city of both sides once per place and solve one assignment. */
function replicated(rows: number, cols: number, rowLeft: number[], colLeft: number[], cost: (r: number, c: number) => number | null): [number, number][] {
  const rowOf = rowLeft.flatMap((n, r) => new Array<number>(n).fill(r));
  const colOf = colLeft.flatMap((n, c) => new Array<number>(n).fill(c));
  if (rowOf.length === 0 || colOf.length === 0) return [];
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) maxAbs = Math.max(maxAbs, Math.abs(cost(r, c) ?? 0));
  // Above any difference between two totals of allowed pairs, so one more forbidden pair never pays.
  const big = 2 * Math.min(rowOf.length, colOf.length) * maxAbs + 1;
  const data = new Float64Array(rowOf.length * colOf.length);
  rowOf.forEach((r, i) => colOf.forEach((c, j) => (data[i * colOf.length + j] = cost(r, c) ?? big)));
  const a = linearSumAssignment({ rows: rowOf.length, cols: colOf.length, data });
  const out: [number, number][] = [];
  for (let k = 0; k < a.rowIndices.length; k++) {
    const r = rowOf[a.rowIndices[k]!]!;
    const c = colOf[a.colIndices[k]!]!;
    if (cost(r, c) !== null) out.push([r, c]);
  }
  return out;
}
