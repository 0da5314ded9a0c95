import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, type AppContext } from "../../services/context.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/support/databases.js";
import { FIXTURE_CITIES, loadFixture } from "../../../test/support/fixture.js";

describe.each(DIALECTS)("CityRepository on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = createContext(t.database);
    await loadFixture(ctx);
  });
  afterAll(() => t.drop());

  it("finds a city by its English or its Chinese name", async () => {
    for (const q of ["chongqing", "CHONGQING", "重庆", "重庆市"]) {
      const page = await ctx.cities.search({ q, limit: 10 });
      expect(page.items.map((c) => c.slug), q).toEqual(["chongqing-cn"]);
    }
  });

  it("matches names without regard to accents, and local names", async () => {
    expect((await ctx.cities.search({ q: "malaga", limit: 10 })).items.map((c) => c.slug)).toEqual(["malaga-es"]);
    expect((await ctx.cities.search({ q: "Praha", limit: 10 })).items.map((c) => c.slug)).toEqual(["prague-cz"]);
  });

  it("treats LIKE wildcards in a query as plain characters", async () => {
    expect((await ctx.cities.search({ q: "%", limit: 10 })).items).toEqual([]);
    expect((await ctx.cities.search({ q: "_", limit: 10 })).items).toEqual([]);
  });

  it("filters by country and minimum population, most populous first", async () => {
    const cn = await ctx.cities.search({ country: "CN", limit: 10 });
    expect(cn.items.map((c) => c.slug)).toEqual(["chongqing-cn", "zhengzhou-cn", "longyan-cn"]);
    const big = await ctx.cities.search({ minPopulation: 1_000_000, limit: 10 });
    expect(big.items.map((c) => c.slug)).toEqual(["chongqing-cn", "zhengzhou-cn", "prague-cz"]);
  });

  it("pages through every city exactly once with the cursor, cities without population last", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.cities.search({ limit: 2, cursor });
      seen.push(...page.items.map((c) => c.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(FIXTURE_CITIES.length);
    expect(new Set(seen).size).toBe(FIXTURE_CITIES.length);
    expect(seen[0]).toBe("chongqing-cn");
    expect(seen[seen.length - 1]).toBe("longyan-cn");
  });

  it("returns a city as it was stored, and null for an unknown slug", async () => {
    const c = await ctx.cities.get("malaga-es");
    expect(c).toEqual(FIXTURE_CITIES.find((f) => f.slug === "malaga-es"));
    expect(await ctx.cities.get("atlantis-xx")).toBeNull();
  });

  it("lists every city as a map point", async () => {
    const points = await ctx.cities.points();
    expect(points).toHaveLength(FIXTURE_CITIES.length);
    expect(points[0]).toMatchObject({ slug: "chongqing-cn", names: { zh: "重庆市" }, lat: 29.56278, lon: 106.55278 });
  });
});

describe("the PostgreSQL pool", () => {
  it("survives the server closing an idle connection", async () => {
    const t = await createTestDatabase("postgres");
    try {
      const ctx = createContext(t.database);
      // Several queries at once leave several idle connections in the pool.
      expect(await Promise.all([ctx.cities.count(), ctx.cities.count(), ctx.cities.count()])).toEqual([0, 0, 0]);
      // Close every other connection to this database from the server side, as a restart would.
      const { sql } = await import("kysely");
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(t.database.db);
      await new Promise((r) => setTimeout(r, 100));
      expect(await ctx.cities.count()).toBe(0);
    } finally {
      await t.drop();
    }
  });
});
