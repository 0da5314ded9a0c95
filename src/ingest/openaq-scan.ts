import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { AIR_POLLUTANTS } from "../domain/air.js";
import type { GroupColumns, HourlySums } from "./air-day-reader.js";
import { OPENAQ_PARAMETERS, unitPairs } from "./air-units.js";
import { scanOpenAqPart, type ScanPartOutput } from "./openaq-scan-part.js";

/**
 * The fast path of an OpenAQ archive file's pass: the file's rows scanned in worker threads, each
 * over its own part of the file, into the same groups (station, local day, parameter, unit) as
 * DuckDB's pass (air-sql.ts), for files in the canonical form (see scanOpenAqPart): the header
 * `location_id,sensors_id,location,datetime,lat,lon,parameter,units,value`, no quoted field,
 * plain decimals, one datetime form, every unit one that applies. Any other file, and any file
 * with a problem row, goes to DuckDB, which reads everything and reports problems. The groups'
 * sums are added in file order within each part (and the parts' sums in file order), as DuckDB
 * adds them on one thread; the station-days are then built by the same code from the same
 * group columns.
 */

export const OPENAQ_CANONICAL_HEADER = ["location_id", "sensors_id", "location", "datetime", "lat", "lon", "parameter", "units", "value"] as const;

export const isCanonicalOpenAqHeader = (header: readonly string[]): boolean =>
  header.length === OPENAQ_CANONICAL_HEADER.length && header.every((h, i) => h === OPENAQ_CANONICAL_HEADER[i]);

/** The pollutants whose readings are listed by hour (the DuckDB pass lists 'o3' and 'co' by that name). */
const HOURLY = ["o3", "co"];

/** A station found by the scan, in `st` order. */
export interface ScannedStation {
  externalId: string;
  name: string;
  lat: number | null;
  lon: number | null;
  firstDay: number | null;
  lastDay: number | null;
}

export interface OpenAqScan {
  /** Why the file is not for the fast path ("" when it is). */
  bail: string;
  stations: ScannedStation[];
  stats: { rows: number; values: number; gaps: number; negative: number; ignoredRows: number; ignoredParameters: string[] };
  /** The usable groups in station, day and (parameter, unit) order. */
  groups: GroupColumns;
  hourly: HourlySums;
}

/** The worker: runs the scanner's own source over its range and hands back its arrays. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
var __name = (f) => f;
const scan = ${scanOpenAqPart.toString()};
const out = scan(workerData, require("node:fs"));
const transfer = out.bail ? [] : [out.gStation, out.gDay, out.gParameter, out.gUnit, out.gRows, out.gValues, out.gN, out.gSum, out.gMax, out.gMask, out.gHourly, out.hSum, out.hCount].map((a) => a.buffer);
parentPort.postMessage(out, transfer);
`;

function runPart(path: string, start: number, end: number, factors: Record<string, number>): Promise<ScanPartOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, start, end, hourly: HOURLY, factors } });
    worker.once("message", (out: ScanPartOutput) => {
      resolve(out);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the air scanner stopped (${code})`)));
  });
}

/** The offset of the first line start at or after `from` (the file's size when none). */
function lineStartFrom(fd: number, from: number, size: number): number {
  const b = Buffer.allocUnsafe(65536);
  for (let pos = from; pos < size; ) {
    const n = readSync(fd, b, 0, b.length, pos);
    if (n === 0) break;
    const i = b.subarray(0, n).indexOf(10);
    if (i !== -1) return pos + i + 1;
    pos += n;
  }
  return size;
}

/** What a (parameter, unit) pair that applies gives: pollutant position, factor, and position pu in (parameter, units) byte order (air-sql.ts's unit map). */
type PairUse = { k: number; f: number; pu: number };

