import { AirAnnualRepository } from "../db/repositories/air-annual.repository.js";
import { AirDailyRepository, type AirDayRecord } from "../db/repositories/air-daily.repository.js";
import { AirStationRepository } from "../db/repositories/air-station.repository.js";
import { ObservationRepository, SourceRepository } from "../db/index.js";
import type { AirDay, AirFormat, AirImportResult, AirStation } from "../domain/air.js";
import type { CityPoint } from "../domain/city.js";
import type { Observation } from "../domain/observation.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { AqiTables } from "../engines/aqi/index.js";
import { aggregateAirFile, type AggregateOptions, type RawStation } from "../ingest/air-duckdb.js";
import { detectAirFormat, headerProblems, readCsvHeader } from "../ingest/air-header.js";
import { locateAirProblems } from "../ingest/air-problems.js";
import { annualRecords, cityDays, completeDay, dayRecord } from "./air-days.js";
import { AIR_RULES, loadAirReference } from "./air-reference.js";
import { loadAqiTables } from "./aqi-tables.js";
import type { AppContext } from "./context.js";
import { nearestCity } from "./nearest-city.js";
import { resolveSources } from "./resolve-sources.js";

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
   * Called when each phase ends, with its duration: DuckDB's aggregation (with reading its groups),
   * the indices of the station-days (computed while the groups are read, reported on their own),
   * the transaction (city days, annual summaries and every write).
   */
  onPhase?: (phase: AirImportPhase, ms: number) => void;
}

export type AirImportPhase = "aggregate" | "compute" | "write";

const DEFAULT_SOURCE: Record<AirFormat, string> = { openaq: "openaq", uci: "uci-beijing-multisite" };
const OBSERVED = [
  ["pm25", "air.pm25_annual"],
  ["pm10", "air.pm10_annual"],
  ["no2", "air.no2_annual"],
] as const;

