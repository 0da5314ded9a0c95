import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * PostgreSQL (issue 20): the secondary index of `observations` is on `indicator_code` alone,
 * instead of (indicator_code, city_slug, period).
 *
 * Every imported row is inserted into each index of the table; the three-column index was the
 * most expensive part of a bulk import (1,000,000 new rows: about 3.4 s of the server's CPU of
 * ~7.5 s for the merge, against 1.2 s for the one-column index, measured under load). Keys that
 * repeat are stored once with a list of rows (B-tree deduplication), and a new row goes to the
 * end of its key's list, so the index stays small and an insert compares one column. Its readers
 * are the queries by indicator across cities (latest value per city, counts, pages of an
 * export or an evaluation): they find the indicator's rows through it and sort them (measured on
 * 1,000,000 rows: the latest value per city of an indicator of 250,000 rows as fast as before; a
 * page of 5,000 rows of an indicator 3–8 ms before, 8 ms after). Queries by city use the primary
 * key, as before.
 *
 * SQLite keeps the three-column index (its import already meets its target).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists observations_indicator_city`.execute(db);
  await sql`create index observations_indicator on observations (indicator_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index if exists observations_indicator`.execute(db);
  await sql`create index observations_indicator_city on observations (indicator_code, city_slug, period)`.execute(db);
}
