import { AIR_POLLUTANTS } from "../domain/air.js";
import { parameterMapSql, unitMapSql } from "./air-units.js";

/**
 * The SQL of the DuckDB pass over an hourly air-quality file (see aggregateAirFile): the rows of
 * each format as (st, parameter, units, value, day, h), the one GROUP BY over the file, and the
 * small queries over its groups.
 */

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * read_csv with the header's columns typed as the format needs (others VARCHAR), NA and empty as
 * NULL, bad rows kept in reject_errors, in buffers of `bufferMb` MB. DuckDB's default buffer is
 * 32 MB; with 8 MB its threads share a large file more evenly: the pass over a 10M-row file took
 * 2.05 s instead of 2.2 s (medians of 5; bench/air-ingest.ts).
 */
function readCsvSql(path: string, header: readonly string[], types: Record<string, string>, bufferMb = 8): string {
  const columns = header.map((c) => `${quote(c)}: ${quote(types[c] ?? "VARCHAR")}`).join(", ");
  return `read_csv(${quote(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = ['NA', ''], store_rejects = true, buffer_size = ${bufferMb * 1024 * 1024}, columns = {${columns}})`;
}

/** Microseconds from 1900-01-01 to 1970-01-01, and the days between them. */
const US_1900_TO_1970 = 2_208_988_800_000_000;
const DAYS_1900_TO_1970 = 25_567;

/**
 * OpenAQ: one row per station, hour and parameter. `datetime` is local time with its offset and
 * marks the end of the averaging hour (OpenAQ's days run 01:00–00:00 local), so a value stamped
 * 00:00 belongs to hour 23 of the previous day, one stamped 05:30 to hour 5. DuckDB's cast reads
 * the local date-time (T or a space between date and time) and leaves the offset aside, as
 * citybridge wants: days are local days. The hour a value belongs to is the one holding the
 * instant 1 µs before its stamp, counted from 1900 so that integer division floors. A datetime
 * that cannot be read, has no time of day, or lies outside 1901–2199 gives day NULL (a problem
 * the caller reports).
 */
export function openaqRowsSql(path: string, header: readonly string[]): string {
  const src = readCsvSql(path, header, { location_id: "BIGINT", sensors_id: "BIGINT", lat: "DOUBLE", lon: "DOUBLE", value: "DOUBLE" });
  return `
    t AS (
      SELECT location_id AS st, parameter, units, value, datetime, TRY_CAST(datetime AS TIMESTAMP) AS ts
      FROM ${src}
    ), u AS (
      SELECT st, parameter, units, value, hs // 24 - ${DAYS_1900_TO_1970} AS day, (hs % 24)::INTEGER AS h
      FROM (
        SELECT *, CASE WHEN ts >= TIMESTAMP '1901-01-01' AND ts < TIMESTAMP '2200-01-01' AND strlen(datetime) >= 19
          THEN (epoch_us(ts) + ${US_1900_TO_1970 - 1}) // 3600000000 END AS hs
        FROM t
      )
    )`;
}

/**
 * OpenAQ stations' names and coordinates, from the first `limit` rows read (all rows when null).
 * They are not read in the pass over the file: a text column costs that pass about a tenth of its
 * time, two coordinates almost as much, and a station's name and position are the same on each
 * of its rows. The caller reads all rows when a station is missing from the first ones. Like
 * the sensor ids, the other rows' names and coordinates are not read, so not checked.
 */
export function openaqStationsSql(path: string, header: readonly string[], limit: number | null): string {
  // The first rows come in a buffer of 2 MB (DuckDB's longest line).
  const src = readCsvSql(path, header, { location_id: "BIGINT", lat: "DOUBLE", lon: "DOUBLE" }, limit === null ? 8 : 2);
  return `SELECT location_id AS st, any_value(location) AS name, any_value(lat) AS lat, any_value(lon) AS lon
    FROM (SELECT location_id, location, lat, lon FROM ${src}${limit === null ? "" : ` LIMIT ${limit}`}) GROUP BY location_id`;
}

