import { sql } from "kysely";
import type { Database } from "./database.js";

/** The fixed PostgreSQL advisory lock key every citybridge server takes around migrate + first seed ("cbmigrat"). */
export const STARTUP_LOCK_KEY = 0x63626d69;

/**
 * Runs `fn` (migrations and the first seed) holding a PostgreSQL session advisory lock on one
 * dedicated connection, so a second server started at the same time waits for the first to finish
 * instead of serving a half-seeded database. The lock goes with the connection: a server killed
 * while holding it releases it. SQLite runs `fn` as is (one server per file).
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
  if (database.dialect !== "postgres") return fn();
  return database.db.connection().execute(async (conn) => {
    const got = await sql<{ got: boolean }>`select pg_try_advisory_lock(${STARTUP_LOCK_KEY}) as got`.execute(conn);
    if (!got.rows[0]?.got) {
      onWait?.();
      await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}
