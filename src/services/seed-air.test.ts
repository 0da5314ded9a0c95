import { beforeAll, describe, expect, it } from "vitest";
import { addBeijing } from "../../test/support/air.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "./context.js";
import { DATA_DIR } from "./seed.js";
import { seedAir } from "./seed-air.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("seedAir on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
  });

  it("skips the Beijing demo when Beijing is not in the database", async () => {
    expect(await seedAir(ctx, DATA_DIR)).toEqual([]);
  });

  it("loads the two Beijing stations, 2013–2017, with their source, and changes nothing when run again", async () => {
    await addBeijing(ctx);
    const steps: string[] = [];
    const first = await seedAir(ctx, DATA_DIR, (m) => steps.push(m));
    expect(first.map((r) => r.stations[0]!.name)).toEqual(["Dongsi", "Aotizhongxin"]);
    expect(steps[0]).toMatch(/PRSA_Data_Dongsi_20130301-20170228\.csv: 1457 station-days of Dongsi for beijing-cn/);
    const stations = await ctx.airStations.forCity("beijing-cn");
    expect(stations.map((s) => [s.name, s.firstDate, s.lastDate, s.source])).toEqual([
      ["Aotizhongxin", "2013-03-01", "2017-02-28", "uci-beijing-multisite"],
      ["Dongsi", "2013-03-01", "2017-02-28", "uci-beijing-multisite"],
    ]);
    expect((await ctx.sources.get("uci-beijing-multisite"))?.citation).toMatch(/10\.24432\/C5RK5G.*Zhang/);
    const observations = await ctx.observations.forCity("beijing-cn");
    await seedAir(ctx, DATA_DIR);
    expect(await ctx.observations.forCity("beijing-cn")).toEqual(observations);
    expect(observations.filter((o) => o.indicator === "air.pm25_annual").map((o) => o.period)).toEqual(["2014", "2015", "2016"]);
  });
});
