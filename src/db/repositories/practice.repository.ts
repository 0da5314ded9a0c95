import { type Kysely, sql } from "kysely";
import { type Outcome, type Practice, type PracticeFacets, PRACTICE_THEMES, type PracticeTheme } from "../../domain/practice.js";
import type { Source } from "../../domain/source.js";
import type { Dialect } from "../database.js";
import type { DatabaseSchema, PracticesTable } from "../schema.js";
import { SourceRepository } from "./source.repository.js";
import { type FullTextIndex, fullTextIndex, type IndexTerm, type PracticeTokens } from "./practice-index.js";

/** A practice ready to store: sources by id (the sources themselves travel in `citedSources`). */
export interface PracticeDraft extends Omit<Practice, "outcomes" | "cost" | "sources" | "updatedAt"> {
  outcomes: (Omit<Outcome, "source"> & { sourceId: string })[];
  cost: { amount: number; currency: string; note: string | null; sourceId: string } | null;
  sources: { sourceId: string; title: string; publisher: string | null; year: number | null }[];
}

export interface PracticeWrite {
  draft: PracticeDraft;
  tokens: PracticeTokens;
  /** Sources the practice cites, inserted or updated in the same transaction. */
  citedSources: Source[];
}

export interface PracticeQuery {
  /** Search terms from the engine's `queryTerms`; empty lists every practice. */
  terms: string[];
  theme?: PracticeTheme;
  country?: string;
  region?: string;
  measured?: boolean;
  limit: number;
  offset: number;
}

export interface PracticeMatches {
  total: number;
  hits: { id: string; score: number }[];
  facets: PracticeFacets;
}

/** The fields of a practice a search result shows. */
export type PracticeCard = Pick<Practice, "id" | "title" | "summary" | "city" | "country" | "themes" | "measured" | "measures" | "transferability">;

/** Measured practices rank this much higher than unmeasured ones with the same text match. */
export const MEASURED_BOOST = 1.5;

const themeBit = (t: PracticeTheme) => 1 << PRACTICE_THEMES.indexOf(t);

type SourceRow = { id: string; citation: string; url: string | null; licence: string | null };
const src = (r: SourceRow): Source => ({ id: r.id, citation: r.citation, url: r.url, licence: r.licence });

