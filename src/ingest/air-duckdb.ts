import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { AIR_POLLUTANTS, type AirFormat, type AirPollutant } from "../domain/air.js";
import { buildDays, dateOfDay, readDays, readReadings } from "./air-day-reader.js";
import { isCanonicalOpenAqHeader, scanOpenAq } from "./openaq-scan.js";
import { groupSql, LONG_SQL, openaqRowsSql, openaqStationsSql, READINGS_SQL, STATION_DAY_GROUPS_SQL, STATION_STATS_SQL, STATIONS_SQL, STATS_SQL, uciRowsSql } from "./air-sql.js";

/** A station as the file describes it. */
export interface RawStation {
  externalId: string;
  name: string;
  lat: number | null;
  lon: number | null;
  /** The first and last date (YYYY-MM-DD) of its station-days, null when it has none. */
  firstDate: string | null;
  lastDate: string | null;
}

/** One pollutant of one station-day before the completeness rules: valid hours, mean and maximum of the valid values. */
export interface RawPollutantDay {
  hours: number;
  mean: number | null;
  max1h: number | null;
  /**
   * O3 and CO: the day's values by hour (0–23; readings of the same hour averaged; NaN: no
   * reading), for the 8-hour means.
   */
  hourly?: Float64Array;
}

export interface RawStationDay {
  station: string;
  date: string;
  pollutants: Record<AirPollutant, RawPollutantDay>;
}

/** What the file holds, and how many rows of each kind of problem DuckDB saw (0 everywhere for a good file). */
export interface AirAggregate<T = RawStationDay> {
  stations: RawStation[];
  /** The station-days in station and date order (as mapped by the caller's `mapDays`, if given). */
  days: T[];
  stats: { rows: number; values: number; gaps: number; negative: number; ignoredRows: number; ignoredParameters: string[] };
  problems: { rejected: number; badDatetime: number; badUnit: number; badStation: number; notFinite: number };
}

export interface AggregateOptions {
  /** DuckDB's memory limit, e.g. "512MB": larger work spills to a temporary folder. */
  memoryLimit?: string;
  threads?: number;
  /**
   * `auto` (the default): an OpenAQ file in the canonical form is scanned by citybridge's own
   * scanner (openaq-scan.ts), in `threads` worker threads (default: the cores, at most 4), and
   * any other file by DuckDB; `duckdb`: every file by DuckDB.
   */
  engine?: "auto" | "duckdb";
  /** OpenAQ: how many rows station names and coordinates are read from before all rows are (default 10,000). */
  nameRows?: number;
  /**
   * Called as each step ends: `load` (DuckDB's module and instance), `pass` (the one pass over
   * the file), `groups` (the station-day groups sorted and read, with the O3/CO readings); the
   * checks and stations between `pass` and `groups` end with the caller's `mapDays`.
   */
  onStep?: (step: AggregateStep) => void;
}

export type AggregateStep = "load" | "pass" | "groups";

type Row = Record<string, unknown>;

/** A copy of a station-day readDays gives, which it refills for the next day. */
function keep(day: RawStationDay): RawStationDay {
  const copy = (p: RawPollutantDay): RawPollutantDay => (p.hourly ? { ...p, hourly: p.hourly.slice() } : { hours: p.hours, mean: p.mean, max1h: p.max1h });
  const { pm25, pm10, so2, no2, co, o3 } = day.pollutants;
  return { station: day.station, date: day.date, pollutants: { pm25: copy(pm25), pm10: copy(pm10), so2: copy(so2), no2: copy(no2), co: copy(co), o3: copy(o3) } };
}

/**
 * The fast path (openaq-scan.ts): the same aggregate as DuckDB's pass and queries give, or null
 * when the file is not for it (DuckDB then reads it, and reports its problems).
 */
async function scanFast<T>(path: string, opts: AggregateOptions, mapDays?: (stations: RawStation[]) => Promise<(day: RawStationDay) => T>): Promise<AirAggregate<T | RawStationDay> | null> {
  const step = opts.onStep ?? (() => {});
  step("load");
  // The pass ends when the file is read; merging the parts counts with the checks.
  const scan = await scanOpenAq(path, opts.threads ?? Math.min(4, availableParallelism()), { nameRows: opts.nameRows, onScanned: () => step("pass") });
  if (scan.bail !== "") return null;
  const date = (day: number | null): string | null => (day === null ? null : dateOfDay(day));
  const stations = scan.stations.map((s): RawStation => ({ externalId: s.externalId, name: s.name, lat: s.lat, lon: s.lon, firstDate: date(s.firstDay), lastDate: date(s.lastDay) }));
  const map: (day: RawStationDay) => T | RawStationDay = mapDays ? await mapDays(stations) : keep;
  step("groups");
  const days = buildDays([scan.groups], scan.hourly, stations.map((st) => st.externalId), map);
  return { stations, days, stats: scan.stats, problems: { rejected: 0, badDatetime: 0, badUnit: 0, badStation: 0, notFinite: 0 } };
}

/**
 * Aggregates an hourly air-quality CSV (OpenAQ archive or UCI Beijing Multi-Site) with DuckDB in
 * one pass over the file: per station and local day the valid hours, mean and maximum of each
 * pollutant (µg/m³, CO mg/m³; ppm and ppb converted at 25 °C), plus the hourly O3 and CO for
 * the 8-hour means. Empty and NA values are gaps; negative values are treated as gaps and
 * counted. Problem rows (values that are not numbers, bad dates, units that cannot apply, no
 * station) are only counted here: the caller rejects the file and locates them.
 */
