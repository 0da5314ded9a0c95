import { linearSumAssignment } from "../engines/matching/linear-sum-assignment.js";
import { parseCostMatrix } from "../ingest/cost-matrix.js";

export interface AssignmentResult {
  /** Sum of the chosen entries, in the matrix's unit. */
  total: number;
  /** min(rows, cols) pairs, by the order of the rows in the file. */
  pairs: { row: string; col: string; value: number }[];
}

/** Reads a labelled CSV matrix (its text or its bytes) and pairs its rows and columns with the least (or greatest) total. */
export function assignCostMatrix(csv: string | Uint8Array, maximize: boolean): AssignmentResult {
  const { rowLabels, colLabels, matrix } = parseCostMatrix(csv);
  const a = linearSumAssignment(matrix, maximize);
  const pairs = Array.from(a.rowIndices, (r, k) => {
    const c = a.colIndices[k]!;
    return { row: rowLabels[r]!, col: colLabels[c]!, value: matrix.data[r * matrix.cols + c]! };
  });
  return { total: a.total, pairs };
}