/** The pairs that apply (air-units.ts: unitPairs) by `parameter + "\u0000" + unit`, numbered as LONG_SQL numbers them. */
function pairUses(): Map<string, PairUse> {
  const bytes = (s: string) => Buffer.from(s, "utf8");
  const rows = unitPairs().sort((a, b) => Buffer.compare(bytes(a.parameter), bytes(b.parameter)) || Buffer.compare(bytes(a.unit), bytes(b.unit)));
  return new Map(rows.map((r, i) => [`${r.parameter}\u0000${r.unit}`, { k: AIR_POLLUTANTS.indexOf(r.p), f: r.f, pu: i + 1 }]));
}

const notFast = (bail: string): OpenAqScan => ({
  bail,
  stations: [],
  stats: { rows: 0, values: 0, gaps: 0, negative: 0, ignoredRows: 0, ignoredParameters: [] },
  groups: { rows: 0, si: [], day: [], k: [], f: [], n: [], s: [], mx: [], mask: [], gid: [] },
  hourly: { slot: new Int32Array(0), sum: [], count: [] },
});

/**
 * Scans an OpenAQ archive file (canonical header already checked) in `threads` parts (of at least
 * `minPartBytes` each), one worker each, calls `onScanned` once they are read, and merges the parts: what DuckDB's pass and the queries over its groups give for such a
 * file, or `bail` when the file is not for the fast path.
 */
export async function scanOpenAq(path: string, threads = 2, opts: { minPartBytes?: number; nameRows?: number; onScanned?: () => void } = {}): Promise<OpenAqScan> {
  const minPartBytes = opts.minPartBytes ?? 1 << 20;
  const fd = openSync(path, "r");
  let ranges: [number, number][];
  try {
    const size = fstatSync(fd).size;
    const first = lineStartFrom(fd, 0, size);
    const parts = Math.max(1, Math.min(threads, Math.floor((size - first) / minPartBytes) || 1));
    const cuts = [first];
    for (let i = 1; i < parts; i++) cuts.push(Math.max(cuts.at(-1)!, lineStartFrom(fd, first + Math.floor(((size - first) * i) / parts) - 1, size)));
    cuts.push(size);
    ranges = cuts.slice(0, -1).map((c, i): [number, number] => [c, cuts[i + 1]!]).filter(([a, b]) => b > a);
  } finally {
    closeSync(fd);
  }
  const pairs = pairUses();
  const factors = Object.fromEntries([...pairs].map(([key, { f }]) => [key, f]));
  const outs = await Promise.all(ranges.map(([a, b]) => runPart(path, a, b, factors)));
  const bailed = outs.find((o) => o.bail !== "");
  if (bailed) return notFast(bailed.bail);
  opts.onScanned?.();
  return merge(outs, pairs, opts.nameRows ?? 10_000);
}

/** The groups of all parts as one set (see merge). */
interface MergedGroups {
  count: number;
  st: Int32Array;
  day: Int32Array;
  pair: Int32Array;
  rows: Float64Array;
  values: Float64Array;
  n: Float64Array;
  s: Float64Array;
  mx: Float64Array;
  mask: Int32Array;
  /** Per group, its hourly slot: part × 2²⁴ + the part's own slot (0: none). */
  hourly: Int32Array;
  hourSum: Float64Array[];
  hourCount: Int32Array[];
}

/**
 * Adds one part's groups to the merged ones: a group of a (station, pair, day) already there is
 * added to it, in part order; the others are appended. Only the days another part may also hold
 * are looked up: those from the earliest day of this part on (a file in time order shares a day
 * or two between parts). Its own function, so that V8 compiles its loops quickly.
 */
