import type { DuckDBListVector, DuckDBMaterializedResult } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirPollutant } from "../domain/air.js";
import type { RawPollutantDay, RawStationDay } from "./air-duckdb.js";

/** Applies a unit factor; dividing by 1000 (not multiplying by 0.001) keeps 700 µg/m³ CO at exactly 0.7 mg/m³. */
const scale = (x: number, f: number): number => (f < 1 ? x / (1 / f) : x * f);

const POLLUTANT_INDEX = new Map(AIR_POLLUTANTS.map((p, i) => [p, i]));

/** Popcount of a 24-bit hour mask. */
function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** Accumulates one station-day across its groups (one per pollutant and unit). */
class DayAccumulator {
  readonly sum = new Float64Array(6);
  readonly n = new Float64Array(6);
  readonly max = new Float64Array(6).fill(Number.NEGATIVE_INFINITY);
  readonly mask = new Int32Array(6);
  /** Hourly sums and counts of O3 (0–23) and CO (24–47). */
  readonly hourSum = new Float64Array(48);
  readonly hourN = new Int32Array(48);

  constructor(
    readonly station: string,
    readonly day: number,
  ) {}

  build(): RawStationDay {
    const pollutants = {} as Record<AirPollutant, RawPollutantDay>;
    AIR_POLLUTANTS.forEach((p, i) => {
      pollutants[p] = { hours: bitCount(this.mask[i]!), mean: this.n[i]! > 0 ? this.sum[i]! / this.n[i]! : null, max1h: this.n[i]! > 0 ? this.max[i]! : null };
    });
    const hourly = (offset: number) => Array.from({ length: 24 }, (_, h) => (this.hourN[offset + h]! > 0 ? this.hourSum[offset + h]! / this.hourN[offset + h]! : null));
    pollutants.o3.hourly = hourly(0);
    pollutants.co.hourly = hourly(24);
    return { station: this.station, date: new Date(this.day * 86_400_000).toISOString().slice(0, 10), pollutants };
  }
}

/**
 * Builds station-days from the groups, reading the result's column vectors directly (turning
 * 100,000 lists into JS objects through the value API costs seconds). Readings of the same hour
 * (several sensors, or several units) are averaged.
 */
export function readDays(result: DuckDBMaterializedResult): RawStationDay[] {
  const out: RawStationDay[] = [];
  let acc: DayAccumulator | null = null;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [stv, dayv, pv, fv, nv, sv, mxv, maskv, lhv, lvv] = Array.from({ length: 10 }, (_, i) => chunk.getColumnVector(i));
    const lh = lhv as DuckDBListVector;
    const lv = lvv as DuckDBListVector;
    const hoursOf = lh.childVector;
    const valuesOf = lv.childVector;
    for (let r = 0; r < chunk.rowCount; r++) {
      const day = dayv!.getItem(r) as number;
      const st = String(stv!.getItem(r));
      if (acc === null || acc.day !== day || acc.station !== st) {
        if (acc) out.push(acc.build());
        acc = new DayAccumulator(st, day);
      }
      const p = pv!.getItem(r) as AirPollutant;
      const i = POLLUTANT_INDEX.get(p)!;
      const f = fv!.getItem(r) as number;
      acc.sum[i]! += scale(sv!.getItem(r) as number, f);
      acc.n[i]! += nv!.getItem(r) as number;
      acc.max[i] = Math.max(acc.max[i]!, scale(mxv!.getItem(r) as number, f));
      acc.mask[i]! |= Number(maskv!.getItem(r) as bigint);
      if (p === "o3" || p === "co") {
        const offset = p === "o3" ? 0 : 24;
        const start = lh.getEntryOffset(r);
        const vstart = lv.getEntryOffset(r);
        for (let k = 0, len = lh.getEntryLength(r); k < len; k++) {
          const h = offset + (hoursOf.getItem(start + k) as number);
          acc.hourSum[h]! += scale(valuesOf.getItem(vstart + k) as number, f);
          acc.hourN[h]!++;
        }
      }
    }
  }
  if (acc) out.push(acc.build());
  return out;
}
