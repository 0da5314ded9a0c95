import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { STARTUP_LOCK_KEY } from "../src/db/startup-lock.js";
import { BIN, CLI_ENV } from "./support/cli.js";

/**
 * `citybridge db seed` run again (a reseed) takes the same PostgreSQL advisory lock as the first
 * seed of a starting server: two commands started at once on one database seed one after the
 * other, and leave the same rows as one seed does.
 */
interface Seeded {
  code: number | null;
  /** stderr lines with the time each arrived (ms since the start). */
  lines: { at: number; text: string }[];
  exitedAt: number;
}

let adminUrl: string;
const databases: string[] = [];

function urlOf(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const c = new pg.Client({ connectionString: database ? urlOf(database) : adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function createDatabase(tag: string): Promise<string> {
  const name = `cb_seedlock_${tag}_${process.pid}_${Date.now()}`;
  await admin((c) => c.query(`create database ${name}`));
  databases.push(name);
  return name;
}

function seedCommand(database: string, t0: number): { done: Promise<Seeded>; lines: Seeded["lines"] } {
  const child = spawn(process.execPath, [BIN, "db", "seed"], { env: { ...CLI_ENV, DATABASE_URL: urlOf(database) }, stdio: ["ignore", "ignore", "pipe"] });
  const lines: Seeded["lines"] = [];
  let rest = "";
  child.stderr?.on("data", (d: Buffer) => {
    const parts = (rest + d.toString()).split("\n");
    rest = parts.pop() ?? "";
    for (const text of parts) lines.push({ at: Date.now() - t0, text });
  });
  const done = new Promise<Seeded>((resolve) => child.once("exit", (code) => resolve({ code, lines, exitedAt: Date.now() - t0 })));
  return { done, lines };
}

/** Rows per table, but for the tables that record runtime and not reference data. */
async function counts(database: string): Promise<Record<string, number>> {
  return admin(async (c) => {
    const tables = await c.query<{ name: string }>("select tablename as name from pg_tables where schemaname = current_schema() and tablename not in ('runtime_state', 'rate_limits', 'sessions', 'kysely_migration', 'kysely_migration_lock') order by tablename");
    const out: Record<string, number> = {};
    for (const { name } of tables.rows) out[name] = Number((await c.query<{ n: string }>(`select count(*) as n from "${name}"`)).rows[0]?.n);
    return out;
  }, database);
}

describe("db seed on PostgreSQL, twice at once", () => {
  beforeAll(() => {
    adminUrl = inject("pgAdminUrl");
  });
  afterAll(async () => {
    for (const name of databases) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  }, 60_000);

  it("seeds one after the other under the startup lock, and leaves the rows of one seed", async () => {
    const twice = await createDatabase("twice");
    const once = await createDatabase("once");
    const t0 = Date.now();
    // Hold the startup lock of `twice` until both commands wait on it, so they then race for it
    // together; meanwhile the reference database is seeded once by one command.
    const holder = new pg.Client({ connectionString: urlOf(twice) });
    await holder.connect();
    await holder.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    const reference = seedCommand(once, t0);
    const pair = [seedCommand(twice, t0), seedCommand(twice, t0)];
    try {
      for (let i = 0; i < 1200 && !pair.every((p) => p.lines.some((l) => l.text.includes("waiting for it"))); i++) await new Promise((r) => setTimeout(r, 100));
      expect(pair.map((p) => p.lines.some((l) => l.text.includes("waiting for it")))).toEqual([true, true]);
    } finally {
      await holder.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
      await holder.end();
    }
    const [first, second] = (await Promise.all(pair.map((p) => p.done))).sort((x, y) => x.exitedAt - y.exitedAt) as [Seeded, Seeded];
    const ref = await reference.done;
    for (const r of [first, second, ref]) expect(r.code, r.lines.map((l) => l.text).join("\n")).toBe(0);

    // The seeds did not overlap: the later one's first step came after the earlier one's last.
    const steps = (r: Seeded) => r.lines.filter((l) => /^\d+ sources, \d+ indicators, \d+ cities/.test(l.text) || /cooperation programme/.test(l.text));
    expect(steps(first).length).toBe(2);
    expect(steps(second).length).toBe(2);
    expect(steps(second)[0]?.at).toBeGreaterThan(steps(first)[1]?.at ?? Infinity);
    // …because the later one waited for the earlier one's lock at its seed.
    expect(second.lines.some((l) => l.text.includes("another server or command is migrating or seeding this database"))).toBe(true);

    // The same rows as one seed: nothing twice, nothing missing.
    const [got, want] = [await counts(twice), await counts(once)];
    expect(want.cities).toBeGreaterThan(1000);
    expect(want.observations).toBeGreaterThan(1000);
    expect(got).toEqual(want);
    expect(await admin((c) => c.query("select value from runtime_state where key = 'seed'"), twice).then((r) => r.rows)).toEqual([{ value: "completed" }]);
  }, 400_000);
});
