import { type Kysely, sql } from "kysely";

/**
 * State shared by every server on one database:
 * - `runtime_state`: keyed facts about the database itself — `seed` is `started` while the first
 *   seed runs and `completed` once it has finished, so a server (and its readiness check) knows
 *   whether the reference data is whole, and a seed cut short is run again on the next start.
 * - `rate_limits`: one row per (bucket, client key) with the start of its window and the hits in
 *   it, so sign-in and token creation are limited across servers, not per process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runtime_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("rate_limits")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("client_key", "text", (c) => c.notNull())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limits_pk", ["bucket", "client_key"])
    .execute();
  await db.schema.createIndex("rate_limits_window_start").on("rate_limits").column("window_start").execute();
  // A database that already holds cities was seeded before this table existed.
  await sql`insert into runtime_state (key, value) select 'seed', 'completed' where exists (select 1 from cities)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limits").ifExists().execute();
  await db.schema.dropTable("runtime_state").ifExists().execute();
}
