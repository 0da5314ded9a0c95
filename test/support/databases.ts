import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, migrateToLatest, openDatabase } from "../../src/db/index.js";

export type DialectName = "sqlite" | "postgres";
export const DIALECTS: DialectName[] = ["sqlite", "postgres"];

/** A fresh, migrated database of the given kind; `drop()` removes it. */
export interface TestDatabase {
  database: Database;
  /** Config that opens the same database again (e.g. for a subprocess). */
  config: { databaseUrl: string | null; sqlitePath: string };
  drop(): Promise<void>;
}

let counter = 0;

export async function createTestDatabase(kind: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "citybridge-test-"));
    const config = { databaseUrl: null, sqlitePath: join(dir, "test.db") };
    const database = openDatabase(config);
    if (migrate) await migrateToLatest(database.db);
    return {
      database,
      config,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject("pgAdminUrl");
  const name = `cb_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = { databaseUrl: url.toString(), sqlitePath: "" };
  const database = openDatabase(config);
  if (migrate) await migrateToLatest(database.db);
  return {
    database,
    config,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
