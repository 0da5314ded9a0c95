import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * PostgreSQL: every data table notifies `citybridge_changes` after each statement that changes it
 * (delivered when the transaction commits; repeats within one transaction are folded into one), so
 * every server's read cache learns of writes made by any server or process. Left out: the tables
 * written on nearly every request that no cached answer shows (sessions, API token use, rate
 * limits, runtime state) and the audit trail, which is written with a change that already notifies.
 * A table added by a later migration gets its trigger there. SQLite needs none (data_version).
 */
export const EXCLUDED = ["sessions", "api_tokens", "rate_limits", "runtime_state", "audit_log", "kysely_migration", "kysely_migration_lock"];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create function citybridge_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('citybridge_changes', '');
      return null;
    end $$`.execute(db);
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  for (const { name } of tables.rows) {
    if (EXCLUDED.includes(name)) continue;
    await sql`create trigger citybridge_notify_change after insert or update or delete or truncate on ${sql.table(name)} for each statement execute function citybridge_notify_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists citybridge_notify_change() cascade`.execute(db);
}
