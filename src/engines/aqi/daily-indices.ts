import type { AqiTables } from "./air-quality-index.js";
import { cnEditionFor } from "./cn-edition.js";
import { cnIndex } from "./cn-index.js";
import type { DailyValues } from "./daily-values.js";
import { euIndex } from "./eu-index.js";
import type { Hj633Table } from "./hj633-table.js";
import { resilientIndex } from "./resilient-index.js";
import type { Concentrations, IndexResult } from "./types.js";
import type { UsEpaTable } from "./us-epa-table.js";
import { usIndex } from "./us-index.js";

export interface DailyIndices {
  cn: IndexResult;
  us: IndexResult;
  eu: IndexResult;
}

/** A daily value as an index input: a gap (null) is an absent concentration. */
export const given = (v: number | null): number | undefined => (v === null ? undefined : v);

// Every index runs first as it is; only a day that fails (a special case without the value it
// needs, a few in 10,000) goes through resilientIndex, which recomputes it leaving the value out.
// This runs for every station-day of an import, so no closure is made for the other days.
function cnDay(input: Concentrations, table: Hj633Table): IndexResult {
  try {
    return cnIndex(input, table, "day");
  } catch {
    return resilientIndex((c) => cnIndex(c, table, "day"), input);
  }
}

function usDay(input: Concentrations, table: UsEpaTable): IndexResult {
  try {
    return usIndex(input, table, "day");
  } catch {
    return resilientIndex((c) => usIndex(c, table, "day"), input);
  }
}

/**
 * One day under the three indices, from its daily values, each with the averaging times its
 * standard prescribes:
 * - China (HJ 633 edition by date, daily report): 24-hour means of PM2.5, PM10, SO2, NO2, CO;
 *   the daily maximum 8-hour and 1-hour O3.
 * - US EPA: 24-hour PM2.5 and PM10; maximum 8-hour CO and O3; maximum 1-hour O3, SO2, NO2
 *   (with the 24-hour SO2 for values above 304 ppb).
 * - European index: the bands of the day's highest hourly values — the band of its worst hour.
 * Pollutants without valid daily values are left out.
 * @example dailyIndices(day, tables).cn.standard.id //=> "cn-2012" for a day in 2017
 * Source: HJ 633-2012 / HJ 633-2026; EPA-454/B-24-002; EEA European Air Quality Index 2024.
 */
export function dailyIndices(day: DailyValues, tables: AqiTables): DailyIndices {
  const { pm25, pm10, so2, no2, co, o3 } = day.pollutants;
  // Inputs with every key written (undefined for a gap, which the indices read as absent): one
  // object shape for every day keeps the indices' property reads fast.
  return {
    cn: cnDay(
      { pm25: given(pm25.mean), pm10: given(pm10.mean), so2: given(so2.mean), no2: given(no2.mean), co: given(co.mean), o3_8h: given(o3.max8h), o3_1h: given(o3.max1h) },
      tables.cn[cnEditionFor(day.date)],
    ),
    us: usDay(
      {
        pm25: given(pm25.mean), pm10: given(pm10.mean), co: given(co.max8h), o3_8h: given(o3.max8h), o3_1h: given(o3.max1h),
        so2: given(so2.max1h), so2_24h: given(so2.mean), no2: given(no2.max1h),
      },
      tables.us,
    ),
    eu: euIndex({ pm25: given(pm25.max1h), pm10: given(pm10.max1h), no2: given(no2.max1h), so2: given(so2.max1h), o3: given(o3.max1h) }, tables.eu, "day"),
  };
}
