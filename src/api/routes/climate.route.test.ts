import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadClimateFixture } from "../../../test/support/climate-fixture.js";

describe.each(DIALECTS)("climate API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadClimateFixture(c);
    },
    (s) => ({ app } = s),
  );

  const get = (url: string) => app.inject({ method: "GET", url });
  const send = (method: "POST" | "PUT" | "DELETE", url: string, payload?: unknown) => app.inject({ method, url, payload: payload as object });

  it("lists and finds emission factors by id and text, with their sources", async () => {
    const diesel = (await get("/api/v1/emission-factors?q=diesel")).json();
    expect(diesel.items.map((f: { id: string }) => f.id)).toEqual(["ipcc2006:gas-diesel-oil"]);
    expect(diesel.items[0]).toMatchObject({ gases: [{ gas: "CO2", value: 74100, unit: "kg/TJ" }], ncvTjPerGg: 43, source: "ipcc-2006-v2-ch1", builtin: true });
    expect((await get("/api/v1/emission-factors/cn-mee:grid:national:2022")).json()).toMatchObject({ gases: [{ value: 0.5366, unit: "kg/kWh" }], source: "cn-mee-grid-2022", year: 2022 });
    expect((await get("/api/v1/emission-factors/ember:CHN")).json()).toMatchObject({ gases: [{ value: 557.5, unit: "g/kWh" }], region: "CN" });
    const page = (await get("/api/v1/emission-factors?kind=grid&limit=5")).json();
    expect(page.items).toHaveLength(5);
    const next = (await get(`/api/v1/emission-factors?kind=grid&limit=5&after=${page.next}`)).json();
    expect(next.items[0].id > page.items[4].id).toBe(true);
    expect((await get("/api/v1/emission-factors/ipcc2006:nothing")).statusCode).toBe(404);
  });

  it("adds a user's factor with a citation as its source, and refuses the shipped namespaces and bad units", async () => {
    const body = { id: "chongqing:district-heat", names: { en: "District heat, Chongqing" }, gases: [{ gas: "CO2", value: 0.25, unit: "kg/kWh" }], source: "Chongqing heat utility report 2022" };
    const r = await send("POST", "/api/v1/emission-factors", body);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: "chongqing:district-heat", builtin: false, source: "chongqing-heat-utility-report-2022" });
    expect((await send("POST", "/api/v1/emission-factors", body)).statusCode).toBe(409);
    const reserved = await send("POST", "/api/v1/emission-factors", { ...body, id: "ipcc2006:mine" });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().errors[0]).toMatchObject({ path: "id" });
    const unit = await send("POST", "/api/v1/emission-factors", { ...body, id: "x:y", gases: [{ gas: "CO2", value: 1, unit: "kWh/kg" }] });
    expect(unit.statusCode).toBe(400);
    expect((await send("POST", "/api/v1/emission-factors", { ...body, id: "x:z", source: "" })).statusCode).toBe(400);
  });

  it("creates, edits and finalises an inventory; a stale version gets 409 with the current one", async () => {
    const created = await send("POST", "/api/v1/cities/prague-cz/inventories", {
      year: 2022,
      population: 1.3e6,
      activities: [{ gpc: "I.1.1", amount: 1000, unit: "TJ", factor: "ipcc2006:natural-gas" }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().inventory.id as string;
    expect(created.json().result).toMatchObject({ gwp: "ar5", total: { basic: 56100 } });

    const gpc = (await get("/api/v1/gpc")).json();
    const basic = gpc.reference.sectors.flatMap((s: { subsectors: { references: { ref: string; basic: boolean }[] }[] }) => s.subsectors.flatMap((x) => x.references)).filter((r: { basic: boolean }) => r.basic);
    const activities = [
      { gpc: "I.1.1", amount: 1000, unit: "TJ", factor: "ipcc2006:natural-gas" },
      ...basic.filter((r: { ref: string }) => r.ref !== "I.1.1").map((r: { ref: string }) => ({ gpc: r.ref, notationKey: "NE" })),
    ];
    const put = await send("PUT", `/api/v1/inventories/${id}`, { version: 1, activities });
    expect(put.statusCode).toBe(200);
    expect(put.json().completeness.basicComplete).toBe(true);

    const stale = await send("PUT", `/api/v1/inventories/${id}`, { version: 1, notes: "mine" });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(stale.json().current.inventory).toMatchObject({ id, version: 2 });

    const fin = await send("POST", `/api/v1/inventories/${id}/finalise`, { version: 2 });
    expect(fin.statusCode).toBe(200);
    expect(fin.json().inventory.status).toBe("final");
    const obs = (await get("/api/v1/cities/prague-cz/observations?indicator=ghg.per_capita")).json().items;
    expect(obs).toEqual([expect.objectContaining({ period: "2022", value: 0.043154, source: "inventory-prague-cz-2022" })]);
    const list = (await get("/api/v1/cities/prague-cz/inventories")).json();
    expect(list.items).toEqual([expect.objectContaining({ id, year: 2022, status: "final", version: 3, basicComplete: true })]);
    expect((await send("DELETE", `/api/v1/inventories/${id}`)).statusCode).toBe(409);
  });

  it("imports activity CSV, answering 422 with every row problem and writing nothing", async () => {
    const id = (await send("POST", "/api/v1/cities/malaga-es/inventories", { year: 2021 })).json().inventory.id as string;
    const bad = await app.inject({
      method: "POST",
      url: `/api/v1/inventories/${id}/import?version=1`,
      headers: { "content-type": "text/csv" },
      payload: "gpc,amount,unit,factor\nI.1.1,10,TJ,ipcc2006:natural-gas\nI.1.2,5,MWh,ember:NOPE\n",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 3, column: "factor", value: "ember:NOPE" })]);
    const good = await app.inject({
      method: "POST",
      url: `/api/v1/inventories/${id}/import?version=1`,
      headers: { "content-type": "text/csv" },
      payload: "gpc,amount,unit,factor\nI.1.1,10,TJ,ipcc2006:natural-gas\nI.1.2,5,MWh,ember:ESP\n",
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().result.total.basic).toBeCloseTo(561 + 0.73075, 6) // 5,000 kWh × 146.15 g/kWh = 0.73075 t;
    const crf = (await get(`/api/v1/inventories/${id}/crf`)).json();
    expect(crf.rows[0]).toMatchObject({ row: "residential", scope1: 561, scope2: 0.73075, scope3: null });
    const file = await get(`/api/v1/inventories/${id}/export?format=crf`);
    expect(file.headers["content-disposition"]).toContain("inventory-malaga-es-2021-crf.csv");
  });

  it("computes an inventory file without storing it, naming the activity's index on bad input", async () => {
    const ok = await send("POST", "/api/v1/inventories/compute?gwp=ar6", { population: 10, activities: [{ gpc: "III.1.1", emissions: [{ gas: "CH4", value: 1, unit: "t" }] }] });
    expect(ok.json()).toMatchObject({ gwp: "ar6", total: { basic: 27 }, perCapita: { basic: 2.7 } });
    const bad = await send("POST", "/api/v1/inventories/compute", { activities: [{ gpc: "I.1.1", notationKey: "NO" }, { gpc: "X.1.1", notationKey: "NO" }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: "activities[1].gpc", value: "X.1.1" })]);
  });

  it("stores a target and planned actions and returns the pathway", async () => {
    const tg = await send("POST", "/api/v1/cities/mannheim-de/targets", { type: "base-year", baseYear: 2019, baseEmissions: 2e6, targetYear: 2030, reductionPct: 55, netZeroYear: 2040 });
    expect(tg.statusCode).toBe(201);
    const action = await send("POST", "/api/v1/cities/mannheim-de/actions", { names: { en: "Tram extension" }, startYear: 2024, fullYear: 2026, reductionTCO2e: 1e5 });
    expect(action.statusCode).toBe(201);
    const p = await get(`/api/v1/cities/mannheim-de/pathway?target=${tg.json().id}`);
    expect(p.statusCode).toBe(200);
    const body = p.json();
    expect(body.trajectory.at(-1)).toEqual({ year: 2040, tCO2e: 0 });
    expect(body.wedges).toHaveLength(1);
    expect(body.ndc.checks.map((c: { status: string }) => c.status)).toEqual(["not-comparable", "meets"]);
    expect(body.referenceLines.map((l: { id: string; available: boolean }) => [l.id, l.available])).toEqual([
      ["ipcc-ar6-1.5c", true],
      ["net-zero-2050", true],
      ["c40-2.9t-2030", false],
    ]);
    const stale = await send("PUT", `/api/v1/targets/${tg.json().id}`, { type: "base-year", baseYear: 2019, baseEmissions: 2e6, targetYear: 2030, reductionPct: 60, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.reductionPct).toBe(55);
    // A climate action is deleted at its own path; /actions/{id} is a cooperation's action.
    expect((await send("DELETE", `/api/v1/actions/${action.json().id}`)).statusCode).toBe(404);
    expect((await send("DELETE", `/api/v1/climate-actions/${action.json().id}`)).statusCode).toBe(204);
    expect((await get(`/api/v1/cities/mannheim-de/actions`)).json().items).toEqual([]);
  });

  it.each([
    ["POST", "/api/v1/cities/prague-cz/targets", { type: "base-year", baseYear: 2019, baseEmissions: 1, targetYear: 2030 }, 400, "reductionPct"],
    ["POST", "/api/v1/cities/prague-cz/targets", { type: "weird", baseYear: 2019, baseEmissions: 1, targetYear: 2030 }, 400, "type"],
    ["POST", "/api/v1/cities/prague-cz/inventories", { year: 1800 }, 400, "year"],
    ["POST", "/api/v1/cities/atlantis-xx/inventories", { year: 2020 }, 404, null],
    ["PUT", "/api/v1/inventories/not-a-uuid", { version: 1 }, 400, "id"],
    ["PUT", "/api/v1/inventories/7d444840-9dc0-11d1-b245-5ffdce74fad2", { version: 1 }, 404, null],
  ] as const)("%s %s answers 4xx problem+json naming the field", async (method, url, payload, status, path) => {
    const r = await send(method, url, payload);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    if (path) expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
