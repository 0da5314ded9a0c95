import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadFixture } from "../../../test/support/fixture.js";
import type { AppContext } from "../../services/context.js";

const grid: [string, number][] = [["chongqing-cn", 620], ["zhengzhou-cn", 700], ["longyan-cn", 560], ["prague-cz", 420], ["mannheim-de", 350], ["malaga-es", 180]];
const NOW = "2026-01-01T00:00:00.000Z";
const CN = ["chongqing-cn", "zhengzhou-cn", "longyan-cn"];
const EU = ["mannheim-de", "malaga-es", "prague-cz"];

async function prepare(c: AppContext): Promise<void> {
  await loadFixture(c);
  await c.observations.upsert(grid.map(([city, value]) => ({ city, indicator: "energy.grid_intensity", period: "2024", value, source: "geonames", note: null, importedBy: "test", importedAt: NOW })));
  const db = c.database.db;
  const sides = [{ key: "a", name_en: "China", name_zh: "中国", countries: ["CN"] }, { key: "b", name_en: "EU", name_zh: "欧盟", countries: ["DE", "ES", "CZ"] }];
  await db.insertInto("programmes").values({ id: "iuc-test", name_en: "IUC test", name_zh: null, description_en: null, description_zh: null, start_date: null, end_date: null, themes_json: "[]", sides_json: JSON.stringify(sides), funder: null, eligibility_json: "{}", source_ids_json: "[]", version: 1, created_by: "test", created_at: NOW, updated_at: NOW }).execute();
  const call = (id: string, side: string | null) => ({ id, programme_id: "iuc-test", title_en: id, title_zh: null, description_en: null, description_zh: null, side, opens_on: null, deadline: "2026-06-30", eligibility_json: "{}", version: 1, created_by: "test", created_at: NOW, updated_at: NOW });
  await db.insertInto("calls").values([call("call-cn", "a"), call("call-open", null)]).execute();
  const app = (call_id: string, city_slug: string, status: string, themes: string[]) => ({
    id: `${call_id}-${city_slug}`, call_id, city_slug, themes_json: JSON.stringify(themes), challenges: null, strengths: null, has_inventory: 0, has_target: 0, has_plan: 0,
    contact_name: null, contact_email: null, status, eligibility_json: "[]", decision_note: null, submitted_at: NOW, decided_at: null, version: 1, created_by: "test", updated_at: NOW,
  });
  await db.insertInto("applications").values([
    app("call-cn", "chongqing-cn", "accepted", ["transport", "energy"]),
    app("call-cn", "zhengzhou-cn", "accepted", ["transport"]),
    app("call-cn", "longyan-cn", "eligible", ["green"]),
    app("call-open", "mannheim-de", "accepted", ["transport"]),
    app("call-open", "malaga-es", "accepted", ["energy"]),
    app("call-open", "prague-cz", "submitted", ["green"]),
  ]).execute();
}

