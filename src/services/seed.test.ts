import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import type { AppContext } from "./context.js";
import { seed, type SeedSummary } from "./seed.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("seed on %s", (dialect) => {
  let ctx: AppContext;
  let first: SeedSummary;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    first = await seed(ctx);
  });

  it("loads thousands of cities, including the five Chinese IUC pilot cities with Chinese names", async () => {
    expect(first.cities).toBeGreaterThan(4000);
    expect(await ctx.cities.count()).toBe(first.cities);
    for (const [slug, zh] of [["chongqing-cn", "重庆市"], ["zhengzhou-cn", "郑州市"], ["changchun-cn", "长春市"], ["shantou-cn", "汕头市"], ["longyan-cn", "龙岩市"]]) {
      expect((await ctx.cities.get(slug!))?.names.zh, slug).toBe(zh);
    }
    expect(await ctx.cities.get("mannheim-de")).not.toBeNull();
    expect(await ctx.cities.get("malaga-es")).not.toBeNull();
  });

  it("gives Longyan its cited census population instead of GeoNames' zero", async () => {
    expect((await ctx.cities.get("longyan-cn"))?.population).toEqual({ value: 2723637, year: 2020, source: "cn-census-2020-longyan" });
  });

  it("loads Chongqing's CEADs CO2 series 1997–2019 with its source", async () => {
    const series = await ctx.observations.forCity("chongqing-cn", "ghg.co2_total");
    const ceads = series.filter((o) => o.source === "ceads-2022");
    expect(ceads.map((o) => o.period)).toEqual(Array.from({ length: 23 }, (_, i) => String(1997 + i)));
    expect(ceads.every((o) => o.value > 50e6 && o.value < 500e6)).toBe(true);
    expect((await ctx.sources.get("ceads-2022"))?.citation).toMatch(/Shan/);
  });

  it("loads CDP-reported totals and country grid intensity", async () => {
    expect(first.observations["cdp-ghg.csv"]!.rows).toBeGreaterThan(500);
    const paris = await ctx.observations.forCity("paris-fr", "ghg.total");
    expect(paris.length).toBeGreaterThan(0);
    expect(paris[0]!.note).toMatch(/reported to CDP in \d{4}/);
    const grid = await ctx.observations.latest("energy.grid_intensity");
    expect(grid.length).toBeGreaterThan(4000);
  });

  it("changes nothing when run again", async () => {
    const again = await seed(ctx);
    for (const r of Object.values(again.observations)) expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: r.rows });
    expect(await ctx.cities.count()).toBe(first.cities);
  });
});
