// CSV reading and writing for the seed-data build (csv-parse / csv-stringify, RFC 4180).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export type CsvRow = Record<string, string>;

/** Read a CSV with a header row; header names are kept as written (BOM removed). */
export function readCsv(path: string): CsvRow[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
}

/** Write rows with exactly `columns`, header first, "\n" line ends, UTF-8. */
export function writeCsv(path: string, columns: readonly string[], rows: readonly Record<string, string>[]): void {
  for (const row of rows) {
    const extra = Object.keys(row).filter((k) => !columns.includes(k));
    if (extra.length > 0) throw new Error(`${path}: unexpected columns ${extra.join(", ")}`);
  }
  const text = stringify(
    rows.map((r) => columns.map((c) => r[c] ?? "")),
    { header: true, columns: [...columns], record_delimiter: "unix" },
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, "utf8");
}

/** Header lookup that ignores case, zero-width characters and repeated spaces. */
export function headerKey(header: string): string {
  return header.replace(/[\u200b\ufeff]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Returns a getter for a file's columns: get(row, "Total BASIC Emissions (GPC)") etc. */
export function columnGetter(headers: readonly string[]): (row: CsvRow, ...names: string[]) => string | undefined {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  return (row, ...names) => {
    for (const name of names) {
      const header = byKey.get(headerKey(name));
      if (header !== undefined) return row[header];
    }
    return undefined;
  };
}

/** The first header whose normalised form matches the pattern, e.g. /^direct emissions.*\(excluding generation/. */
export function findHeader(headers: readonly string[], pattern: RegExp): string | undefined {
  return headers.find((h) => pattern.test(headerKey(h)));
}