describe.each(DIALECTS)("pairing API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(dialect, prepare, (s) => ({ app } = s));
  const solve = (body: object) => app.inject({ method: "POST", url: "/api/v1/programmes/iuc-test/pairing", payload: body });

  it("lists the cities of accepted applications by side (the call's, else by country), eligible ones on request", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/programmes/iuc-test/pairing/candidates" });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.sides.map((s: { key: string }) => s.key)).toEqual(["a", "b"]);
    expect(body.candidates.map((c: { slug: string; side: string }) => [c.slug, c.side])).toEqual([["chongqing-cn", "a"], ["malaga-es", "b"], ["mannheim-de", "b"], ["zhengzhou-cn", "a"]]);
    const all = (await app.inject({ method: "GET", url: "/api/v1/programmes/iuc-test/pairing/candidates?includeEligible=true" })).json();
    expect(all.candidates.find((c: { slug: string }) => c.slug === "longyan-cn")).toMatchObject({ status: "eligible", side: "a" });
    expect((await app.inject({ method: "GET", url: "/api/v1/programmes/nope/pairing/candidates" })).statusCode).toBe(404);
  });

  it("scores every pair symmetrically with its two main reasons and pairs each EU city with its best Chinese city (capacities 3 and 1)", async () => {
    const r = await solve({ sideA: CN, sideB: EU });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.scores).toHaveLength(3);
    for (const row of body.scores) {
      expect(row).toHaveLength(3);
      for (const cell of row) {
        expect(cell.score).toBeCloseTo((cell.ab + cell.ba) / 2, 4);
        expect(cell.reasons.length).toBeLessThanOrEqual(2);
      }
    }
    // Capacity 3 on side A never binds here: each EU city goes to its best column maximum.
    const best = EU.map((_, j) => Math.max(...body.scores.map((row: { score: number }[]) => row[j]!.score)));
    expect(body.pairs).toHaveLength(3);
    expect(body.total).toBeCloseTo(best.reduce((s, x) => s + x, 0), 4);
    expect(body.unpaired.b).toEqual([]);
    // The same score as the counterpart finder: ab is Málaga's score as counterpart of Chongqing.
    const finder = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?country=ES" })).json();
    expect(body.scores[0][1].ab).toBe(finder.results[0].score);
  });

  it("keeps a pinned pair and never picks a forbidden one, the total never above the free optimum", async () => {
    const free = (await solve({ sideA: CN, sideB: EU, capacityA: 1 })).json();
    const chosen = free.pairs[0];
    const other = CN.find((c) => c !== chosen.a)!;
    const pinned = (await solve({ sideA: CN, sideB: EU, capacityA: 1, fixed: [[other, chosen.b]] })).json();
    expect(pinned.pairs).toContainEqual(expect.objectContaining({ a: other, b: chosen.b, fixed: true }));
    expect(pinned.total).toBeLessThanOrEqual(free.total + 1e-9);
    const banned = (await solve({ sideA: CN, sideB: EU, capacityA: 1, forbidden: [[chosen.a, chosen.b]] })).json();
    expect(banned.pairs.some((p: { a: string; b: string }) => p.a === chosen.a && p.b === chosen.b)).toBe(false);
  });

  it("answers 422 with the reason when the constraints contradict each other, instead of relaxing them", async () => {
    const r = await solve({ sideA: CN, sideB: EU, fixed: [["chongqing-cn", "malaga-es"]], forbidden: [["chongqing-cn", "malaga-es"]] });
    expect(r.statusCode).toBe(422);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(r.json().detail).toBe("infeasible: fixed chongqing-cn,malaga-es is also forbidden");
    expect(r.json()).toMatchObject({ code: "pairing.infeasible", params: { count: 1 } });
    const over = await solve({ sideA: CN, sideB: EU, capacityB: 1, fixed: [["chongqing-cn", "malaga-es"], ["zhengzhou-cn", "malaga-es"]] });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0]).toMatchObject({ path: "sideB", value: "malaga-es", message: "has more fixed pairs than its capacity 1" });
  });

  it("answers 400 naming an unknown city, a city on both sides or a pair outside the candidates, and 404 for an unknown programme", async () => {
    const bad = await solve({ sideA: ["atlantis-xx", "prague-cz"], sideB: EU, fixed: [["zhengzhou-cn", "mannheim-de"]] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: "sideA", value: "atlantis-xx", message: "is not a known city" }),
      expect.objectContaining({ path: "sideA", value: "prague-cz", message: "is on both sides" }),
      expect.objectContaining({ path: "fixed", value: "zhengzhou-cn,mannheim-de" }),
    ]);
    expect((await solve({ sideA: [], sideB: EU })).statusCode).toBe(400);
    expect((await app.inject({ method: "POST", url: "/api/v1/programmes/nope/pairing", payload: { sideA: CN, sideB: EU } })).statusCode).toBe(404);
  });

  // The review's case (ux-review 2026-12, journey 5): Chongqing–Málaga already formed, the board with
  // k = 1, m = 1 paired Málaga again (with Longyan), and "Propose" created cooperations for cities
  // that never applied. Runs last: it forms cooperations in the programme.
  it("keeps a formed cooperation as a fixed pair that takes both places, lists it on the board, and never pairs its cities again", async () => {
    const formed = await app.inject({
      method: "POST", url: "/api/v1/cooperations",
      payload: { programmeId: "iuc-test", names: { en: "Chongqing – Málaga" }, members: [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "malaga-es", role: "partner", side: "b" }] },
    });
    expect(formed.statusCode).toBe(201);
    const coopId = formed.json().id as string;

    const candidates = (await app.inject({ method: "GET", url: "/api/v1/programmes/iuc-test/pairing/candidates" })).json();
    expect(candidates.formed).toEqual([expect.objectContaining({ a: "chongqing-cn", b: "malaga-es", cooperationId: coopId, status: "proposed" })]);

    // Longyan (eligible, not accepted) and Prague (never accepted) typed in by hand, as in the review.
    const r = await solve({ sideA: CN, sideB: EU, capacityA: 1, capacityB: 1 });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.pairs).toContainEqual(expect.objectContaining({ a: "chongqing-cn", b: "malaga-es", cooperationId: coopId, fixed: false }));
    expect(body.pairs.filter((p: { a: string; b: string }) => p.b === "malaga-es" || p.a === "chongqing-cn")).toHaveLength(1);
    expect(body.formed).toEqual([expect.objectContaining({ a: "chongqing-cn", b: "malaga-es", onBoard: true })]);
    const status = Object.fromEntries([...body.sideA, ...body.sideB].map((c: { slug: string; status: string }) => [c.slug, c.status]));
    expect(status).toEqual({ "chongqing-cn": "accepted", "zhengzhou-cn": "accepted", "longyan-cn": "eligible", "mannheim-de": "accepted", "malaga-es": "accepted", "prague-cz": "added" });

    // Chongqing off the board: Málaga's one place is still taken by the cooperation.
    const without = (await solve({ sideA: ["zhengzhou-cn", "longyan-cn"], sideB: EU, capacityA: 1, capacityB: 1 })).json();
    expect(without.pairs.some((p: { b: string }) => p.b === "malaga-es")).toBe(false);
    expect(without.unpaired.b).toContain("malaga-es");
    expect(without.formed).toEqual([expect.objectContaining({ cooperationId: coopId, onBoard: false })]);

    // A formed pair cannot be forbidden.
    const ban = await solve({ sideA: CN, sideB: EU, forbidden: [["chongqing-cn", "malaga-es"]] });
    expect(ban.statusCode).toBe(400);
    expect(ban.json().errors[0]).toMatchObject({ path: "forbidden", value: "chongqing-cn,malaga-es" });
  });

  it("proposes only accepted applicants or cities added on purpose, and proposing the same pairs twice creates nothing new", async () => {
    const propose = (payload: object) => app.inject({ method: "POST", url: "/api/v1/programmes/iuc-test/pairing/proposals", payload });
    const pairs = [["chongqing-cn", "malaga-es"], ["longyan-cn", "prague-cz"], ["zhengzhou-cn", "mannheim-de"]];
    const refused = await propose({ pairs });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(refused.json().errors.map((e: { value: string }) => e.value).sort()).toEqual(["longyan-cn", "prague-cz"]);
    expect((await app.inject({ method: "GET", url: "/api/v1/cooperations?programme=iuc-test" })).json().cooperations).toHaveLength(1);

    const first = await propose({ pairs, added: ["longyan-cn", "prague-cz"] });
    expect(first.statusCode).toBe(200);
    const made = first.json();
    expect(made.skipped).toEqual([expect.objectContaining({ a: "chongqing-cn", b: "malaga-es" })]);
    expect(made.created.map((c: { members: string[] }) => c.members)).toEqual([["longyan-cn", "prague-cz"], ["zhengzhou-cn", "mannheim-de"]]);
    expect(made.created[0].names).toEqual({ en: "Longyan – Prague", zh: expect.any(String) });

    const again = (await propose({ pairs, added: ["longyan-cn", "prague-cz"] })).json();
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(3);
    const listed = (await app.inject({ method: "GET", url: "/api/v1/programmes/iuc-test/pairing/candidates" })).json();
    expect(listed.formed).toHaveLength(3);
    // Now members of live cooperations, Longyan and Prague are candidates as such.
    expect(listed.candidates.find((c: { slug: string }) => c.slug === "prague-cz")).toMatchObject({ status: "member", side: "b" });

    const anonymous = await app.inject({ method: "POST", url: "/api/v1/programmes/iuc-test/pairing/proposals", payload: { pairs }, headers: { authorization: "" } });
    expect(anonymous.statusCode).toBe(401);
    expect((await propose({ pairs: [] })).statusCode).toBe(400);
    expect((await app.inject({ method: "POST", url: "/api/v1/programmes/nope/pairing/proposals", payload: { pairs } })).statusCode).toBe(404);
  });

  it("creates each proposed cooperation once when the same proposal is sent many times at once", async () => {
    const cooperations = async () => (await app.inject({ method: "GET", url: "/api/v1/cooperations?programme=iuc-test" })).json().cooperations as unknown[];
    const before = (await cooperations()).length;
    const pairs = [["chongqing-cn", "mannheim-de"], ["zhengzhou-cn", "malaga-es"]];
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.inject({ method: "POST", url: "/api/v1/programmes/iuc-test/pairing/proposals", payload: { pairs } })));
    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(8).fill(200));
    const bodies = answers.map((r) => r.json() as { created: { members: string[] }[]; skipped: unknown[] });
    // One request created both; every other one found them formed and skipped both pairs.
    expect(bodies.flatMap((b) => b.created.map((c) => c.members)).sort()).toEqual([["chongqing-cn", "mannheim-de"], ["zhengzhou-cn", "malaga-es"]]);
    expect(bodies.filter((b) => b.created.length === 0 && b.skipped.length === 2)).toHaveLength(7);
    expect((await cooperations()).length).toBe(before + 2);
    const formed = (await app.inject({ method: "GET", url: "/api/v1/programmes/iuc-test/pairing/candidates" })).json().formed as { a: string; b: string }[];
    for (const [a, b] of pairs) expect(formed.filter((f) => f.a === a && f.b === b)).toHaveLength(1);
  });
});
