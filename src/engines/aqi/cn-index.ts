import { InvalidInputError } from "../../errors.js";
import { aqiResult } from "./aqi-result.js";
import { type IndexKey, indexInputs } from "./index-inputs.js";
import type { Hj633Column, Hj633Table } from "./hj633-table.js";
import { columnTop, iaqi } from "./iaqi.js";
import type { AveragingPeriod, Concentrations, IndexResult, PollutantKey } from "./types.js";

type CnKey = IndexKey;

/** Which table column each input is looked up in: the daily report uses 24-hour means for SO2, NO2 and CO; the real-time report 1-hour values. */
const COLUMNS: Record<AveragingPeriod, Record<CnKey, Hj633Column>> = {
  day: { pm25: "pm25_24h", pm10: "pm10_24h", so2: "so2_24h", no2: "no2_24h", co: "co_24h", o3_8h: "o3_8h", o3_1h: "o3_1h" },
  // HJ 633 has no 1-hour breakpoints for PM10 and PM2.5: hourly values are read against the 24-hour ones (HJ 633-2026 Table 3 note).
  hour: { pm25: "pm25_24h", pm10: "pm10_24h", so2: "so2_1h", no2: "no2_1h", co: "co_1h", o3_8h: "o3_8h", o3_1h: "o3_1h" },
};

/** Each period's inputs in the order they are indexed, with their columns. */
export const CN_ENTRIES: Record<AveragingPeriod, readonly (readonly [CnKey, Hj633Column])[]> = {
  day: Object.entries(COLUMNS.day) as [CnKey, Hj633Column][],
  hour: Object.entries(COLUMNS.hour) as [CnKey, Hj633Column][],
};

const fail = (key: string, value: number, message: string): never => {
  throw new InvalidInputError(`${key} ${value}: ${message}`, [{ column: key, value: String(value), message }], undefined, { code: "aqi.invalid_value", params: { field: key, value } });
};

/**
 * The IAQI of one input of China's index, with HJ 633's special cases (see cnIndex): undefined
 * when the 1-hour O3 stands in for an 8-hour O3 above 800 µg/m³. `o3_1h` and `so2_24h` are the
 * other inputs those cases read. Notes and beyond-table keys go to the lists given; a caller
 * that keeps only the AQI passes null and no note is written.
 * @example cnSubIndex("pm25", "pm25_24h", 95, undefined, undefined, HJ633_2012, null, null) //=> 125
 * Source: HJ 633-2012 Table 1 notes; HJ 633-2026 Table 3 notes b, c.
 */
export function cnSubIndex(
  key: CnKey,
  column: Hj633Column,
  c: number,
  o3_1h: number | undefined,
  so2_24h: number | undefined,
  table: Hj633Table,
  notes: string[] | null,
  beyondTable: PollutantKey[] | null,
): number | undefined {
  const value = iaqi(column, c, table);
  if (value !== null) return value;
  const edition = table.standard.name;
  if (column === "so2_1h") {
    if (table.rules.so2_1h_above_800 === "fixed-200") {
      notes?.push(`SO2 1-hour above 800 µg/m³: IAQI fixed at 200 (${edition})`);
      return 200;
    }
    if (so2_24h === undefined) fail("so2", c, `SO2 1-hour above 800 µg/m³: ${edition} reports the 24-hour SO2 IAQI, so the 24-hour mean is needed`);
    const sub = iaqi("so2_24h", so2_24h!, table) ?? columnTop("so2_24h", table).iaqi;
    notes?.push(`SO2 1-hour above 800 µg/m³: the 24-hour SO2 IAQI is reported (${edition})`);
    return sub;
  }
  if (column === "o3_8h") {
    if (table.rules.o3_8h_above_800 === "fixed-300") {
      notes?.push(`O3 8-hour above 800 µg/m³: IAQI fixed at 300 (${edition})`);
      return 300;
    }
    if (o3_1h === undefined) fail("o3_8h", c, `O3 8-hour above 800 µg/m³: ${edition} reports the 1-hour O3 IAQI instead, so the 1-hour value is needed`);
    notes?.push(`O3 8-hour above 800 µg/m³: the 1-hour O3 IAQI is reported instead (${edition})`);
    return undefined;
  }
  const top = columnTop(column, table);
  beyondTable?.push(key);
  notes?.push(`${key} ${c} is above the top of the table (${top.concentration}): IAQI capped at ${top.iaqi}`);
  return top.iaqi;
}

/**
 * China's air-quality index (AQI) for one day (daily report, 日报) or one hour (real-time report,
 * 实时报): the IAQI of each pollutant given, the AQI as their maximum, the category and the
 * primary pollutant(s) when AQI > 50.
 *
 * Inputs (µg/m³, CO mg/m³): day — 24-hour means of pm25, pm10, so2, no2, co; o3_8h the daily
 * maximum 8-hour mean; o3_1h the daily maximum 1-hour mean. Hour — 1-hour values, o3_8h the
 * moving 8-hour mean. `o3` is read as o3_1h when o3_1h is not given.
 *
 * Special cases: SO2 1-hour above 800 µg/m³ — HJ 633-2012 reports the 24-hour SO2 IAQI (give
 * `so2_24h`), HJ 633-2026 fixes the IAQI at 200; O3 8-hour above 800 µg/m³ — HJ 633-2012 reports
 * the 1-hour O3 IAQI instead, HJ 633-2026 fixes it at 300; any other value above the top of the
 * table is capped at IAQI 500 and listed in `beyondTable`.
 *
 * @example cnIndex({ pm25: 95, pm10: 80 }, HJ633_2012, "day") //=> { value: 125, primary: ["pm25"], category: { zh: "轻度污染", … }, … }
 * Source: HJ 633-2012 §4 and Tables 1–2 (notes); HJ 633-2026 Table 3 and notes b, c.
 */
export function cnIndex(input: Concentrations, table: Hj633Table, period: AveragingPeriod): IndexResult {
  const { given, notes } = indexInputs(input);
  const sub: Partial<Record<PollutantKey, number>> = {};
  const beyondTable: PollutantKey[] = [];
  for (const [key, column] of CN_ENTRIES[period]) {
    const c = given[key];
    if (c === undefined) continue;
    const value = cnSubIndex(key, column, c, given.o3_1h, input.so2_24h, table, notes, beyondTable);
    if (value !== undefined) sub[key] = value;
  }
  return aqiResult(table.standard, period, sub, table.categories, notes, beyondTable);
}