function addPart(G: MergedGroups, out: ScanPartOutput, part: number, stationMap: Int32Array, pairMap: Int32Array, pairs: number): void {
  const U = out.units.length;
  const keyOf = (s: number, pair: number, day: number) => (s * pairs + pair) * 262144 + day + 131072;
  const byKey = new Map<number, number>();
  let minDay = Infinity;
  for (let g = 0; g < out.groups; g++) if (out.gDay[g]! < minDay) minDay = out.gDay[g]!;
  let maxDay = -Infinity;
  for (let g = 0; g < G.count; g++) {
    if (G.day[g]! > maxDay) maxDay = G.day[g]!;
    if (G.day[g]! >= minDay) byKey.set(keyOf(G.st[g]!, G.pair[g]!, G.day[g]!), g);
  }
  const { st, day: days, pair: pairsOf, rows, values, n, s: sums, mx, mask, hourly, hourSum, hourCount } = G;
  let count = G.count;
  for (let g = 0; g < out.groups; g++) {
    const s = stationMap[out.gStation[g]!]!;
    const pair = pairMap[out.gParameter[g]! * U + out.gUnit[g]!]!;
    const day = out.gDay[g]!;
    const own = out.gHourly[g]! === 0 ? 0 : part * 2 ** 24 + out.gHourly[g]!;
    const existing = day <= maxDay ? byKey.get(keyOf(s, pair, day)) : undefined;
    if (existing === undefined) {
      st[count] = s;
      days[count] = day;
      pairsOf[count] = pair;
      rows[count] = out.gRows[g]!;
      values[count] = out.gValues[g]!;
      n[count] = out.gN[g]!;
      sums[count] = out.gSum[g]!;
      mx[count] = out.gMax[g]!;
      mask[count] = out.gMask[g]!;
      hourly[count] = own;
      count++;
      continue;
    }
    rows[existing]! += out.gRows[g]!;
    values[existing]! += out.gValues[g]!;
    if (out.gN[g]! > 0) {
      mx[existing] = n[existing]! > 0 ? Math.max(mx[existing]!, out.gMax[g]!) : out.gMax[g]!;
      n[existing]! += out.gN[g]!;
      sums[existing]! += out.gSum[g]!;
      mask[existing]! |= out.gMask[g]!;
    }
    if (own !== 0) {
      const known = hourly[existing]!;
      if (known === 0) hourly[existing] = own;
      else {
        const intoSum = hourSum[known >>> 24]!;
        const intoCount = hourCount[known >>> 24]!;
        const into = ((known & 0xffffff) - 1) * 24;
        const from = (out.gHourly[g]! - 1) * 24;
        for (let h = 0; h < 24; h++) {
          intoSum[into + h]! += out.hSum[from + h]!;
          intoCount[into + h]! += out.hCount[from + h]!;
        }
      }
    }
  }
  G.count = count;
}