export class PracticeRepository {
  private readonly index: FullTextIndex;
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    dialect: Dialect,
  ) {
    this.index = fullTextIndex(dialect);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom("practices").select(sql<number>`cast(count(*) as integer)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async ids(): Promise<string[]> {
    return (await this.db.selectFrom("practices").select("id").orderBy("id").execute()).map((r) => r.id);
  }

  async get(id: string): Promise<Practice | null> {
    return (await this.getMany([id]))[0] ?? null;
  }

  /** Practices in the order of `ids` (unknown ids are skipped). */
  async getMany(ids: string[]): Promise<Practice[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom("practices").selectAll().where("id", "in", ids).execute();
    const themes = await this.db.selectFrom("practice_themes").selectAll().where("practice_id", "in", ids).execute();
    const cited = await this.db
      .selectFrom("practice_sources as ps")
      .innerJoin("sources as s", "s.id", "ps.source_id")
      .select(["ps.practice_id", "ps.position", "ps.title", "ps.publisher", "ps.year", "s.id", "s.citation", "s.url", "s.licence"])
      .where("ps.practice_id", "in", ids)
      .orderBy("ps.position")
      .execute();
    const outcomes = await this.db
      .selectFrom("practice_outcomes as o")
      .innerJoin("sources as s", "s.id", "o.source_id")
      .select(["o.practice_id", "o.position", "o.metric", "o.value", "o.value_max", "o.unit", "o.baseline", "o.year", "o.note", "o.indicator_code", "o.kind"])
      .select(["s.id", "s.citation", "s.url", "s.licence"])
      .where("o.practice_id", "in", ids)
      .orderBy("o.position")
      .execute();
    const sourceById = new Map(cited.map((c) => [c.id, src(c)]));
    const byId = new Map(
      rows.map((r) => [
        r.id,
        toPractice(
          r,
          themes.filter((t) => t.practice_id === r.id).map((t) => t.theme as PracticeTheme),
          cited.filter((c) => c.practice_id === r.id).map((c) => ({ ...src(c), title: c.title, publisher: c.publisher, year: c.year === null ? null : Number(c.year) })),
          outcomes
            .filter((o) => o.practice_id === r.id)
            .map((o) => ({
              metric: o.metric,
              value: o.value,
              valueMax: o.value_max,
              unit: o.unit,
              baseline: o.baseline,
              year: o.year === null ? null : Number(o.year),
              note: o.note,
              indicator: o.indicator_code,
              kind: o.kind as Outcome["kind"],
              source: src(o),
            })),
          sourceById,
        ),
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** What a search result card needs, in the order of `ids`, in one query (themes from the bitmask). */
  async cards(ids: string[]): Promise<PracticeCard[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("practices")
      .select(["id", "title_en", "title_zh", "summary_en", "summary_zh", "city", "country", "themes_mask", "measured", "measures_json", "transferability"])
      .where("id", "in", ids)
      .execute();
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          title: { en: r.title_en, zh: r.title_zh },
          summary: { en: r.summary_en, zh: r.summary_zh },
          city: r.city,
          country: r.country,
          themes: PRACTICE_THEMES.filter((t) => (Number(r.themes_mask) & themeBit(t)) !== 0),
          measured: Number(r.measured) === 1,
          measures: JSON.parse(r.measures_json) as string[],
          transferability: r.transferability,
        },
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Inserts or replaces practices, their themes, outcomes, sources and index entries: all in one transaction, all or none. */
  async saveMany(items: PracticeWrite[], by: string, now: string): Promise<void> {
    if (items.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const sources = new Map(items.flatMap((i) => i.citedSources).map((s) => [s.id, s]));
      await new SourceRepository(trx).upsertMany([...sources.values()], now);
      const ids = items.map((i) => i.draft.id);
      const existing = new Map<string, { doc: number; created_by: string; created_at: string }>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await trx.selectFrom("practices").select(["id", "doc", "created_by", "created_at"]).where("id", "in", ids.slice(i, i + 500)).execute();
        for (const r of rows) existing.set(r.id, { doc: Number(r.doc), created_by: r.created_by, created_at: r.created_at });
      }
      const max = await trx.selectFrom("practices").select(sql<number>`cast(coalesce(max(doc), 0) as integer)`.as("m")).executeTakeFirstOrThrow();
      let next = Number(max.m) + 1;
      const docs: { doc: number; tokens: PracticeTokens }[] = [];
      for (let i = 0; i < items.length; i += 200) {
        const chunk = items.slice(i, i + 200);
        const chunkIds = chunk.map((c) => c.draft.id);
        for (const t of ["practice_themes", "practice_sources", "practice_outcomes"] as const) await trx.deleteFrom(t).where("practice_id", "in", chunkIds).execute();
        const rows = chunk.map(({ draft, tokens }) => {
          const old = existing.get(draft.id);
          const doc = old?.doc ?? next++;
          docs.push({ doc, tokens });
          return toRow(draft, doc, old?.created_by ?? by, old?.created_at ?? now, now);
        });
        await trx
          .insertInto("practices")
          .values(rows)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet((eb) => {
              const cols = Object.keys(rows[0]!).filter((k) => k !== "id" && k !== "doc" && k !== "created_by" && k !== "created_at") as (keyof PracticesTable)[];
              return Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}`)]));
            }),
          )
          .execute();
        const facets = rows.map((r) => ({ doc: r.doc, measured: r.measured, themes_mask: r.themes_mask, country: r.country, region: r.region }));
        await trx
          .insertInto("practice_facets")
          .values(facets)
          .onConflict((oc) =>
            oc.column("doc").doUpdateSet((eb) => ({
              measured: eb.ref("excluded.measured"),
              themes_mask: eb.ref("excluded.themes_mask"),
              country: eb.ref("excluded.country"),
              region: eb.ref("excluded.region"),
            })),
          )
          .execute();
        const themes = chunk.flatMap(({ draft }) => draft.themes.map((theme) => ({ practice_id: draft.id, theme })));
        if (themes.length) await trx.insertInto("practice_themes").values(themes).execute();
        const cited = chunk.flatMap(({ draft }) =>
          draft.sources.map((s, position) => ({ practice_id: draft.id, position, source_id: s.sourceId, title: s.title, publisher: s.publisher, year: s.year })),
        );
        if (cited.length) await trx.insertInto("practice_sources").values(cited).execute();
        const outcomes = chunk.flatMap(({ draft }) =>
          draft.outcomes.map((o, position) => ({
            practice_id: draft.id,
            position,
            metric: o.metric,
            value: o.value,
            value_max: o.valueMax,
            unit: o.unit,
            baseline: o.baseline,
            year: o.year,
            note: o.note,
            indicator_code: o.indicator,
            kind: o.kind,
            source_id: o.sourceId,
          })),
        );
        for (let k = 0; k < outcomes.length; k += 500) await trx.insertInto("practice_outcomes").values(outcomes.slice(k, k + 500)).execute();
      }
      await this.index.write(trx, docs);
    });
  }

  /** Deletes a practice and its index entry in one transaction; false when there was none. */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("practices").select("doc").where("id", "=", id).executeTakeFirst();
      if (!row) return false;
      await this.index.remove(trx, Number(row.doc));
      for (const t of ["practice_themes", "practice_sources", "practice_outcomes"] as const) await trx.deleteFrom(t).where("practice_id", "=", id).execute();
      await trx.deleteFrom("practice_facets").where("doc", "=", Number(row.doc)).execute();
      await trx.deleteFrom("practices").where("id", "=", id).execute();
      return true;
    });
  }

  /**
   * Full-text search with filters, boosted ranking and facet counts, in two statements: the top
   * hits ranked by the index's rank (bm25 / ts_rank) × MEASURED_BOOST for practices with
   * measured outcomes, and the counts per (country, region, measured) with per-theme counts from
   * the themes bitmask, which add up to every facet. Both join the matches to the narrow
   * practice_facets table. Facets count the matches after every filter.
   */
  async search(q: PracticeQuery): Promise<PracticeMatches> {
    const filters = [sql`1 = 1`];
    if (q.theme) filters.push(sql`(f.themes_mask & ${themeBit(q.theme)}) <> 0`);
    if (q.country) filters.push(sql`f.country = ${q.country}`);
    if (q.region) filters.push(sql`f.region = ${q.region}`);
    if (q.measured !== undefined) filters.push(sql`f.measured = ${q.measured ? 1 : 0}`);
    const where = sql.join(filters, sql` and `);
    const matches = q.terms.length ? this.index.matches(q.terms) : sql`select doc, 1.0 as rank from practice_facets`;
    const docs = q.terms.length ? this.index.docs(q.terms) : sql`select doc from practice_facets`;
    const hits = await sql<{ id: string; score: number }>`
      select p.id, h.score from (
        select x.doc, cast(x.rank * (case when f.measured = 1 then ${MEASURED_BOOST} else 1.0 end) as double precision) as score
        from (${matches}) x join practice_facets f on f.doc = x.doc
        where ${where}
        order by score desc, x.doc limit ${q.limit} offset ${q.offset}
      ) h join practices p on p.doc = h.doc
      order by h.score desc, h.doc`.execute(this.db);
    const themeSums = PRACTICE_THEMES.map((_, i) => sql`cast(sum(case when (f.themes_mask & ${1 << i}) <> 0 then 1 else 0 end) as integer) as ${sql.ref(`t${i}`)}`);
    const groups = await sql<Record<string, string | number | null>>`
      select f.country, f.region, f.measured, cast(count(*) as integer) as n, ${sql.join(themeSums)}
      from (${docs}) x join practice_facets f on f.doc = x.doc
      where ${where}
      group by f.country, f.region, f.measured`.execute(this.db);
    const counts = { country: new Map<string, number>(), region: new Map<string, number>(), measured: new Map<string, number>(), theme: new Map<string, number>() };
    const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
    let total = 0;
    for (const row of groups.rows) {
      const n = Number(row.n);
      total += n;
      add(counts.country, String(row.country), n);
      if (row.region !== null) add(counts.region, String(row.region), n);
      add(counts.measured, Number(row.measured) === 1 ? "true" : "false", n);
      PRACTICE_THEMES.forEach((t, i) => {
        const c = Number(row[`t${i}`] ?? 0);
        if (c > 0) add(counts.theme, t, c);
      });
    }
    const list = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      total,
      hits: hits.rows.map((h) => ({ id: h.id, score: Number(h.score) })),
      facets: { theme: list(counts.theme), country: list(counts.country), region: list(counts.region), measured: list(counts.measured) },
    };
  }

  /**
   * The catalogue city (by English name and country, most populous first) and the country's UN
   * subregion for each place, keyed `city|country`. Places not in the catalogue get the region only.
   */
  async places(places: { city: string; country: string }[]): Promise<Map<string, { slug: string | null; region: string | null }>> {
    const countries = [...new Set(places.map((p) => p.country))];
    const names = [...new Set(places.map((p) => p.city))];
    const out = new Map<string, { slug: string | null; region: string | null }>();
    if (countries.length === 0) return out;
    const regions = await this.db.selectFrom("cities").select(["country", sql<string>`min(region)`.as("region")]).where("country", "in", countries).where("region", "is not", null).groupBy("country").execute();
    const cities = await this.db
      .selectFrom("cities")
      .select(["slug", "name_en", "country"])
      .where("country", "in", countries)
      .where("name_en", "in", names)
      .orderBy(sql`coalesce(population, -1)`, "desc")
      .execute();
    for (const p of places) {
      const city = cities.find((c) => c.country === p.country && c.name_en === p.city);
      out.set(`${p.city}|${p.country}`, { slug: city?.slug ?? null, region: regions.find((r) => r.country === p.country)?.region ?? null });
    }
    return out;
  }

  /** True when some indexed word starts with `prefix`. */
  async hasPrefix(prefix: string): Promise<boolean> {
    return this.index.hasPrefix(this.db, prefix);
  }

  /** Candidate spellings for a word that found nothing. */
  async vocabulary(word: string): Promise<IndexTerm[]> {
    return this.index.vocabulary(this.db, word);
  }

  /** Practices with an outcome on one of these indicators or one of these themes (for a city's gaps). */
  async idsRelatedTo(indicators: string[], themes: string[]): Promise<string[]> {
    if (indicators.length === 0 && themes.length === 0) return [];
    const rows = await this.db
      .selectFrom("practices as p")
      .select("p.id")
      .where((eb) =>
        eb.or([
          ...(indicators.length ? [eb.exists(eb.selectFrom("practice_outcomes as o").select("o.practice_id").whereRef("o.practice_id", "=", "p.id").where("o.indicator_code", "in", indicators))] : []),
          ...(themes.length ? [eb.exists(eb.selectFrom("practice_themes as t").select("t.practice_id").whereRef("t.practice_id", "=", "p.id").where("t.theme", "in", themes))] : []),
        ]),
      )
      .orderBy("p.id")
      .execute();
    return rows.map((r) => r.id);
  }
}

