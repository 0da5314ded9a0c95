import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AIR_POLLUTANTS, type AirFormat, type AirPollutant } from "../domain/air.js";
import { POLLUTANT_INDEX_SQL, readDays } from "./air-day-reader.js";
import { parameterMapSql, unitMapSql } from "./air-units.js";

/** A station as the file describes it. */
export interface RawStation {
  externalId: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

/** One pollutant of one station-day before the completeness rules: valid hours, mean and maximum of the valid values. */
export interface RawPollutantDay {
  hours: number;
  mean: number | null;
  max1h: number | null;
  /** O3 and CO: the day's values by hour (0–23; readings of the same hour averaged), for the 8-hour means. */
  hourly?: (number | null)[];
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
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** read_csv with the header's columns typed as the format needs (others VARCHAR), NA and empty as NULL, bad rows kept in reject_errors. */
function readCsvSql(path: string, header: readonly string[], types: Record<string, string>): string {
  const columns = header.map((c) => `${quote(c)}: ${quote(types[c] ?? "VARCHAR")}`).join(", ");
  return `read_csv(${quote(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = ['NA', ''], store_rejects = true, columns = {${columns}})`;
}

/**
 * OpenAQ: one row per station, hour and parameter. `datetime` is local time with its offset and
 * marks the end of the averaging hour (OpenAQ's days run 01:00–00:00 local), so a value stamped
 * 00:00 belongs to hour 23 of the previous day. Parsed from the text, without time-zone lookups.
 * Rows with a datetime that cannot be read get d = NULL (a problem the caller reports).
 * The separator (character 11: T or space) and the end of the hour (characters 15–19 "00:00")
 * are tested with LIKE, which is cheaper per row than cutting them out with substr.
 */
function openaqRowsSql(path: string, header: readonly string[]): string {
  const src = readCsvSql(path, header, { location_id: "BIGINT", sensors_id: "BIGINT", lat: "DOUBLE", lon: "DOUBLE", value: "DOUBLE" });
  return `
    t AS (
      SELECT location_id AS st, location AS name, lat, lon, parameter, units, value,
        TRY_CAST(substr(datetime, 1, 10) AS DATE) AS d0, TRY_CAST(substr(datetime, 12, 2) AS INTEGER) AS hh,
        (datetime LIKE '__________T%' OR datetime LIKE '__________ %') AS sep_ok, datetime LIKE '______________00:00%' AS hour_end
      FROM ${src}
    ), u AS (
      SELECT st, name, lat, lon, parameter, units, value,
        CASE WHEN d0 IS NULL OR hh IS NULL OR hh NOT BETWEEN 0 AND 23 OR NOT sep_ok THEN NULL
             WHEN hour_end AND hh = 0 THEN d0 - 1 ELSE d0 END AS d,
        CASE WHEN hour_end THEN (hh + 23) % 24 ELSE hh END AS h
      FROM t
    )`;
}

/** UCI Beijing Multi-Site: one row per station and hour (0–23, the hour starting then), one column per pollutant, all in µg/m³. */
function uciRowsSql(path: string, header: readonly string[]): string {
  const types: Record<string, string> = { year: "INTEGER", month: "INTEGER", day: "INTEGER", hour: "INTEGER" };
  for (const c of ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"]) types[c] = "DOUBLE";
  const src = readCsvSql(path, header, types);
  return `
    t AS (
      SELECT CASE WHEN trim(station) <> '' THEN station END AS st, station AS name, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon,
        CASE WHEN hour BETWEEN 0 AND 23 THEN TRY(make_date(year, month, day)) END AS d, hour AS h,
        "PM2.5" AS pm25, "PM10" AS pm10, "SO2" AS so2, "NO2" AS no2, "CO" AS co, "O3" AS o3
      FROM ${src}
    ), u AS (
      SELECT st, name, lat, lon, parameter, 'µg/m³' AS units, value, d, h
      FROM t UNPIVOT INCLUDE NULLS (value FOR parameter IN (pm25, pm10, so2, no2, co, o3))
    )`;
}

/**
 * The one pass over the file: per station, day, parameter and unit the row and value counts, the
 * sum, count and maximum of the non-negative values, the mask of hours with a value, and for O3
 * and CO the hours and values. Units are applied afterwards, to these few groups, not per row.
 */
function groupSql(rows: string): string {
  return `
    WITH ${rows}, v AS (SELECT *, CASE WHEN value >= 0 AND isfinite(value) THEN value END AS vv FROM u)
    SELECT st, d, parameter, units,
      count(*)::DOUBLE AS nrows, count(value)::DOUBLE AS nvalues, count_if(NOT isfinite(value))::DOUBLE AS nonfinite,
      sum(vv) AS s, count(vv)::DOUBLE AS n, max(vv) AS mx,
      bit_or(CASE WHEN vv IS NOT NULL THEN 1::BIGINT << h END) AS mask,
      any_value(name) AS name, any_value(lat) AS lat, any_value(lon) AS lon,
      list(h) FILTER (WHERE vv IS NOT NULL AND parameter IN ('o3', 'co')) AS lh,
      list(vv) FILTER (WHERE vv IS NOT NULL AND parameter IN ('o3', 'co')) AS lv
    FROM v
    GROUP BY st, d, parameter, units`;
}

/** The groups with their pollutant key p and unit factor f (NULL: not a pollutant we index / a unit that cannot apply). */
const LONG_SQL = `
  CREATE TEMP VIEW air_long AS
  SELECT g.*, pm.p, um.f FROM air_groups g
  LEFT JOIN (${parameterMapSql()}) pm ON pm.parameter = g.parameter
  LEFT JOIN (${unitMapSql()}) um ON um.parameter = g.parameter AND um.units = g.units`;

/** The stations of the usable groups, numbered in `st` order (si), with what the file says of them. */
const STATIONS_SQL = `
  CREATE TEMP TABLE air_st AS
  SELECT st, (row_number() OVER (ORDER BY st) - 1)::INTEGER AS si, CAST(st AS VARCHAR) AS ext, any_value(name) AS name, any_value(lat) AS lat, any_value(lon) AS lon
  FROM air_long WHERE p IS NOT NULL GROUP BY st`;

/**
 * The usable groups in station and date order, as readDays reads them: station number si, day
 * number (days since 1970-01-01), pollutant index pi, f, n, s, mx, mask, lh, lv. Every numeric
 * column is non-NULL (n > 0), so its buffer can be read as it is.
 */
const GROUPS_SQL = `
  SELECT sx.si, (g.d - DATE '1970-01-01')::INTEGER AS day, (${POLLUTANT_INDEX_SQL})::INTEGER AS pi, g.f, g.n, g.s, g.mx, g.mask::INTEGER AS mask, g.lh, g.lv
  FROM air_long g JOIN air_st sx ON sx.st = g.st
  WHERE g.p IS NOT NULL AND g.f IS NOT NULL AND g.d IS NOT NULL AND g.st IS NOT NULL AND g.n > 0
  ORDER BY sx.si, day`;

type Row = Record<string, unknown>;

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
 * (so that the raw days of a large file are never all held at once).
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
  const spill = mkdtempSync(join(tmpdir(), "citybridge-duckdb-"));
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: opts.memoryLimit ?? "512MB",
    temp_directory: spill,
    preserve_insertion_order: "false",
    ...(opts.threads ? { threads: String(opts.threads) } : {}),
  });
  const con = await instance.connect();
  const rows = async (sql: string): Promise<Row[]> => (await con.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  try {
    await con.run(`CREATE TEMP TABLE air_groups AS ${groupSql(format === "openaq" ? openaqRowsSql(path, header) : uciRowsSql(path, header))}`);
    await con.run(LONG_SQL);
    const [s] = await rows(`
      SELECT coalesce(sum(nrows), 0) AS nrows,
        coalesce(sum(nvalues) FILTER (WHERE p IS NOT NULL), 0) AS nvalues,
        coalesce(sum(nrows - nvalues) FILTER (WHERE p IS NOT NULL), 0) AS gaps,
        coalesce(sum(nvalues - n - nonfinite) FILTER (WHERE p IS NOT NULL), 0) AS neg,
        coalesce(sum(nonfinite) FILTER (WHERE p IS NOT NULL), 0) AS nonfinite,
        coalesce(sum(nrows) FILTER (WHERE p IS NULL), 0) AS ignored,
        list(DISTINCT parameter) FILTER (WHERE p IS NULL AND parameter IS NOT NULL) AS params,
        coalesce(sum(nrows) FILTER (WHERE d IS NULL), 0) AS bad_dt,
        coalesce(sum(nrows) FILTER (WHERE p IS NOT NULL AND f IS NULL), 0) AS bad_unit,
        coalesce(sum(nrows) FILTER (WHERE st IS NULL), 0) AS bad_st
      FROM air_long`);
    const [rej] = await rows(`SELECT count(*)::DOUBLE AS n FROM reject_errors`);
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
      rejected: Number(rej!.n),
      badDatetime: Number(s!.bad_dt) / perRow,
      badUnit: Number(s!.bad_unit),
      badStation: Number(s!.bad_st) / perRow,
      notFinite: Number(s!.nonfinite),
    };
    if (Object.values(problems).some((n) => n > 0)) return { stations: [], days: [], stats, problems };

    await con.run(STATIONS_SQL);
    const stations = (await rows(`SELECT ext, name, lat, lon FROM air_st ORDER BY si`)).map(
      (r): RawStation => ({ externalId: String(r.ext), name: String(r.name ?? r.ext), lat: (r.lat as number | null) ?? null, lon: (r.lon as number | null) ?? null }),
    );
    const map: (day: RawStationDay) => T | RawStationDay = mapDays ? await mapDays(stations) : (day) => day;
    const days = readDays(await con.run(GROUPS_SQL), stations.map((st) => st.externalId), map);
    return { stations, days, stats, problems };
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
