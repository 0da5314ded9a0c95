import { InvalidInputError } from "../../errors.js";
import { aqiResult } from "./aqi-result.js";
import { indexInputs } from "./index-inputs.js";
import { type Gas, mixingRatio } from "./gas-conversion.js";
import type { AveragingPeriod, Concentrations, IndexResult, PollutantKey } from "./types.js";
import type { UsColumn, UsEpaTable } from "./us-epa-table.js";

export type UsKey = "pm25" | "pm10" | "co" | "o3_8h" | "o3_1h" | "so2" | "no2";

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

/** The inputs in the order they are indexed (and named among the primary pollutants). */
export const US_KEYS: readonly UsKey[] = Object.keys(INPUTS) as UsKey[];

/** Truncates (never rounds) to `digits` decimals; the tiny offset keeps 35.4 from becoming 35.39999. */
export function truncate(x: number, digits: number): number {
  return truncateBy(x, 10 ** digits);
}

/** truncate with the factor 10^digits given. */
const truncateBy = (x: number, f: number): number => Math.floor(x * f + 1e-7) / f;

/** One row's range of one column, with the row's AQI bounds. */
interface Segment {
  lo: number;
  hi: number;
  aqiLo: number;
  aqiHi: number;
}

/** AQI = (I_hi − I_lo) / (BP_hi − BP_lo) × (C − BP_lo) + I_lo, rounded to the nearest integer. */
function linear(s: Segment, c: number): number {
  return Math.round(((s.aqiHi - s.aqiLo) / (s.hi - s.lo)) * (c - s.lo) + s.aqiLo + 1e-9);
}

/** How one input is read against one table: its column's segments in row order (`daily`: the rows marked `(24h)`) and truncation. */
export interface UsInput {
  key: UsKey;
  column: UsColumn;
  gas: Gas | undefined;
  perThousand: boolean;
  /** 10^digits, the digits the column's concentrations are truncated to. */
  factor: number;
  plain: Segment[];
  daily: Segment[];
}

// Each table's inputs, made at its first use: scanning every row for every pollutant of every
// day of an import was a good part of the index's time. Tables are read-only data.
const inputsOf = new WeakMap<UsEpaTable, UsInput[]>();

/**
 * The inputs of the US index in the order they are indexed, prepared for a table.
 * @example usInputs(US_EPA_2024)[0].key //=> "pm25"
 */
export function usInputs(table: UsEpaTable): readonly UsInput[] {
  let inputs = inputsOf.get(table);
  if (inputs === undefined) {
    inputs = US_KEYS.map((key): UsInput => {
      const { column, gas, perThousand } = INPUTS[key];
      const input: UsInput = { key, column, gas, perThousand: perThousand === true, factor: 10 ** table.truncation[column], plain: [], daily: [] };
      for (const row of table.rows) {
        const range = row.ranges[column];
        if (range) input[range.averaging === "24h" ? "daily" : "plain"].push({ lo: range.lo, hi: range.hi, aqiLo: row.aqiLo, aqiHi: row.aqiHi });
      }
      return input;
    });
    inputsOf.set(table, inputs);
  }
  return inputs;
}

/** The segment whose range contains c, or "above" / "below" the column's ranges. */
function lookup(list: readonly Segment[], c: number): Segment | "above" | "below" {
  for (const s of list) if (c >= s.lo && c <= s.hi) return s;
  const last = list[list.length - 1];
  return last !== undefined && c > last.hi ? "above" : "below";
}

const fail = (key: string, value: number, message: string): never => {
  throw new InvalidInputError(`${key} ${value}: ${message}`, [{ column: key, value: String(value), message }], undefined, { code: "aqi.invalid_value", params: { field: key, value } });
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
  for (const u of usInputs(table)) {
    const raw = given[u.key];
    if (raw === undefined) continue;
    const value = usSubIndex(u, raw, given.o3_1h, input.so2_24h, table, notes, beyondTable);
    if (value !== undefined) sub[u.key] = value;
  }
  return aqiResult(table.standard, period, sub, table.categories, notes, beyondTable);
}

/**
 * The AQI of one input of the US index, with EPA's special cases (see usIndex): undefined when
 * the input defines no AQI and another one stands in (1-hour O3 below 0.125 ppm, 8-hour O3
 * above 0.200 ppm). `o3_1h` and `so2_24h` are the other inputs those cases read. Notes and
 * beyond-table keys go to the lists given; a caller that keeps only the AQI passes null.
 * @example usSubIndex(usInputs(US_EPA_2024)[0], 35.45, undefined, undefined, US_EPA_2024, null, null) //=> 100
 * Source: EPA-454/B-24-002 (May 2024), Table 6 and its footnotes.
 */
export function usSubIndex(
  u: UsInput,
  raw: number,
  o3_1h: number | undefined,
  so2_24h: number | undefined,
  table: UsEpaTable,
  notes: string[] | null,
  beyondTable: PollutantKey[] | null,
): number | undefined {
  const key = u.key;
  if (!(raw >= 0)) fail(key, raw, "must be a number ≥ 0");
  const converted = u.gas ? mixingRatio(u.gas, raw) / (u.perThousand ? 1000 : 1) : raw;
  const c = truncateBy(converted, u.factor);
  const found = lookup(u.plain, c);
  if (typeof found === "object") return linear(found, c);
  if (key === "o3_1h" && found === "below") {
    notes?.push(`O3 1-hour ${c} ppm is below 0.125 ppm, where the 1-hour table starts: the 8-hour value sets the O3 AQI`);
    return undefined;
  }
  if (key === "o3_8h") {
    if (o3_1h === undefined) fail(key, raw, `O3 8-hour ${c} ppm is above 0.200 ppm: EPA takes AQI 301 and above from the 1-hour O3, so the 1-hour value is needed`);
    notes?.push(`O3 8-hour ${c} ppm is above 0.200 ppm: the 1-hour O3 sets the O3 AQI`);
    return undefined;
  }
  if (key === "so2") {
    if (so2_24h === undefined) fail(key, raw, `SO2 1-hour ${c} ppb is above 304 ppb: EPA takes AQI 200 and above from the 24-hour SO2, so the 24-hour mean is needed`);
    const c24 = truncate(mixingRatio("so2", so2_24h!), table.truncation.so2_1h_ppb);
    const f24 = lookup(u.daily, c24);
    let value = 200;
    if (typeof f24 === "object") value = linear(f24, c24);
    else if (f24 === "above") {
      value = 500;
      beyondTable?.push("so2");
    }
    notes?.push(`SO2 1-hour ${c} ppb is above 304 ppb: the 24-hour SO2 (${c24} ppb) sets the SO2 AQI`);
    return value;
  }
  const top = table.rows[table.rows.length - 1]!.aqiHi;
  beyondTable?.push(key);
  notes?.push(`${key} ${c} is above the top of the table: AQI capped at ${top}`);
  return top;
}
