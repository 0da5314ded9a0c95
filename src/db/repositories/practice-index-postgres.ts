import { sql } from "kysely";
import type { FullTextIndex, IndexTerm } from "./practice-index.js";
import { joinedSearch, lengthWindow, tsQuery } from "./practice-index-shared.js";

/** PostgreSQL: a tsvector column ('simple' configuration, titles weight A, the rest B) with a GIN index; ts_rank. */
export const postgresIndex: FullTextIndex = {
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

