import { sql } from "kysely";
import type { Database } from "./database.js";

/**
 * Inside `database.inTransaction`: waits until no other transaction — of this server or another
 * on the same database — holds the lock named `key`, and holds it until this transaction ends.
 * For a read-then-write that no unique constraint can guard (e.g. "create the cooperations of
 * these pairs unless a cooperation already joins them"). PostgreSQL: a transaction-level advisory
 * lock on a 64-bit hash of the key. SQLite: nothing to do — its write transactions begin
 * immediate, one at a time per database file.
 */
export async function lockForWrite(database: Database, key: string): Promise<void> {
  if (database.dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(database.db);
}
