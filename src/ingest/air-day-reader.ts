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

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Where each row's entries start in a list column's child vector and how many there are
 * (offset at 2r, length at 2r + 1). Read from the vector's buffer of 64-bit pairs as 32-bit
 * words when the vector exposes it, without making two BigInts per row and list; else through
 * getEntryOffset / getEntryLength.
 */
function entries(vector: DuckDBListVector, rows: number): Float64Array {
  const out = new Float64Array(rows * 2);
  const data = (vector as unknown as { entryData?: unknown }).entryData;
  if (LITTLE_ENDIAN && data instanceof BigUint64Array && data.length >= rows * 2) {
    const words = new Uint32Array(data.buffer, data.byteOffset, rows * 4);
    for (let i = 0; i < rows * 2; i++) out[i] = words[2 * i]! + words[2 * i + 1]! * 2 ** 32;
  } else {
    for (let r = 0; r < rows; r++) {
      out[2 * r] = vector.getEntryOffset(r);
      out[2 * r + 1] = vector.getEntryLength(r);
    }
  }
  return out;
}

/** An hour-listed pollutant's columns in one chunk: the entries of its hours and values lists, and the lists' child values. */
interface HourLists {
  hours: DuckDBListVector;
  values: DuckDBListVector;
  hourEntries: Float64Array;
  valueEntries: Float64Array;
  hourItems: ArrayLike<number> | null;
  valueItems: ArrayLike<number> | null;
}

/** Scratch space of hourly(), per hour the sum and the number of the readings: two typed arrays per day and pollutant cost more than the rest of the day. */
const SUM = new Float64Array(24);
const COUNT = new Int32Array(24);

/** The day's readings of one hour-listed pollutant by hour (0–23), readings of the same hour averaged. */
function hourly(lists: HourLists, r: number): (number | null)[] {
  SUM.fill(0);
  COUNT.fill(0);
  const len = lists.hourEntries[2 * r + 1]!;
  if (len > 0) {
    const hours = (lists.hourItems ??= numbers(lists.hours.childVector));
    const values = (lists.valueItems ??= numbers(lists.values.childVector));
    const start = lists.hourEntries[2 * r]!;
    const vstart = lists.valueEntries[2 * r]!;
    for (let k = 0; k < len; k++) {
      const h = hours[start + k]!;
      SUM[h]! += values[vstart + k]!;
      COUNT[h]!++;
    }
  }
  const out = new Array<number | null>(24);
  for (let h = 0; h < 24; h++) out[h] = COUNT[h]! > 0 ? SUM[h]! / COUNT[h]! : null;
  return out;
}

/** Column of each pollutant's first value (n) among STATION_DAYS_SQL's columns, and of its hour lists. */
const COLUMN = Object.fromEntries(AIR_POLLUTANTS.map((p, i) => [p, 2 + 4 * i])) as Record<AirPollutant, number>;
const LIST_COLUMN = Object.fromEntries(HOURLY_POLLUTANTS.map((p, k) => [p, 2 + 4 * AIR_POLLUTANTS.length + 2 * k])) as Record<(typeof HOURLY_POLLUTANTS)[number], number>;

/**
 * Builds station-days from STATION_DAYS_SQL's rows (station index into `stations`, day number
 * since 1970-01-01, per pollutant n, s, mx and hour mask, then O3's and CO's hours and values),
 * reading the result's column buffers directly. Each station-day goes through `map` as it is read.
 */
export function readDays<T>(result: DuckDBMaterializedResult, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  const out: T[] = [];
  const dates = new Map<number, string>();
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rows = chunk.rowCount;
    const si = numbers(chunk.getColumnVector(0));
    const dayv = numbers(chunk.getColumnVector(1));
    const cols = Array.from({ length: 2 + 4 * AIR_POLLUTANTS.length }, (_, i) => numbers(chunk.getColumnVector(i)));
    const lists = (p: (typeof HOURLY_POLLUTANTS)[number]): HourLists => {
      const hours = chunk.getColumnVector(LIST_COLUMN[p]) as DuckDBListVector;
      const values = chunk.getColumnVector(LIST_COLUMN[p] + 1) as DuckDBListVector;
      return { hours, values, hourEntries: entries(hours, rows), valueEntries: entries(values, rows), hourItems: null, valueItems: null };
    };
    const o3 = lists("o3");
    const co = lists("co");
    /** A pollutant's n, s, mx and hour mask in row r, with its readings by hour when it has hour lists. */
    const day = (p: AirPollutant, r: number, hours: HourLists | null): RawPollutantDay => {
      const at = COLUMN[p];
      const n = cols[at]![r]!;
      const mean = n > 0 ? cols[at + 1]![r]! / n : null;
      const max1h = n > 0 ? cols[at + 2]![r]! : null;
      const valid = bitCount(cols[at + 3]![r]!);
      return hours === null ? { hours: valid, mean, max1h } : { hours: valid, mean, max1h, hourly: hourly(hours, r) };
    };
    for (let r = 0; r < rows; r++) {
      const d = dayv[r]!;
      let date = dates.get(d);
      if (date === undefined) dates.set(d, (date = new Date(d * 86_400_000).toISOString().slice(0, 10)));
      // Written out in AIR_POLLUTANTS order, O3 and CO with their hours: this runs for every station-day.
      const pollutants: Record<AirPollutant, RawPollutantDay> = {
        pm25: day("pm25", r, null), pm10: day("pm10", r, null), so2: day("so2", r, null), no2: day("no2", r, null), co: day("co", r, co), o3: day("o3", r, o3),
      };
      out.push(map({ station: stations[si[r]!]!, date, pollutants }));
    }
  }
  return out;
}
