import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Dialect } from "../database.js";
import type { ParallelReader } from "../parallel-reader.js";
import type { PracticeTheme } from "../../domain/practice.js";
import type { DatabaseSchema } from "../schema.js";
import { countryCode, FACET_BITS, FACET_SPAN, facetKey, firstKey, type KeyFacets, tallyKeyCodes } from "./practice-facet-key.js";
import { codesOfKeys, type FacetCodeCounts, tallyCodes } from "./practice-facets.js";
import { themeBit } from "./practice-rows.js";

/** Search tokens of one practice (from the search engine's `tokenize`), by field weight. */
export interface PracticeTokens {
  /** Titles in both languages: weighted above the rest. */
  title: string[];
  /** Summaries, measures, outcomes, transferability, city. */
  body: string[];
}

/** A word of the index with the number of practices that contain it. */
export interface IndexTerm {
  term: string;
  documents: number;
}

/** A practice to index: its integer key, tokens and the facets its SQLite index key carries. */
export interface IndexedDoc {
  doc: number;
  tokens: PracticeTokens;
  facets: KeyFacets;
  /** The practice was indexed before (its old index row is removed first). */
  replaces: boolean;
}

/** What a search keeps: every given condition must hold. */
export interface SearchFilter {
  theme?: PracticeTheme;
  country?: string;
  region?: string;
  measured?: boolean;
}

/** The top hits (integer keys with their boosted scores, best first) and the facet codes of every match, counted. */
export interface IndexSearch {
  hits: { doc: number; score: number }[];
  counts: FacetCodeCounts;
}

/**
 * The database's own full-text index over practices, one implementation per dialect. Writes
 * take the transaction of the practice they index, so the index is never stale.
 */
export interface FullTextIndex {
  /** Replaces the indexed tokens (and, on SQLite, the key's facets) of the practices with these integer keys. */
  write(trx: Kysely<DatabaseSchema>, docs: IndexedDoc[]): Promise<void>;
  remove(trx: Kysely<DatabaseSchema>, doc: number): Promise<void>;
  /**
   * The practices containing every term (each as a prefix) that pass the filter: the page
   * `limit`/`offset` of them ranked by the index's rank (bm25 / ts_rank) × MEASURED_BOOST for
   * practices with measured outcomes, ties by key, and the facet codes of all of them counted.
   * With a `reader` (SQLite files), the facet count runs on its connection beside the ranking.
   */
  search(db: Kysely<DatabaseSchema>, terms: string[], filter: SearchFilter, limit: number, offset: number, reader?: ParallelReader | null): Promise<IndexSearch>;
  /** Compacts the index after a bulk load (SQLite: FTS5 'optimize' merges its segments into one; PostgreSQL: nothing to do). */
  optimize(db: Kysely<DatabaseSchema>): Promise<void>;
  /** True when some indexed word starts with `prefix`. */
  hasPrefix(db: Kysely<DatabaseSchema>, prefix: string): Promise<boolean>;
  /** Index words that may be close spellings of `word` (the engine picks the closest). */
  vocabulary(db: Kysely<DatabaseSchema>, word: string): Promise<IndexTerm[]>;
}

/** Measured practices rank this much higher than unmeasured ones with the same text match. */
export const MEASURED_BOOST = 1.5;

/**
 * Search by joining matches to the narrow practice_facets table (PostgreSQL, and every dialect
 * when there are no terms): the ranked page in one statement, and one string of 3-character
 * facet codes (country, then 48 + measured + 2 × themes) of every match in a second one,
 * counted here — cheaper than a GROUP BY that sorts every match.
 */
