/**
 * Issue 18 item 8: the lists are paged in the database (LIMIT/OFFSET under a stable ORDER BY, with
 * a COUNT for the total), on SQLite and PostgreSQL — programmes, a programme's and a city's cooperations, the
 * audit trail and a record's history — and bad paging parameters are 400 problem+json with a code.
 */
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { PROBLEM_CODES } from "../problem-codes.js";
import type { AppContext } from "../services/context.js";

const programme = (i: number, startDate: string) => ({
  names: { en: `Paging programme ${i}` },
  startDate,
  themes: ["air"],
  sides: [
    { key: "a", names: { en: "EU" }, countries: ["DE", "CZ", "ES"] },
    { key: "b", names: { en: "China" }, countries: ["CN"] },
  ],
});
// Two programmes start on the same day: the id breaks the tie, so every page has one order.
const STARTS = ["2026-03-01", "2024-01-01", "2026-03-01", "2025-06-01", "2023-01-01", "2026-03-01", "2025-01-01"];
// Created out of name order, so the list's order is not the order of insertion.
const COOP_NAMES = ["Delta", "alpha", "Charlie", "Bravo", "echo", "Golf", "Foxtrot"];

describe.each(DIALECTS)("lists paged in the database on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  useTestApp(dialect, loadFixture, (s) => ({ app, ctx } = s));
  const get = (url: string) => app.inject({ method: "GET", url: `/api/v1${url}` });
  const post = (url: string, payload: unknown) => app.inject({ method: "POST", url: `/api/v1${url}`, payload: payload as object });
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
  let programmeId = "";

  it("pages programmes newest start first, ties by id, with the total and each page's counts", async () => {
    for (const [i, start] of STARTS.entries()) expect((await post("/programmes", programme(i, start))).statusCode).toBe(201);
    const all = (await get("/programmes?limit=500")).json();
    expect(all.total).toBe(all.programmes.length);
    expect(all.total).toBeGreaterThanOrEqual(STARTS.length);
    const order = [...all.programmes].sort((a, b) => (a.startDate === b.startDate ? (a.id < b.id ? -1 : 1) : a.startDate > b.startDate ? -1 : 1));
    expect(ids(all.programmes)).toEqual(ids(order));
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = (await get(`/programmes?limit=3&offset=${offset}`)).json();
      expect(page).toMatchObject({ total: all.total, limit: 3, offset });
      expect(page.programmes.length).toBe(Math.min(3, all.total - offset));
      pages.push(...page.programmes);
    }
    expect(ids(pages)).toEqual(ids(all.programmes));
    // Past the end: an empty page with the total, not an error.
    expect((await get(`/programmes?limit=3&offset=${all.total + 10}`)).json()).toMatchObject({ programmes: [], total: all.total });
    // The repository reads only the page.
    expect(ids(await ctx.programmes.list({ limit: 2, offset: 1 }))).toEqual(ids(all.programmes.slice(1, 3)));
    expect(await ctx.programmes.count()).toBe(all.total);
    programmeId = all.programmes.find((p: { names: { en: string } }) => p.names.en === "Paging programme 3").id;
  });

  it("pages a programme's cooperations by name, ties by id, and counts them on the programme's page", async () => {
    for (const [i, name] of COOP_NAMES.entries()) {
      const members = i % 2 ? [{ slug: "mannheim-de", role: "lead" }, { slug: "chongqing-cn", role: "partner" }] : [{ slug: "prague-cz", role: "lead" }, { slug: "longyan-cn", role: "partner" }];
      expect((await post("/cooperations", { programmeId, names: { en: `${name} pair` }, members })).statusCode).toBe(201);
    }
    // One more with a name equal to another's: the id orders the two.
    expect((await post("/cooperations", { programmeId, names: { en: "Bravo pair" }, members: [{ slug: "malaga-es", role: "lead" }, { slug: "chongqing-cn", role: "partner" }] })).statusCode).toBe(201);
    // And one of no programme, which the programme's list must not count.
    expect((await post("/cooperations", { names: { en: "Aardvark pair" }, members: [{ slug: "malaga-es", role: "lead" }, { slug: "chongqing-cn", role: "partner" }] })).statusCode).toBe(201);

    const all = (await get(`/cooperations?programme=${programmeId}&limit=500`)).json();
    expect(all.total).toBe(COOP_NAMES.length + 1);
    const first = all.cooperations.map((c: { names: { en: string }; id: string }) => [c.names.en, c.id]);
    const sorted = [...first].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : 0));
    // Same names are next to each other and ordered by id; the name order itself is the database's collation.
    expect(first.filter((x: string[]) => x[0] === "Bravo pair")).toEqual(sorted.filter((x: string[]) => x[0] === "Bravo pair"));
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = (await get(`/cooperations?programme=${programmeId}&limit=3&offset=${offset}`)).json();
      expect(page).toMatchObject({ total: all.total, limit: 3, offset });
      pages.push(...page.cooperations);
    }
    expect(ids(pages)).toEqual(ids(all.cooperations));
    // Asking twice gives the same order (stable).
    expect(ids((await get(`/cooperations?programme=${programmeId}&limit=500`)).json().cooperations)).toEqual(ids(all.cooperations));

    // Filters count before paging: member city and status.
    const inMannheim = (await get(`/cooperations?programme=${programmeId}&city=mannheim-de&limit=1`)).json();
    expect(inMannheim).toMatchObject({ total: 3, limit: 1 });
    expect(inMannheim.cooperations).toHaveLength(1);
    expect((await get(`/cooperations?programme=${programmeId}&status=active&limit=1`)).json()).toMatchObject({ total: 0, cooperations: [] });
    expect(await ctx.cooperations.count({ programme: programmeId, city: "prague-cz" })).toBe(4);
    expect(ids(await ctx.cooperations.list({ programme: programmeId }, { limit: 2, offset: 2 }))).toEqual(ids(all.cooperations.slice(2, 4)));

    // The programme list counts the cooperations of the programmes on its page.
    const progs = (await get("/programmes?limit=500")).json().programmes;
    const idx = progs.findIndex((p: { id: string }) => p.id === programmeId);
    const onItsPage = (await get(`/programmes?limit=1&offset=${idx}`)).json().programmes[0];
    expect(onItsPage).toMatchObject({ id: programmeId, counts: { cooperations: COOP_NAMES.length + 1, calls: 0, applications: 0 } });
  });

  it("pages a city's cooperations over every programme (and none) by name, ties by id, with the total", async () => {
    const all = (await get("/cooperations?city=chongqing-cn&limit=500")).json();
    // The programme's 4 pairs with Chongqing, the programme-less "Aardvark pair", and any of the fixture.
    expect(all.total).toBe(all.cooperations.length);
    expect(all.total).toBeGreaterThanOrEqual(5);
    for (const c of all.cooperations) expect(c.members.map((m: { slug: string }) => m.slug), c.id).toContain("chongqing-cn");
    expect(all.cooperations.some((c: { programmeId: string | null }) => !c.programmeId)).toBe(true);
    expect(all.cooperations.some((c: { programmeId: string | null }) => c.programmeId === programmeId)).toBe(true);
    // Same names are next to each other, ordered by id.
    const bravo = all.cooperations.filter((c: { names: { en: string } }) => c.names.en === "Bravo pair").map((c: { id: string }) => c.id);
    expect(bravo).toEqual([...bravo].sort());
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = (await get(`/cooperations?city=chongqing-cn&limit=2&offset=${offset}`)).json();
      expect(page).toMatchObject({ total: all.total, limit: 2, offset });
      expect(page.cooperations.length).toBe(Math.min(2, all.total - offset));
      pages.push(...page.cooperations);
    }
    expect(ids(pages)).toEqual(ids(all.cooperations));
    expect((await get(`/cooperations?city=chongqing-cn&limit=2&offset=${all.total}`)).json()).toMatchObject({ cooperations: [], total: all.total });
    // The repository reads the page and counts the city's memberships in the database.
    expect(await ctx.cooperations.count({ city: "chongqing-cn" })).toBe(all.total);
    expect(ids(await ctx.cooperations.list({ city: "chongqing-cn" }, { limit: 2, offset: 1 }))).toEqual(ids(all.cooperations.slice(1, 3)));
    // A city of no cooperation: an empty first page, total 0.
    expect((await get("/cooperations?city=oslo-no&limit=10")).json()).toMatchObject({ cooperations: [], total: 0, limit: 10, offset: 0 });
  });

  it("pages the audit trail by offset, oldest or newest first, and a record's history with its total", async () => {
    const all = (await get("/audit?entity=cooperation&limit=10000")).json();
    expect(all.total).toBe(all.entries.length);
    expect(all.total).toBeGreaterThanOrEqual(COOP_NAMES.length + 2);
    const seqs = all.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const page2 = (await get("/audit?entity=cooperation&limit=3&offset=3")).json();
    expect(page2.total).toBe(all.total);
    expect(page2.entries.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(3, 6));
    const newest = (await get("/audit?entity=cooperation&limit=3&offset=3&order=desc")).json();
    expect(newest.entries.map((e: { seq: number }) => e.seq)).toEqual([...seqs].reverse().slice(3, 6));
    // The cursor still works, alone or with an offset after it.
    const after = (await get(`/audit?entity=cooperation&limit=2&after=${seqs[1]}&offset=1`)).json();
    expect(after.entries.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(3, 5));

    // A record's history: an update adds an entry; pages of it newest first.
    const coop = (await get(`/cooperations?programme=${programmeId}&limit=1`)).json().cooperations[0];
    for (const n of [1, 2]) expect((await app.inject({ method: "PATCH", url: `/api/v1/cooperations/${coop.id}`, payload: { version: n, names: { en: `Renamed ${n}` } } })).statusCode).toBe(200);
    const whole = (await get(`/history/cooperation/${coop.id}`)).json();
    expect(whole).toMatchObject({ total: 3, limit: 1000, offset: 0 });
    expect(whole.entries.map((e: { action: string }) => e.action)).toEqual(["create", "update", "update"]);
    const latest = (await get(`/history/cooperation/${coop.id}?limit=2&order=desc`)).json();
    expect(latest).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(latest.entries.map((e: { seq: number }) => e.seq)).toEqual([whole.entries[2].seq, whole.entries[1].seq]);
    expect((await get(`/history/cooperation/${coop.id}?limit=2&offset=2&order=desc`)).json().entries.map((e: { action: string }) => e.action)).toEqual(["create"]);
  });

  it("documents the paging parameters and the total in OpenAPI", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>> };
    const expectations: [string, string[]][] = [
      ["/api/v1/programmes", ["limit", "offset"]],
      ["/api/v1/cooperations", ["limit", "offset", "programme", "city"]],
      ["/api/v1/practices", ["limit", "offset"]],
      ["/api/v1/audit", ["limit", "offset", "after", "order"]],
      ["/api/v1/history/{entity}/{id}", ["limit", "offset", "order"]],
      ["/api/v1/readiness-assessments", ["pilot", "action", "cooperation"]],
    ];
    for (const [path, names] of expectations) {
      const op = doc.paths[path]?.get;
      expect(op, path).toBeDefined();
      const query = (op!.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      expect(query, path).toEqual(expect.arrayContaining(names));
      if (path !== "/api/v1/readiness-assessments") expect(Object.keys(op!.responses["200"]?.content?.["application/json"]?.schema.properties ?? {}), path).toContain("total");
    }
  });

  it("answers bad paging parameters with 400 problem+json naming the parameter, with a code the web client translates", async () => {
    const cases: [string, string][] = [
      ["/programmes?limit=0", "limit"],
      ["/programmes?limit=501", "limit"],
      ["/programmes?offset=-1", "offset"],
      ["/programmes?limit=ten", "limit"],
      ["/cooperations?offset=1.5", "offset"],
      ["/cooperations?limit=1e9", "limit"],
      ["/cooperations?city=chongqing-cn&limit=0", "limit"],
      ["/cooperations?city=chongqing-cn&offset=-1", "offset"],
      ["/cooperations?city=chongqing-cn&limit=10&offset=ten", "offset"],
      ["/cooperations?city=Not%20a%20slug&limit=10", "city"],
      ["/practices?limit=101", "limit"],
      ["/practices?offset=abc", "offset"],
      ["/audit?offset=-3", "offset"],
      ["/audit?order=sideways", "order"],
      ["/history/cooperation/x?limit=1001", "limit"],
      ["/history/cooperation/x?order=up", "order"],
    ];
    for (const [url, field] of cases) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.headers["content-type"], url).toMatch(/^application\/problem\+json/);
      const body = r.json();
      expect(Object.keys(PROBLEM_CODES), url).toContain(body.code);
      expect(body.code, url).toMatch(/^validation\./);
      expect(body.params.field, url).toBe(field);
    }
  });
});
