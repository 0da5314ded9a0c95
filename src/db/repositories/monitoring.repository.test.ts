import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { loadMonitoringFixture } from "../../../test/support/monitoring-fixture.js";
import type { AppContext } from "../../services/context.js";
import { useTestContext } from "../../../test/support/context.js";

describe.each(DIALECTS)("MonitoringRepository on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await loadMonitoringFixture(ctx);
  });

  it("lists a programme's cooperations and their members with coordinates, lead first", async () => {
    const coops = await ctx.monitoring.cooperations({ programmeId: "mon-prog" });
    expect(coops.map((c) => c.id).sort()).toEqual(["mon-bare", "mon-coop"]);
    const members = await ctx.monitoring.members(["mon-coop"]);
    expect(members.map((m) => [m.slug, m.role, m.side])).toEqual([["chongqing-cn", "lead", "a"], ["mannheim-de", "partner", "b"], ["prague-cz", "partner", "b"]]);
    expect(members[0]).toMatchObject({ names: { en: "Chongqing", zh: "重庆市" }, lat: 29.56278, lon: 106.55278 });
  });

  it("reads KPIs with their values in date order and actions with parsed impacts", async () => {
    const [pm] = (await ctx.monitoring.kpis(["mon-coop"])).filter((k) => k.id === "kpi-pm");
    expect(pm).toMatchObject({ baseline: { date: "2018-01-01", value: 100 }, target: { value: 50, year: 2027 } });
    expect(pm!.values.map((v) => [v.date, v.value])).toEqual([["2020-01-01", 95], ["2023-01-01", 90]]);
    const late = (await ctx.monitoring.actions(["mon-coop"])).find((a) => a.id === "act-late");
    expect(late?.impacts).toEqual([{ value: 2000, unit: "tCO2e/yr" }, { value: 1.5, unit: "µg/m³" }]);
  });

  it("reads activities with outputs, programme-wide ones separately", async () => {
    const acts = await ctx.monitoring.activities({ cooperationIds: ["mon-coop"] });
    expect(acts.map((a) => a.id)).toEqual(["actv-visit"]);
    expect(acts[0]!.outputs.map((o) => o.id)).toEqual(["out-mou"]);
    expect((await ctx.monitoring.activities({ programmeId: "mon-prog" })).map((a) => a.id)).toEqual(["actv-decl"]);
  });

  it("joins observations with indicator direction and source citation", async () => {
    const obs = await ctx.monitoring.observations(["chongqing-cn"]);
    expect(obs.map((o) => o.period)).toEqual(["2016", "2017", "2023"]);
    expect(obs[0]).toMatchObject({ indicator: "air.pm25_annual", direction: "lower", unit: "µg/m³", source: { id: "who-aqg-2021" } });
    expect(obs[0]!.source.citation.length).toBeGreaterThan(0);
  });

  it("answers empty lists for no ids and null for an unknown programme", async () => {
    expect(await ctx.monitoring.members([])).toEqual([]);
    expect(await ctx.monitoring.kpis([])).toEqual([]);
    expect(await ctx.monitoring.programme("nope")).toBeNull();
  });
});