export async function joinedSearch(
  db: Kysely<DatabaseSchema>,
  sources: { matches: RawBuilder<{ doc: number; rank: number }>; docs: RawBuilder<{ doc: number }> },
  dialect: Dialect,
  filter: SearchFilter,
  limit: number,
  offset: number,
): Promise<IndexSearch> {
  const conditions = [sql`1 = 1`];
  if (filter.theme) conditions.push(sql`(f.themes_mask & ${themeBit(filter.theme)}) <> 0`);
  if (filter.country) conditions.push(sql`f.country = ${filter.country}`);
  if (filter.region) conditions.push(sql`f.region = ${filter.region}`);
  if (filter.measured !== undefined) conditions.push(sql`f.measured = ${filter.measured ? 1 : 0}`);
  const where = sql.join(conditions, sql` and `);
  const hits = await sql<{ doc: number; score: number }>`
    select x.doc, cast(x.rank * (case when f.measured = 1 then ${MEASURED_BOOST} else 1.0 end) as double precision) as score
    from (${sources.matches}) x join practice_facets f on f.doc = x.doc
    where ${where}
    order by score desc, x.doc limit ${limit} offset ${offset}`.execute(db);
  const codes = await sql<{ codes: string | null }>`
    select ${dialect === "postgres" ? sql`string_agg(f.country || chr(48 + f.measured + 2 * f.themes_mask), '')` : sql`group_concat(f.country || char(48 + f.measured + 2 * f.themes_mask), '')`} as codes
    from (${sources.docs}) x join practice_facets f on f.doc = x.doc
    where ${where}`.execute(db);
  return { hits: hits.rows.map((h) => ({ doc: Number(h.doc), score: Number(h.score) })), counts: tallyCodes(codes.rows[0]?.codes ?? "") };
}

/** Every practice, for a search without terms (rank 1 for all). */
export const allDocs = { matches: sql<{ doc: number; rank: number }>`select doc, 1.0 as rank from practice_facets`, docs: sql<{ doc: number }>`select doc from practice_facets` };

/** Tokens contain only letters and digits (see tokenize), but quote them anyway. */
const fts5Phrase = (t: string) => `"${t.replace(/"/g, '""')}"*`;

/** FTS5 MATCH expression: every term as a prefix. `congest` → `"congest"*`. */
export function fts5Match(terms: string[]): string {
  return terms.map(fts5Phrase).join(" AND ");
}

