import { csvLines, tableNumber } from "./csv-lines.js";
import type { StandardDefinition } from "./standard-definition.js";
import type { Category, StandardRef } from "./types.js";

export type EaqiPollutant = "pm25" | "pm10" | "no2" | "o3" | "so2";
export const EAQI_POLLUTANTS: readonly EaqiPollutant[] = ["pm25", "pm10", "no2", "o3", "so2"];

/** The European index's bands: for each pollutant, the upper bound (inclusive, µg/m³) of bands 1–5; band 6 is open. */
export interface EaqiTable {
  standard: StandardRef;
  upper: Record<EaqiPollutant, number[]>;
  categories: Category[];
}

/**
 * Reads the European Air Quality Index bands from data/aqi/eu_eaqi_2024.csv (`band,label,hex`
 * then `lo-hi` per pollutant; the last band `>x`).
 * Source: EEA, European Air Quality Index, revised bands (ETC HE Report 2024/17).
 * @example parseEaqiTable(csv, definition).upper.pm25 //=> [5, 15, 50, 90, 140]
 */
export function parseEaqiTable(text: string, definition: StandardDefinition): EaqiTable {
  const [header, ...lines] = csvLines(text);
  if (!header || header[0] !== "band") throw new TypeError(`${definition.table}: expected band first`);
  const upper = {} as Record<EaqiPollutant, number[]>;
  for (const p of EAQI_POLLUTANTS) {
    const i = header.indexOf(p);
    if (i < 0) throw new TypeError(`${definition.table}: column ${p} is missing`);
    upper[p] = [];
    lines.forEach((cells, n) => {
      const cell = cells[i] ?? "";
      if (cell.startsWith(">")) return;
      const m = /^([\d.]+)-([\d.]+)$/.exec(cell);
      if (!m) throw new TypeError(`${definition.table} row ${n + 2} ${p}: "${cell}" is not a range lo-hi`);
      upper[p].push(tableNumber(m[2]!, `${definition.table} row ${n + 2}`));
    });
  }
  return { standard: { id: definition.id, name: definition.name, version: definition.version }, upper, categories: definition.categories };
}
