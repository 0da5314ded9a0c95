import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadFixture } from "../../../test/support/fixture.js";

const programme = {
  names: { en: "Urban climate twins", zh: "城市气候结对" },
  descriptions: { en: "Pairs EU and Chinese cities." },
  startDate: "2026-01-01",
  endDate: "2028-12-31",
  themes: ["transport", "air"],
  sides: [
    { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] },
    { key: "b", names: { en: "China", zh: "中国" }, countries: ["CN"] },
  ],
  funder: "European Commission",
  eligibility: { minPopulation: 50000 },
};

describe.each(DIALECTS)("programmes API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(dialect, loadFixture, (s) => ({ app } = s));

  const post = (url: string, payload: unknown) => app.inject({ method: "POST", url: `/api/v1${url}`, payload: payload as object });
  const get = (url: string) => app.inject({ method: "GET", url: `/api/v1${url}` });

  it("pages the programme list with limit and offset and a total; a limit over the maximum is 400 problem+json", async () => {
    for (let i = 0; i < 3; i++) expect((await post("/programmes", { ...programme, names: { en: `Paged programme ${i}` } })).statusCode).toBe(201);
    const all = (await get("/programmes")).json();
    expect(all).toMatchObject({ total: all.programmes.length, limit: 100, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const page = (await get("/programmes?limit=1&offset=1")).json();
    expect(page).toMatchObject({ total: all.total, limit: 1, offset: 1 });
    expect(page.programmes.map((p: { id: string }) => p.id)).toEqual([all.programmes[1].id]);
    const bad = await get("/programmes?limit=100000");
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatch(/limit/);
  });

  it("runs a call from programme to accepted application", async () => {
    const p = await post("/programmes", programme);
    expect(p.statusCode, p.body).toBe(201);
    const pid = p.json().id as string;
    expect(pid).toMatch(/^urban-climate-twins-/);
    expect(p.json()).toMatchObject({ createdBy: "test-admin@example.org", version: 1, counts: { calls: 0, applications: 0, cooperations: 0 } });

    const c = await post(`/programmes/${pid}/calls`, { titles: { en: "Call 2026", zh: "2026年征集申请" }, deadline: "2099-12-31", eligibility: { minPopulation: 400000 } });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ open: true, side: null, programmeId: pid });
    const cid = c.json().id as string;

    const ok = await post(`/calls/${cid}/applications`, { city: "zhengzhou-cn", themes: ["transport"], stage: { inventory: true }, contact: { name: "Wang", email: "wang@example.org" } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: "eligible", createdBy: "test-admin@example.org", city: { names: { en: "Zhengzhou", zh: "郑州市" } } });
    // The contact person is for the programme's managers (here the test administrator), not the public.
    const asAdmin = await app.inject({ method: "GET", url: `/api/v1/applications/${ok.json().id}` });
    expect(asAdmin.json().contact).toEqual({ name: "Wang", email: "wang@example.org" });
    for (const url of [`/api/v1/applications/${ok.json().id}`, `/api/v1/calls/${cid}/applications`, `/api/v1/programmes/${pid}/applications`]) {
      const anonymous = await app.inject({ method: "GET", url, headers: { authorization: "" } });
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.body).not.toContain("wang@example.org");
    }
    const bad = await post(`/calls/${cid}/applications`, { city: "mannheim-de" });
    expect(bad.json().status).toBe("ineligible");
    expect(bad.json().eligibility).toContainEqual({
      rule: "minPopulation",
      ok: false,
      reason: { en: "population 307,960 is below the call's minimum of 400,000", zh: "人口 307,960 低于征集申请的最低要求 400,000" },
    });

    const dup = await post(`/calls/${cid}/applications`, { city: "zhengzhou-cn" });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers["content-type"]).toContain("application/problem+json");
    expect(dup.json().detail).toContain("Zhengzhou (zhengzhou-cn) has already applied");

    const refused = await post(`/applications/${bad.json().id}/decision`, { status: "accepted", version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe("only an eligible application can be accepted; this one is ineligible");

    const accepted = await post(`/applications/${ok.json().id}/decision`, { status: "accepted", note: "good fit", version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", decisionNote: "good fit", version: 2 });
    const staleDecision = await post(`/applications/${bad.json().id}/decision`, { status: "declined", version: 7 });
    expect(staleDecision.statusCode).toBe(409);
    expect(staleDecision.json().current).toMatchObject({ status: "ineligible", version: 1 });

    expect((await get(`/calls/${cid}/applications`)).json().applications).toHaveLength(2);
    expect((await get(`/programmes/${pid}/applications?status=accepted`)).json().applications.map((a: { city: { slug: string } }) => a.city.slug)).toEqual(["zhengzhou-cn"]);
    expect((await get(`/applications/${ok.json().id}`)).json().status).toBe("accepted");
    expect((await get(`/programmes/${pid}/calls`)).json().calls[0]).toMatchObject({ id: cid, open: true, applicationCount: 2 });
    expect((await get(`/programmes/${pid}`)).json().counts).toEqual({ calls: 1, applications: 2, cooperations: 0 });
    expect((await get("/programmes")).json().programmes.map((x: { id: string }) => x.id)).toContain(pid);
  });

  it("updates with PATCH and answers a stale version with 409 and the current record", async () => {
    const pid = (await post("/programmes", { names: { en: "Patch me" } })).json().id as string;
    const u = await app.inject({ method: "PATCH", url: `/api/v1/programmes/${pid}`, payload: { funder: "EU Partnership Instrument", version: 1 } });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ funder: "EU Partnership Instrument", version: 2 });
    const s = await app.inject({ method: "PATCH", url: `/api/v1/programmes/${pid}`, payload: { funder: "EC", version: 1 } });
    expect(s.statusCode).toBe(409);
    expect(s.json().current).toMatchObject({ funder: "EU Partnership Instrument", version: 2 });

    const cid = (await post(`/programmes/${pid}/calls`, { titles: { en: "Old call" }, deadline: "2020-01-31" })).json().id as string;
    expect((await get(`/calls/${cid}`)).json().open).toBe(false);
    const late = await post(`/calls/${cid}/applications`, { city: "prague-cz" });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain("the call closed on 2020-01-31");
    const cu = await app.inject({ method: "PATCH", url: `/api/v1/calls/${cid}`, payload: { deadline: "2099-01-31", version: 1 } });
    expect(cu.json()).toMatchObject({ open: true, version: 2 });
  });

  it.each([
    ["GET", "/programmes/nope", undefined, 404],
    ["GET", "/calls/nope", undefined, 404],
    ["GET", "/applications/nope", undefined, 404],
    ["GET", "/calls/nope/applications", undefined, 404],
    ["POST", "/programmes/nope/calls", { titles: { en: "x" }, deadline: "2099-01-01" }, 404],
    ["POST", "/programmes", { names: { en: "" } }, 400],
    ["POST", "/programmes", { names: { en: "x" }, themes: ["bikes"] }, 400],
    ["POST", "/programmes", { names: { en: "x" }, startDate: "2026-02-30" }, 400],
    ["POST", "/programmes", { names: { en: "x" }, sides: [{ key: "a", names: { en: "EU" }, countries: ["Germany"] }] }, 400],
    ["POST", "/programmes", { names: { en: "x" }, eligibility: { minPopulation: -1 } }, 400],
    ["PATCH", "/programmes/nope", { funder: "x", version: 1 }, 404],
    ["PATCH", "/programmes/nope", { funder: "x" }, 400],
  ])("%s %s answers %i problem+json for an unknown id or bad input", async (method, url, payload, status) => {
    const r = await app.inject({ method: method as "GET", url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses an application naming an unknown city or a bad email with 400", async () => {
    const pid = (await post("/programmes", { names: { en: "Bad input" } })).json().id as string;
    const cid = (await post(`/programmes/${pid}/calls`, { titles: { en: "c" }, deadline: "2099-01-01" })).json().id as string;
    const city = await post(`/calls/${cid}/applications`, { city: "atlantis-xx" });
    expect(city.statusCode).toBe(400);
    expect(city.json().errors[0]).toMatchObject({ path: "city" });
    expect((await post(`/calls/${cid}/applications`, { city: "prague-cz", contact: { email: "not-an-email" } })).statusCode).toBe(400);
    expect((await post(`/applications/nope/decision`, { status: "maybe", version: 1 })).statusCode).toBe(400);
  });

  it("documents its routes under the programmes tag", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/v1/programmes/{id}/calls"].post.tags).toEqual(["programmes"]);
    expect(spec.paths["/api/v1/applications/{id}/decision"].post.tags).toEqual(["programmes"]);
  });
});
