import type { Kysely } from "kysely";
import type { AirFormat, AirStation } from "../../domain/air.js";
import type { AirStationsTable, DatabaseSchema } from "../schema.js";

function toStation(r: AirStationsTable): AirStation {
  return {
    id: r.id,
    city: r.city_slug,
    name: r.name,
    format: r.format as AirFormat,
    externalId: r.external_id,
    lat: r.lat,
    lon: r.lon,
    source: r.source_id,
    firstDate: r.first_date,
    lastDate: r.last_date,
    days: r.days,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  };
}

export class AirStationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async forCity(city: string): Promise<AirStation[]> {
    return (await this.db.selectFrom("air_stations").selectAll().where("city_slug", "=", city).orderBy("name").execute()).map(toStation);
  }

  async byIds(ids: string[]): Promise<AirStation[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom("air_stations").selectAll().where("id", "in", ids).execute()).map(toStation);
  }

  /** Inserts stations or updates them (name, coordinates, source, dates, days, importer). */
  async upsert(stations: AirStation[]): Promise<void> {
    if (stations.length === 0) return;
    await this.db
      .insertInto("air_stations")
      .values(
        stations.map((s) => ({
          id: s.id,
          city_slug: s.city,
          name: s.name,
          format: s.format,
          external_id: s.externalId,
          lat: s.lat,
          lon: s.lon,
          source_id: s.source,
          first_date: s.firstDate,
          last_date: s.lastDate,
          days: s.days,
          imported_by: s.importedBy,
          imported_at: s.importedAt,
        })),
      )
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          lat: eb.ref("excluded.lat"),
          lon: eb.ref("excluded.lon"),
          source_id: eb.ref("excluded.source_id"),
          first_date: eb.ref("excluded.first_date"),
          last_date: eb.ref("excluded.last_date"),
          days: eb.ref("excluded.days"),
          imported_by: eb.ref("excluded.imported_by"),
          imported_at: eb.ref("excluded.imported_at"),
        })),
      )
      .execute();
  }

  /** The number of each station's stored days and their first and last date (stations without a stored day are left out). */
  async dayRanges(ids: readonly string[]): Promise<Map<string, { days: number; first: string; last: string }>> {
    const out = new Map<string, { days: number; first: string; last: string }>();
    // A thousand ids a query: far below SQLite's and PostgreSQL's limits on parameters.
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db
        .selectFrom("air_daily")
        .select((eb) => ["subject", eb.fn.min("date").as("first"), eb.fn.max("date").as("last"), eb.cast(eb.fn.countAll(), "integer").as("days")])
        .where("scope", "=", "station")
        .where("subject", "in", ids.slice(i, i + 1000))
        .groupBy("subject")
        .execute();
      for (const r of rows) out.set(r.subject, { days: Number(r.days), first: r.first, last: r.last });
    }
    return out;
  }
}
