import { csvLines, tableNumber } from "./csv-lines.js";
import type { Hj633Rules, StandardDefinition } from "./standard-definition.js";
import type { Category, CnStandardId, StandardRef } from "./types.js";

/** Columns of the HJ 633 IAQI table: pollutant and averaging time. Units µg/m³, CO mg/m³. */
export type Hj633Column = "so2_24h" | "so2_1h" | "no2_24h" | "no2_1h" | "co_24h" | "co_1h" | "o3_1h" | "o3_8h" | "pm10_24h" | "pm25_24h";
export const HJ633_COLUMNS: readonly Hj633Column[] = ["so2_24h", "so2_1h", "no2_24h", "no2_1h", "co_24h", "co_1h", "o3_1h", "o3_8h", "pm10_24h", "pm25_24h"];

/** An HJ 633 IAQI table: the IAQI breakpoints and, per column, the concentration at each (null where the table is blank). */
export interface Hj633Table {
  standard: StandardRef & { id: CnStandardId };
  iaqi: number[];
  columns: Record<Hj633Column, (number | null)[]>;
  rules: Hj633Rules;
  categories: Category[];
}

/**
 * Reads an HJ 633 IAQI table from its CSV transcription (data/aqi/cn_hj633_*.csv: a column
 * `iaqi` and one column per pollutant and averaging time; blank cells where the table is blank).
 * Source: HJ 633-2012 Table 1; HJ 633-2026 Table 3.
 * @example parseHj633Table(csv, definition).columns.pm25_24h //=> [0, 35, 75, 115, 150, 250, 350, 500]
 */
export function parseHj633Table(text: string, definition: StandardDefinition): Hj633Table {
  const [header, ...rows] = csvLines(text);
  if (!header || header[0] !== "iaqi") throw new TypeError(`${definition.table}: the first column must be iaqi`);
  if (!definition.rules) throw new TypeError(`${definition.id}: rules are missing`);
  const columns = {} as Record<Hj633Column, (number | null)[]>;
  for (const c of HJ633_COLUMNS) {
    const i = header.indexOf(c);
    if (i < 0) throw new TypeError(`${definition.table}: column ${c} is missing`);
    columns[c] = rows.map((r, n) => (r[i] === undefined || r[i] === "" ? null : tableNumber(r[i]!, `${definition.table} row ${n + 2} ${c}`)));
  }
  return {
    standard: { id: definition.id as CnStandardId, name: definition.name, version: definition.version },
    iaqi: rows.map((r, n) => tableNumber(r[0]!, `${definition.table} row ${n + 2} iaqi`)),
    columns,
    rules: definition.rules,
    categories: definition.categories,
  };
}
