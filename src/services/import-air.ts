import type { ControlledTransaction } from "kysely";
import type { BulkWrites } from "../db/repositories/air-daily.repository.js";
import type { DatabaseSchema } from "../db/schema.js";
import { holdConnection, openSqliteWriter, type SqliteWriter } from "../db/sqlite-writer.js";
import type { AirFormat, AirImportResult } from "../domain/air.js";
import type { CityPoint } from "../domain/city.js";
import { InvalidInputError, notFound } from "../errors.js";
import { aggregateAirFile, type AggregateOptions, type RawStation } from "../ingest/air-duckdb.js";
import { detectAirFormat, headerProblems, readCsvHeader } from "../ingest/air-header.js";
import { locateAirProblems } from "../ingest/air-problems.js";
import { completeDay, dayRecord } from "./air-days.js";
import { AirImportStore } from "./air-import-store.js";
import { loadAqiTables } from "./aqi-tables.js";
import type { AppContext } from "./context.js";
import { nearestCity } from "./nearest-city.js";

export interface ImportAirProps {
  /** The CSV file (the API spools uploads to a temporary file first). */
  path: string;
  /** City slug; optional for OpenAQ files, whose stations' coordinates find the nearest city within 30 km. */
  city?: string;
  /** openaq or uci; detected from the header when not given. */
  format?: AirFormat;
  /** A source id or a citation; defaults to the format's source (OpenAQ, or the UCI Beijing data set). */
  source?: string;
  /** Who imported it (`cli:alice`, `api`, `seed`). */
  importedBy: string;
  now?: Date;
  /** DuckDB settings (memory limit, threads). */
  duckdb?: AggregateOptions;
  /**
   * Called when each phase ends, with its duration: loading DuckDB, its pass over the file, the
   * checks (counts, problems, stations and their names, the transaction opened), the sorted
   * station-day groups, the station-days (added up, indexed and handed to the writer one by
   * one), the rest of the transaction (waiting for the writer, city days, annual summaries,
   * stations, commit).
   */
  onPhase?: (phase: AirImportPhase, ms: number) => void;
}

export type AirImportPhase = "load" | "pass" | "checks" | "groups" | "compute" | "write";

const DEFAULT_SOURCE: Record<AirFormat, string> = { openaq: "openaq", uci: "uci-beijing-multisite" };

