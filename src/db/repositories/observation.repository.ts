import { type Kysely, sql } from "kysely";
import type { Observation, Provenance } from "../../domain/observation.js";

/** An observation to store: provenance fields left out are stored as null (a user's own figure). */
export type ObservationInput = Omit<Observation, keyof Provenance> & Partial<Provenance>;
import type { DatabaseSchema, ObservationsTable } from "../schema.js";

export interface ObservationFilter {
  city?: string;
  indicator?: string;
}

/** The key of an observation: one row per (city, indicator, period, source). */
export type ObservationKey = Pick<Observation, "city" | "indicator" | "period" | "source">;

/** How much data an indicator (or a theme) has: cities with at least one value, values, first and last period. */
export interface Coverage {
  cities: number;
  observations: number;
  first: string | null;
  last: string | null;
}

export interface LatestValue {
  city: string;
  period: string;
  value: number;
  source: string;
}

function toObservation(r: ObservationsTable): Observation {
  return {
    city: r.city_slug,
    indicator: r.indicator_code,
    period: r.period,
    value: r.value,
    source: r.source_id,
    note: r.note,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
    place: r.place,
    match: r.match,
    basis: r.basis as Observation["basis"],
    quality: r.quality,
  };
}

function toRow(o: ObservationInput): ObservationsTable {
  return {
    city_slug: o.city,
    indicator_code: o.indicator,
    period: o.period,
    value: o.value,
    source_id: o.source,
    note: o.note,
    imported_by: o.importedBy,
    imported_at: o.importedAt,
    place: o.place ?? null,
    match: o.match ?? null,
    basis: o.basis ?? null,
    quality: o.quality ?? null,
  };
}

export class ObservationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** A city's observations, by indicator then period then source. */
  async forCity(city: string, indicator?: string): Promise<Observation[]> {
    let q = this.db.selectFrom("observations").selectAll().where("city_slug", "=", city);
    if (indicator) q = q.where("indicator_code", "=", indicator);
    const rows = await q.orderBy("indicator_code").orderBy("period").orderBy("source_id").execute();
    return rows.map(toObservation);
  }

  /** For one indicator, each city's most recent observation (ties on period: first source id). */
  async latest(indicator: string): Promise<LatestValue[]> {
    const ranked = this.db
      .selectFrom("observations")
      .select([
        "city_slug",
        "period",
        "value",
        "source_id",
        sql<number>`row_number() over (partition by city_slug order by period desc, source_id asc)`.as("rn"),
      ])
      .where("indicator_code", "=", indicator)
      .as("ranked");
    const rows = await this.db
      .selectFrom(ranked)
      .select(["city_slug", "period", "value", "source_id"])
      .where("rn", "=", 1)
      .orderBy("city_slug")
      .execute();
    return rows.map((r) => ({ city: r.city_slug, period: r.period, value: r.value, source: r.source_id }));
  }

  /** Per indicator code, its coverage; indicators without data are absent. */
  async coverageByIndicator(): Promise<Map<string, Coverage>> {
    const rows = await this.db
      .selectFrom("observations")
      .select([
        "indicator_code",
        sql<number>`cast(count(distinct city_slug) as integer)`.as("cities"),
        sql<number>`cast(count(*) as integer)`.as("n"),
        sql<string>`min(period)`.as("first"),
        sql<string>`max(period)`.as("last"),
      ])
      .groupBy("indicator_code")
      .execute();
    return new Map(rows.map((r) => [r.indicator_code, { cities: Number(r.cities), observations: Number(r.n), first: r.first, last: r.last }]));
  }

  /** Per theme of the catalogue, its coverage over all of the theme's indicators. */
  async coverageByTheme(): Promise<Map<string, Coverage>> {
    const rows = await this.db
      .selectFrom("observations as o")
      .innerJoin("indicators as i", "i.code", "o.indicator_code")
      .select([
        "i.theme",
        sql<number>`cast(count(distinct o.city_slug) as integer)`.as("cities"),
        sql<number>`cast(count(*) as integer)`.as("n"),
        sql<string>`min(o.period)`.as("first"),
        sql<string>`max(o.period)`.as("last"),
      ])
      .groupBy("i.theme")
      .execute();
    return new Map(rows.map((r) => [r.theme, { cities: Number(r.cities), observations: Number(r.n), first: r.first, last: r.last }]));
  }

  async count(filter: ObservationFilter = {}): Promise<number> {
    let q = this.db.selectFrom("observations").select(sql<number>`cast(count(*) as integer)`.as("n"));
    if (filter.city) q = q.where("city_slug", "=", filter.city);
    if (filter.indicator) q = q.where("indicator_code", "=", filter.indicator);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /**
   * Inserts new observations and updates those whose value, note or provenance changed; rows that are
   * identical to what is stored are left alone. Returns how many rows were inserted or updated.
   * The batch must not repeat a key (PostgreSQL refuses to update a row twice in one statement).
   */
  async upsert(observations: ObservationInput[]): Promise<number> {
    if (observations.length === 0) return 0;
    const result = await this.db
      .insertInto("observations")
      .values(observations.map(toRow))
      .onConflict((oc) =>
        oc
          .columns(["city_slug", "indicator_code", "period", "source_id"])
          .doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            note: eb.ref("excluded.note"),
            imported_by: eb.ref("excluded.imported_by"),
            imported_at: eb.ref("excluded.imported_at"),
            place: eb.ref("excluded.place"),
            match: eb.ref("excluded.match"),
            basis: eb.ref("excluded.basis"),
            quality: eb.ref("excluded.quality"),
          }))
          .where(
            sql<boolean>`observations.value <> excluded.value or ${sql.join(
              (["note", "place", "match", "basis", "quality"] as const).map((c) => sql`coalesce(observations.${sql.ref(c)}, '') <> coalesce(excluded.${sql.ref(c)}, '')`),
              sql` or `,
            )}`,
          ),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /**
   * One page of observations in key order, after `after` (exclusive). Used to stream exports
   * of any size without holding them in memory.
   */
  async page(filter: ObservationFilter, after: ObservationKey | null, limit: number): Promise<Observation[]> {
    let q = this.db.selectFrom("observations").selectAll();
    if (filter.city) q = q.where("city_slug", "=", filter.city);
    if (filter.indicator) q = q.where("indicator_code", "=", filter.indicator);
    if (after) {
      q = q.where(
        sql<boolean>`(city_slug, indicator_code, period, source_id) > (${after.city}, ${after.indicator}, ${after.period}, ${after.source})`,
      );
    }
    const rows = await q.orderBy("city_slug").orderBy("indicator_code").orderBy("period").orderBy("source_id").limit(limit).execute();
    return rows.map(toObservation);
  }
}
