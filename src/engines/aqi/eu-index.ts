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
  const i = upper.findIndex((u) => concentration <= u);
  return i < 0 ? upper.length + 1 : i + 1;
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
  const given: Partial<Record<EaqiPollutant, number>> = { pm25: input.pm25, pm10: input.pm10, no2: input.no2, so2: input.so2, o3: input.o3 ?? input.o3_1h };
  if (input.o3 === undefined && input.o3_1h !== undefined) notes.push("o3_1h read as the hourly O3 value");
  const ignored = (["co", "o3_8h"] as const).filter((k) => input[k] !== undefined);
  if (ignored.length > 0) notes.push(`not part of the European index, ignored: ${ignored.join(", ")}`);
  const sub: Partial<Record<PollutantKey, number>> = {};
  for (const p of EAQI_POLLUTANTS) {
    const c = given[p];
    if (c !== undefined) sub[p] = eaqiBand(p, c, table);
  }
  const values = Object.values(sub) as number[];
  const value = values.length > 0 ? Math.max(...values) : null;
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
