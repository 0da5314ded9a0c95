import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addBeijing } from "../../../test/support/air.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { createContext } from "../../services/context.js";
import { AirDailyRepository, type AirDayRecord } from "./air-daily.repository.js";

const pollutant = (mean: number | null) => ({ hours: mean === null ? 3 : 24, mean, max1h: mean === null ? null : mean * 2, max8h: null });

function day(date: string, pm25: number | null): AirDayRecord {
  return {
    scope: "station",
    subject: "openaq-42",
    city: "beijing-cn",
    importedAt: "2026-01-01T00:00:00.000Z",
    date,
    stations: 1,
    pollutants: { pm25: pollutant(pm25), pm10: pollutant(80), so2: pollutant(null), no2: pollutant(40.5), co: { ...pollutant(0.7), max8h: 0.9 }, o3: { ...pollutant(60), max8h: 75.25 } },
    indices: {
      cn: { standard: "cn-2012", value: 125, level: 3, primary: ["pm25"] },
      us: { standard: "us-epa-2024", value: 160, level: 4, primary: ["pm25", "pm10"] },
      eu: { standard: "eu-eaqi-2024", value: 5, level: 5, primary: [] },
    },
    sources: ["openaq"],
  };
}

describe.each(DIALECTS)("AirDailyRepository on %s", (dialect) => {
  let t: TestDatabase;
  let repo: AirDailyRepository;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const ctx = createContext(t.database);
    await loadFixture(ctx);
    await addBeijing(ctx);
    repo = new AirDailyRepository(t.database.db, t.database.sqlite);
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
        await new AirDailyRepository(trx, t.database.sqlite).upsert([day("2017-01-01", 95.5), day("2017-01-02", 20)]);
        throw new Error("the import fails after the days are written");
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await repo.series("station", "openaq-42")).toEqual([]);
  });
});