const stationId = (format: AirFormat, externalId: string): string =>
  `${format}-${externalId.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;

/** The city within 30 km of the stations' mean position. */
function cityNear(located: RawStation[], points: CityPoint[]): string {
  const at = { lat: located.reduce((a, s) => a + s.lat!, 0) / located.length, lon: located.reduce((a, s) => a + s.lon!, 0) / located.length };
  const near = located.length > 0 ? nearestCity(points, at, 30) : null;
  if (!near) throw new InvalidInputError("no city lies within 30 km of the stations: name the city", [{ column: "city", message: "is required (no city within 30 km of the stations)" }], undefined, { code: "air.no_city_near", params: { km: 30 } });
  return near.city.slug;
}

/** Reads the header, picks the format and checks the city: every problem before the file is read. */
async function prepare(ctx: AppContext, props: ImportAirProps): Promise<{ header: string[]; format: AirFormat }> {
  const header = readCsvHeader(props.path);
  const format = props.format ?? detectAirFormat(header);
  if (!format) {
    throw new InvalidInputError("the header is neither an OpenAQ archive file nor a UCI Beijing file; nothing was imported", [
      { row: 1, message: "expected location_id,sensors_id,location,datetime,lat,lon,parameter,units,value (OpenAQ) or year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,…,station (UCI)" },
    ], undefined, { code: "air.unknown_format" });
  }
  const problems = headerProblems(header, format);
  if (problems.length > 0) throw new InvalidInputError("the header row is not usable; nothing was imported", problems, undefined, { code: "import.header_unusable" });
  if (props.city !== undefined && !(await ctx.cities.get(props.city))) throw notFound("city", props.city);
  if (props.city === undefined && format === "uci") throw new InvalidInputError("UCI files carry no coordinates: name the city", [{ column: "city", message: "is required for UCI files (e.g. --city beijing-cn)" }], undefined, { code: "air.uci_needs_city" });
  return { header, format };
}

/**
 * Where the import's transaction writes. A SQLite file gets a second connection writing in a
 * worker thread (the station-days are written while the next are computed); the main connection
 * is held meanwhile, so that the process's other queries wait for the import instead of meeting
 * a locked database. An in-memory SQLite database writes through its own handle, PostgreSQL
 * through Kysely.
 */
async function writeTarget(ctx: AppContext, writer: SqliteWriter | null): Promise<{ trx: ControlledTransaction<DatabaseSchema>; bulk?: BulkWrites; release: () => void }> {
  if (writer) {
    const release = await holdConnection(ctx.database.db);
    try {
      return { trx: await writer.db.startTransaction().execute(), bulk: { writer }, release };
    } catch (e) {
      release();
      throw e;
    }
  }
  const trx = await ctx.database.db.startTransaction().execute();
  return { trx, bulk: ctx.database.sqlite ? { sqlite: ctx.database.sqlite } : undefined, release: () => {} };
}

const isFile = (location: string): boolean => location !== "" && location !== ":memory:" && !location.startsWith("file::memory:");

/**
 * Imports hourly air-quality measurements (OpenAQ archive CSV or the UCI Beijing wide format):
 * DuckDB aggregates the file into daily values per station, the completeness rules and the three
 * indices are applied, and in one transaction the stations, their days, the city's days (mean over
 * its stations), the annual summaries and the city's annual `air.*` observations are stored.
 * The transaction opens once the file is known to have no problem row, and the station-days are
 * written as they are computed. A file with any problem row is rejected with every problem named
 * and nothing is written. Importing the same file again changes no figure.
 */
export async function importAir(ctx: AppContext, props: ImportAirProps): Promise<AirImportResult> {
  const { header, format } = await prepare(ctx, props);
  let mark = performance.now();
  const phase = (name: AirImportPhase) => {
    const now = performance.now();
    props.onPhase?.(name, now - mark);
    mark = now;
  };
  const importedAt = (props.now ?? new Date()).toISOString();
  const writer = ctx.database.dialect === "sqlite" && isFile(ctx.database.location) ? openSqliteWriter(ctx.database.location) : null;
  // Set once the file is known to be good and the transaction is open.
  const open: { target: Awaited<ReturnType<typeof writeTarget>> | null; store: AirImportStore | null } = { target: null, store: null };
  try {
    const aqiTables = loadAqiTables();
    const agg = await aggregateAirFile(props.path, format, header, { ...props.duckdb, onStep: phase }, async (found) => {
      const stations = found.map((s) => ({ ...s, id: stationId(format, s.externalId) }));
      // A file without station-days opens no transaction: it is rejected below.
      if (!stations.some((s) => s.firstDate !== null)) return () => null;
      const located = stations.filter((s) => s.lat !== null && s.lon !== null);
      const city = props.city ?? cityNear(located, await ctx.cities.points());
      const target = (open.target = await writeTarget(ctx, writer));
      const store = (open.store = await AirImportStore.open(target.trx, target.bulk, { format, city, stations, source: props.source, defaultSource: DEFAULT_SOURCE[format], importedBy: props.importedBy, importedAt }));
      const ids = new Map(stations.map((s) => [s.externalId, s.id]));
      const sources = [store.source];
      phase("checks");
      return (raw): null => {
        store.add(dayRecord(completeDay(raw), 1, sources, { scope: "station", subject: ids.get(raw.station)!, city, importedAt }, aqiTables));
        return null;
      };
    });
    const flagged = Object.values(agg.problems).reduce((a, b) => a + b, 0);
    if (flagged > 0) {
      const located = await locateAirProblems(props.path, format);
      const total = Math.max(located.total, 1);
      throw new InvalidInputError(`${total} problem${total === 1 ? "" : "s"} in the file; nothing was imported`, located.problems.length > 0 ? located.problems : [{ message: `${flagged} rows could not be read` }], total, { code: "import.nothing_imported", params: { count: total } });
    }
    const { target, store } = open;
    if (store === null || target === null || store.stationDays === 0) throw new InvalidInputError("the file has no values of PM2.5, PM10, SO2, NO2, CO or O3; nothing was imported", [{ message: "no measurements" }], undefined, { code: "air.no_measurements" });
    phase("compute");
    const written = await store.finish(aqiTables);
    await target.trx.commit().execute();
    phase("write");
    const { format: f, city, source, ...rest } = written;
    return { format: f, city, source, ...agg.stats, ...rest };
  } catch (e) {
    const trx = open.target?.trx;
    if (trx && !trx.isCommitted) await trx.rollback().execute().catch(() => {});
    throw e;
  } finally {
    open.target?.release();
    await writer?.close();
  }
}
