import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "../../domain/observation.js";
import type { ObservationInput } from "./observation.repository.js";
import type { AppContext } from "../../services/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { useTestContext } from "../../../test/support/context.js";

const obs = (city: string, indicator: string, period: string, value: number, source = "who-aqg-2021"): ObservationInput => ({
  city,
  indicator,
  period,
  value,
  source,
  note: null,
  importedBy: "test",
  importedAt: "2026-01-01T00:00:00.000Z",
});

describe.each(DIALECTS)("ObservationRepository on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await ctx.observations.upsert([
      obs("chongqing-cn", "air.pm25_annual", "2018", 45),
      obs("chongqing-cn", "air.pm25_annual", "2019", 38),
      obs("chongqing-cn", "air.pm25_annual", "2019", 40, "eu-2008-50-ec"),
      obs("zhengzhou-cn", "air.pm25_annual", "2017", 66),
      obs("zhengzhou-cn", "air.pm25_annual", "2017-06-30", 70),
      obs("malaga-es", "air.no2_annual", "2020", 22.5),
    ]);
  });

  it("counts inserted and updated rows but not identical ones", async () => {
    expect(await ctx.observations.upsert([obs("chongqing-cn", "air.pm25_annual", "2018", 45)])).toBe(0);
    expect(await ctx.observations.upsert([obs("chongqing-cn", "air.pm25_annual", "2018", 46)])).toBe(1);
    expect(await ctx.observations.upsert([obs("chongqing-cn", "air.pm25_annual", "2018", 45)])).toBe(1);
  });

  it("stores provenance, and a change of provenance alone is an update", async () => {
    const withPlace = { ...obs("chongqing-cn", "air.pm25_annual", "2018", 45), place: "Chongqing Shi", match: "name", basis: "measured" as const, quality: "temporal coverage 98.2 %" };
    expect(await ctx.observations.upsert([withPlace])).toBe(1);
    expect(await ctx.observations.upsert([withPlace])).toBe(0);
    const stored = (await ctx.observations.forCity("chongqing-cn", "air.pm25_annual")).find((o) => o.period === "2018" && o.source === "who-aqg-2021");
    expect(stored).toMatchObject({ place: "Chongqing Shi", match: "name", basis: "measured", quality: "temporal coverage 98.2 %" });
    expect(await ctx.observations.upsert([{ ...withPlace, basis: "modelled" }])).toBe(1);
    expect(await ctx.observations.upsert([obs("chongqing-cn", "air.pm25_annual", "2018", 45)])).toBe(1);
    const cleared = (await ctx.observations.forCity("chongqing-cn", "air.pm25_annual")).find((o) => o.period === "2018" && o.source === "who-aqg-2021");
    expect(cleared).toMatchObject({ place: null, match: null, basis: null, quality: null });
  });

  it("gives each city's latest value of an indicator, dates after their year", async () => {
    expect(await ctx.observations.latest("air.pm25_annual")).toEqual([
      { city: "chongqing-cn", period: "2019", value: 40, source: "eu-2008-50-ec" },
      { city: "zhengzhou-cn", period: "2017-06-30", value: 70, source: "who-aqg-2021" },
    ]);
    expect(await ctx.observations.latest("green.tree_canopy")).toEqual([]);
  });

  it("reads a city's observations by indicator and period", async () => {
    const rows = await ctx.observations.forCity("chongqing-cn");
    expect(rows.map((r) => `${r.period}/${r.source}`)).toEqual(["2018/who-aqg-2021", "2019/eu-2008-50-ec", "2019/who-aqg-2021"]);
    expect(await ctx.observations.forCity("chongqing-cn", "air.no2_annual")).toEqual([]);
  });

  it("pages through observations in key order without repeats", async () => {
    const keys: string[] = [];
    let after: Observation | null = null;
    for (;;) {
      const page: Observation[] = await ctx.observations.page({}, after, 2);
      if (page.length === 0) break;
      keys.push(...page.map((o) => [o.city, o.indicator, o.period, o.source].join("\u0000")));
      after = page[page.length - 1]!;
    }
    expect(keys).toHaveLength(6);
    expect([...keys].sort()).toEqual(keys);
    expect(await ctx.observations.page({ city: "malaga-es" }, null, 10)).toHaveLength(1);
    expect(await ctx.observations.count({ indicator: "air.pm25_annual" })).toBe(5);
  });
});