function toRow(d: PracticeDraft, doc: number, createdBy: string, createdAt: string, now: string): PracticesTable {
  return {
    id: d.id,
    doc,
    title_en: d.title.en,
    title_zh: d.title.zh,
    summary_en: d.summary.en,
    summary_zh: d.summary.zh,
    city: d.city,
    city_slug: d.citySlug,
    country: d.country,
    region: d.region,
    start_year: d.startYear,
    end_year: d.endYear,
    measures_json: JSON.stringify(d.measures),
    cost_json: d.cost ? JSON.stringify(d.cost) : null,
    transferability: d.transferability,
    assessment_json: d.assessment ? JSON.stringify(d.assessment) : null,
    measured: d.measured ? 1 : 0,
    themes_mask: d.themes.reduce((m, t) => m | themeBit(t), 0),
    created_by: createdBy,
    created_at: createdAt,
    updated_at: now,
  };
}

function toPractice(r: PracticesTable, themes: PracticeTheme[], sources: Practice["sources"], outcomes: Outcome[], sourceById: Map<string, Source>): Practice {
  const cost = r.cost_json ? (JSON.parse(r.cost_json) as PracticeDraft["cost"]) : null;
  const costSource = cost ? sourceById.get(cost.sourceId) : undefined;
  return {
    id: r.id,
    title: { en: r.title_en, zh: r.title_zh },
    summary: { en: r.summary_en, zh: r.summary_zh },
    city: r.city,
    citySlug: r.city_slug,
    country: r.country,
    region: r.region,
    themes,
    startYear: r.start_year === null ? null : Number(r.start_year),
    endYear: r.end_year === null ? null : Number(r.end_year),
    measures: JSON.parse(r.measures_json) as string[],
    outcomes,
    cost: cost && costSource ? { amount: cost.amount, currency: cost.currency, note: cost.note, source: costSource } : null,
    transferability: r.transferability,
    assessment: r.assessment_json ? (JSON.parse(r.assessment_json) as Practice["assessment"]) : null,
    sources,
    measured: Number(r.measured) === 1,
    updatedAt: r.updated_at,
  };
}
