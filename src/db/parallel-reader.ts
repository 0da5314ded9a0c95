import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * A second, read-only connection to a SQLite file, in a worker thread, so that one statement of
 * a request can run on another core while this thread runs the next (SQLite in WAL mode lets
 * readers run beside each other). It sees committed data only: a statement that must see the
 * caller's uncommitted writes does not belong here.
 */
export interface ParallelReader {
  /** The first row of a read-only statement (`undefined` when none). Rejects when the worker fails. */
  get<T>(sql: string, parameters: readonly unknown[]): Promise<T | undefined>;
  close(): Promise<void>;
}

// The worker, as CommonJS source: it opens the file read-only and answers { id, sql, parameters }
// with { id, row } or { id, error }, one statement at a time, keeping prepared statements.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const statements = new Map();
parentPort.on("message", ({ id, sql, parameters }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size > 100) statements.clear();
      statements.set(sql, stmt);
    }
    parentPort.postMessage({ id, row: stmt.get(...parameters) });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

/** A reader of the SQLite file at `path`; its worker starts on the first statement and does not keep the process alive. */
export function openParallelReader(path: string): ParallelReader {
  let worker: Worker | null = null;
  // A worker that failed (it could not open the file, say) is not started again: callers fall back.
  let broken: Error | null = null;
  let closed = false;
  let next = 0;
  const pending = new Map<number, { resolve: (row: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } });
    w.unref();
    w.on("message", (m: { id: number; row?: unknown; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.row);
    });
    w.on("error", (e) => {
      broken = e;
      failAll(e);
    });
    w.on("exit", () => {
      if (!closed) broken ??= new Error("the parallel reader stopped");
      failAll(new Error("the parallel reader stopped"));
    });
    return w;
  };
  return {
    get<T>(sql: string, parameters: readonly unknown[]): Promise<T | undefined> {
      if (broken) return Promise.reject(broken);
      if (closed) return Promise.reject(new Error("the parallel reader is closed"));
      worker ??= start();
      const w = worker;
      const id = next++;
      return new Promise<T | undefined>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (row: unknown) => void, reject });
        // Keep the process alive while a statement is out, so its answer arrives.
        w.ref();
        w.postMessage({ id, sql, parameters });
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