/** The parts' groups as one set (a group in several parts added up in part order), with the stats, stations and sorted usable groups. */
function merge(outs: ScanPartOutput[], pairs: Map<string, PairUse>, nameRows: number): OpenAqScan {
  // Global stations (by id, first seen first) with the name and coordinates first seen, and those
  // first seen in the file's first `nameRows` rows (part 0's rows), as DuckDB reads them: from
  // those rows when every station is there, else from all rows (openaqStationsSql).
  type Station = { id: number; name: string | null; lat: number | null; lon: number | null; early: boolean; earlyName: string | null; earlyLat: number | null; earlyLon: number | null };
  const stationAt = new Map<number, number>();
  const st: Station[] = [];
  const stationMaps = outs.map((o, part) =>
    Int32Array.from(o.stations, (s) => {
      let g = stationAt.get(s.id);
      if (g === undefined) {
        g = st.length;
        stationAt.set(s.id, g);
        const early = (row: number) => part === 0 && row >= 0 && row < nameRows;
        st.push({
          id: s.id,
          name: s.name,
          lat: s.lat,
          lon: s.lon,
          early: early(s.firstRow),
          earlyName: early(s.nameRow) ? s.name : null,
          earlyLat: early(s.latRow) ? s.lat : null,
          earlyLon: early(s.lonRow) ? s.lon : null,
        });
      } else {
        const known = st[g]!;
        known.name ??= s.name;
        known.lat ??= s.lat;
        known.lon ??= s.lon;
      }
      return g;
    }),
  );
  // Global (parameter, unit) pairs.
  const pairAt = new Map<string, number>();
  const pairText: { parameter: string; unit: string }[] = [];
  const pairMaps = outs.map((o) => {
    const P = o.parameters.length;
    const table = new Int32Array(P * o.units.length);
    for (let a = 0; a < P; a++) {
      for (let b = 0; b < o.units.length; b++) {
        const key = `${o.parameters[a]}\u0000${o.units[b]}`;
        let g = pairAt.get(key);
        if (g === undefined) {
          g = pairText.length;
          pairAt.set(key, g);
          pairText.push({ parameter: o.parameters[a]!, unit: o.units[b]! });
        }
        table[a * o.units.length + b] = g;
      }
    }
    return table;
  });
  // Global groups: part 0's as they are, later parts' added to a group of the same key. Each
  // part keeps its hourly sums; a later part's group that adds to an earlier one adds its hours
  // to that group's (or gives it its own, if it had none).
  const total = outs.reduce((a, o) => a + o.groups, 0);
  const G: MergedGroups = {
    count: 0,
    st: new Int32Array(total),
    day: new Int32Array(total),
    pair: new Int32Array(total),
    rows: new Float64Array(total),
    values: new Float64Array(total),
    n: new Float64Array(total),
    s: new Float64Array(total),
    mx: new Float64Array(total),
    mask: new Int32Array(total),
    hourly: new Int32Array(total),
    hourSum: outs.map((o) => o.hSum),
    hourCount: outs.map((o) => o.hCount),
  };
  for (let o = 0; o < outs.length; o++) addPart(G, outs[o]!, o, stationMaps[o]!, pairMaps[o]!, pairText.length);
  const count = G.count;

  // Stats and stations, as STATION_STATS_SQL and STATS_SQL count them.
  const stats = { rows: 0, values: 0, gaps: 0, negative: 0, ignoredRows: 0, ignoredParameters: [] as string[] };
  const ignored = new Set<string>();
  const pairInfo = pairText.map((t) => ({ indexed: t.parameter in OPENAQ_PARAMETERS, usable: pairs.get(`${t.parameter}\u0000${t.unit}`) ?? null }));
  const indexed = new Uint8Array(st.length);
  const firstDay = new Float64Array(st.length).fill(Infinity);
  const lastDay = new Float64Array(st.length).fill(-Infinity);
  for (let g = 0; g < count; g++) {
    const info = pairInfo[G.pair[g]!]!;
    stats.rows += G.rows[g]!;
    if (!info.indexed) {
      stats.ignoredRows += G.rows[g]!;
      ignored.add(pairText[G.pair[g]!]!.parameter);
      continue;
    }
    // A unit that cannot apply to its pollutant is a problem row: DuckDB's pass reports it.
    if (!info.usable) return notFast("a unit that cannot apply");
    indexed[G.st[g]!] = 1;
    stats.values += G.values[g]!;
    stats.gaps += G.rows[g]! - G.values[g]!;
    stats.negative += G.values[g]! - G.n[g]!;
    if (G.n[g]! > 0) {
      const s = G.st[g]!;
      if (G.day[g]! < firstDay[s]!) firstDay[s] = G.day[g]!;
      if (G.day[g]! > lastDay[s]!) lastDay[s] = G.day[g]!;
    }
  }
  stats.ignoredParameters = [...ignored].sort();
  const order = st.map((_, i) => i).filter((i) => indexed[i] === 1).sort((a, b) => st[a]!.id - st[b]!.id);
  const si = new Int32Array(st.length).fill(-1);
  order.forEach((s, i) => (si[s] = i));
  const allEarly = order.every((s) => st[s]!.early);
  const stations: ScannedStation[] = order.map((s) => ({
    externalId: String(st[s]!.id),
    name: (allEarly ? st[s]!.earlyName : st[s]!.name) ?? String(st[s]!.id),
    lat: allEarly ? st[s]!.earlyLat : st[s]!.lat,
    lon: allEarly ? st[s]!.earlyLon : st[s]!.lon,
    firstDay: Number.isFinite(firstDay[s]!) ? firstDay[s]! : null,
    lastDay: Number.isFinite(lastDay[s]!) ? lastDay[s]! : null,
  }));

  // Per pair: its position in (parameter, units) order, pollutant and factor (pu 0: not usable).
  const pairPu = Int32Array.from(pairInfo, (p) => p.usable?.pu ?? 0);
  const pairK = Int32Array.from(pairInfo, (p) => p.usable?.k ?? -1);
  const pairF = Float64Array.from(pairInfo, (p) => p.usable?.f ?? Number.NaN);
  // Each station's days from its first to its last, one after another.
  const base = new Float64Array(st.length);
  let buckets = 0;
  for (const s of order) {
    base[s] = buckets - (Number.isFinite(firstDay[s]!) ? firstDay[s]! : 0);
    if (Number.isFinite(firstDay[s]!)) buckets += lastDay[s]! - firstDay[s]! + 1;
  }
  const idx = sortUsable(G, pairPu, si, base, buckets);
  const groups = columnsOf(G, idx, si, pairK, pairF);

  return { bail: "", stations, stats, groups, hourly: { slot: G.hourly.subarray(0, count), sum: G.hourSum, count: G.hourCount } };
}

