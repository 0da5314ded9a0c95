import type { AqiTables } from "./air-quality-index.js";
import { cnEditionFor } from "./cn-edition.js";
import { cnIndex } from "./cn-index.js";
import type { DailyValues } from "./daily-values.js";
import { euIndex } from "./eu-index.js";
import { measured, resilientIndex } from "./resilient-index.js";
import type { IndexResult } from "./types.js";
import { usIndex } from "./us-index.js";

export interface DailyIndices {
  cn: IndexResult;
  us: IndexResult;
  eu: IndexResult;
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
  const p = day.pollutants;
  const cnTable = tables.cn[cnEditionFor(day.date)];
  return {
    cn: resilientIndex((c) => cnIndex(c, cnTable, "day"), measured({
      pm25: p.pm25.mean, pm10: p.pm10.mean, so2: p.so2.mean, no2: p.no2.mean, co: p.co.mean, o3_8h: p.o3.max8h, o3_1h: p.o3.max1h,
    })),
    us: resilientIndex((c) => usIndex(c, tables.us, "day"), measured({
      pm25: p.pm25.mean, pm10: p.pm10.mean, co: p.co.max8h, o3_8h: p.o3.max8h, o3_1h: p.o3.max1h, so2: p.so2.max1h, so2_24h: p.so2.mean, no2: p.no2.max1h,
    })),
    eu: euIndex(measured({ pm25: p.pm25.max1h, pm10: p.pm10.max1h, no2: p.no2.max1h, so2: p.so2.max1h, o3: p.o3.max1h }), tables.eu, "day"),
  };
}
