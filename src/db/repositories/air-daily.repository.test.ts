import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addBeijing, airDay as day } from "../../../test/support/air.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { createContext } from "../../services/context.js";
import { AirDailyRepository } from "./air-daily.repository.js";

describe.each(DIALECTS)("AirDailyRepository on %s", (dialect) => {
  let t: TestDatabase;
  let repo: AirDailyRepository;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const ctx = createContext(t.database);
    await loadFixture(ctx);
    await addBeijing(ctx);
    repo = new AirDailyRepository(t.database.db, t.database.sqlite ? { sqlite: t.database.sqlite } : undefined);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.database.db.deleteFrom("air_daily").execute();
  });

  it("stores days field for field and replaces a day written again", async () => {
    await repo.upsert([day("2017-01-01", 95.5), day("2017-01-02", null)]);
    await repo.upsert([day("2017-01-02", 12.25)]);
    const stored = await repo.series("station", "openaq-42");
    const { scope: _scope, subject: _subject, city: _city, importedAt: _at, ...first } = day("2017-01-01", 95.5);
    expect(stored).toHaveLength(2);
    expect(stored[0]).toEqual(first);
    expect(stored[1]!.pollutants.pm25).toEqual({ hours: 24, mean: 12.25, max1h: 24.5, max8h: null });
    expect(stored[1]!.indices.us.primary).toEqual(["pm25", "pm10"]);
  });

  it("writes inside the caller's transaction: a rollback leaves no day behind", async () => {
    const failed = await t.database.db
      .transaction()
      .execute(async (trx) => {
        await new AirDailyRepository(trx, t.database.sqlite ? { sqlite: t.database.sqlite } : undefined).upsert([day("2017-01-01", 95.5), day("2017-01-02", 20)]);
        throw new Error("the import fails after the days are written");
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await repo.series("station", "openaq-42")).toEqual([]);
  });

  it("inserts days handed over one by one, written once done", async () => {
    const inserter = repo.inserter();
    inserter.add(day("2017-01-01", 95.5));
    inserter.add(day("2017-01-02", 20));
    await inserter.done();
    expect((await repo.series("station", "openaq-42")).map((d) => d.pollutants.pm25.mean)).toEqual([95.5, 20]);
  });
});
