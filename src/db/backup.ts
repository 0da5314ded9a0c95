import { existsSync, renameSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { InvalidInputError } from "../errors.js";

/**
 * SQLite's online backup API: a consistent copy of a live database, page by page, while the
 * server keeps reading and writing (WAL). Returns the number of pages copied.
 */
export async function backupSqlite(path: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(path)) throw new InvalidInputError(`no database at ${path}`, [{ column: "db", value: path, message: "does not exist" }]);
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const tmp = `${destination}.partial`;
    rmSync(tmp, { force: true });
    const result = await source.backup(tmp);
    renameSync(tmp, destination);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/** Checks that a file is an intact citybridge SQLite database (integrity check + migration table). */
export function checkBackup(file: string): { migrations: string[] } {
  if (!existsSync(file)) throw new InvalidInputError(`no file ${file}`, [{ column: "file", value: file, message: "does not exist" }]);
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new InvalidInputError(`${file} is damaged: ${String(ok)}`);
    const rows = db.prepare("select name from kysely_migration order by name").all() as { name: string }[];
    return { migrations: rows.map((r) => r.name) };
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    throw new InvalidInputError(`${file} is not a citybridge database backup: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at `path` with the backup `file`, through the same backup API (so the
 * write is a proper SQLite transaction on the destination). Stop the server first: a running
 * server would keep serving from its open connection.
 */
export async function restoreSqlite(file: string, path: string): Promise<{ pages: number; migrations: string[] }> {
  const { migrations } = checkBackup(file);
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(path);
    return { pages: result.totalPages, migrations };
  } finally {
    source.close();
  }
}