/** UCI Beijing Multi-Site: one row per station and hour (0–23, the hour starting then), one column per pollutant, all in µg/m³. */
export function uciRowsSql(path: string, header: readonly string[]): string {
  const types: Record<string, string> = { year: "INTEGER", month: "INTEGER", day: "INTEGER", hour: "INTEGER" };
  for (const c of ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"]) types[c] = "DOUBLE";
  const src = readCsvSql(path, header, types);
  return `
    t AS (
      SELECT CASE WHEN trim(station) <> '' THEN station END AS st,
        CASE WHEN hour BETWEEN 0 AND 23 THEN TRY(make_date(year, month, day)) - DATE '1970-01-01' END AS day, hour AS h,
        "PM2.5" AS pm25, "PM10" AS pm10, "SO2" AS so2, "NO2" AS no2, "CO" AS co, "O3" AS o3
      FROM ${src}
    ), u AS (
      SELECT st, parameter, 'µg/m³' AS units, value, day, h
      FROM t UNPIVOT INCLUDE NULLS (value FOR parameter IN (pm25, pm10, so2, no2, co, o3))
    )`;
}

/**
 * The one pass over the file: per station, day, parameter and unit the row and value counts, the
 * sum, count and maximum of the non-negative values, the mask of hours with a value, and for O3
 * and CO the readings as (hour, value) pairs (one list of pairs costs the pass less than a list
 * of hours and a list of values). Units are applied afterwards, to these few groups, not per row.
 */
export function groupSql(rows: string): string {
  return `
    WITH ${rows}, v AS (SELECT *, CASE WHEN value >= 0 AND isfinite(value) THEN value END AS vv FROM u)
    SELECT st, day, parameter, units,
      count(*)::DOUBLE AS nrows, count(value)::DOUBLE AS nvalues, count_if(NOT isfinite(value))::DOUBLE AS nonfinite,
      sum(vv) AS s, count(vv)::DOUBLE AS n, max(vv) AS mx,
      bit_or(1 << h) FILTER (WHERE vv IS NOT NULL) AS mask,
      list({'h': h, 'v': vv}) FILTER (WHERE vv IS NOT NULL AND parameter IN ('o3', 'co')) AS lhv
    FROM v
    GROUP BY st, day, parameter, units`;
}

/**
 * The groups with their pollutant key p and unit factor f (NULL: not a pollutant we index / a
 * unit that cannot apply), and pu, the position of their (parameter, units) in that order among
 * the pairs that apply: the groups are sorted by it rather than by the two texts.
 */
export const LONG_SQL = `
  CREATE TEMP VIEW air_long AS
  SELECT g.* EXCLUDE (lhv), g.rowid::INTEGER AS gid, pm.p, um.f, um.pu FROM air_groups g
  LEFT JOIN (${parameterMapSql()}) pm ON pm.parameter = g.parameter
  LEFT JOIN (SELECT *, (row_number() OVER (ORDER BY parameter, units))::INTEGER AS pu FROM (${unitMapSql()})) um ON um.parameter = g.parameter AND um.units = g.units`;

/** A group that gives a station-day: a pollutant we index, in a unit that applies, on a day, with a valid value. */
const USABLE = "g.p IS NOT NULL AND g.f IS NOT NULL AND g.day IS NOT NULL AND g.st IS NOT NULL AND g.n > 0";

/**
 * Per station (and the rows without one, st NULL), in one scan of the groups: the counts STATS_SQL
 * adds up, whether it has a pollutant we index, and the first and last day it has a station-day
 * (NULL when none).
 */
export const STATION_STATS_SQL = `
  CREATE TEMP TABLE air_st_all AS
  SELECT g.st,
    sum(g.nrows) AS nrows,
    sum(g.nvalues) FILTER (WHERE g.p IS NOT NULL) AS nvalues,
    sum(g.nrows - g.nvalues) FILTER (WHERE g.p IS NOT NULL) AS gaps,
    sum(g.nvalues - g.n - g.nonfinite) FILTER (WHERE g.p IS NOT NULL) AS neg,
    sum(g.nonfinite) FILTER (WHERE g.p IS NOT NULL) AS nonfinite,
    sum(g.nrows) FILTER (WHERE g.p IS NULL) AS ignored,
    list(DISTINCT g.parameter) FILTER (WHERE g.p IS NULL AND g.parameter IS NOT NULL) AS params,
    sum(g.nrows) FILTER (WHERE g.day IS NULL) AS bad_dt,
    sum(g.nrows) FILTER (WHERE g.p IS NOT NULL AND g.f IS NULL) AS bad_unit,
    bool_or(g.p IS NOT NULL) AS indexed,
    min(g.day) FILTER (WHERE ${USABLE})::INTEGER AS first_day, max(g.day) FILTER (WHERE ${USABLE})::INTEGER AS last_day
  FROM air_long g GROUP BY g.st`;

/** What the file holds and how many rows of each kind of problem it has, from STATION_STATS_SQL. */
export const STATS_SQL = `
  SELECT coalesce(sum(nrows), 0) AS nrows, coalesce(sum(nvalues), 0) AS nvalues, coalesce(sum(gaps), 0) AS gaps,
    coalesce(sum(neg), 0) AS neg, coalesce(sum(nonfinite), 0) AS nonfinite, coalesce(sum(ignored), 0) AS ignored,
    list_distinct(flatten(list(params))) AS params,
    coalesce(sum(bad_dt), 0) AS bad_dt, coalesce(sum(bad_unit), 0) AS bad_unit,
    coalesce(sum(nrows) FILTER (WHERE st IS NULL), 0) AS bad_st,
    (SELECT count(*) FROM reject_errors)::DOUBLE AS rejected
  FROM air_st_all`;

/** The stations with a pollutant we index, numbered in `st` order (si), with their first and last day. */
export const STATIONS_SQL = `
  CREATE TEMP TABLE air_st AS
  SELECT st, (row_number() OVER (ORDER BY st) - 1)::INTEGER AS si, CAST(st AS VARCHAR) AS ext, first_day, last_day
  FROM air_st_all WHERE indexed`;

/**
 * The usable groups in station, day, parameter and unit order, for readDays to add up into
 * station-days as it reads them: station number si, day number (days since 1970-01-01), k (the
 * pollutant's position in AIR_POLLUTANTS), the unit factor f, the count n, sum s and maximum mx
 * of the valid values (in the file's unit), the hour mask, and the group's row id gid (its O3 or
 * CO readings come from READINGS_SQL). No column is NULL, so readDays can read its buffers as
 * they are. One sorted read of the groups costs DuckDB half as much as pivoting them into
 * station-days; the readings' lists are read apart, unsorted, because carrying them through the
 * sort doubled its cost (0.15 s instead of 0.3 s of CPU for a 10M-row file's 418,000 groups).
 * Within a station-day the groups come in (parameter, units) order, sorted by the integer pu.
 */
export const STATION_DAY_GROUPS_SQL = `
  SELECT sx.si, g.day::INTEGER AS day, (CASE g.p ${AIR_POLLUTANTS.map((p, k) => `WHEN '${p}' THEN ${k}`).join(" ")} END)::INTEGER AS k,
    g.f, g.n, g.s, g.mx, g.mask, g.gid
  FROM air_long g JOIN air_st sx ON sx.st = g.st
  WHERE ${USABLE}
  ORDER BY sx.si, g.day, g.pu`;

/** The groups' O3 and CO readings as (hour, value) pairs, by the group's row id gid (as in air_long), in no order. */
export const READINGS_SQL = `SELECT rowid::INTEGER AS gid, lhv FROM air_groups WHERE lhv IS NOT NULL`;
