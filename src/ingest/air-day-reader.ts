import type { DuckDBListVector, DuckDBMaterializedResult, DuckDBVector } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirPollutant } from "../domain/air.js";
import type { RawPollutantDay, RawStationDay } from "./air-duckdb.js";

/** Applies a unit factor; dividing by 1000 (not multiplying by 0.001) keeps 700 µg/m³ CO at exactly 0.7 mg/m³. */
const scale = (x: number, f: number): number => (f < 1 ? x / (1 / f) : x * f);

/** Positions of O3 and CO in AIR_POLLUTANTS: the pollutants whose hourly values are kept. */
const O3 = AIR_POLLUTANTS.indexOf("o3");
const CO = AIR_POLLUTANTS.indexOf("co");

/** SQL: the pollutant key p as its position in AIR_POLLUTANTS (what readDays expects in column pi). */
export const POLLUTANT_INDEX_SQL = `CASE p ${AIR_POLLUTANTS.map((p, i) => `WHEN '${p}' THEN ${i}`).join(" ")} END`;

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

/** Accumulates one station-day across its groups (one per pollutant and unit); reused from day to day. */
class DayAccumulator {
  station = -1;
  day = 0;
  readonly sum = new Float64Array(6);
  readonly n = new Float64Array(6);
  readonly max = new Float64Array(6);
  readonly mask = new Int32Array(6);
  /** Hourly sums and counts of O3 (0–23) and CO (24–47). */
  readonly hourSum = new Float64Array(48);
  readonly hourN = new Int32Array(48);

  reset(station: number, day: number): void {
    this.station = station;
    this.day = day;
    this.sum.fill(0);
    this.n.fill(0);
    this.max.fill(Number.NEGATIVE_INFINITY);
    this.mask.fill(0);
    this.hourSum.fill(0);
    this.hourN.fill(0);
  }

  private hourly(offset: number): (number | null)[] {
    const out = new Array<number | null>(24);
    for (let h = 0; h < 24; h++) out[h] = this.hourN[offset + h]! > 0 ? this.hourSum[offset + h]! / this.hourN[offset + h]! : null;
    return out;
  }

  private pollutant(i: number): RawPollutantDay {
    const n = this.n[i]!;
    return { hours: bitCount(this.mask[i]!), mean: n > 0 ? this.sum[i]! / n : null, max1h: n > 0 ? this.max[i]! : null };
  }

  build(station: string, date: string): RawStationDay {
    const pollutants = {} as Record<AirPollutant, RawPollutantDay>;
    for (let i = 0; i < AIR_POLLUTANTS.length; i++) pollutants[AIR_POLLUTANTS[i]!] = this.pollutant(i);
    pollutants.o3.hourly = this.hourly(0);
    pollutants.co.hourly = this.hourly(24);
    return { station, date, pollutants };
  }
}

/**
 * Builds station-days from the groups (columns si, day, pi, f, n, s, mx, mask, lh, lv: station
 * index into `stations`, day number since 1970-01-01, pollutant index into AIR_POLLUTANTS, unit
 * factor, count, sum and maximum of the valid values, hour mask, and for O3 and CO the hours and
 * values), in station and day order. Reads the result's column buffers directly: turning 400,000
 * groups into JS values one by one costs a second. Readings of the same hour (several sensors,
 * or several units) are averaged. Each station-day goes through `map` as soon as it is complete.
 */
export function readDays<T>(result: DuckDBMaterializedResult, stations: readonly string[], map: (day: RawStationDay) => T): T[] {
  const out: T[] = [];
  const dates = new Map<number, string>();
  const dateOf = (day: number): string => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = new Date(day * 86_400_000).toISOString().slice(0, 10)));
    return date;
  };
  const acc = new DayAccumulator();
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [si, dayv, pi, fv, nv, sv, mxv, maskv] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => numbers(chunk.getColumnVector(i)));
    const lh = chunk.getColumnVector(8) as DuckDBListVector;
    const lv = chunk.getColumnVector(9) as DuckDBListVector;
    let hoursOf: ArrayLike<number> | null = null;
    let valuesOf: ArrayLike<number> | null = null;
    for (let r = 0, rows = chunk.rowCount; r < rows; r++) {
      const day = dayv![r]!;
      const st = si![r]!;
      if (acc.station !== st || acc.day !== day) {
        if (acc.station >= 0) out.push(map(acc.build(stations[acc.station]!, dateOf(acc.day))));
        acc.reset(st, day);
      }
      const i = pi![r]!;
      const f = fv![r]!;
      acc.sum[i]! += scale(sv![r]!, f);
      acc.n[i]! += nv![r]!;
      acc.max[i] = Math.max(acc.max[i]!, scale(mxv![r]!, f));
      acc.mask[i]! |= maskv![r]!;
      if (i === O3 || i === CO) {
        hoursOf ??= numbers(lh.childVector);
        valuesOf ??= numbers(lv.childVector);
        const offset = i === O3 ? 0 : 24;
        const start = lh.getEntryOffset(r);
        const vstart = lv.getEntryOffset(r);
        for (let k = 0, len = lh.getEntryLength(r); k < len; k++) {
          const h = offset + hoursOf[start + k]!;
          acc.hourSum[h]! += scale(valuesOf[vstart + k]!, f);
          acc.hourN[h]!++;
        }
      }
    }
  }
  if (acc.station >= 0) out.push(map(acc.build(stations[acc.station]!, dateOf(acc.day))));
  return out;
}
