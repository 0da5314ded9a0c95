import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { loadActionPlanFixture } from "../../../test/support/action-plan-fixture.js";
import { DIALECTS } from "../../../test/support/databases.js";

describe.each(DIALECTS)("cooperations API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(dialect, loadActionPlanFixture, (s) => ({ app } = s));

  const get = (url: string) => app.inject({ method: "GET", url });
  const send = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) => app.inject({ method, url, payload: payload as object });
  const base = {
    names: { en: "Chongqing–Mannheim", zh: "重庆—曼海姆" },
    themes: ["transport"],
    startDate: "2017-03-15",
    members: [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "mannheim-de", role: "partner", side: "b" }],
  };

  it("creates a cooperation as proposed, finds it by city, programme filter and status, and moves it proposed → agreed", async () => {
    const r = await send("POST", "/api/v1/cooperations", base);
    expect(r.statusCode).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({ id: expect.stringMatching(/^chongqing-mannheim-[0-9a-f]{6}$/), status: "proposed", origin: "manual", version: 1, allowedTransitions: ["agreed", "discontinued"] });
    expect(c.members).toEqual([
      { slug: "chongqing-cn", names: { en: "Chongqing", zh: "重庆市" }, country: "CN", lat: 29.56278, lon: 106.55278, role: "lead", side: "a" },
      expect.objectContaining({ slug: "mannheim-de", role: "partner", side: "b" }),
    ]);
    expect(c.transitions).toEqual([{ from: null, to: "proposed", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: null }]);
    expect((await get(`/api/v1/cooperations/${c.id}`)).json()).toEqual(c);
    expect((await get("/api/v1/cooperations?city=mannheim-de")).json().cooperations.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await get("/api/v1/cooperations?city=prague-cz")).json().cooperations).toEqual([]);
    expect((await get("/api/v1/cooperations?programme=none")).json().cooperations).toEqual([]);

    const moved = await send("POST", `/api/v1/cooperations/${c.id}/transitions`, { to: "agreed", date: "2099-01-01", note: "MoU signed", version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: "agreed", version: 2, allowedTransitions: ["active", "discontinued"] });
    expect(moved.json().transitions[1]).toEqual({ from: "proposed", to: "agreed", date: "2099-01-01", note: "MoU signed" });
    expect((await get(`/api/v1/cooperations?status=agreed`)).json().cooperations.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it("pages the list with limit and offset, counts every match in total, and refuses a limit over the maximum", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await send("POST", "/api/v1/cooperations", base)).json().id as string);
    const all = (await get("/api/v1/cooperations?city=mannheim-de")).json();
    expect(all).toMatchObject({ total: all.cooperations.length, limit: 100, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const first = (await get("/api/v1/cooperations?city=mannheim-de&limit=2")).json();
    const second = (await get("/api/v1/cooperations?city=mannheim-de&limit=2&offset=2")).json();
    expect(first).toMatchObject({ total: all.total, limit: 2, offset: 0 });
    expect(first.cooperations).toHaveLength(2);
    expect([...first.cooperations, ...second.cooperations].map((c: { id: string }) => c.id)).toEqual(all.cooperations.slice(0, 4).map((c: { id: string }) => c.id));
    // their audit trail pages too: a cursor (`after` the last seq) and the total of every matching entry
    const audit1 = (await get("/api/v1/audit?entity=cooperation&limit=1")).json();
    expect(audit1.entries).toHaveLength(1);
    expect(audit1.total).toBeGreaterThanOrEqual(3);
    const audit2 = (await get(`/api/v1/audit?entity=cooperation&limit=1&after=${audit1.entries[0].seq}`)).json();
    expect(audit2.total).toBe(audit1.total);
    expect(audit2.entries[0].seq).toBeGreaterThan(audit1.entries[0].seq);
    expect((await get("/api/v1/audit?limit=10001")).statusCode).toBe(400);
    for (const q of ["limit=501", "limit=0", "offset=-1", "limit=ten"]) {
      const bad = await get(`/api/v1/cooperations?${q}`);
      expect(bad.statusCode, q).toBe(400);
      expect(bad.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
  });

  it("refuses an illegal transition or an earlier date with the reason in English and Chinese", async () => {
    const c = (await send("POST", "/api/v1/cooperations", base)).json();
    const illegal = await send("POST", `/api/v1/cooperations/${c.id}/transitions`, { to: "completed", date: "2099-01-01", version: 1 });
    expect(illegal.statusCode).toBe(400);
    expect(illegal.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(illegal.json().reason).toEqual({ en: "a cooperation cannot move from proposed to completed; allowed: agreed, discontinued", zh: expect.stringContaining("城市合作不能从") });
    const early = await send("POST", `/api/v1/cooperations/${c.id}/transitions`, { to: "agreed", date: "2000-01-01", version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().reason.en).toMatch(/before the previous status change/);
    expect((await send("POST", `/api/v1/cooperations/${c.id}/transitions`, { to: "agreed", date: "2099-01-01", version: 7 })).statusCode).toBe(409);
  });

  it("rejects invalid bodies naming the field, unknown cities with 404 and two leads with 400", async () => {
    const one = await send("POST", "/api/v1/cooperations", { ...base, members: [base.members[0]] });
    expect(one.statusCode).toBe(400);
    expect(one.json().errors[0].path).toBe("members");
    const role = await send("POST", "/api/v1/cooperations", { ...base, members: [base.members[0], { slug: "mannheim-de", role: "boss" }] });
    expect(role.statusCode).toBe(400);
    expect(role.json().errors[0].path).toBe("members.1.role");
    const unknown = await send("POST", "/api/v1/cooperations", { ...base, members: [base.members[0], { slug: "atlantis-xx", role: "partner" }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain("atlantis-xx");
    const leads = await send("POST", "/api/v1/cooperations", { ...base, members: [base.members[0], { slug: "mannheim-de", role: "lead" }] });
    expect(leads.statusCode).toBe(400);
    expect(leads.json().errors[0].path).toBe("members");
    expect((await send("POST", "/api/v1/cooperations", { ...base, names: {} })).json().errors[0].path).toBe("names.en");
    expect((await get("/api/v1/cooperations/nope")).statusCode).toBe(404);
    expect((await get("/api/v1/cooperations?status=sleeping")).statusCode).toBe(400);
  });

  it("updates names and members with the version; a stale version gets 409 with the current one", async () => {
    const c = (await send("POST", "/api/v1/cooperations", base)).json();
    const r = await send("PATCH", `/api/v1/cooperations/${c.id}`, { version: 1, names: { en: "Chongqing–Mannheim–Prague" }, members: [...base.members, { slug: "prague-cz", role: "partner", side: "b" }] });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, names: { en: "Chongqing–Mannheim–Prague", zh: null } });
    expect(r.json().members.map((m: { slug: string }) => m.slug)).toEqual(["chongqing-cn", "mannheim-de", "prague-cz"]);
    const stale = await send("PATCH", `/api/v1/cooperations/${c.id}`, { version: 1, themes: ["air"] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: c.id, version: 2 });
  });

  it("keeps the action plan with SDGs and Urban Agenda topics, versioned from 0", async () => {
    const c = (await send("POST", "/api/v1/cooperations", base)).json();
    expect((await get(`/api/v1/cooperations/${c.id}/plan`)).json()).toMatchObject({ version: 0, keyFocus: { en: null, zh: null }, sdgs: [] });
    const plan = { version: 0, keyFocus: { en: "Freight rail", zh: "货运铁路" }, sdgs: [11, 9, 11], urbanAgenda: ["urban-mobility"] };
    const saved = await send("PUT", `/api/v1/cooperations/${c.id}/plan`, plan);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, keyFocus: { en: "Freight rail", zh: "货运铁路" }, sdgs: [9, 11], urbanAgenda: ["urban-mobility"], updatedBy: "test-admin@example.org" });
    expect((await send("PUT", `/api/v1/cooperations/${c.id}/plan`, plan)).statusCode).toBe(409);
    const sdg = await send("PUT", `/api/v1/cooperations/${c.id}/plan`, { ...plan, version: 1, sdgs: [18] });
    expect(sdg.statusCode).toBe(400);
    expect(sdg.json().errors[0].path).toBe("sdgs.0");
    expect((await send("PUT", `/api/v1/cooperations/${c.id}/plan`, { ...plan, version: 1, urbanAgenda: ["space"] })).json().errors[0].path).toBe("urbanAgenda.0");
  });

  it("adds, edits and deletes actions with KPIs and values, checking owner, partners, practice, dates and completion", async () => {
    const c = (await send("POST", "/api/v1/cooperations", base)).json();
    const action = {
      titles: { en: "Freight railway link", zh: "货运铁路连接" },
      theme: "transport",
      ownerCity: "chongqing-cn",
      partnerIds: ["org-mannheim-uni"],
      startDate: "2018-01-01",
      endDate: "2019-12-31",
      budget: 10000,
      currency: "EUR",
      status: "in_progress",
      completionPct: 40,
      impact: [{ value: 1200, unit: "tCO2e/yr", label: "freight moved from road" }],
      practiceId: "stockholm-congestion-tax",
    };
    const r = await send("POST", `/api/v1/cooperations/${c.id}/actions`, action);
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({ cooperationId: c.id, titles: action.titles, ownerCity: "chongqing-cn", completionPct: 40, version: 1, impact: [{ value: 1200, unit: "tCO2e/yr", label: "freight moved from road" }] });
    const wrong = async (patch: object, path: string) => {
      const x = await send("POST", `/api/v1/cooperations/${c.id}/actions`, { ...action, ...patch });
      expect(x.statusCode).toBe(400);
      expect(x.json().errors[0].path).toBe(path);
    };
    await wrong({ ownerCity: "prague-cz" }, "ownerCity");
    await wrong({ partnerIds: ["org-none"] }, "partnerIds");
    await wrong({ practiceId: "nothing" }, "practiceId");
    await wrong({ endDate: "2017-01-01" }, "endDate");
    await wrong({ status: "done", completionPct: 90 }, "completionPct");
    await wrong({ completionPct: 101 }, "completionPct");
    await wrong({ status: "paused" }, "status");

    const kpi = { actionId: a.id, indicator: "transport.public_transport_share", city: "chongqing-cn", names: { en: "Rail freight share" }, unit: "%", baselineValue: 10, baselineDate: "2017-12-31", targetValue: 20, targetYear: 2020 };
    const k = await send("POST", `/api/v1/cooperations/${c.id}/kpis`, kpi);
    expect(k.statusCode).toBe(201);
    const kid = k.json().id;
    expect((await send("POST", `/api/v1/cooperations/${c.id}/kpis`, { ...kpi, indicator: "ghg.nothing" })).json().errors[0].path).toBe("indicator");
    expect((await send("POST", `/api/v1/cooperations/${c.id}/kpis`, { ...kpi, city: "prague-cz" })).json().errors[0].path).toBe("city");
    expect((await send("POST", `/api/v1/cooperations/${c.id}/kpis`, { ...kpi, actionId: null })).statusCode).toBe(400);
    expect((await send("POST", `/api/v1/kpis/${kid}/values`, { date: "2018-12-31", value: 12, note: "first year" })).statusCode).toBe(201);
    await send("POST", `/api/v1/kpis/${kid}/values`, { date: "2019-12-31", value: 15 });
    expect((await get(`/api/v1/kpis/${kid}/values`)).json().values.map((v: { value: number }) => v.value)).toEqual([12, 15]);
    expect((await send("PATCH", `/api/v1/kpis/${kid}`, { ...kpi, targetValue: 25, version: 1 })).json()).toMatchObject({ targetValue: 25, version: 2 });
    expect((await send("PATCH", `/api/v1/kpis/${kid}`, { ...kpi, version: 1 })).statusCode).toBe(409);
    expect((await get(`/api/v1/cooperations/${c.id}/kpis?action=${a.id}`)).json().kpis).toHaveLength(1);

    const done = await send("PATCH", `/api/v1/actions/${a.id}`, { ...action, status: "done", completionPct: 100, version: 1 });
    expect(done.json()).toMatchObject({ status: "done", completionPct: 100, version: 2 });
    const stale = await send("PATCH", `/api/v1/actions/${a.id}`, { ...action, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    expect((await get(`/api/v1/actions/${a.id}`)).json().status).toBe("done");
    expect((await get(`/api/v1/cooperations/${c.id}/actions`)).json().actions).toHaveLength(1);
    expect((await send("DELETE", `/api/v1/cooperations/${c.id}/actions/${a.id}`)).statusCode).toBe(204);
    expect((await get(`/api/v1/actions/${a.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/kpis/${kid}/values`)).statusCode).toBe(404);
  });
});
