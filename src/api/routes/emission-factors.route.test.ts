import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadClimateFixture } from "../../../test/support/climate-fixture.js";

/** The library's filters (gas, unit, year, region, source, origin) and their bad input. */
describe.each(DIALECTS)("emission factor library filters on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(dialect, async (c) => { await loadClimateFixture(c); }, (s) => ({ app } = s));
  const ids = async (qs: string) => {
    const r = await app.inject({ method: "GET", url: `/api/v1/emission-factors?limit=500&${qs}` });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { id: string }[]).map((f) => f.id);
  };

  it("filters by gas, unit, year, region, source and origin, alone and together", async () => {
    const mine = { id: "chongqing:district-heat", names: { en: "District heat, Chongqing", zh: "重庆区域供热" }, kind: "other", gases: [{ gas: "N2O", value: 0.002, unit: "kg/kWh" }], year: 2022, region: "CN-CQ-Yuzhong", source: "Chongqing heat utility report 2022" };
    expect((await app.inject({ method: "POST", url: "/api/v1/emission-factors", payload: mine })).statusCode).toBe(201);

    const all = await ids("");
    const n2o = await ids("gas=N2O");
    expect(n2o).toContain("chongqing:district-heat");
    expect(n2o.length).toBeLessThan(all.length);
    expect(await ids("gas=CH4")).not.toContain("chongqing:district-heat");
    // Units compare without case; "kg/TJ" fuels are not kWh factors.
    expect(await ids("unit=KG/KWH")).toContain("chongqing:district-heat");
    expect(await ids("unit=kg/TJ")).toContain("ipcc2006:gas-diesel-oil");
    expect(await ids("unit=kg/TJ")).not.toContain("cn-mee:grid:national:2022");
    expect(await ids("year=2022&kind=grid")).toContain("cn-mee:grid:national:2022");
    expect((await ids("year=2022")).every((id) => !id.startsWith("ipcc2006:"))).toBe(true);
    expect(await ids("region=CN-CQ-Yuzhong")).toEqual(["chongqing:district-heat"]);
    expect(await ids("source=ipcc-2006-v2-ch1")).toContain("ipcc2006:gas-diesel-oil");
    expect(await ids("source=ipcc-2006-v2-ch1&q=diesel&gas=CO2")).toEqual(["ipcc2006:gas-diesel-oil"]);
    const own = await ids("builtin=false");
    const shipped = await ids("builtin=true");
    expect(own).toContain("chongqing:district-heat");
    expect(shipped).toContain("ipcc2006:gas-diesel-oil");
    expect(own.length + shipped.length).toBe(all.length);
    expect(own.some((id) => shipped.includes(id))).toBe(false);
    // A pattern character in the unit is matched as itself.
    expect(await ids("unit=%25")).toEqual([]);
  });

  it.each([
    "gas=CO", "year=twenty", "year=1700", "builtin=maybe", `region=${"x".repeat(101)}`, "unit=", "kind=heat", "limit=0",
  ])("answers ?%s with 400 problem+json", async (qs) => {
    const r = await app.inject({ method: "GET", url: `/api/v1/emission-factors?${qs}` });
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it.each([
    [{ id: "chongqing:x", names: { en: "X" }, gases: [], source: "s" }, 400],
    [{ id: "chongqing:x", names: { en: "X" }, gases: [{ gas: "CO2", value: 1, unit: "kg/kWh" }] }, 400],
    [{ id: "Not An Id", names: { en: "X" }, gases: [{ gas: "CO2", value: 1, unit: "kg/kWh" }], source: "s" }, 400],
    [{ id: "chongqing:x", names: { en: "X" }, gases: [{ gas: "CO2", value: 1, unit: "kWh" }], source: "s" }, 400],
  ])("refuses a bad factor with a 4xx problem+json (%#)", async (body, status) => {
    const r = await app.inject({ method: "POST", url: "/api/v1/emission-factors", payload: body });
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
  });
});
