import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../schema.js";

/** A city as the counterpart finder sees it. */
export interface MatchingCityRow {
  slug: string;
  country: string;
  region: string | null;
  lat: number;
  population: number | null;
  areaKm2: number | null;
}

/** Read-only queries of the counterpart finder: every city at once, in a few queries. */
export class MatchingRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async cities(): Promise<MatchingCityRow[]> {
    const rows = await this.db.selectFrom("cities").select(["slug", "country", "region", "lat", "population", "area_km2"]).orderBy("slug").execute();
    return rows.map((r) => ({ slug: r.slug, country: r.country, region: r.region, lat: Number(r.lat), population: r.population === null ? null : Number(r.population), areaKm2: r.area_km2 === null ? null : Number(r.area_km2) }));
  }

  /** Per city, per indicator, one value per period (the first source by id), periods ascending. */
  async series(indicators: string[]): Promise<Map<string, Map<string, { period: string; value: number }[]>>> {
    const out = new Map<string, Map<string, { period: string; value: number }[]>>();
    if (indicators.length === 0) return out;
    const rows = await this.db
      .selectFrom("observations")
      .select(["city_slug", "indicator_code", "period", "value"])
      .where("indicator_code", "in", indicators)
      .orderBy("city_slug")
      .orderBy("indicator_code")
      .orderBy("period")
      .orderBy("source_id")
      .execute();
    for (const r of rows) {
      let byInd = out.get(r.city_slug);
      if (!byInd) out.set(r.city_slug, (byInd = new Map()));
      let pts = byInd.get(r.indicator_code);
      if (!pts) byInd.set(r.indicator_code, (pts = []));
      if (pts.at(-1)?.period !== r.period) pts.push({ period: r.period, value: Number(r.value) });
    }
    return out;
  }

  /** Per city slug: the themes of its practices and the indicators of their measured outcomes. */
  async practiceEvidence(): Promise<Map<string, { themes: string[]; indicators: string[] }>> {
    const themes = await this.db.selectFrom("practices as p").innerJoin("practice_themes as t", "t.practice_id", "p.id").select(["p.city_slug", "t.theme"]).where("p.city_slug", "is not", null).distinct().execute();
    const outcomes = await this.db
      .selectFrom("practices as p")
      .innerJoin("practice_outcomes as o", "o.practice_id", "p.id")
      .select(["p.city_slug", "o.indicator_code"])
      .where("p.city_slug", "is not", null)
      .where("o.indicator_code", "is not", null)
      .where("o.kind", "=", "measured")
      .distinct()
      .execute();
    const out = new Map<string, { themes: string[]; indicators: string[] }>();
    const get = (slug: string) => out.get(slug) ?? out.set(slug, { themes: [], indicators: [] }).get(slug)!;
    for (const r of themes) get(r.city_slug!).themes.push(r.theme);
    for (const r of outcomes) get(r.city_slug!).indicators.push(r.indicator_code!);
    return out;
  }

  /** Per city slug with any record: how many of inventory, target and plan (climate actions) it has. */
  async climateWork(): Promise<Map<string, number>> {
    const q = (table: "inventories" | "targets" | "climate_actions") => this.db.selectFrom(table).select("city_slug").distinct().execute();
    const [inv, tgt, act] = await Promise.all([q("inventories"), q("targets"), q("climate_actions")]);
    const out = new Map<string, number>();
    for (const list of [inv, tgt, act]) for (const r of list) out.set(r.city_slug, (out.get(r.city_slug) ?? 0) + 1);
    return out;
  }
}

