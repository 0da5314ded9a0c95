import { closeSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { AirFormat } from "../domain/air.js";
import { InvalidInputError, type Problem } from "../errors.js";

/** OpenAQ archive columns (records/csv.gz files). */
export const OPENAQ_COLUMNS = ["location_id", "sensors_id", "location", "datetime", "lat", "lon", "parameter", "units", "value"] as const;
/** The columns citybridge reads from the UCI Beijing Multi-Site files; the weather columns are ignored. */
export const UCI_COLUMNS = ["year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "station"] as const;

/** The header row of a CSV file (its first record), read without loading the file. */
export function readCsvHeader(path: string): string[] {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString("utf8");
    const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
    if (firstLine.trim() === "") throw new InvalidInputError("the file is empty; nothing was imported", [{ row: 1, message: "the header row is missing" }]);
    const [fields] = parse(firstLine, { relax_quotes: true }) as string[][];
    return (fields ?? []).map((f) => f.trim());
  } finally {
    closeSync(fd);
  }
}

/** The format a header belongs to, or null. */
export function detectAirFormat(header: readonly string[]): AirFormat | null {
  if (OPENAQ_COLUMNS.every((c) => header.includes(c))) return "openaq";
  if (UCI_COLUMNS.every((c) => header.includes(c))) return "uci";
  return null;
}

/** Checks a header against a format: every required column present, none twice. */
export function headerProblems(header: readonly string[], format: AirFormat): Problem[] {
  const required: readonly string[] = format === "openaq" ? OPENAQ_COLUMNS : UCI_COLUMNS;
  const problems: Problem[] = required.filter((c) => !header.includes(c)).map((c) => ({ row: 1, column: c, message: `is missing from the header (a ${format} file needs ${required.join(", ")})` }));
  header.forEach((c, i) => {
    if (header.indexOf(c) !== i) problems.push({ row: 1, column: c, message: "appears twice in the header" });
  });
  return problems;
}