/** tsquery text: every term as a prefix. `congest` → `congest:*`. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t.replace(/[\\']/g, (c) => `\\${c}`)}':*`).join(" & ");
}

const lengthWindow = (word: string) => {
  const n = [...word].length;
  return [Math.max(1, n - 2), n + 2] as const;
};

/** The rowid conditions of a filter (see practice-facet-key.ts): bit 0 measured, bits 1–7 themes, bits 8–17 country. */
async function keyConditions(db: Kysely<DatabaseSchema>, filter: SearchFilter): Promise<RawBuilder<unknown>> {
  const conditions = [sql`1 = 1`];
  if (filter.measured !== undefined) conditions.push(sql`(rowid & 1) = ${filter.measured ? 1 : 0}`);
  if (filter.theme) conditions.push(sql`((rowid >> 1) & ${themeBit(filter.theme)}) <> 0`);
  if (filter.country) conditions.push(/^[A-Z]{2}$/.test(filter.country) ? sql`((rowid >> 8) & 1023) = ${countryCode(filter.country)}` : sql`1 = 0`);
  if (filter.region) {
    const countries = await db.selectFrom("practice_facets").select("country").distinct().where("region", "=", filter.region).execute();
    conditions.push(countries.length ? sql`((rowid >> 8) & 1023) in (${sql.join(countries.map((c) => countryCode(c.country)))})` : sql`1 = 0`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * SQLite: an FTS5 table (unicode61 over the token text) whose rowid carries the practice's key
 * and facets (practice-facet-key.ts); bm25 with titles weighted 4×. Ranking and facet counts
 * read only what FTS5 returns with each match — no lookup per match.
 */
const sqliteIndex: FullTextIndex = {
  async write(trx, docs) {
    for (let i = 0; i < docs.length; i += 200) {
      const chunk = docs.slice(i, i + 200);
      for (const d of chunk) if (d.replaces) await sql`delete from practice_fts where rowid >= ${firstKey(d.doc)} and rowid < ${firstKey(d.doc + 1)}`.execute(trx);
      const values = chunk.map((d) => sql`(${facetKey(d.doc, d.facets)}, ${d.tokens.title.join(" ")}, ${d.tokens.body.join(" ")})`);
      await sql`insert into practice_fts (rowid, title, body) values ${sql.join(values)}`.execute(trx);
    }
  },
  async remove(trx, doc) {
    await sql`delete from practice_fts where rowid >= ${firstKey(doc)} and rowid < ${firstKey(doc + 1)}`.execute(trx);
  },
  async search(db, terms, filter, limit, offset, reader) {
    const match = fts5Match(terms);
    const where = await keyConditions(db, filter);
    // One character per match, U+10000 + its 18-bit facet code: counted in JS without a GROUP BY sort.
    const codesQuery = sql<{ codes: string | null }>`
      select group_concat(char(65536 + (rowid & ${FACET_SPAN - 1})), '') as codes
      from practice_fts where practice_fts match ${match} and ${where}`;
    // Both statements walk every match; the count goes to the second connection first, so that
    // both cores work at once. The two read committed data: a write landing between them can
    // make the counts one commit newer than the hits.
    const compiled = codesQuery.compile(db);
    const parallel = reader?.get<{ codes: string | null }>(compiled.sql, compiled.parameters).catch(() => undefined);
    const hits = await sql<{ doc: number; score: number }>`
      select rowid >> ${FACET_BITS} as doc, -bm25(practice_fts, 4.0, 1.0) * (case when rowid & 1 then ${MEASURED_BOOST} else 1.0 end) as score
      from practice_fts where practice_fts match ${match} and ${where}
      order by score desc, rowid limit ${limit} offset ${offset}`.execute(db);
    const fromReader = parallel ? await parallel : undefined;
    const codes = fromReader ?? (await codesQuery.execute(db)).rows[0];
    return { hits: hits.rows.map((h) => ({ doc: Number(h.doc), score: Number(h.score) })), counts: codesOfKeys(tallyKeyCodes(codes?.codes ?? "")) };
  },
  async optimize(db) {
    await sql`insert into practice_fts (practice_fts) values ('optimize')`.execute(db);
  },
  async hasPrefix(db, prefix) {
    const r = await sql`select 1 from practice_fts_vocab where term >= ${prefix} and term < ${prefix + "\u{10FFFF}"} limit 1`.execute(db);
    return r.rows.length > 0;
  },
  async vocabulary(db, word) {
    const [lo, hi] = lengthWindow(word);
    // fts5vocab answers range constraints on `term` from the index: words that share the first
    // letter (spelling mistakes rarely hit it), instead of a scan of the whole vocabulary.
    const first = [...word][0] ?? "";
    const r = await sql<IndexTerm>`select term, doc as documents from practice_fts_vocab
      where term >= ${first} and term < ${first + "\u{10FFFF}"} and length(term) between ${lo} and ${hi}`.execute(db);
    return r.rows;
  },
};

/** PostgreSQL: a tsvector column ('simple' configuration, titles weight A, the rest B) with a GIN index; ts_rank. */
const postgresIndex: FullTextIndex = {
  async write(trx, docs) {
    for (const d of docs) {
      await sql`update practices set search_vector =
        setweight(to_tsvector('simple', ${d.tokens.title.join(" ")}), 'A') || setweight(to_tsvector('simple', ${d.tokens.body.join(" ")}), 'B')
        where doc = ${d.doc}`.execute(trx);
    }
  },
  async remove() {
    // The vector is a column of the practice row: it goes with it.
  },
  async optimize() {
    // The GIN index merges its pending list itself (autovacuum).
  },
  async hasPrefix(db, prefix) {
    const r = await sql`select 1 from practices where search_vector @@ to_tsquery('simple', ${tsQuery([prefix])}) limit 1`.execute(db);
    return r.rows.length > 0;
  },
  async search(db, terms, filter, limit, offset) {
    const q = tsQuery(terms);
    const matches = sql<{ doc: number; rank: number }>`select doc, ts_rank(search_vector, q) as rank from practices, to_tsquery('simple', ${q}) q where search_vector @@ q`;
    const docs = sql<{ doc: number }>`select doc from practices where search_vector @@ to_tsquery('simple', ${q})`;
    return joinedSearch(db, { matches, docs }, "postgres", filter, limit, offset);
  },
  async vocabulary(db, word) {
    const [lo, hi] = lengthWindow(word);
    const trgm = await sql<{ n: number }>`select cast(count(*) as integer) as n from pg_extension where extname = 'pg_trgm'`.execute(db);
    // ts_stat reads every vector: fine for a library of thousands; only run when a query found nothing.
    const r = trgm.rows[0]?.n
      ? await sql<IndexTerm>`select word as term, ndoc as documents from ts_stat('select search_vector from practices')
          where length(word) between ${lo} and ${hi} and similarity(word, ${word}) > 0.2 order by similarity(word, ${word}) desc limit 50`.execute(db)
      : await sql<IndexTerm>`select word as term, ndoc as documents from ts_stat('select search_vector from practices') where length(word) between ${lo} and ${hi}`.execute(db);
    return r.rows.map((t) => ({ term: t.term, documents: Number(t.documents) }));
  },
};

export function fullTextIndex(dialect: Dialect): FullTextIndex {
  return dialect === "postgres" ? postgresIndex : sqliteIndex;
}
