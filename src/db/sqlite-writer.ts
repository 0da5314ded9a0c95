import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { DatabaseSchema } from "./schema.js";
import { WORKER_SOURCE } from "./sqlite-writer-worker.js";

/**
 * A second connection to a SQLite file that writes in a worker thread, for bulk imports: the
 * import's thread computes the next rows while the worker writes the last ones. Statements run
 * in the order they are sent, so a query sees every batch sent before it. `db` is a Kysely
 * instance on that connection (transactions included); `runColumns` sends a batch of rows for
 * one statement without waiting for it — a failed batch fails the next awaited query, so a
 * transaction that awaits anything after its batches (its commit at the latest) cannot commit
 * past a failed one.
 *
 * Its commits leave the WAL as it is; closing the writer checkpoints it in the worker, which
 * then ends without being waited for (a process that exits first leaves the WAL to the next
 * connection, as SQLite does after any crash: nothing committed is lost).
 *
 * It is a writer beside the main connection: while it holds a write transaction, writes on the
 * main connection wait (see holdConnection to make them wait without blocking the thread).
 */
export interface SqliteWriter {
  readonly db: Kysely<DatabaseSchema>;
  runColumns(sql: string, batch: ColumnBatch): void;
  close(): Promise<void>;
}

/**
 * Rows for one statement, its parameters by kind: `layout` has a letter per parameter, n for a
 * number (from `numbers`, NaN for NULL) or t for a text (`strings[codes[i]]`); each row takes the
 * next values of `numbers` and `codes` in layout order. A batch's texts repeat (its rows share a
 * station, a city, a source…): each distinct text is in `strings` once. `numbers` and `codes` are
 * handed over to the worker, not copied.
 */
export interface ColumnBatch {
  rows: number;
  layout: string;
  numbers: Float64Array;
  codes: Int32Array;
  strings: (string | null)[];
}

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

interface Answer {
  id: number;
  rows?: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
  error?: string;
}

/** Opens a writer on the SQLite file at `path`; its worker starts at once, so that it is ready when the first rows are. */
export function openSqliteWriter(path: string): SqliteWriter {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
  let next = 0;
  let failed: Error | null = null;
  const pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("message", (a: Answer) => {
    const p = pending.get(a.id);
    pending.delete(a.id);
    if (a.error !== undefined) {
      const e = new Error(a.error);
      // A batch nobody waits for fails the next statement instead.
      if (p) p.reject(e);
      else failed ??= e;
    } else p?.resolve(a);
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the SQLite writer stopped")));

  /** Reports a batch's failure once (the statements after it, a rollback say, run as usual). */
  const takeFailure = (): Error | null => {
    const e = failed;
    failed = null;
    return e;
  };
  const post = (message: { sql: string; parameters?: readonly unknown[]; columns?: ColumnBatch }): number => {
    if (dead) throw dead;
    const id = next++;
    const c = message.columns;
    worker.postMessage({ id, ...message }, c ? [c.numbers.buffer as ArrayBuffer, c.codes.buffer as ArrayBuffer] : []);
    return id;
  };
  const query = async (q: CompiledQuery): Promise<QueryResult<unknown>> => {
    const id = post({ sql: q.sql, parameters: q.parameters });
    const answer = new Promise<Answer>((resolve, reject) => pending.set(id, { resolve, reject }));
    const a = await answer.catch((e: Error) => {
      throw takeFailure() ?? e;
    });
    // Answers come in the order of the statements: a batch sent before this query has answered.
    const batchFailure = takeFailure();
    if (batchFailure) throw batchFailure;
    if (a.rows) return { rows: a.rows };
    return { rows: [], numAffectedRows: BigInt(a.changes ?? 0), insertId: a.lastInsertRowid === undefined ? undefined : BigInt(a.lastInsertRowid) };
  };

  const connection: DatabaseConnection = {
    executeQuery: query as DatabaseConnection["executeQuery"],
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error("the SQLite writer does not stream");
    },
  };
  // One connection: one user at a time, as Kysely's own SQLite driver does.
  let busy: Promise<void> | null = null;
  let release: (() => void) | null = null;
  const workerDriver: Driver = {
    init: async () => {},
    acquireConnection: async () => {
      while (busy) await busy;
      busy = new Promise<void>((r) => (release = r));
      return connection;
    },
    beginTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw("begin"))),
    commitTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw("commit"))),
    rollbackTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw("rollback"))),
    releaseConnection: async () => {
      const r = release;
      busy = null;
      release = null;
      r?.();
    },
    destroy: async () => {},
  };
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => workerDriver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
  const db = new Kysely<DatabaseSchema>({ dialect });
  return {
    db,
    runColumns: (sql, columns) => {
      const e = takeFailure();
      if (e) throw e;
      post({ sql, columns });
    },
    close: async () => {
      await db.destroy();
      worker.removeAllListeners("exit");
      if (dead) return;
      // The worker checkpoints what was written (copies the WAL into the database file) and
      // ends on its own; nobody waits for it, and it does not keep the process alive.
      worker.postMessage({ end: true });
      worker.unref();
    },
  };
}

/**
 * Takes a Kysely instance's connection (SQLite has one) and keeps it until the returned function
 * is called: the instance's other queries wait, without blocking the thread, meanwhile.
 */
export function holdConnection(db: Kysely<DatabaseSchema>): Promise<() => void> {
  return new Promise((held) => {
    void db.connection().execute(() => new Promise<void>((release) => held(release)));
  });
}
