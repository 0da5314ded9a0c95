import type { DuckDBListVector, DuckDBMaterializedResult, DuckDBStructVector, DuckDBVector } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirPollutant } from "../domain/air.js";
import type { RawPollutantDay, RawStationDay } from "./air-duckdb.js";

/** A day number (days since 1970-01-01) as its date, YYYY-MM-DD. */
export const dateOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Popcount of a 32-bit hour mask. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
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

/**
 * The groups' O3 and CO readings (READINGS_SQL), by group row id, in the result's own column
 * buffers (not copied: a 10M-row file has 3.3M readings, and copying them into one pair of arrays
 * took a quarter of reading the groups): group g's pairs are hours[c][i], values[c][i] for c =
 * chunk[g] and i from at[2g] to at[2g] + at[2g + 1] (a group without readings has none, or lies
 * beyond `chunk`).
 */
export interface Readings {
  chunk: Int32Array;
  at: Float64Array;
  hours: ArrayLike<number>[];
  values: ArrayLike<number>[];
  /** The result's chunks, kept while their buffers are read. */
  keep: unknown[];
}

/** Reads READINGS_SQL's rows (gid, list of (h, v)): where each group's pairs lie in the result's buffers, in their list order. */
export function readReadings(result: DuckDBMaterializedResult): Readings {
  const parts: { gid: ArrayLike<number>; at: Float64Array; rows: number }[] = [];
  const out: Readings = { chunk: new Int32Array(0), at: new Float64Array(0), hours: [], values: [], keep: [] };
  let groups = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rows = chunk.rowCount;
    const gid = numbers(chunk.getColumnVector(0));
    const list = chunk.getColumnVector(1) as DuckDBListVector;
    const pairs = list.childVector as DuckDBStructVector;
    for (let r = 0; r < rows; r++) if (gid[r]! >= groups) groups = gid[r]! + 1;
    parts.push({ gid, at: entries(list, rows), rows });
    out.hours.push(numbers(pairs.entryVectorAt(0)));
    out.values.push(numbers(pairs.entryVectorAt(1)));
    out.keep.push(chunk);
  }
  out.chunk = new Int32Array(groups);
  out.at = new Float64Array(2 * groups);
  for (let c = 0; c < parts.length; c++) {
    const { gid, at, rows } = parts[c]!;
    for (let r = 0; r < rows; r++) {
      const g = gid[r]!;
      out.chunk[g] = c;
      out.at[2 * g] = at[2 * r]!;
      out.at[2 * g + 1] = at[2 * r + 1]!;
    }
  }
  return out;
}

/**
 * The O3 and CO groups' readings by hour (openaq-scan.ts), in citybridge's unit: group g's hours
 * are in part p = slot[g] >>> 24, at sum[p]/count[p][24 (s − 1) + h] for s = slot[g] & 0xffffff
 * (slot 0: no readings).
 */
export interface HourlySums {
  slot: Int32Array;
  sum: Float64Array[];
  count: Int32Array[];
}

/** Applies a unit factor: dividing by 1000 (not multiplying by 0.001) keeps 700 µg/m³ CO at exactly 0.7 mg/m³. */
const scale = (x: number, f: number): number => (f < 1 ? x / (1 / f) : x * f);

/** Positions of the pollutants whose readings are listed by hour (for the 8-hour means). */
const O3 = AIR_POLLUTANTS.indexOf("o3");
const CO = AIR_POLLUTANTS.indexOf("co");

/**
 * One station-day being added up from its groups: per pollutant (AIR_POLLUTANTS order) the count,
 * sum and maximum of its valid values in citybridge's unit and its hour mask; per hour of O3 and
 * CO the sum and number of readings.
 */
const N = new Float64Array(AIR_POLLUTANTS.length);
const S = new Float64Array(AIR_POLLUTANTS.length);
const MX = new Float64Array(AIR_POLLUTANTS.length);
const MASK = new Int32Array(AIR_POLLUTANTS.length);
const HOUR_SUM = new Float64Array(24 * AIR_POLLUTANTS.length);
const HOUR_COUNT = new Int32Array(24 * AIR_POLLUTANTS.length);

function reset(): void {
  for (let k = 0; k < N.length; k++) {
    N[k] = 0;
    S[k] = 0;
    MX[k] = 0;
    MASK[k] = 0;
  }
  for (let h = 0; h < 24; h++) {
    HOUR_SUM[24 * CO + h] = 0;
    HOUR_COUNT[24 * CO + h] = 0;
    HOUR_SUM[24 * O3 + h] = 0;
    HOUR_COUNT[24 * O3 + h] = 0;
  }
}

/** A pollutant's readings by hour (0–23; readings of the same hour averaged; NaN: none) into `out`. */
function hourly(k: number, out: Float64Array): void {
  for (let h = 0, at = 24 * k; h < 24; h++, at++) out[h] = HOUR_COUNT[at]! > 0 ? HOUR_SUM[at]! / HOUR_COUNT[at]! : Number.NaN;
}

/**
 * Usable groups of station-days, as STATION_DAY_GROUPS_SQL gives them (a chunk of its result, or
 * the fast path's groups, openaq-scan.ts): station index, day number since 1970-01-01, pollutant
 * position, unit factor, n, s, mx, hour mask and group row id, `rows` long.
 */
