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

/** A programme as the pairing board sees it: its names and sides (stored as JSON, see migration 0005). */
export interface PairingProgrammeRow {
  id: string;
  names: { en: string; zh: string | null };
  themes: string[];
  sides: { key: string; names: { en: string; zh: string | null }; countries: string[]; regions: string[] }[];
}

/** A city that applied to one of the programme's calls. */
export interface ApplicantRow {
  slug: string;
  names: { en: string; zh: string | null };
  country: string;
  region: string | null;
  status: string;
  /** The call's side ("a" | "b"), null when the call is for both. */
  callSide: string | null;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** Read-only queries of the counterpart finder: every city at once, in a few queries. */
export class MatchingRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async cities(): Promise<MatchingCityRow[]> {
    const rows = await this.db.selectFrom("cities").select(["slug", "country", "region", "lat", "population", "area_km2"]).orderBy("slug").execute();
    return rows.map((r) => ({ slug: r.slug, country: r.country, region: r.region, lat: Number(r.lat), population: r.population === null ? null : Number(r.population), areaKm2: r.area_km2 === null ? null : Number(r.area_km2) }));
  }

  /** Every city's names, by slug. */
  async names(): Promise<Map<string, { en: string; zh: string | null }>> {
    const rows = await this.db.selectFrom("cities").select(["slug", "name_en", "name_zh"]).execute();
    return new Map(rows.map((r) => [r.slug, { en: r.name_en, zh: r.name_zh }]));
  }

  /** Per city, per indicator, one value per period (the first source by id, named), periods ascending. */
  async series(indicators: string[]): Promise<Map<string, Map<string, { period: string; value: number; source: string }[]>>> {
    const out = new Map<string, Map<string, { period: string; value: number; source: string }[]>>();
    if (indicators.length === 0) return out;
    const rows = await this.db
      .selectFrom("observations")
      .select(["city_slug", "indicator_code", "period", "value", "source_id"])
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
      if (pts.at(-1)?.period !== r.period) pts.push({ period: r.period, value: Number(r.value), source: r.source_id });
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

  /** Per city slug: the themes it declared in its applications to any programme's calls. */
  async declaredThemes(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom("applications").select(["city_slug", "themes_json"]).orderBy("city_slug").execute();
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const themes = parseJson<unknown>(r.themes_json, []);
      if (!Array.isArray(themes)) continue;
      const list = out.get(r.city_slug) ?? [];
      for (const t of themes) if (typeof t === "string" && !list.includes(t)) list.push(t);
      if (list.length) out.set(r.city_slug, list);
    }
    return out;
  }

  /** The programme's names and sides, or undefined. Read here (not through the programme repository) so pairing depends only on the 0005 tables. */
  async programme(id: string): Promise<PairingProgrammeRow | undefined> {
    const r = await this.db.selectFrom("programmes").select(["id", "name_en", "name_zh", "sides_json", "themes_json"]).where("id", "=", id).executeTakeFirst();
    if (!r) return undefined;
    type Stored = { key?: unknown; name_en?: unknown; name_zh?: unknown; countries?: unknown; regions?: unknown };
    const stored = parseJson<unknown>(r.sides_json, []);
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);
    const sides = (Array.isArray(stored) ? (stored as Stored[]) : []).flatMap((s) =>
      s && typeof s.key === "string"
        ? [{ key: s.key, names: { en: typeof s.name_en === "string" ? s.name_en : s.key, zh: typeof s.name_zh === "string" ? s.name_zh : null }, countries: strings(s.countries), regions: strings(s.regions) }]
        : [],
    );
    return { id: r.id, names: { en: r.name_en, zh: r.name_zh }, themes: strings(parseJson<unknown>(r.themes_json, [])), sides };
  }

  /** Cities that applied to the programme's calls with one of these statuses, with the call's side. */
  async applicants(programmeId: string, statuses: string[]): Promise<ApplicantRow[]> {
    const rows = await this.db
      .selectFrom("applications as a")
      .innerJoin("calls as c", "c.id", "a.call_id")
      .innerJoin("cities as ci", "ci.slug", "a.city_slug")
      .select(["a.city_slug", "a.status", "c.side", "ci.name_en", "ci.name_zh", "ci.country", "ci.region"])
      .where("c.programme_id", "=", programmeId)
      .where("a.status", "in", statuses)
      .orderBy("a.city_slug")
      .orderBy("c.id")
      .execute();
    return rows.map((r) => ({ slug: r.city_slug, names: { en: r.name_en, zh: r.name_zh }, country: r.country, region: r.region, status: r.status, callSide: r.side }));
  }
}