export async function aggregateAirFile(path: string, format: AirFormat, header: readonly string[], opts?: AggregateOptions): Promise<AirAggregate>;
/**
 * With `mapDays`: called with the stations once the file is known to have no problem rows, it
 * returns a function that turns each station-day into what the caller keeps, as the day is read
 * (so that the raw days of a large file are never all held at once). The station-day it is given
 * is refilled for the next day: it copies what it keeps.
 */
export async function aggregateAirFile<T>(
  path: string,
  format: AirFormat,
  header: readonly string[],
  opts: AggregateOptions,
  mapDays: (stations: RawStation[]) => Promise<(day: RawStationDay) => T>,
): Promise<AirAggregate<T>>;
export async function aggregateAirFile<T>(
  path: string,
  format: AirFormat,
  header: readonly string[],
  opts: AggregateOptions = {},
  mapDays?: (stations: RawStation[]) => Promise<(day: RawStationDay) => T>,
): Promise<AirAggregate<T | RawStationDay>> {
  // The scanner holds every group in memory (about 100 MB per GB of hourly rows); DuckDB spills
  // larger work to disk, so files over 4 GB go to it.
  if (format === "openaq" && opts.engine !== "duckdb" && isCanonicalOpenAqHeader(header) && statSync(path).size <= 4 * 1024 ** 3) {
    const fast = await scanFast(path, opts, mapDays);
    if (fast) return fast;
  }
  const spill = mkdtempSync(join(tmpdir(), "citybridge-duckdb-"));
  // DuckDB (native, large) loads with the first air import, not with the commands and the server start.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: opts.memoryLimit ?? "512MB",
    temp_directory: spill,
    preserve_insertion_order: "false",
    ...(opts.threads ? { threads: String(opts.threads) } : {}),
  });
  const con = await instance.connect();
  const step = opts.onStep ?? (() => {});
  step("load");
  const rows = async (sql: string): Promise<Row[]> => (await con.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  try {
    await con.run(`CREATE TEMP TABLE air_groups AS ${groupSql(format === "openaq" ? openaqRowsSql(path, header) : uciRowsSql(path, header))}`);
    step("pass");
    await con.run(LONG_SQL);
    await con.run(STATION_STATS_SQL);
    const [s] = await rows(STATS_SQL);
    // UCI rows were unpivoted into one row per pollutant: count file rows, not pollutant values.
    const perRow = format === "uci" ? AIR_POLLUTANTS.length : 1;
    const stats = {
      rows: Number(s!.nrows) / perRow,
      values: Number(s!.nvalues),
      gaps: Number(s!.gaps),
      negative: Number(s!.neg),
      ignoredRows: Number(s!.ignored),
      ignoredParameters: ((s!.params as string[] | null) ?? []).sort(),
    };
    const problems = {
      rejected: Number(s!.rejected),
      badDatetime: Number(s!.bad_dt) / perRow,
      badUnit: Number(s!.bad_unit),
      badStation: Number(s!.bad_st) / perRow,
      notFinite: Number(s!.nonfinite),
    };
    if (Object.values(problems).some((n) => n > 0)) return { stations: [], days: [], stats, problems };

    await con.run(STATIONS_SQL);
    const date = (day: unknown): string | null => (day === null || day === undefined ? null : dateOfDay(Number(day)));
    if (format === "openaq") {
      await con.run(`CREATE TEMP TABLE air_names AS ${openaqStationsSql(path, header, opts.nameRows ?? 10_000)}`);
      const [m] = await rows(`SELECT count(*)::INTEGER AS n FROM air_st WHERE st NOT IN (SELECT st FROM air_names)`);
      if (Number(m!.n) > 0) await con.run(`CREATE OR REPLACE TEMP TABLE air_names AS ${openaqStationsSql(path, header, null)}`);
      // A coordinate that is not a number, in the rows the stations were read from.
      const [r] = await rows(`SELECT count(*)::INTEGER AS n FROM reject_errors`);
      if (Number(r!.n) > 0) return { stations: [], days: [], stats, problems: { ...problems, rejected: Number(r!.n) } };
    } else await con.run(`CREATE TEMP TABLE air_names AS SELECT st, st AS name, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon FROM air_st`);
    const stations = (await rows(`SELECT ext, n.name, n.lat, n.lon, first_day, last_day FROM air_st LEFT JOIN air_names n USING (st) ORDER BY si`)).map(
      (r): RawStation => ({
        externalId: String(r.ext),
        name: String(r.name ?? r.ext),
        lat: (r.lat as number | null) ?? null,
        lon: (r.lon as number | null) ?? null,
        firstDate: date(r.first_day),
        lastDate: date(r.last_day),
      }),
    );
    // DuckDB reads and sorts the groups (in its own threads) while the caller checks the
    // stations and opens its transaction.
    const queried = (async () => [await con.run(READINGS_SQL), await con.run(STATION_DAY_GROUPS_SQL)] as const)();
    // Handled at once: a failure while the caller is still checking is thrown when it is awaited below, not reported as unhandled.
    queried.catch(() => {});
    let map: (day: RawStationDay) => T | RawStationDay;
    try {
      map = mapDays ? await mapDays(stations) : keep;
    } catch (e) {
      // The connection closes below only once its queries have ended.
      await queried.catch(() => {});
      throw e;
    }
    const [readingsResult, groups] = await queried;
    const readings = readReadings(readingsResult);
    step("groups");
    const days = readDays(groups, readings, stations.map((st) => st.externalId), map);
    return { stations, days, stats, problems };
  } finally {
    // Closed once this thread is next idle (an import then waits for its writer): freeing the
    // instance's tables and results took 20-30 ms of this thread.
    setImmediate(() => {
      con.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    });
  }
}
