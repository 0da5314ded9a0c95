import type { Kysely } from "kysely";
import { AirAnnualRepository } from "../db/repositories/air-annual.repository.js";
import { AirDailyRepository, type AirDayRecord, type BulkWrites, type DayInserter } from "../db/repositories/air-daily.repository.js";
import { AirStationRepository } from "../db/repositories/air-station.repository.js";
import { ObservationRepository, SourceRepository } from "../db/index.js";
import type { DatabaseSchema } from "../db/schema.js";
import type { AirDay, AirFormat, AirImportResult, AirStation } from "../domain/air.js";
import type { Observation } from "../domain/observation.js";
import { InvalidInputError } from "../errors.js";
import type { AqiTables } from "../engines/aqi/index.js";
import type { AirAggregate, RawStation } from "../ingest/air-duckdb.js";
import { annualRecords, cityDays } from "./air-days.js";
import { AIR_RULES, loadAirReference } from "./air-reference.js";
import { resolveSources } from "./resolve-sources.js";

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
 * keeps the city's other station-days (for the city's means). `finish` adds the city's days,
 * the annual summaries, the stations and the city's observations; the caller commits.
 */
export class AirImportStore {
  private constructor(
    private readonly trx: Kysely<DatabaseSchema>,
    private readonly bulk: BulkWrites | undefined,
    private readonly target: AirImportTarget,
    /** The source every day of the file is stored with. */
    readonly source: string,
    /** The city's station-days the file does not replace. */
    private readonly kept: (AirDay & { station: string })[],
    readonly days: DayInserter,
  ) {}

  static async open(trx: Kysely<DatabaseSchema>, bulk: BulkWrites | undefined, target: AirImportTarget): Promise<AirImportStore> {
    const reference = loadAirReference();
    const sourcesRepo = new SourceRepository(trx);
    await sourcesRepo.upsertMany(reference.sources, target.importedAt);
    const source = target.source ? (await resolveSources(sourcesRepo, [target.source], target.importedAt)).get(target.source)! : target.defaultSource;
    const stationsRepo = new AirStationRepository(trx);
    for (const existing of await stationsRepo.byIds(target.stations.map((s) => s.id))) {
      if (existing.city !== target.city) {
        throw new InvalidInputError(`station ${existing.id} belongs to ${existing.city}; nothing was imported`, [
          { column: "city", value: target.city, message: `station ${existing.name} is already stored for ${existing.city}` },
        ]);
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

  /** Writes the city's days, the annual summaries, the stations and the observations, after the file's station-days (all given to `days`). */
  async finish(stationDays: AirDayRecord[], tables: AqiTables): Promise<Omit<AirImportResult, keyof AirAggregate["stats"]>> {
    const { trx, target } = this;
    const { city, importedAt } = target;
    const reference = loadAirReference();
    await this.days.done();
    const cityOwner = { scope: "city" as const, subject: city, city, importedAt };
    const all: (AirDay & { station: string })[] = this.kept;
    const counts = new Map<string, { days: number; first: string; last: string }>();
    for (const d of stationDays) {
      all.push(Object.assign(d, { station: d.subject }));
      const c = counts.get(d.subject);
      if (!c) counts.set(d.subject, { days: 1, first: d.date, last: d.date });
      else {
        c.days++;
        if (d.date < c.first) c.first = d.date;
        if (d.date > c.last) c.last = d.date;
      }
    }
    const cityRecords = cityDays(all, cityOwner, tables);
    await new AirDailyRepository(trx, this.bulk).upsert(cityRecords);
    const annualRows = annualRecords(cityRecords, reference.limitSets, cityOwner);
    const byStation = new Map<string, AirDay[]>();
    for (const d of all) if (counts.has(d.station)) (byStation.get(d.station) ?? byStation.set(d.station, []).get(d.station)!).push(d);
    for (const [id, days] of byStation) annualRows.push(...annualRecords(days, reference.limitSets, { scope: "station", subject: id, city, importedAt }));
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
        if (v?.complete && v.mean !== null) observations.push({ city, indicator, period: String(a.year), value: round1(v.mean), source, note: note("annual mean", v.days), importedBy: target.importedBy, importedAt });
      }
      if (a.aqiComplete && a.goodDaysShare !== null) {
        observations.push({ city, indicator: "air.good_days_share", period: String(a.year), value: round1(a.goodDaysShare), source, note: note(`days with China's AQI ≤ 100 (${a.goodDays})`, a.aqiDays), importedBy: target.importedBy, importedAt });
      }
    }
    await new ObservationRepository(trx).upsert(observations);

    return {
      format: target.format,
      city,
      source: this.source,
      stations: stations.filter((s) => counts.has(s.id)).map((s) => ({ id: s.id, name: s.name, days: counts.get(s.id)!.days, firstDate: counts.get(s.id)!.first, lastDate: counts.get(s.id)!.last })),
      stationDays: stationDays.length,
      cityDays: cityRecords.length,
      years: [...new Set(stationDays.map((d) => Number(d.date.slice(0, 4))))].sort(),
      observations: observations.map((o) => ({ indicator: o.indicator, period: o.period, value: o.value })),
      rules: AIR_RULES,
    };
  }
}
