import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Dialect } from "../database.js";
import type { DatabaseSchema } from "../schema.js";

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

/**
 * The database's own full-text index over practices, one implementation per dialect. Writes
 * take the transaction of the practice they index, so the index is never stale.
 */
export interface FullTextIndex {
  /** Replaces the indexed tokens of the practice with integer key `doc`. */
  write(trx: Kysely<DatabaseSchema>, docs: { doc: number; tokens: PracticeTokens }[]): Promise<void>;
  remove(trx: Kysely<DatabaseSchema>, doc: number): Promise<void>;
  /** `select doc, rank` of the practices containing every term (each as a prefix); higher rank is better. */
  matches(terms: string[]): RawBuilder<{ doc: number; rank: number }>;
  /** `select doc` of the same practices, without computing a rank (for counting). */
  docs(terms: string[]): RawBuilder<{ doc: number }>;
  /**
   * The facet code of each matched practice concatenated into one string: the country (two
   * letters) and one character coding measured (bit 0) and the themes (bits 1–7), offset by 48.
   * Counting characters in the caller avoids sorting every match for a GROUP BY.
   */
  facetCodes(): RawBuilder<string>;
  /** True when some indexed word starts with `prefix`. */
  hasPrefix(db: Kysely<DatabaseSchema>, prefix: string): Promise<boolean>;
  /** Index words that may be close spellings of `word` (the engine picks the closest). */
  vocabulary(db: Kysely<DatabaseSchema>, word: string): Promise<IndexTerm[]>;
}

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

/** SQLite: an FTS5 table (unicode61 over the token text) keyed by doc; bm25 with titles weighted 4×. */
const sqliteIndex: FullTextIndex = {
  async write(trx, docs) {
    for (let i = 0; i < docs.length; i += 200) {
      const chunk = docs.slice(i, i + 200);
      await sql`delete from practice_fts where rowid in (${sql.join(chunk.map((d) => d.doc))})`.execute(trx);
      const values = chunk.map((d) => sql`(${d.doc}, ${d.tokens.title.join(" ")}, ${d.tokens.body.join(" ")})`);
      await sql`insert into practice_fts (rowid, title, body) values ${sql.join(values)}`.execute(trx);
    }
  },
  async remove(trx, doc) {
    await sql`delete from practice_fts where rowid = ${doc}`.execute(trx);
  },
  async hasPrefix(db, prefix) {
    const r = await sql`select 1 from practice_fts_vocab where term >= ${prefix} and term < ${prefix + "\u{10FFFF}"} limit 1`.execute(db);
    return r.rows.length > 0;
  },
  matches(terms) {
    return sql<{ doc: number; rank: number }>`select rowid as doc, -bm25(practice_fts, 4.0, 1.0) as rank from practice_fts where practice_fts match ${fts5Match(terms)}`;
  },
  docs(terms) {
    return sql<{ doc: number }>`select rowid as doc from practice_fts where practice_fts match ${fts5Match(terms)}`;
  },
  facetCodes() {
    return sql<string>`group_concat(f.country || char(48 + f.measured + 2 * f.themes_mask), '')`;
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
  async hasPrefix(db, prefix) {
    const r = await sql`select 1 from practices where search_vector @@ to_tsquery('simple', ${tsQuery([prefix])}) limit 1`.execute(db);
    return r.rows.length > 0;
  },
  matches(terms) {
    return sql<{ doc: number; rank: number }>`select doc, ts_rank(search_vector, q) as rank from practices, to_tsquery('simple', ${tsQuery(terms)}) q where search_vector @@ q`;
  },
  docs(terms) {
    return sql<{ doc: number }>`select doc from practices where search_vector @@ to_tsquery('simple', ${tsQuery(terms)})`;
  },
  facetCodes() {
    return sql<string>`string_agg(f.country || chr(48 + f.measured + 2 * f.themes_mask), '')`;
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
