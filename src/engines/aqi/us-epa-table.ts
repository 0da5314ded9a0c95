import { csvLines, tableNumber } from "./csv-lines.js";
import type { StandardDefinition } from "./standard-definition.js";
import type { Category, StandardRef } from "./types.js";

/** Columns of the EPA breakpoint table: pollutant, averaging time and unit. */
export type UsColumn = "o3_8h_ppm" | "o3_1h_ppm" | "pm25_24h_ugm3" | "pm10_24h_ugm3" | "co_8h_ppm" | "so2_1h_ppb" | "no2_1h_ppb";
export const US_COLUMNS: readonly UsColumn[] = ["o3_8h_ppm", "o3_1h_ppm", "pm25_24h_ugm3", "pm10_24h_ugm3", "co_8h_ppm", "so2_1h_ppb", "no2_1h_ppb"];

/** A concentration range of one row; `averaging: "24h"` marks SO2 rows that take 24-hour means. */
export interface UsRange {
  lo: number;
  hi: number;
  averaging?: "24h";
}

export interface UsEpaRow {
  aqiLo: number;
  aqiHi: number;
  ranges: Partial<Record<UsColumn, UsRange>>;
}

export interface UsEpaTable {
  standard: StandardRef;
  rows: UsEpaRow[];
  /** Decimal digits each column's concentration is truncated to before lookup. */
  truncation: Record<UsColumn, number>;
  categories: Category[];
}

/**
 * Reads the EPA AQI breakpoints from their CSV transcription (data/aqi/us_epa_aqi_2024.csv:
 * `aqi_lo,aqi_hi,category` then one `lo-hi` range per column, blank where the table is blank,
 * `(24h)` after SO2 ranges that use 24-hour means).
 * Source: EPA-454/B-24-002 (May 2024) Table 6.
 * @example parseUsEpaTable(csv, definition).rows[1].ranges.pm25_24h_ugm3 //=> { lo: 9.1, hi: 35.4 }
 */
export function parseUsEpaTable(text: string, definition: StandardDefinition): UsEpaTable {
  const [header, ...lines] = csvLines(text);
  if (!header || header[0] !== "aqi_lo" || header[1] !== "aqi_hi") throw new TypeError(`${definition.table}: expected aqi_lo,aqi_hi first`);
  const truncation = definition.truncation as Record<UsColumn, number> | undefined;
  if (!truncation || US_COLUMNS.some((c) => truncation[c] === undefined)) throw new TypeError(`${definition.id}: truncation digits are missing`);
  const rows = lines.map((cells, n): UsEpaRow => {
    const where = `${definition.table} row ${n + 2}`;
    const ranges: Partial<Record<UsColumn, UsRange>> = {};
    for (const c of US_COLUMNS) {
      const i = header.indexOf(c);
      if (i < 0) throw new TypeError(`${definition.table}: column ${c} is missing`);
      const cell = cells[i] ?? "";
      if (cell === "") continue;
      const m = /^([\d.]+)-([\d.]+)(\(24h\))?$/.exec(cell);
      if (!m) throw new TypeError(`${where} ${c}: "${cell}" is not a range lo-hi`);
      ranges[c] = { lo: tableNumber(m[1]!, where), hi: tableNumber(m[2]!, where), ...(m[3] ? { averaging: "24h" as const } : {}) };
    }
    return { aqiLo: tableNumber(cells[0]!, where), aqiHi: tableNumber(cells[1]!, where), ranges };
  });
  return { standard: { id: definition.id, name: definition.name, version: definition.version }, rows, truncation, categories: definition.categories };
}
