import pg from "pg";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/support/databases.js";

describe.each(DIALECTS)("a unit of work's one connection on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("takes concurrent queries one at a time and commits them together", async () => {
    // How many queries the PostgreSQL client was given while another was still running on it.
    let running = 0;
    let overlapped = 0;
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (running > 0) overlapped++;
      running++;
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) void result.finally(() => running--).catch(() => {});
      else running--;
      return result;
    } as typeof original;
    try {
      const db = t.database.db;
      const answers = await t.database.inTransaction(async () => {
        await db.insertInto("sources").values({ id: "ambient-test", citation: "a test", url: null, licence: null, created_at: "2026-01-01T00:00:00Z" }).execute();
        const slow = kind === "postgres" ? sql<{ n: number }>`select 1 as n from pg_sleep(0.05)` : sql<{ n: number }>`select 1 as n`;
        return Promise.all([
          slow.execute(db).then((r) => Number(r.rows[0]!.n)),
          db.selectFrom("sources").select("id").where("id", "=", "ambient-test").execute().then((r) => r.length),
          sql<{ n: number }>`select 3 as n`.execute(db).then((r) => Number(r.rows[0]!.n)),
        ]);
      });
      expect(answers).toEqual([1, 1, 3]);
      if (kind === "postgres") expect(overlapped).toBe(0);
      expect(await db.selectFrom("sources").select("id").where("id", "=", "ambient-test").execute()).toHaveLength(1);
    } finally {
      pg.Client.prototype.query = original;
    }
  });

  it("rolls every query back when one of the concurrent ones fails, and the next unit of work runs", async () => {
    const db = t.database.db;
    await expect(
      t.database.inTransaction(async () => {
        await db.insertInto("sources").values({ id: "ambient-rolled-back", citation: "a test", url: null, licence: null, created_at: "2026-01-01T00:00:00Z" }).execute();
        await Promise.all([db.selectFrom("sources").select("id").execute(), sql`select * from no_such_table`.execute(db)]);
      }),
    ).rejects.toThrow(/no_such_table|no such table/);
    expect(await db.selectFrom("sources").select("id").where("id", "=", "ambient-rolled-back").execute()).toHaveLength(0);
    expect(await t.database.inTransaction(async () => (await sql<{ n: number }>`select 2 as n`.execute(db)).rows[0]!.n)).toBe(2);
  });
});
