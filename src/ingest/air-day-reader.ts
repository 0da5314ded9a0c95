import type { DuckDBListVector, DuckDBMaterializedResult, DuckDBStructVector, DuckDBVector } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirPollutant } from "../domain/air.js";
import type { RawPollutantDay, RawStationDay } from "./air-duckdb.js";
import { HOURLY_POLLUTANTS } from "./air-sql.js";

/** A day number (days since 1970-01-01) as its date, YYYY-MM-DD. */
export const dateOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

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

/** Applies a unit factor as STATION_DAYS_SQL does: dividing by 1000 (not multiplying by 0.001) keeps 700 µg/m³ CO at exactly 0.7 mg/m³. */
const scale = (x: number, f: number): number => (f < 1 ? x / (1 / f) : x * f);

/** Scratch space of the hourly readings of a station-day: per hour of each HOURLY_POLLUTANTS pollutant the sum and the number of readings. */
const SUM = new Float64Array(24 * HOURLY_POLLUTANTS.length);
const COUNT = new Int32Array(24 * HOURLY_POLLUTANTS.length);

/** Reads HOURLY_SQL's rows alongside STATION_DAYS_SQL's (both in station and day order). */
class HourlyCursor {
  private c = -1;
  private r = 0;
  private rows = 0;
  private si: ArrayLike<number> = [];
  private day: ArrayLike<number> = [];
  private k: ArrayLike<number> = [];
  private f: ArrayLike<number> = [];
  private entries: Float64Array = new Float64Array(0);
  private hours: ArrayLike<number> = [];
  private values: ArrayLike<number> = [];

  constructor(private readonly result: DuckDBMaterializedResult) {}

  private next(): boolean {
    while (this.r >= this.rows) {
      if (++this.c >= this.result.chunkCount) return false;
      const chunk = this.result.getChunk(this.c);
      this.rows = chunk.rowCount;
      this.r = 0;
      this.si = numbers(chunk.getColumnVector(0));
      this.day = numbers(chunk.getColumnVector(1));
      this.k = numbers(chunk.getColumnVector(2));
      this.f = numbers(chunk.getColumnVector(3));
      const readings = chunk.getColumnVector(4) as DuckDBListVector;
      this.entries = entries(readings, this.rows);
      const pairs = readings.childVector as DuckDBStructVector;
      this.hours = numbers(pairs.entryVectorAt(0));
      this.values = numbers(pairs.entryVectorAt(1));
    }
    return true;
  }

  /** Fills SUM and COUNT with the readings of station si on day d (the next rows, if they are its). */
  take(si: number, d: number): void {
    SUM.fill(0);
    COUNT.fill(0);
    while (this.next() && this.si[this.r] === si && this.day[this.r] === d) {
      const r = this.r++;
      const offset = 24 * this.k[r]!;
      const f = this.f[r]!;
      for (let i = this.entries[2 * r]!, end = i + this.entries[2 * r + 1]!; i < end; i++) {
        const h = offset + this.hours[i]!;
        SUM[h]! += scale(this.values[i]!, f);
        COUNT[h]!++;
      }
    }
  }
}

/** Each hour-listed pollutant's readings of the day being read, by hour (NaN: none), refilled for each day. */
const HOURLY = HOURLY_POLLUTANTS.map(() => new Float64Array(24));

/** The readings of the k-th hour-listed pollutant by hour (0–23) from SUM and COUNT, readings of the same hour averaged, in HOURLY[k]. */
function hourly(k: number): Float64Array {
  const out = HOURLY[k]!;
  for (let h = 0, at = 24 * k; h < 24; h++, at++) out[h] = COUNT[at]! > 0 ? SUM[at]! / COUNT[at]! : Number.NaN;
  return out;
}

/** Column of each pollutant's first value (n) among STATION_DAYS_SQL's columns. */
const COLUMN = Object.fromEntries(AIR_POLLUTANTS.map((p, i) => [p, 2 + 4 * i])) as Record<AirPollutant, number>;
const O3 = HOURLY_POLLUTANTS.indexOf("o3");
const CO = HOURLY_POLLUTANTS.indexOf("co");

/**
 * Builds station-days from STATION_DAYS_SQL's rows (station index into `stations`, day number
 * since 1970-01-01, per pollutant n, s, mx and hour mask) and HOURLY_SQL's (O3's and CO's hours
 * and values), reading the results' column buffers directly. Each station-day goes through `map`
 * as it is read. It is one object refilled for each day, with its pollutants and their O3 and
 * CO `hourly` arrays (a station-day of a large file was a good part of an import's allocations):
 * `map` copies what it keeps.
 */
export function readDays<T>(result: DuckDBMaterializedResult, hourlyResult: DuckDBMaterializedResult, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  const readings = new HourlyCursor(hourlyResult);
  const out: T[] = [];
  const dates = new Map<number, string>();
  const fresh = (k: number | null): RawPollutantDay => ({ hours: 0, mean: null, max1h: null, hourly: k === null ? undefined : HOURLY[k]! });
  // Written out in AIR_POLLUTANTS order, O3 and CO with their hours.
  const pollutants: Record<AirPollutant, RawPollutantDay> = { pm25: fresh(null), pm10: fresh(null), so2: fresh(null), no2: fresh(null), co: fresh(CO), o3: fresh(O3) };
  const raw: RawStationDay = { station: "", date: "", pollutants };
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rows = chunk.rowCount;
    const si = numbers(chunk.getColumnVector(0));
    const dayv = numbers(chunk.getColumnVector(1));
    const cols = Array.from({ length: 2 + 4 * AIR_POLLUTANTS.length }, (_, i) => numbers(chunk.getColumnVector(i)));
    /** Fills a pollutant's hours, mean and maximum from its n, s, mx and hour mask in row r. */
    const fill = (p: AirPollutant, r: number): void => {
      const at = COLUMN[p];
      const n = cols[at]![r]!;
      const into = pollutants[p];
      into.hours = bitCount(cols[at + 3]![r]!);
      into.mean = n > 0 ? cols[at + 1]![r]! / n : null;
      into.max1h = n > 0 ? cols[at + 2]![r]! : null;
    };
    for (let r = 0; r < rows; r++) {
      const d = dayv[r]!;
      let date = dates.get(d);
      if (date === undefined) dates.set(d, (date = dateOfDay(d)));
      readings.take(si[r]!, d);
      hourly(CO);
      hourly(O3);
      fill("pm25", r);
      fill("pm10", r);
      fill("so2", r);
      fill("no2", r);
      fill("co", r);
      fill("o3", r);
      raw.station = stations[si[r]!]!;
      raw.date = date;
      out.push(map(raw));
    }
  }
  return out;
}