export interface GroupColumns {
  rows: number;
  si: ArrayLike<number>;
  day: ArrayLike<number>;
  k: ArrayLike<number>;
  f: ArrayLike<number>;
  n: ArrayLike<number>;
  s: ArrayLike<number>;
  mx: ArrayLike<number>;
  mask: ArrayLike<number>;
  gid: ArrayLike<number>;
}

/** STATION_DAY_GROUPS_SQL's result, chunk by chunk, read from the column buffers. */
function* resultColumns(result: DuckDBMaterializedResult): Generator<GroupColumns> {
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [si, day, k, f, n, s, mx, mask, gid] = Array.from({ length: 9 }, (_, i) => numbers(chunk.getColumnVector(i)));
    yield { rows: chunk.rowCount, si: si!, day: day!, k: k!, f: f!, n: n!, s: s!, mx: mx!, mask: mask!, gid: gid! };
  }
}

/** Builds station-days from STATION_DAY_GROUPS_SQL's result (see buildDays). */
export function readDays<T>(result: DuckDBMaterializedResult, readings: Readings, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  return buildDays(resultColumns(result), readings, stations, map);
}

/**
 * Builds station-days from usable groups in station, day, parameter and unit order (station index
 * into `stations`, day number since 1970-01-01, pollutant position, unit factor, n, s, mx, hour
 * mask, group row id) and the O3 and CO groups' readings from `readings` (readReadings), adding
 * up the groups of each station-day as they come (a pollutant has one group per unit its file
 * used that day). Each station-day goes through `map` once its groups are read. It is one object
 * refilled for each day, with its pollutants and their O3 and CO `hourly` arrays (a station-day of
 * a large file was a good part of an import's allocations): `map` copies what it keeps.
 */
export function buildDays<T>(chunks: Iterable<GroupColumns>, readings: Readings | HourlySums, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  const out: T[] = [];
  const dates = new Map<number, string>();
  const fresh = (k: number): RawPollutantDay => ({ hours: 0, mean: null, max1h: null, hourly: k === CO || k === O3 ? new Float64Array(24) : undefined });
  const pollutants = Object.fromEntries(AIR_POLLUTANTS.map((p, k) => [p, fresh(k)])) as Record<AirPollutant, RawPollutantDay>;
  const byPosition = AIR_POLLUTANTS.map((p) => pollutants[p]);
  const raw: RawStationDay = { station: "", date: "", pollutants };
  const emit = (si: number, d: number): void => {
    for (let k = 0; k < byPosition.length; k++) {
      const into = byPosition[k]!;
      const n = N[k]!;
      into.hours = bitCount(MASK[k]!);
      into.mean = n > 0 ? S[k]! / n : null;
      into.max1h = n > 0 ? MX[k]! : null;
      if (into.hourly) hourly(k, into.hourly);
    }
    let date = dates.get(d);
    if (date === undefined) dates.set(d, (date = dateOfDay(d)));
    raw.station = stations[si]!;
    raw.date = date;
    out.push(map(raw));
  };
  const sums = "slot" in readings ? readings : null;
  const { chunk: chunkOf, at, hours: hoursOf, values: valuesOf } = "slot" in readings ? { chunk: new Int32Array(0), at: new Float64Array(0), hours: [], values: [] } : readings;
  let si = -1;
  let day = 0;
  for (const { rows, si: siv, day: dayv, k: kv, f: fv, n: nv, s: sv, mx: mxv, mask: maskv, gid: gidv } of chunks) {
    for (let r = 0; r < rows; r++) {
      if (siv[r] !== si || dayv[r] !== day) {
        if (si >= 0) emit(si, day);
        si = siv[r]!;
        day = dayv[r]!;
        reset();
      }
      const k = kv[r]!;
      const f = fv[r]!;
      N[k]! += nv[r]!;
      S[k]! += scale(sv[r]!, f);
      MX[k] = Math.max(MX[k]!, scale(mxv[r]!, f));
      MASK[k]! |= maskv[r]!;
      if (sums && (k === O3 || k === CO)) {
        const slot = sums.slot[gidv[r]!]!;
        if (slot > 0) {
          // Already in citybridge's unit, added up in file order: added to the day's as they are.
          const sum = sums.sum[slot >>> 24]!;
          const count = sums.count[slot >>> 24]!;
          for (let h = 0, from = ((slot & 0xffffff) - 1) * 24, into = 24 * k; h < 24; h++) {
            HOUR_SUM[into + h]! += sum[from + h]!;
            HOUR_COUNT[into + h]! += count[from + h]!;
          }
        }
      } else if ((k === O3 || k === CO) && gidv[r]! < chunkOf.length) {
        const base = 24 * k;
        const g = gidv[r]!;
        const hours = hoursOf[chunkOf[g]!]!;
        const values = valuesOf[chunkOf[g]!]!;
        for (let i = at[2 * g]!, end = i + at[2 * g + 1]!; i < end; i++) {
          const h = base + hours[i]!;
          HOUR_SUM[h]! += scale(values[i]!, f);
          HOUR_COUNT[h]!++;
        }
      }
    }
  }
  if (si >= 0) emit(si, day);
  return out;
}
