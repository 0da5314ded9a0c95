import type { AqiTables } from "./air-quality-index.js";
import { cnEditionFor } from "./cn-edition.js";
import { cnIndex } from "./cn-index.js";
import { COMPLETENESS } from "./data-completeness.js";
import type { HourlyPollutant, HourlyRecord } from "./daily-values.js";
import { euIndex } from "./eu-index.js";
import { measured, resilientIndex } from "./resilient-index.js";
import type { IndexResult } from "./types.js";

export interface HourlyIndices {
  date: string;
  hour: number;
  cn: IndexResult;
  eu: IndexResult;
}

const hourNumber = (date: string, hour: number): number => Date.parse(`${date}T00:00:00Z`) / 3_600_000 + hour;

/** Mean of the `span` hours ending at `at` (inclusive), when at least `min` of them have values. */
function movingMean(series: Map<number, number>, at: number, span: number, min: number): number | null {
  let sum = 0;
  let n = 0;
  for (let h = at - span + 1; h <= at; h++) {
    const v = series.get(h);
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n >= min ? sum / n : null;
}

/**
 * The hourly (real-time) index of each station-hour: China's real-time AQI (HJ 633 edition by
 * date; 1-hour values, the moving 8-hour O3 mean over this and the 7 previous hours with at least
 * 6 values, and the moving 24-hour SO2 mean for SO2 above 800 µg/m³) and the European index
 * (hourly values). Records are one station's, in any order; hours are the hour starting then.
 * @example hourlyIndices(records, tables)[0].cn.period //=> "hour"
 * Source: HJ 633-2012 §5 (real-time report); HJ 633-2026; EEA European Air Quality Index 2024.
 */
export function hourlyIndices(records: readonly HourlyRecord[], tables: AqiTables): HourlyIndices[] {
  const series = (p: HourlyPollutant) => {
    const m = new Map<number, number>();
    for (const r of records) {
      const v = r.values[p];
      if (v !== null && v !== undefined) m.set(hourNumber(r.date, r.hour), v);
    }
    return m;
  };
  const o3 = series("o3");
  const so2 = series("so2");
  const sorted = [...records].sort((a, b) => hourNumber(a.date, a.hour) - hourNumber(b.date, b.hour));
  return sorted.map((r) => {
    const at = hourNumber(r.date, r.hour);
    const v = r.values;
    const table = tables.cn[cnEditionFor(r.date)];
    const cn = resilientIndex((c) => cnIndex(c, table, "hour"), measured({
      pm25: v.pm25, pm10: v.pm10, so2: v.so2, no2: v.no2, co: v.co, o3_1h: v.o3,
      o3_8h: movingMean(o3, at, 8, COMPLETENESS.eightHourMinHours),
      so2_24h: movingMean(so2, at, 24, COMPLETENESS.dailyMinHours),
    }));
    const eu = euIndex(measured({ pm25: v.pm25, pm10: v.pm10, no2: v.no2, so2: v.so2, o3: v.o3 }), tables.eu, "hour");
    return { date: r.date, hour: r.hour, cn, eu };
  });
}
