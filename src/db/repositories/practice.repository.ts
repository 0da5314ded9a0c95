import { type Kysely, sql } from "kysely";
import { type Outcome, type Practice, type PracticeFacets, PRACTICE_THEMES, type PracticeTheme } from "../../domain/practice.js";
import type { Source } from "../../domain/source.js";
import type { Dialect } from "../database.js";
import type { ParallelReader } from "../parallel-reader.js";
import type { DatabaseSchema, PracticesTable } from "../schema.js";
import { SourceRepository } from "./source.repository.js";
import { countFacetCodes, facetCountries } from "./practice-facets.js";
import { allDocs, type FullTextIndex, fullTextIndex, type IndexedDoc, type IndexTerm, joinedSearch, type PracticeTokens } from "./practice-index.js";
import { type PracticeDraft, sourceOf as src, themeBit, toPractice, toRow } from "./practice-rows.js";

export type { PracticeDraft } from "./practice-rows.js";

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

export { MEASURED_BOOST } from "./practice-index.js";

export class PracticeRepository {
  private readonly index: FullTextIndex;
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: Dialect,
    /** A second connection for the facet count (SQLite files); without it everything runs on `db`. */
    private readonly reader: ParallelReader | null = null,
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

  /**
   * Inserts or replaces practices, their themes, outcomes, sources and index entries: all in one
   * transaction, all or none. With `ifUnchanged`, the transaction first claims that practice with
   * one conditional UPDATE (… WHERE id = ? AND updated_at = ?): when another save changed it
   * since, nothing is written and this throws StalePracticeError. On PostgreSQL a concurrent save
   * waits for the claim's row lock and then finds the row changed, so exactly one of them wins.
   */
  async saveMany(items: PracticeWrite[], by: string, now: string, ifUnchanged?: { id: string; updatedAt: string }): Promise<void> {
    if (items.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      if (ifUnchanged) {
        const claimed = await trx.updateTable("practices").set({ updated_at: now }).where("id", "=", ifUnchanged.id).where("updated_at", "=", ifUnchanged.updatedAt).executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new StalePracticeError(ifUnchanged.id);
      }
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
      const docs: IndexedDoc[] = [];
      for (let i = 0; i < items.length; i += 200) {
        const chunk = items.slice(i, i + 200);
        const chunkIds = chunk.map((c) => c.draft.id);
        for (const t of ["practice_themes", "practice_sources", "practice_outcomes"] as const) await trx.deleteFrom(t).where("practice_id", "in", chunkIds).execute();
        const rows = chunk.map(({ draft, tokens }) => {
          const old = existing.get(draft.id);
          const doc = old?.doc ?? next++;
          const row = toRow(draft, doc, old?.created_by ?? by, old?.created_at ?? now, now);
          docs.push({ doc, tokens, facets: { country: row.country, themesMask: row.themes_mask, measured: row.measured === 1 }, replaces: old !== undefined });
          return row;
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
   * Full-text search with filters, boosted ranking and facet counts (see FullTextIndex.search);
   * without terms, every practice with rank 1. Facets count the matches after every filter; a
   * country's region comes from practice_facets (one region per country).
   */
  async search(q: PracticeQuery): Promise<PracticeMatches> {
    const filter = { theme: q.theme, country: q.country, region: q.region, measured: q.measured };
    const found = q.terms.length ? await this.index.search(this.db, q.terms, filter, q.limit, q.offset, this.reader) : await joinedSearch(this.db, allDocs, this.dialect, filter, q.limit, q.offset);
    const docs = found.hits.map((h) => h.doc);
    const ids = docs.length ? new Map((await this.db.selectFrom("practices").select(["doc", "id"]).where("doc", "in", docs).execute()).map((r) => [Number(r.doc), r.id])) : new Map<number, string>();
    const countries = facetCountries(found.counts);
    const regions = countries.length
      ? await this.db.selectFrom("practice_facets").select(["country", "region"]).distinct().where("country", "in", countries).where("region", "is not", null).execute()
      : [];
    const { total, facets } = countFacetCodes(found.counts, new Map(regions.map((r) => [r.country, r.region!])));
    return { total, hits: found.hits.flatMap((h) => (ids.has(h.doc) ? [{ id: ids.get(h.doc)!, score: h.score }] : [])), facets };
  }

  /**
   * The catalogue city (by English name and country, most populous first) and the country's UN
   * subregion for each place, keyed `city|country`, with the city's Chinese name. Places not in the
   * catalogue get the region only.
   */
  async places(places: { city: string; country: string }[]): Promise<Map<string, { slug: string | null; region: string | null; nameZh: string | null }>> {
    const countries = [...new Set(places.map((p) => p.country))];
    const names = [...new Set(places.map((p) => p.city))];
    const out = new Map<string, { slug: string | null; region: string | null; nameZh: string | null }>();
    if (countries.length === 0) return out;
    const regions = await this.db.selectFrom("cities").select(["country", sql<string>`min(region)`.as("region")]).where("country", "in", countries).where("region", "is not", null).groupBy("country").execute();
    const cities = await this.db
      .selectFrom("cities")
      .select(["slug", "name_en", "name_zh", "country"])
      .where("country", "in", countries)
      .where("name_en", "in", names)
      .orderBy(sql`coalesce(population, -1)`, "desc")
      .execute();
    for (const p of places) {
      const city = cities.find((c) => c.country === p.country && c.name_en === p.city);
      out.set(`${p.city}|${p.country}`, { slug: city?.slug ?? null, region: regions.find((r) => r.country === p.country)?.region ?? null, nameZh: city?.name_zh ?? null });
    }
    return out;
  }

  /** Compacts the full-text index after a bulk load (see FullTextIndex.optimize). */
  async optimizeIndex(): Promise<void> {
    await this.index.optimize(this.db);
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

/** A conditional save found the practice changed (or deleted) since the version it was based on. */
export class StalePracticeError extends Error {
  override readonly name = "StalePracticeError";
  constructor(readonly id: string) {
    super(`practice "${id}" changed since the version the edit was based on`);
  }
}