/**
 * The usable groups (a pair that applies, a valid value) in (station, day, pu) order: counted into
 * their station-day (a counting sort over each station's days, `base[st] + day` numbering them),
 * then by pu within it (a few groups each). A sparse file (far more days than groups) is sorted by
 * comparison instead.
 */
function sortUsable(G: MergedGroups, pairPu: Int32Array, si: Int32Array, base: Float64Array, buckets: number): Int32Array {
  let count = 0;
  const usable = new Int32Array(G.count);
  for (let g = 0; g < G.count; g++) if (pairPu[G.pair[g]!]! > 0 && G.n[g]! > 0) usable[count++] = g;
  if (buckets > 4 * count + 1_000_000) {
    const key = (g: number) => (si[G.st[g]!]! * 262144 + G.day[g]! + 131072) * 256 + pairPu[G.pair[g]!]!;
    return usable.slice(0, count).sort((a, b) => key(a) - key(b));
  }
  const bucketOf = (g: number) => base[G.st[g]!]! + G.day[g]!;
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) start[bucketOf(usable[i]!) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const next = start.slice(0, buckets);
  const idx = new Int32Array(count);
  for (let i = 0; i < count; i++) idx[next[bucketOf(usable[i]!)]!++] = usable[i]!;
  for (let b = 0; b < buckets; b++) {
    for (let i = start[b]! + 1; i < start[b + 1]!; i++) {
      const g = idx[i]!;
      const pu = pairPu[G.pair[g]!]!;
      let j = i - 1;
      while (j >= start[b]! && pairPu[G.pair[idx[j]!]!]! > pu) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = g;
    }
  }
  return idx;
}

/** The sorted usable groups as the station-day reader's columns (gid: the group's own number). */
function columnsOf(G: MergedGroups, idx: Int32Array, si: Int32Array, pairK: Int32Array, pairF: Float64Array): GroupColumns {
  const rows = idx.length;
  const siOut = new Int32Array(rows);
  const day = new Int32Array(rows);
  const k = new Int32Array(rows);
  const f = new Float64Array(rows);
  const n = new Float64Array(rows);
  const s = new Float64Array(rows);
  const mx = new Float64Array(rows);
  const mask = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const g = idx[r]!;
    const pair = G.pair[g]!;
    siOut[r] = si[G.st[g]!]!;
    day[r] = G.day[g]!;
    k[r] = pairK[pair]!;
    f[r] = pairF[pair]!;
    n[r] = G.n[g]!;
    s[r] = G.s[g]!;
    mx[r] = G.mx[g]!;
    mask[r] = G.mask[g]!;
  }
  return { rows, si: siOut, day, k, f, n, s, mx, mask, gid: idx };
}
