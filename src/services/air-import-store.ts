import type { Kysely } from "kysely";
import { AirAnnualRepository } from "../db/repositories/air-annual.repository.js";
import { AirDailyRepository, type AirDayRecord, type BulkWrites, type DayInserter } from "../db/repositories/air-daily.repository.js";
import { AirStationRepository } from "../db/repositories/air-station.repository.js";
import { CityRepository, ObservationRepository, SourceRepository } from "../db/index.js";
import type { DatabaseSchema } from "../db/schema.js";
import type { AirDay, AirFormat, AirImportResult, AirStation } from "../domain/air.js";
import type { Observation } from "../domain/observation.js";
import { InvalidInputError } from "../errors.js";
import { namedParam } from "../problem-codes.js";
import type { AqiTables } from "../engines/aqi/index.js";
import type { AirAggregate, RawStation } from "../ingest/air-duckdb.js";
import { AnnualRecords, annualRecords, CityDays } from "./air-days.js";
import { AIR_RULES, loadAirReference } from "./air-reference.js";
import { resolveSources } from "./resolve-sources.js";

/** Annual means computed from a city's own hourly measurements: measured, no place to match. */
const MEASURED = { place: null, match: null, basis: "measured", quality: null } as const;

const OBSERVED = [
  ["pm25", "air.pm25_annual"],
  ["pm10", "air.pm10_annual"],
  ["no2", "air.no2_annual"],
] as const;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** What an air import writes for, as known once DuckDB has read the file. */
export interface AirImportTarget {
  format: AirFormat;
  city: string;
  /** The file's stations with their citybridge ids (stations without a station-day are left out of the writes). */
  stations: (RawStation & { id: string })[];
  /** A source id or citation named by the importer, else the format's source. */
  source: string | undefined;
  defaultSource: string;
  importedBy: string;
  importedAt: string;
}

/**
 * The transaction of an air import, opened before the station-days are computed so that they are
 * written as they come: it checks the stations, removes the stored days the file replaces and
 * reads the city's other station-days. Each of the file's station-days is then `add`ed: written,
 * and added to the city's means and its station's annual summaries (then let go: an import of
 * millions of rows keeps no station-day). `finish` writes the city's days, the annual
 * summaries, the stations and the city's observations; the caller commits.
 */
export class AirImportStore {
  /** The city's means over its stations: the stored station-days the file leaves, then the file's. */
  private readonly city = new CityDays();
  /** Annual summaries of each station of the file: its stored days the file leaves, then the file's. */
  private readonly annual = new Map<string, AnnualRecords>();
  private readonly counts = new Map<string, { days: number; first: string; last: string }>();
  private readonly years = new Set<number>();
  private yearPrefix = "";
  private lastStation: { id: string; annual: AnnualRecords; count: { days: number; first: string; last: string } | undefined } | null = null;
  /** How many of the file's station-days were added. */
  stationDays = 0;

  private constructor(
    private readonly trx: Kysely<DatabaseSchema>,
    private readonly bulk: BulkWrites | undefined,
    private readonly target: AirImportTarget,
    /** The source every day of the file is stored with. */
    readonly source: string,
    /** The city's station-days the file does not replace. */
    kept: (AirDay & { station: string })[],
    private readonly days: DayInserter,
  ) {
    const limitSets = loadAirReference().limitSets;
    for (const s of target.stations) if (s.firstDate !== null) this.annual.set(s.id, new AnnualRecords(limitSets));
    for (const d of kept) {
      this.city.add(d);
      this.annual.get(d.station)?.add(d);
    }
  }

  static async open(trx: Kysely<DatabaseSchema>, bulk: BulkWrites | undefined, target: AirImportTarget): Promise<AirImportStore> {
    const reference = loadAirReference();
    const sourcesRepo = new SourceRepository(trx);
    await sourcesRepo.upsertMany(reference.sources, target.importedAt);
    const source = target.source ? (await resolveSources(sourcesRepo, [target.source], target.importedAt)).get(target.source)! : target.defaultSource;
    const stationsRepo = new AirStationRepository(trx);
    for (const existing of await stationsRepo.byIds(target.stations.map((s) => s.id))) {
      if (existing.city !== target.city) {
        const names = (await new CityRepository(trx).get(existing.city))?.names;
        throw new InvalidInputError(`station ${existing.id} belongs to ${existing.city}; nothing was imported`, [
          { column: "city", value: target.city, message: `station ${existing.name} is already stored for ${existing.city}` },
        ], undefined, { code: "air.station_other_city", params: { station: existing.id, ...namedParam("city", existing.city, names) } });
      }
    }
    // The range of dates each station's file covers: those stored days are replaced.
    const ranges = target.stations.filter((s) => s.firstDate !== null).map((s) => ({ station: s.id, from: s.firstDate!, to: s.lastDate! }));
    const from = `${ranges.map((r) => r.from).sort()[0]!.slice(0, 4)}-01-01`;
    const to = `${ranges.map((r) => r.to).sort().at(-1)!.slice(0, 4)}-12-31`;
    const daily = new AirDailyRepository(trx, bulk);
    const kept = await daily.stationDaysOfCity(target.city, from, to, ranges);
    for (const r of ranges) await daily.deleteStationDays(r.station, r.from, r.to);
    return new AirImportStore(trx, bulk, target, source, kept, daily.inserter());
  }

