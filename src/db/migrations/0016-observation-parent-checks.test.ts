import { type Kysely, sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestContext } from "../../../test/support/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import type { AppContext } from "../../services/context.js";
import { down, up } from "./0016-observation-parent-checks.js";

/**
 * On PostgreSQL the foreign keys of `observations` are kept by statement-level triggers (0016);
 * SQLite keeps real foreign keys. Both must refuse and cascade the same way.
 */
describe.each(DIALECTS)("observations' cities, indicators and sources (migration 0016) on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  const db = () => ctx.database.db;
  const row = (city: string, indicator: string, source: string, period = "2020") => ({
    city_slug: city,
    indicator_code: indicator,
    period,
    value: 1,
    source_id: source,
    note: null,
    imported_by: "test",
    imported_at: "2026-12-06T00:00:00.000Z",
  });
  const count = async (city: string) => (await db().selectFrom("observations").select((eb) => eb.fn.countAll<number>().as("n")).where("city_slug", "=", city).executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    await loadFixture(ctx);
    await db().insertInto("sources").values({ id: "t-src", citation: "test source", url: null, licence: null, created_at: "2026-12-06" }).execute();
    await db().insertInto("sources").values({ id: "t-src-unused", citation: "unused", url: null, licence: null, created_at: "2026-12-06" }).execute();
  });

  it("refuses observations whose city, indicator or source does not exist, in a statement of many rows too", async () => {
    await expect(db().insertInto("observations").values(row("nowhere-xx", "air.pm25_annual", "t-src")).execute()).rejects.toThrow(/foreign key/i);
    await expect(db().insertInto("observations").values(row("prague-cz", "air.no_such", "t-src")).execute()).rejects.toThrow(/foreign key/i);
    await expect(db().insertInto("observations").values(row("prague-cz", "air.pm25_annual", "no-such-source")).execute()).rejects.toThrow(/foreign key/i);
    const many = [row("prague-cz", "air.pm25_annual", "t-src", "2018"), row("prague-cz", "air.pm25_annual", "t-src", "2019"), row("nowhere-xx", "air.pm25_annual", "t-src")];
    await expect(db().insertInto("observations").values(many).execute()).rejects.toThrow(/foreign key/i);
    expect(Number(await count("prague-cz"))).toBe(0);
    await db().insertInto("observations").values(many.slice(0, 2)).execute();
    expect(Number(await count("prague-cz"))).toBe(2);
    await expect(db().updateTable("observations").set({ city_slug: "nowhere-xx" }).where("city_slug", "=", "prague-cz").execute()).rejects.toThrow(/foreign key/i);
  });

  it("refuses to delete or rename an indicator or source that observations name, and deletes a city's observations with it", async () => {
    await db().insertInto("observations").values([row("longyan-cn", "air.pm10_annual", "t-src"), row("mannheim-de", "air.pm10_annual", "t-src")]).execute();
    await expect(db().deleteFrom("indicators").where("code", "=", "air.pm10_annual").execute()).rejects.toThrow(/foreign key/i);
    await expect(db().deleteFrom("sources").where("id", "=", "t-src").execute()).rejects.toThrow(/foreign key/i);
    await expect(db().updateTable("sources").set({ id: "t-src-2" }).where("id", "=", "t-src").execute()).rejects.toThrow(/foreign key/i);
    await db().deleteFrom("sources").where("id", "=", "t-src-unused").execute();
    await db().deleteFrom("cities").where("slug", "=", "longyan-cn").execute();
    expect(Number(await count("longyan-cn"))).toBe(0);
    expect(Number(await count("mannheim-de"))).toBe(1);
  });

  it.runIf(dialect === "postgres")("goes down to real foreign keys and comes back up", async () => {
    await down(db() as unknown as Kysely<unknown>);
    const fks = async () => (await sql<{ n: number }>`select cast(count(*) as integer) as n from pg_constraint where conrelid = 'observations'::regclass and contype = 'f'`.execute(db())).rows[0]!.n;
    expect(await fks()).toBe(3);
    await expect(db().insertInto("observations").values(row("nowhere-xx", "air.pm25_annual", "t-src")).execute()).rejects.toThrow(/foreign key/i);
    await up(db() as unknown as Kysely<unknown>);
    expect(await fks()).toBe(0);
    await expect(db().insertInto("observations").values(row("nowhere-xx", "air.pm25_annual", "t-src")).execute()).rejects.toThrow(/foreign key/i);
  });
});