const stationId = (format: AirFormat, externalId: string): string =>
  `${format}-${externalId.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The city within 30 km of the stations' mean position. */
function cityNear(located: RawStation[], points: CityPoint[]): string {
  const at = { lat: located.reduce((a, s) => a + s.lat!, 0) / located.length, lon: located.reduce((a, s) => a + s.lon!, 0) / located.length };
  const near = located.length > 0 ? nearestCity(points, at, 30) : null;
  if (!near) throw new InvalidInputError("no city lies within 30 km of the stations: name the city", [{ column: "city", message: "is required (no city within 30 km of the stations)" }]);
  return near.city.slug;
}

/** Reads the header, picks the format and checks the city: every problem before the file is read. */
async function prepare(ctx: AppContext, props: ImportAirProps): Promise<{ header: string[]; format: AirFormat }> {
  const header = readCsvHeader(props.path);
  const format = props.format ?? detectAirFormat(header);
  if (!format) {
    throw new InvalidInputError("the header is neither an OpenAQ archive file nor a UCI Beijing file; nothing was imported", [
      { row: 1, message: "expected location_id,sensors_id,location,datetime,lat,lon,parameter,units,value (OpenAQ) or year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,…,station (UCI)" },
    ]);
  }
  const problems = headerProblems(header, format);
  if (problems.length > 0) throw new InvalidInputError("the header row is not usable; nothing was imported", problems);
  if (props.city !== undefined && !(await ctx.cities.get(props.city))) throw new NotFoundError(`no city with slug "${props.city}"`);
  if (props.city === undefined && format === "uci") throw new InvalidInputError("UCI files carry no coordinates: name the city", [{ column: "city", message: "is required for UCI files (e.g. --city beijing-cn)" }]);
  return { header, format };
}

/**
 * Imports hourly air-quality measurements (OpenAQ archive CSV or the UCI Beijing wide format):
 * DuckDB aggregates the file into daily values per station, the completeness rules and the three
 * indices are applied, and in one transaction the stations, their days, the city's days (mean over
 * its stations), the annual summaries and the city's annual `air.*` observations are stored.
 * A file with any problem row is rejected with every problem named and nothing is written.
 * Importing the same file again changes no figure.
 */
export async function importAir(ctx: AppContext, props: ImportAirProps): Promise<AirImportResult> {
  const { header, format } = await prepare(ctx, props);
  let mark = performance.now();
  /** Ends a phase; `overlapped` is time spent in it on the next phase's work (the indices, computed as DuckDB's groups are read). */
  const phase = (name: AirImportPhase, overlapped = 0) => {
    const now = performance.now();
    props.onPhase?.(name, now - mark - overlapped);
    mark = now - overlapped;
  };
  const importedAt = (props.now ?? new Date()).toISOString();
  let found = props.city;
  let tablesUsed: AqiTables | null = null;
  let computeMs = 0;
  // Each station-day gets its indices as DuckDB's groups are read (the raw days are never all
  // held at once). The city is settled at the first day: a file without days is rejected for
  // that first, as it would be otherwise.
  const agg = await aggregateAirFile(props.path, format, header, props.duckdb ?? {}, async (stations) => {
    const ids = new Map(stations.map((s) => [s.externalId, stationId(format, s.externalId)]));
    const located = stations.filter((s) => s.lat !== null && s.lon !== null);
    const points = found === undefined && located.length > 0 ? await ctx.cities.points() : [];
    const aqiTables = (tablesUsed = loadAqiTables());
    return (raw): AirDayRecord => {
      const t = performance.now();
      found ??= cityNear(located, points);
      const day = dayRecord(completeDay(raw), 1, [], { scope: "station", subject: ids.get(raw.station)!, city: found, importedAt }, aqiTables);
      computeMs += performance.now() - t;
      return day;
    };
  });
  const flagged = Object.values(agg.problems).reduce((a, b) => a + b, 0);
  if (flagged > 0) {
    const located = await locateAirProblems(props.path, format);
    const total = Math.max(located.total, 1);
    throw new InvalidInputError(`${total} problem${total === 1 ? "" : "s"} in the file; nothing was imported`, located.problems.length > 0 ? located.problems : [{ message: `${flagged} rows could not be read` }], total);
  }
  const city = found;
  const tables = tablesUsed as AqiTables | null;
  if (agg.days.length === 0 || city === undefined || tables === null) throw new InvalidInputError("the file has no values of PM2.5, PM10, SO2, NO2, CO or O3; nothing was imported", [{ message: "no measurements" }]);
  const reference = loadAirReference();
  const cityOwner = { scope: "city" as const, subject: city, city, importedAt };
  // Station days with their indices; the source id is filled in once it is resolved.
  const stationDays: AirDayRecord[] = agg.days;
  const ids = new Map(agg.stations.map((s) => [s.externalId, stationId(format, s.externalId)]));
  phase("aggregate", computeMs);
  phase("compute");

  const result = await ctx.database.db.transaction().execute(async (trx) => {
    const sourcesRepo = new SourceRepository(trx);
    await sourcesRepo.upsertMany(reference.sources, importedAt);
    const source = props.source ? (await resolveSources(sourcesRepo, [props.source], importedAt)).get(props.source)! : DEFAULT_SOURCE[format];
    const sources = [source];
    for (const d of stationDays) d.sources = sources;
    const stationsRepo = new AirStationRepository(trx);
    const daily = new AirDailyRepository(trx, ctx.database.sqlite);
    const annual = new AirAnnualRepository(trx);

    for (const existing of await stationsRepo.byIds([...ids.values()])) {
      if (existing.city !== city) throw new InvalidInputError(`station ${existing.id} belongs to ${existing.city}; nothing was imported`, [{ column: "city", value: city, message: `station ${existing.name} is already stored for ${existing.city}` }]);
    }

    // The range of dates each station's file covers: those stored days are replaced.
    const ranges = new Map<string, { station: string; from: string; to: string }>();
    const counts = new Map<string, number>();
    for (const d of stationDays) {
      counts.set(d.subject, (counts.get(d.subject) ?? 0) + 1);
      const r = ranges.get(d.subject);
      if (!r) ranges.set(d.subject, { station: d.subject, from: d.date, to: d.date });
      else if (d.date > r.to) r.to = d.date;
      else if (d.date < r.from) r.from = d.date;
    }
    const years = [...new Set(stationDays.map((d) => Number(d.date.slice(0, 4))))].sort();
    const from = `${years[0]}-01-01`;
    const to = `${years[years.length - 1]}-12-31`;
    const kept = await daily.stationDaysOfCity(city, from, to, [...ranges.values()]);
    for (const r of ranges.values()) await daily.deleteStationDays(r.station, r.from, r.to);
    await daily.upsert(stationDays);

    // The city's days and every annual summary of the years the file touches.
    const all: (AirDay & { station: string })[] = kept;
    for (const d of stationDays) all.push(Object.assign(d, { station: d.subject }));
    const cityRecords = cityDays(all, cityOwner, tables);
    await daily.upsert(cityRecords);
    const limitSets = reference.limitSets;
    const annualRows = annualRecords(cityRecords, limitSets, cityOwner);
    const byStation = new Map<string, AirDay[]>();
    for (const d of all) if (ranges.has(d.station)) (byStation.get(d.station) ?? byStation.set(d.station, []).get(d.station)!).push(d);
    for (const [id, days] of byStation) annualRows.push(...annualRecords(days, limitSets, { scope: "station", subject: id, city, importedAt }));
    await annual.upsert(annualRows);

    const stations: AirStation[] = [];
    for (const raw of agg.stations) {
      const id = ids.get(raw.externalId)!;
      const range = await stationsRepo.dayRange(id);
      if (range.days === 0) continue;
      stations.push({ id, city, name: raw.name, format, externalId: raw.externalId, lat: raw.lat, lon: raw.lon, source, firstDate: range.first!, lastDate: range.last!, days: range.days, importedBy: props.importedBy, importedAt });
    }
    await stationsRepo.upsert(stations);

    // Complete annual means become the city's indicator observations.
    const observations: Observation[] = [];
    const stationNames = (await stationsRepo.forCity(city)).map((s) => s.name).join(", ");
    for (const a of annualRows.filter((r) => r.scope === "city")) {
      const note = (what: string, days: number) =>
        `${what} of ${days} daily values (completeness: GB 3095-2012 Table 4), city mean of stations ${stationNames}; computed by citybridge from hourly data (${a.sources.join(", ")})`;
      for (const [p, indicator] of OBSERVED) {
        const v = a.pollutants[p];
        if (v?.complete && v.mean !== null) observations.push({ city, indicator, period: String(a.year), value: round1(v.mean), source: a.sources[0] ?? source, note: note("annual mean", v.days), importedBy: props.importedBy, importedAt });
      }
      if (a.aqiComplete && a.goodDaysShare !== null) {
        observations.push({ city, indicator: "air.good_days_share", period: String(a.year), value: round1(a.goodDaysShare), source: a.sources[0] ?? source, note: note(`days with China's AQI ≤ 100 (${a.goodDays})`, a.aqiDays), importedBy: props.importedBy, importedAt });
      }
    }
    await new ObservationRepository(trx).upsert(observations);

    return {
      format,
      city,
      source,
      ...agg.stats,
      stations: stations.map((s) => ({ id: s.id, name: s.name, days: counts.get(s.id) ?? 0, firstDate: ranges.get(s.id)!.from, lastDate: ranges.get(s.id)!.to })),
      stationDays: stationDays.length,
      cityDays: cityRecords.length,
      years,
      observations: observations.map((o) => ({ indicator: o.indicator, period: o.period, value: o.value })),
      rules: AIR_RULES,
    };
  });
  phase("write");
  return result;
}
