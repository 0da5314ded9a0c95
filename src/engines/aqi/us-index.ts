import { InvalidInputError } from "../../errors.js";
import { aqiResult } from "./aqi-result.js";
import { indexInputs } from "./index-inputs.js";
import { type Gas, mixingRatio } from "./gas-conversion.js";
import type { AveragingPeriod, Concentrations, IndexResult, PollutantKey } from "./types.js";
import type { UsColumn, UsEpaRow, UsEpaTable, UsRange } from "./us-epa-table.js";

type UsKey = "pm25" | "pm10" | "co" | "o3_8h" | "o3_1h" | "so2" | "no2";

/** Table column of each input and the gas whose µg/m³ (CO mg/m³) converts to the table's ppb/ppm. */
const INPUTS: Record<UsKey, { column: UsColumn; gas?: Gas; perThousand?: true }> = {
  pm25: { column: "pm25_24h_ugm3" },
  pm10: { column: "pm10_24h_ugm3" },
  co: { column: "co_8h_ppm", gas: "co" },
  o3_8h: { column: "o3_8h_ppm", gas: "o3", perThousand: true },
  o3_1h: { column: "o3_1h_ppm", gas: "o3", perThousand: true },
  so2: { column: "so2_1h_ppb", gas: "so2" },
  no2: { column: "no2_1h_ppb", gas: "no2" },
};

const INPUT_KEYS = Object.keys(INPUTS) as UsKey[];

/** Truncates (never rounds) to `digits` decimals; the tiny offset keeps 35.4 from becoming 35.39999. */
export function truncate(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.floor(x * f + 1e-7) / f;
}

/** AQI = (I_hi − I_lo) / (BP_hi − BP_lo) × (C − BP_lo) + I_lo, rounded to the nearest integer. */
function linear(row: UsEpaRow, range: UsRange, c: number): number {
  return Math.round(((row.aqiHi - row.aqiLo) / (range.hi - range.lo)) * (c - range.lo) + row.aqiLo + 1e-9);
}

/** The row whose range contains c, or "above" / "below" the column's ranges. */
function lookup(table: UsEpaTable, column: UsColumn, c: number, averaging?: "24h"): { row: UsEpaRow; range: UsRange } | "above" | "below" {
  // One loop, no filtered copy of the rows: this runs for every pollutant of every day of an import.
  let last: UsRange | null = null;
  for (const row of table.rows) {
    const range = row.ranges[column];
    if (!range || range.averaging !== averaging) continue;
    if (c >= range.lo && c <= range.hi) return { row, range };
    last = range;
  }
  return last !== null && c > last.hi ? "above" : "below";
}

const fail = (key: string, value: number, message: string): never => {
  throw new InvalidInputError(`${key} ${value}: ${message}`, [{ column: key, value: String(value), message }]);
};

/**
 * US EPA Air Quality Index with the May 2024 breakpoints. Inputs in µg/m³ (CO mg/m³) are
 * converted at 25 °C to the table's ppm/ppb (see mixingRatio), truncated to the table's
 * precision (PM2.5 0.1 µg/m³, PM10 1 µg/m³, O3 0.001 ppm, CO 0.1 ppm, SO2 and NO2 1 ppb), and the
 * AQI is rounded to the nearest integer. Averaging times are EPA's: pm25, pm10 24-hour; co and
 * o3_8h 8-hour; o3_1h (or `o3`), so2 and no2 1-hour; `so2_24h` the 24-hour SO2 mean.
 *
 * Special cases: O3 8-hour above 0.200 ppm defines no AQI — the 1-hour O3 is used; 1-hour O3
 * below 0.125 ppm defines none either (the 8-hour value is used); SO2 1-hour above 304 ppb —
 * AQI 200 and above come from the 24-hour SO2 (`so2_24h`; 200 when that is below 305 ppb);
 * anything else above the table's top is capped at 500 and listed in `beyondTable`.
 * The period changes nothing: EPA's index is daily; hourly NowCast is not implemented.
 *
 * @example usIndex({ pm25: 35.45 }, US_EPA_2024, "day") //=> { value: 100, category: { en: "Moderate", … }, … }
 * Source: EPA-454/B-24-002 (May 2024), Table 6, its footnotes and the AQI equation.
 */
export function usIndex(input: Concentrations, table: UsEpaTable, period: AveragingPeriod): IndexResult {
  const { given, notes } = indexInputs(input);
  const sub: Partial<Record<PollutantKey, number>> = {};
  const beyondTable: PollutantKey[] = [];

  for (const key of INPUT_KEYS) {
    const raw = given[key];
    if (raw === undefined) continue;
    if (!(raw >= 0)) fail(key, raw, "must be a number ≥ 0");
    const { column, gas, perThousand } = INPUTS[key];
    const converted = gas ? mixingRatio(gas, raw) / (perThousand ? 1000 : 1) : raw;
    const c = truncate(converted, table.truncation[column]);
    const found = lookup(table, column, c);
    if (typeof found === "object") {
      sub[key] = linear(found.row, found.range, c);
    } else if (key === "o3_1h" && found === "below") {
      notes.push(`O3 1-hour ${c} ppm is below 0.125 ppm, where the 1-hour table starts: the 8-hour value sets the O3 AQI`);
    } else if (key === "o3_8h") {
      if (given.o3_1h === undefined) fail(key, raw, `O3 8-hour ${c} ppm is above 0.200 ppm: EPA takes AQI 301 and above from the 1-hour O3, so the 1-hour value is needed`);
      notes.push(`O3 8-hour ${c} ppm is above 0.200 ppm: the 1-hour O3 sets the O3 AQI`);
    } else if (key === "so2") {
      if (input.so2_24h === undefined) fail(key, raw, `SO2 1-hour ${c} ppb is above 304 ppb: EPA takes AQI 200 and above from the 24-hour SO2, so the 24-hour mean is needed`);
      const c24 = truncate(mixingRatio("so2", input.so2_24h!), table.truncation.so2_1h_ppb);
      const f24 = lookup(table, column, c24, "24h");
      if (typeof f24 === "object") sub.so2 = linear(f24.row, f24.range, c24);
      else if (f24 === "below") sub.so2 = 200;
      else {
        sub.so2 = 500;
        beyondTable.push("so2");
      }
      notes.push(`SO2 1-hour ${c} ppb is above 304 ppb: the 24-hour SO2 (${c24} ppb) sets the SO2 AQI`);
    } else {
      sub[key] = table.rows[table.rows.length - 1]!.aqiHi;
      beyondTable.push(key);
      notes.push(`${key} ${c} is above the top of the table: AQI capped at ${sub[key]}`);
    }
  }

  return aqiResult(table.standard, period, sub, table.categories, notes, beyondTable);
}
