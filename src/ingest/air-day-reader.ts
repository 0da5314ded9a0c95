import type { DuckDBListVector, DuckDBMaterializedResult, DuckDBVector } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirPollutant } from "../domain/air.js";
import type { RawPollutantDay, RawStationDay } from "./air-duckdb.js";
import { HOURLY_POLLUTANTS } from "./air-sql.js";

/** Popcount of a 24-bit hour mask. */
function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The values of a numeric column without NULLs, straight from the vector's buffer when the
 * vector exposes it (DOUBLE, INTEGER), else through the value API.
 */
function numbers(vector: DuckDBVector): ArrayLike<number> {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array || items instanceof Int32Array) return items;
  return vector.toArray().map((v) => Number(v));
}

/** A list column's entries: where each row's values start, how many, and the child values. */
interface ListColumn {
  vector: DuckDBListVector;
  values: ArrayLike<number> | null;
}

/** The day's readings of one hour-listed pollutant by hour (0–23), readings of the same hour averaged. */
function hourly(hours: ListColumn, values: ListColumn, r: number): (number | null)[] {
  const sum = new Float64Array(24);
  const n = new Int32Array(24);
  const len = hours.vector.getEntryLength(r);
  if (len > 0) {
    hours.values ??= numbers(hours.vector.childVector);
    values.values ??= numbers(values.vector.childVector);
    const start = hours.vector.getEntryOffset(r);
    const vstart = values.vector.getEntryOffset(r);
    for (let k = 0; k < len; k++) {
      const h = hours.values[start + k]!;
      sum[h]! += values.values[vstart + k]!;
      n[h]!++;
    }
  }
  const out = new Array<number | null>(24);
  for (let h = 0; h < 24; h++) out[h] = n[h]! > 0 ? sum[h]! / n[h]! : null;
  return out;
}

/**
 * Builds station-days from STATION_DAYS_SQL's rows (station index into `stations`, day number
 * since 1970-01-01, per pollutant n, s, mx and hour mask, then O3's and CO's hours and values),
 * reading the result's column buffers directly. Each station-day goes through `map` as it is read.
 */
export function readDays<T>(result: DuckDBMaterializedResult, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  const out: T[] = [];
  const dates = new Map<number, string>();
  const dateOf = (day: number): string => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = new Date(day * 86_400_000).toISOString().slice(0, 10)));
    return date;
  };
  const P = AIR_POLLUTANTS.length;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const si = numbers(chunk.getColumnVector(0));
    const dayv = numbers(chunk.getColumnVector(1));
    const cols = Array.from({ length: P * 4 }, (_, i) => numbers(chunk.getColumnVector(2 + i)));
    const lists = HOURLY_POLLUTANTS.map((_, k) => ({
      hours: { vector: chunk.getColumnVector(2 + P * 4 + 2 * k) as DuckDBListVector, values: null } as ListColumn,
      values: { vector: chunk.getColumnVector(3 + P * 4 + 2 * k) as DuckDBListVector, values: null } as ListColumn,
    }));
    for (let r = 0, rows = chunk.rowCount; r < rows; r++) {
      const pollutants = {} as Record<AirPollutant, RawPollutantDay>;
      for (let i = 0; i < P; i++) {
        const n = cols[4 * i]![r]!;
        pollutants[AIR_POLLUTANTS[i]!] = { hours: bitCount(cols[4 * i + 3]![r]!), mean: n > 0 ? cols[4 * i + 1]![r]! / n : null, max1h: n > 0 ? cols[4 * i + 2]![r]! : null };
      }
      HOURLY_POLLUTANTS.forEach((p, k) => (pollutants[p].hourly = hourly(lists[k]!.hours, lists[k]!.values, r)));
      out.push(map({ station: stations[si[r]!]!, date: dateOf(dayv[r]!), pollutants }));
    }
  }
  return out;
}
