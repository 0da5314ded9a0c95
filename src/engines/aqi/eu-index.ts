import { categoryFor } from "./category.js";
import { EAQI_POLLUTANTS, type EaqiPollutant, type EaqiTable } from "./eaqi-table.js";
import { primaryPollutants } from "./primary-pollutants.js";
import type { AveragingPeriod, Concentrations, IndexResult, PollutantKey } from "./types.js";

/**
 * Band (1–6) of one pollutant in the European Air Quality Index: the first band whose upper
 * bound (inclusive) the concentration does not exceed.
 * @example eaqiBand("pm25", 5, EAQI_2024) //=> 1
 * @example eaqiBand("pm25", 5.1, EAQI_2024) //=> 2
 * Source: EEA European Air Quality Index, 2024 bands.
 */
export function eaqiBand(pollutant: EaqiPollutant, concentration: number, table: EaqiTable): number {
  if (!(concentration >= 0)) throw new RangeError(`${pollutant}: concentration must be a number ≥ 0, got ${concentration}`);
  const upper = table.upper[pollutant];
  for (let i = 0; i < upper.length; i++) if (concentration <= upper[i]!) return i + 1;
  return upper.length + 1;
}

/**
 * European Air Quality Index (EEA, 2024 bands): the band of each pollutant given (pm25, pm10,
 * no2, so2 and o3 as hourly means, µg/m³; `o3_1h` stands for `o3` when that is not given) and the
 * worst band overall; the pollutant(s) in the worst band are named when it is worse than Good.
 * CO and 8-hour O3 are not part of the index and are ignored with a note. Applied to a day,
 * the caller passes the day's highest hourly values: the band of the day's worst hour.
 *
 * @example euIndex({ pm25: 20, no2: 8 }, EAQI_2024, "hour") //=> { value: 3, primary: ["pm25"], category: { en: "Moderate", … }, … }
 * Source: EEA, European Air Quality Index (ETC HE Report 2024/17, revised bands).
 */
export function euIndex(input: Concentrations, table: EaqiTable, period: AveragingPeriod): IndexResult {
  const notes: string[] = [];
  if (input.o3 === undefined && input.o3_1h !== undefined) notes.push("o3_1h read as the hourly O3 value");
  // Without filter/join, Object.values and a spread: this runs for every station-day of an import.
  if (input.co !== undefined || input.o3_8h !== undefined) {
    notes.push(`not part of the European index, ignored: ${input.co === undefined ? "o3_8h" : input.o3_8h === undefined ? "co" : "co, o3_8h"}`);
  }
  const sub: Partial<Record<PollutantKey, number>> = {};
  let value: number | null = null;
  for (const p of EAQI_POLLUTANTS) {
    const c = p === "o3" ? (input.o3 ?? input.o3_1h) : input[p];
    if (c === undefined) continue;
    const band = eaqiBand(p, c, table);
    sub[p] = band;
    if (value === null || band > value) value = band;
  }
  return {
    standard: table.standard,
    period,
    scale: "band",
    value,
    category: value === null ? null : categoryFor(value, table.categories),
    primary: primaryPollutants(sub, value, 1),
    subIndices: sub,
    notes,
    beyondTable: [],
  };
}