  /** Writes one of the file's station-days (subject: its station) and counts it in the city's and the station's summaries. */
  add(day: AirDayRecord): void {
    this.days.add(day);
    this.city.add(day);
    // The file's days come station by station: the station's entries are looked up when it changes.
    let at = this.lastStation;
    if (at === null || at.id !== day.subject) {
      let annual = this.annual.get(day.subject);
      if (!annual) this.annual.set(day.subject, (annual = new AnnualRecords(loadAirReference().limitSets)));
      at = this.lastStation = { id: day.subject, annual, count: this.counts.get(day.subject) };
    }
    at.annual.add(day);
    const c = at.count;
    if (!c) this.counts.set(day.subject, (at.count = { days: 1, first: day.date, last: day.date }));
    else {
      c.days++;
      if (day.date < c.first) c.first = day.date;
      if (day.date > c.last) c.last = day.date;
    }
    if (!day.date.startsWith(this.yearPrefix) || this.yearPrefix === "") {
      this.yearPrefix = day.date.slice(0, 4);
      this.years.add(Number(this.yearPrefix));
    }
    this.stationDays++;
  }

  /** Writes the city's days, the annual summaries, the stations and the observations, once the file's station-days are all added. */
  async finish(tables: AqiTables): Promise<Omit<AirImportResult, keyof AirAggregate["stats"]>> {
    const { trx, target, counts } = this;
    const { city, importedAt } = target;
    const reference = loadAirReference();
    await this.days.done();
    const cityOwner = { scope: "city" as const, subject: city, city, importedAt };
    const cityRecords = this.city.records(cityOwner, tables);
    await new AirDailyRepository(trx, this.bulk).upsert(cityRecords);
    const annualRows = annualRecords(cityRecords, reference.limitSets, cityOwner);
    for (const [id, annual] of this.annual) if (counts.has(id)) annualRows.push(...annual.records({ scope: "station", subject: id, city, importedAt }));
    await new AirAnnualRepository(trx).upsert(annualRows);

    const stationsRepo = new AirStationRepository(trx);
    const stations: AirStation[] = [];
    const ranges = await stationsRepo.dayRanges(target.stations.map((s) => s.id));
    for (const raw of target.stations) {
      const range = ranges.get(raw.id);
      if (!range) continue;
      stations.push({ id: raw.id, city, name: raw.name, format: target.format, externalId: raw.externalId, lat: raw.lat, lon: raw.lon, source: this.source, firstDate: range.first, lastDate: range.last, days: range.days, importedBy: target.importedBy, importedAt });
    }
    await stationsRepo.upsert(stations);

    // Complete annual means become the city's indicator observations.
    const observations: Observation[] = [];
    const stationNames = (await stationsRepo.forCity(city)).map((s) => s.name).join(", ");
    for (const a of annualRows.filter((r) => r.scope === "city")) {
      const note = (what: string, days: number) =>
        `${what} of ${days} daily values (completeness: GB 3095-2012 Table 4), city mean of stations ${stationNames}; computed by citybridge from hourly data (${a.sources.join(", ")})`;
      const source = a.sources[0] ?? this.source;
      for (const [p, indicator] of OBSERVED) {
        const v = a.pollutants[p];
        if (v?.complete && v.mean !== null) observations.push({ city, indicator, period: String(a.year), value: round1(v.mean), source, note: note("annual mean", v.days), importedBy: target.importedBy, importedAt, ...MEASURED });
      }
      if (a.aqiComplete && a.goodDaysShare !== null) {
        observations.push({ city, indicator: "air.good_days_share", period: String(a.year), value: round1(a.goodDaysShare), source, note: note(`days with China's AQI ≤ 100 (${a.goodDays})`, a.aqiDays), importedBy: target.importedBy, importedAt, ...MEASURED });
      }
    }
    await new ObservationRepository(trx).upsert(observations);

    return {
      format: target.format,
      city,
      source: this.source,
      stations: stations.filter((s) => counts.has(s.id)).map((s) => ({ id: s.id, name: s.name, days: counts.get(s.id)!.days, firstDate: counts.get(s.id)!.first, lastDate: counts.get(s.id)!.last })),
      stationDays: this.stationDays,
      cityDays: cityRecords.length,
      years: [...this.years].sort((a, b) => a - b),
      observations: observations.map((o) => ({ indicator: o.indicator, period: o.period, value: o.value })),
      rules: AIR_RULES,
    };
  }
}
