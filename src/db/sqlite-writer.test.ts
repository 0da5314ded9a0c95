import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.js";
import { addBeijing, airDay as day } from "../../test/support/air.js";
import { AirDailyRepository } from "./repositories/air-daily.repository.js";
import { holdConnection, openSqliteWriter, type SqliteWriter } from "./sqlite-writer.js";
import { createContext } from "../services/context.js";
import { loadFixture } from "../../test/support/fixture.js";

describe("openSqliteWriter", () => {
  let t: TestDatabase;
  let writer: SqliteWriter;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const ctx = createContext(t.database);
    await loadFixture(ctx);
    await addBeijing(ctx);
    writer = openSqliteWriter(t.config.sqlitePath);
  });
  afterAll(async () => {
    await writer.close();
    await t.drop();
  });

  const stored = async () => (await t.database.db.selectFrom("air_daily").select("date").orderBy("date").execute()).map((r) => r.date);

  it("writes batches in order within a transaction that the main connection sees once committed", async () => {
    const trx = await writer.db.startTransaction().execute();
    const days = new AirDailyRepository(trx, { writer }).inserter();
    for (let d = 1; d <= 9; d++) days.add(day(`2017-01-0${d}`, d));
    await days.done();
    // A query after the batches sees them; the main connection does not, before the commit.
    expect((await trx.selectFrom("air_daily").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n).toBe(9);
    expect(await stored()).toEqual([]);
    await trx.commit().execute();
    expect(await stored()).toHaveLength(9);
    await t.database.db.deleteFrom("air_daily").execute();
  });

  it("fails the next awaited statement after a failed batch, so the transaction rolls back whole", async () => {
    const trx = await writer.db.startTransaction().execute();
    const repo = new AirDailyRepository(trx, { writer });
    const days = repo.inserter();
    days.add(day("2017-02-01", 1));
    await days.done();
    const again = repo.inserter();
    again.add(day("2017-02-01", 2)); // the same key: the insert fails in the worker
    await again.done();
    const failed = await trx.selectFrom("air_daily").selectAll().execute().catch((e: unknown) => e);
    expect(String(failed)).toMatch(/UNIQUE constraint failed/);
    await trx.rollback().execute();
    expect(await stored()).toEqual([]);
  });

  it("stores days sent as column batches exactly as the one-statement-per-row upsert does", async () => {
    const days = [day("2017-03-01", 95.5), day("2017-03-02", null), { ...day("2017-03-03", 0), sources: ["openaq", "uci-beijing-multisite"] }];
    days[2]!.indices.eu = { standard: "eu-eaqi-2024", value: null, level: null, primary: [] };
    const trx = await writer.db.startTransaction().execute();
    const inserter = new AirDailyRepository(trx, { writer }).inserter();
    for (const d of days) inserter.add(d);
    await inserter.done();
    await trx.commit().execute();
    // Values and their storage classes (a whole number sent as a double is stored as the column's affinity makes it).
    const read = () => t.database.sqlite!.prepare("select *, typeof(pm25_mean) t1, typeof(pm25_hours) t2, typeof(eu_band) t3, typeof(stations) t4 from air_daily order by date").all();
    const viaWriter = read();
    await t.database.db.deleteFrom("air_daily").execute();
    await new AirDailyRepository(t.database.db, { sqlite: t.database.sqlite! }).upsert(days);
    expect(viaWriter).toEqual(read());
    expect(viaWriter.map((r) => (r as { t3: string }).t3)).toEqual(["integer", "integer", "null"]);
    await t.database.db.deleteFrom("air_daily").execute();
  });

  it("holds the main connection: its queries wait, without blocking the thread, until released", async () => {
    const release = await holdConnection(t.database.db);
    let answered = false;
    const query = t.database.db.selectFrom("cities").select("slug").execute().then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    await query;
    expect(answered).toBe(true);
  });
});
