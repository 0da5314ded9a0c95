import { parse } from "csv-parse/sync";
import type { DenseMatrix } from "../engines/matching/linear-sum-assignment.js";
import { InvalidInputError, type Problem } from "../errors.js";

/** A labelled dense matrix read from CSV. */
export interface LabelledMatrix {
  rowLabels: string[];
  colLabels: string[];
  matrix: DenseMatrix;
}

/**
 * Reads a cost (or score) matrix from CSV: the first row holds the column labels (its first cell
 * empty), each further row a row label and one number per column. Rows are numbered as in the
 * file (the header is row 1).
 *
 * @throws InvalidInputError listing ragged rows, non-numbers (with the row and column label) and
 * an empty matrix; nothing is returned unless the whole file is valid.
 */
export function parseCostMatrix(text: string): LabelledMatrix {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new InvalidInputError(`not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const header = records[0];
  if (!header || header.length < 2) throw new InvalidInputError("empty matrix: the first row must hold the column labels after an empty cell", [{ row: 1, message: "has no column labels" }]);
  if (records.length < 2) throw new InvalidInputError("empty matrix: no rows after the column labels", [{ row: 2, message: "is missing: the matrix has no rows" }]);
  const colLabels = header.slice(1);
  const cols = colLabels.length;
  const problems: Problem[] = [];
  if (header[0] !== "") problems.push({ row: 1, column: "1", value: header[0], message: "must be empty (the corner above the row labels)" });
  const rows = records.length - 1;
  const data = new Float64Array(rows * cols);
  const rowLabels: string[] = [];
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    rowLabels.push(rec[0] ?? "");
    if (rec.length !== cols + 1) {
      problems.push({ row, message: `has ${rec.length - 1} value(s), expected ${cols} (one per column label)` });
      return;
    }
    for (let c = 0; c < cols; c++) {
      const cell = rec[c + 1]!;
      const x = cell === "" ? NaN : Number(cell);
      if (!Number.isFinite(x)) problems.push({ row, column: colLabels[c], value: cell, message: "is not a number" });
      else data[i * cols + c] = x;
    }
  });
  if (problems.length) throw new InvalidInputError(`the matrix has ${problems.length} problem(s)`, problems.slice(0, 20), problems.length);
  return { rowLabels, colLabels, matrix: { rows, cols, data } };
}
