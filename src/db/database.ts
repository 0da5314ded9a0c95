import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { createRequire } from "node:module";
import type pgModule from "pg";
import type { Config } from "../config.js";
import { AmbientTransactions } from "./ambient-transaction.js";
import { PgChangeListener } from "./change-listener.js";
import { openParallelReader, type ParallelReader } from "./parallel-reader.js";
import type { DatabaseSchema } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

/** An open database: the Kysely instance and which engine is behind it. */
export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: Dialect;
  /** Where it is, without credentials: the SQLite path or the PostgreSQL host/database. */
  readonly location: string;
  /**
   * SQLite only: the better-sqlite3 handle behind `db` (one connection, so a statement run on it
   * inside a Kysely transaction is part of that transaction). For bulk writes that Kysely's query
   * building makes slow; everything else goes through `db`.
   */
  readonly sqlite?: SQLite.Database;
  /**
   * PostgreSQL only: the pool behind `db`, for what Kysely cannot express (COPY through one
   * client; see ObservationStaging). Everything else goes through `db`.
   */
  readonly pool?: pgModule.Pool;
  /**
   * Changes whenever the data may have changed — SQLite's `data_version` (commits by other
   * connections, e.g. a CLI import) with this connection's `total_changes()` (its own writes);
   * on PostgreSQL a generation bumped by this process's writes and by the commit notifications of
   * every server's (change-listener.ts); null while it cannot tell. Read caches key on it.
   */
  changeToken(): string | null;
  /**
   * Runs `fn` with every query made in its async context — through `db` and every repository —
   * in one transaction (a `db.transaction()` inside becomes a savepoint): committed when fn
   * resolves and `commit(value)` agrees, rolled back otherwise. For a write and its audit row.
   */
  inTransaction<T>(fn: () => Promise<T>, commit?: (value: T) => boolean): Promise<T>;
  /** SQLite files: a read-only second connection in a worker thread, for statements worth running beside others (see parallel-reader.ts). */
  readonly reader: ParallelReader | null;
  close(): Promise<void>;
}

let pgLoaded: typeof pgModule | null = null;

/** pg, required on the first PostgreSQL connection only (SQLite users never load it). */
function loadPg(): typeof pgModule {
  if (pgLoaded) return pgLoaded;
  const pg = createRequire(import.meta.url)("pg") as typeof pgModule;
  // pg returns int8 and numeric as strings; our counts are cast in SQL, but make doubles numbers.
  pg.types.setTypeParser(pg.types.builtins.FLOAT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  return (pgLoaded = pg);
}

/** Opens SQLite (WAL) by default, PostgreSQL when `databaseUrl` is set. */
export function openDatabase(config: Pick<Config, "databaseUrl" | "sqlitePath">): Database {
  if (config.databaseUrl) {
    const pool = new (loadPg().Pool)({ connectionString: config.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, an administrator, a failover) must not crash
    // the process: the pool drops it and opens a new one on the next query.
    pool.on("error", (err) => process.stderr.write(`citybridge: an idle PostgreSQL connection was closed: ${err.message}\n`));
    const ambient = new AmbientTransactions("begin");
    const changes = new PgChangeListener(config.databaseUrl);
    const db = new Kysely<DatabaseSchema>({ dialect: ambient.wrap(new PostgresDialect({ pool })), plugins: [changes.plugin()] });
    const url = new URL(config.databaseUrl);
    const inTransaction = <T>(fn: () => Promise<T>, commit?: (value: T) => boolean) => ambient.run(fn, commit);
    const close = async () => {
      await changes.close();
      await db.destroy();
    };
    return { db, dialect: "postgres", location: `${url.hostname}:${url.port || 5432}${url.pathname}`, pool, changeToken: () => changes.token(), inTransaction, reader: null, close };
  }
  const sqlite = new SQLite(config.sqlitePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Immediate: a request's transaction takes the write lock first, so a commit by another process
  // between its reads and its writes cannot fail it (SQLITE_BUSY_SNAPSHOT).
  const ambient = new AmbientTransactions("begin immediate");
  const db = new Kysely<DatabaseSchema>({ dialect: ambient.wrap(new SqliteDialect({ database: sqlite })) });
  const inTransaction = <T>(fn: () => Promise<T>, commit?: (value: T) => boolean) => ambient.run(fn, commit);
  const totalChanges = sqlite.prepare("select total_changes()").pluck();
  const changeToken = () => (sqlite.open ? `${String(sqlite.pragma("data_version", { simple: true }))}:${String(totalChanges.get())}` : null);
  const reader = config.sqlitePath === ":memory:" || config.sqlitePath === "" ? null : openParallelReader(config.sqlitePath);
  const close = async () => {
    await reader?.close();
    await db.destroy();
  };
  return { db, dialect: "sqlite", location: config.sqlitePath, sqlite, changeToken, inTransaction, reader, close };
}
