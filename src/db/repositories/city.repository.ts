import { type Kysely, sql } from "kysely";
import type { City, CityPoint } from "../../domain/city.js";
import { foldText } from "../../domain/text.js";
import type { CitiesTable, DatabaseSchema } from "../schema.js";

export interface CitySearch {
  /** Matches English, Chinese and local names, accent- and case-insensitive. */
  q?: string;
  country?: string;
  minPopulation?: number;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface CityPage {
  items: City[];
  nextCursor: string | null;
}

/** Cursor for keyset pagination on (population desc, slug asc); cities without population sort last. */
export function encodeCursor(population: number | null, slug: string): string {
  return Buffer.from(JSON.stringify([population ?? -1, slug])).toString("base64url");
}

/** Returns null when the cursor is not one we issued. */
export function decodeCursor(cursor: string): { population: number; slug: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === "string") {
      return { population: v[0] as number, slug: v[1] };
    }
  } catch {
    // fall through
  }
  return null;
}

function toCity(r: CitiesTable): City {
  return {
    slug: r.slug,
    geonamesId: r.geonames_id,
    names: { en: r.name_en, zh: r.name_zh, local: r.name_local },
    country: r.country,
    region: r.region,
    admin1: r.admin1,
    coordinates: { lat: r.lat, lon: r.lon },
    population: { value: r.population, year: r.population_year, source: r.population_source },
    areaKm2: r.area_km2,
    timezone: r.timezone,
  };
}

function toRow(c: City): CitiesTable {
  return {
    slug: c.slug,
    geonames_id: c.geonamesId,
    name_en: c.names.en,
    name_zh: c.names.zh,
    name_local: c.names.local,
    country: c.country,
    region: c.region,
    admin1: c.admin1,
    lat: c.coordinates.lat,
    lon: c.coordinates.lon,
    population: c.population.value,
    population_year: c.population.year,
    population_source: c.population.source,
    area_km2: c.areaKm2,
    timezone: c.timezone,
    search_key: [c.names.en, c.names.zh, c.names.local, c.slug].filter(Boolean).map((n) => foldText(n!)).join("|"),
  };
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export class CityRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async get(slug: string): Promise<City | null> {
    const row = await this.db.selectFrom("cities").selectAll().where("slug", "=", slug).executeTakeFirst();
    return row ? toCity(row) : null;
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom("cities").select(sql<number>`cast(count(*) as integer)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async slugs(): Promise<Set<string>> {
    const rows = await this.db.selectFrom("cities").select("slug").execute();
    return new Set(rows.map((r) => r.slug));
  }

  async search(s: CitySearch): Promise<CityPage> {
    const pop = sql<number>`coalesce(population, -1)`;
    let query = this.db.selectFrom("cities").selectAll();
    if (s.q) query = query.where(sql<boolean>`search_key like ${likeContains(foldText(s.q))} escape '\\'`);
    if (s.country) query = query.where("country", "=", s.country.toUpperCase());
    if (s.minPopulation !== undefined) query = query.where("population", ">=", s.minPopulation);
    if (s.cursor) {
      const c = decodeCursor(s.cursor);
      if (c) query = query.where((eb) => eb.or([eb(pop, "<", c.population), eb.and([eb(pop, "=", c.population), eb("slug", ">", c.slug)])]));
    }
    const rows = await query.orderBy(pop, "desc").orderBy("slug", "asc").limit(s.limit + 1).execute();
    const page = rows.slice(0, s.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCity),
      nextCursor: rows.length > s.limit && last ? encodeCursor(last.population, last.slug) : null,
    };
  }

  /** Every city as a map point, most populous first. */
  async points(): Promise<CityPoint[]> {
    const rows = await this.db
      .selectFrom("cities")
      .select(["slug", "name_en", "name_zh", "name_local", "country", "lat", "lon", "population"])
      .orderBy(sql`coalesce(population, -1)`, "desc")
      .orderBy("slug")
      .execute();
    return rows.map((r) => ({
      slug: r.slug,
      names: { en: r.name_en, zh: r.name_zh, local: r.name_local },
      country: r.country,
      lat: r.lat,
      lon: r.lon,
      population: r.population,
    }));
  }

  /** Inserts or replaces cities by slug. */
  async upsertMany(cities: City[]): Promise<void> {
    for (let i = 0; i < cities.length; i += 500) {
      const rows = cities.slice(i, i + 500).map(toRow);
      await this.db
        .insertInto("cities")
        .values(rows)
        .onConflict((oc) =>
          oc.column("slug").doUpdateSet((eb) => ({
            geonames_id: eb.ref("excluded.geonames_id"),
            name_en: eb.ref("excluded.name_en"),
            name_zh: eb.ref("excluded.name_zh"),
            name_local: eb.ref("excluded.name_local"),
            country: eb.ref("excluded.country"),
            region: eb.ref("excluded.region"),
            admin1: eb.ref("excluded.admin1"),
            lat: eb.ref("excluded.lat"),
            lon: eb.ref("excluded.lon"),
            population: eb.ref("excluded.population"),
            population_year: eb.ref("excluded.population_year"),
            population_source: eb.ref("excluded.population_source"),
            area_km2: eb.ref("excluded.area_km2"),
            timezone: eb.ref("excluded.timezone"),
            search_key: eb.ref("excluded.search_key"),
          })),
        )
        .execute();
    }
  }
}
