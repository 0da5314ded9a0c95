import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { loadCooperationFixture } from "../../../test/support/vision-fixture.js";
import { DATA_DIR } from "../../services/seed.js";
import { seedPractices } from "../../services/seed-practices.js";

describe.each(DIALECTS)("vision and readiness API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await seedPractices(c, DATA_DIR);
      await loadCooperationFixture(c);
    },
    (s) => ({ app } = s),
  );
  const get = (url: string) => app.inject({ method: "GET", url });
  const send = (method: "POST" | "PUT", url: string, payload: unknown) => app.inject({ method, url, payload: payload as object });

  it("runs a process from district to consensus, with validation as problem+json", async () => {
    const bad = await send("POST", "/api/v1/cities/chongqing-cn/districts", { names: { en: "Jiefangbei" }, boundary: { type: "Polygon", coordinates: [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6]]] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect((await send("POST", "/api/v1/cities/nowhere-xx/districts", { names: { en: "X" } })).statusCode).toBe(404);
    const district = (await send("POST", "/api/v1/cities/chongqing-cn/districts", { names: { en: "Jiefangbei", zh: "解放碑" } })).json();
    expect(district.id).toMatch(/^jiefangbei-[0-9a-f]{6}$/);
    const proc = await send("POST", `/api/v1/districts/${district.id}/processes`, { question: { en: "Jiefangbei in 2035?", zh: "2035年的解放碑？" }, startsOn: "2026-04-01", endsOn: "2026-03-01" });
    expect(proc.statusCode).toBe(400);
    const pid = (await send("POST", `/api/v1/districts/${district.id}/processes`, { question: { en: "Jiefangbei in 2035?", zh: "2035年的解放碑？" }, startsOn: "2026-03-01" })).json().id as string;

    const join = async (name: string, group: string) => (await send("POST", `/api/v1/vision-processes/${pid}/participants`, { name, group })).json().token as string;
    const people = { a: await join("Li", "residents"), b: await join("Wang", "residents"), c: await join("Chen", "businesses"), d: await join("Zhao", "businesses") };
    expect((await send("POST", `/api/v1/vision-processes/${pid}/participants`, { name: "X", group: "aliens" })).statusCode).toBe(400);
    const say = async (token: string, text: string) => {
      const r = await send("POST", `/api/v1/vision-processes/${pid}/statements`, { token, text, language: "zh", aspect: "physical", kind: "wish" });
      expect(r.statusCode).toBe(201);
      const s = r.json();
      expect((await send("POST", `/api/v1/vision-statements/${s.id}/moderation`, { status: "accepted", version: 1 })).statusCode).toBe(200);
      return s.id as string;
    };
    const s = { green: await say(people.a, "更多江边绿道"), cars: await say(people.b, "步行街扩大"), mall: await say(people.c, "更多购物中心") };
    expect((await send("POST", `/api/v1/vision-statements/${s.green}/moderation`, { status: "hidden", version: 2 })).statusCode).toBe(400);
    expect((await send("POST", `/api/v1/vision-statements/${s.green}/moderation`, { status: "hidden", reason: "x", version: 1 })).json().current.version).toBe(2);
    const vote = (token: string, id: string, v: string) => send("PUT", `/api/v1/vision-statements/${id}/vote`, { token, vote: v });
    expect((await vote(people.a, s.green, "agree")).statusCode).toBe(409);
    for (const [t, votes] of [
      [people.a, { cars: "agree", mall: "disagree" }],
      [people.b, { green: "agree", mall: "disagree" }],
      [people.c, { green: "agree", cars: "disagree" }],
      [people.d, { green: "agree", cars: "disagree", mall: "agree" }],
    ] as const) {
      for (const [k, v] of Object.entries(votes)) expect((await vote(t, s[k as keyof typeof s], v)).statusCode).toBe(200);
    }
    expect((await vote(people.d, s.mall, "pass")).json().vote).toBe("pass");
    const me = (await send("POST", `/api/v1/vision-processes/${pid}/me`, { token: people.d })).json();
    expect(me.votes).toHaveLength(3);
    const r = (await get(`/api/v1/vision-processes/${pid}/results`)).json();
    expect(r.consensus.map((c: { text: string }) => c.text)).toEqual(["更多江边绿道"]);
    expect(r.groups).toHaveLength(2);

    const doc = await send("POST", `/api/v1/vision-processes/${pid}/documents`, { title: { en: "Green Jiefangbei" }, text: { en: "Riverside green ways." }, statements: [s.green] });
    expect(doc.statusCode).toBe(201);
    expect((await send("PUT", `/api/v1/vision-documents/${doc.json().id}`, { ...(doc.json() as object), version: 5 })).statusCode).toBe(409);
    const list = (await get("/api/v1/cities/chongqing-cn/districts")).json();
    expect(list.items[0].processes[0]).toMatchObject({ id: pid, participants: 4, statements: 3 });
  });

  it("creates a readiness assessment for a pilot and returns the radar, the gaps and practices", async () => {
    expect((await send("POST", "/api/v1/readiness-assessments", {})).statusCode).toBe(400);
    expect((await send("POST", "/api/v1/readiness-assessments", { pilot: "none" })).statusCode).toBe(404);
    const created = await send("POST", "/api/v1/readiness-assessments", { pilot: "pilot-solar-roofs" });
    expect(created.statusCode).toBe(201);
    const { assessment, subject } = created.json();
    expect(subject).toMatchObject({ kind: "pilot", title: { en: "Solar roofs on schools" } });
    const put = await send("PUT", `/api/v1/readiness-assessments/${assessment.id}`, { version: 1, scores: { procurement: { score: 0, evidence: "no innovation procurement yet" }, trust: { score: 4 } }, role: "orchestrator" });
    expect(put.statusCode).toBe(200);
    expect(put.json().result.gaps[0]).toMatchObject({ prerequisite: "procurement", score: 0 });
    expect((await send("PUT", `/api/v1/readiness-assessments/${assessment.id}`, { version: 1, scores: { trust: { score: 5 } } })).statusCode).toBe(400);
    expect((await send("PUT", `/api/v1/readiness-assessments/${assessment.id}`, { version: 1, scores: {} })).json().current.version).toBe(2);
    const fw = (await get("/api/v1/readiness/framework")).json();
    expect(fw.scale[4]).toEqual({ score: 4, en: "fully in place", zh: "完全具备" });
    expect(fw.roles.map((r: { key: string }) => r.key)).toEqual(["project-partner", "facilitator", "enabler", "orchestrator"]);
  });

  it("lists the assessments of every pilot and action of a cooperation in one request (the cooperation page's readiness links)", async () => {
    const pilot = (await send("POST", "/api/v1/readiness-assessments", { pilot: "pilot-solar-roofs" })).json().assessment;
    const action = (await send("POST", "/api/v1/readiness-assessments", { action: "action-retrofit" })).json().assessment;
    const all = (await get("/api/v1/readiness-assessments?cooperation=coop-prague-chongqing")).json().items as { id: string; pilot: string | null; action: string | null }[];
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining([pilot.id, action.id]));
    expect(all.every((a) => a.pilot === "pilot-solar-roofs" || a.action === "action-retrofit")).toBe(true);
    // The same assessments as asking per pilot and per action.
    const one = async (q: string) => ((await get(`/api/v1/readiness-assessments?${q}`)).json().items as { id: string }[]).map((a) => a.id);
    expect(new Set(all.map((a) => a.id))).toEqual(new Set([...(await one("pilot=pilot-solar-roofs")), ...(await one("action=action-retrofit"))]));
    expect((await get("/api/v1/readiness-assessments?cooperation=no-such-cooperation")).json().items).toEqual([]);
    expect((await get(`/api/v1/readiness-assessments?cooperation=${"x".repeat(201)}`)).statusCode).toBe(400);
  });
});
