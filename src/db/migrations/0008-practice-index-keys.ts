import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * SQLite: the FTS5 rowid of a practice becomes doc × 2^18 + its facet code (country, themes,
 * measured; see src/db/repositories/practice-facet-key.ts), so search ranks, filters and counts
 * facets from the matches alone. Existing index rows are re-keyed; PostgreSQL is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create temp table practice_fts_rekey as
    select x.rowid * 262144
        + ((unicode(substr(f.country, 1, 1)) - 65) * 26 + unicode(substr(f.country, 2, 1)) - 65) * 256
        + f.themes_mask * 2 + f.measured as k,
      x.title, x.body
    from practice_fts x join practice_facets f on f.doc = x.rowid`.execute(db);
  await sql`delete from practice_fts`.execute(db);
  await sql`insert into practice_fts (rowid, title, body) select k, title, body from practice_fts_rekey order by k`.execute(db);
  await sql`drop table practice_fts_rekey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create temp table practice_fts_rekey as select rowid / 262144 as k, title, body from practice_fts`.execute(db);
  await sql`delete from practice_fts`.execute(db);
  await sql`insert into practice_fts (rowid, title, body) select k, title, body from practice_fts_rekey order by k`.execute(db);
  await sql`drop table practice_fts_rekey`.execute(db);
}
