import { parse } from "csv-parse/sync";
import type { PanelValue } from "../engines/impact/synthetic-control.js";
import { InvalidInputError, type Problem } from "../errors.js";

const COLUMNS = ["unit", "year", "value"] as const;

/**
 * Reads a panel from CSV with the header `unit,year,value` (any column order, other columns
 * ignored): one value per unit and year. Rows are numbered as in the file (the header is row 1).
 *
 * @throws InvalidInputError listing every missing column, empty unit, year that is not a whole
 * number, value that is not a number and repeated unit × year; nothing is returned unless the
 * whole file is valid.
 */
export function parseImpactPanel(text: string): PanelValue[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new InvalidInputError(`not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new InvalidInputError(`the panel needs the columns unit, year, value`, missing.map((c) => ({ row: 1, column: c, message: "is missing from the header" })));
  }
  const [iu, iy, iv] = COLUMNS.map((c) => header.indexOf(c)) as [number, number, number];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const panel: PanelValue[] = [];
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    const unit = rec[iu] ?? "";
    const yearText = rec[iy] ?? "";
    const valueText = rec[iv] ?? "";
    let ok = true;
    if (unit === "") {
      problems.push({ row, column: "unit", value: unit, message: "is empty" });
      ok = false;
    }
    const year = Number(yearText);
    if (!/^-?\d{1,4}$/.test(yearText)) {
      problems.push({ row, column: "year", value: yearText, message: "is not a year (a whole number)" });
      ok = false;
    }
    const value = valueText === "" ? NaN : Number(valueText);
    if (!Number.isFinite(value)) {
      problems.push({ row, column: "value", value: valueText, message: "is not a number" });
      ok = false;
    }
    if (!ok) return;
    const key = `${unit}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row, column: "year", value: yearText, message: `repeats ${unit} in ${year} (first on row ${first})` });
      return;
    }
    seen.set(key, row);
    panel.push({ unit, year, value });
  });
  if (problems.length) throw new InvalidInputError(`the panel has ${problems.length} problem(s)`, problems.slice(0, 20), problems.length);
  if (panel.length === 0) throw new InvalidInputError("the panel is empty", [{ row: 2, message: "is missing: the panel has no rows" }]);
  return panel;
}
