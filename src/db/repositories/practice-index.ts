import type { Kysely } from "kysely";
import type { Dialect } from "../database.js";
import type { ParallelReader } from "../parallel-reader.js";
import type { PracticeTheme } from "../../domain/practice.js";
import type { DatabaseSchema } from "../schema.js";
import type { KeyFacets } from "./practice-facet-key.js";
import type { FacetCodeCounts } from "./practice-facets.js";
import { postgresIndex } from "./practice-index-postgres.js";
import { sqliteIndex } from "./practice-index-sqlite.js";

export { allDocs, fts5Match, joinedSearch, MEASURED_BOOST, tsQuery } from "./practice-index-shared.js";

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

/** The full-text index of a dialect: FTS5 with facet-carrying keys on SQLite, a tsvector with GIN on PostgreSQL. */
export function fullTextIndex(dialect: Dialect): FullTextIndex {
  return dialect === "postgres" ? postgresIndex : sqliteIndex;
}
