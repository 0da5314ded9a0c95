import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { COOP_FIXTURE as F, loadCooperationFixture } from "../../../test/support/cooperation-fixture.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import type { AppContext } from "../../services/context.js";
import { createToken, createUser } from "../../services/accounts.js";

const V = "/api/v1";

describe.each(DIALECTS)("GET /auth/permissions and who sees unmoderated statements, on %s", (dialect) => {
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  useTestApp(
    dialect,
    async (c: AppContext) => {
      await loadFixture(c);
      await loadCooperationFixture(c);
      const roles = { chongqing: { role: "city_editor", scope: "chongqing-cn" }, prague: { role: "city_editor", scope: "prague-cz" }, manager: { role: "programme_manager", scope: F.programme } } as const;
      for (const [name, grant] of Object.entries(roles)) {
        const user = await createUser(c, { email: `${name}@example.org`, name, password: "long enough password" });
        await c.accounts.grant(user.id, grant, "test", "2026-01-01T00:00:00Z");
        tokens[name] = (await createToken(c, user.id, "perm")).secret;
      }
    },
    (s) => ({ app } = s),
  );
  const ask = (checks: string[], who: string | null) =>
    app.inject({
      method: "GET",
      url: `${V}/auth/permissions?${checks.map((c) => `check=${encodeURIComponent(c)}`).join("&")}`,
      headers: { authorization: who === null ? "" : who === "admin" ? (undefined as unknown as string) : `Bearer ${tokens[who]}` },
    });
  const CHECKS = [
    `POST ${V}/cities/chongqing-cn/inventories`,
    `POST ${V}/cities/prague-cz/inventories`,
    `POST ${V}/cooperations/${F.cooperation}/actions`,
    `POST ${V}/cooperations/${F.cooperation}/transitions`,
    `POST ${V}/programmes`,
    `POST ${V}/cooperations?programmeId=${F.programme}`,
    `POST ${V}/inventories/compute`,
  ];

  it("answers each write as the server's write check would, for every visitor", async () => {
    const anonymous = await ask(CHECKS, null);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    const a = anonymous.json();
    expect(a.signedIn).toBe(false);
    expect(CHECKS.map((c) => [a.permissions[c].allowed, a.permissions[c].needs])).toEqual([
      [false, "sign-in"], [false, "sign-in"], [false, "sign-in"], [false, "sign-in"], [false, "sign-in"], [false, "sign-in"], [true, null],
    ]);

    const editor = (await ask(CHECKS, "chongqing")).json();
    expect(editor.signedIn).toBe(true);
    expect(CHECKS.map((c) => editor.permissions[c].allowed)).toEqual([true, false, true, false, false, false, true]);
    expect(editor.permissions[CHECKS[1]!]).toEqual({ allowed: false, needs: "role", roles: [{ role: "city_editor", scope: "prague-cz" }] });
    expect(editor.permissions[CHECKS[4]!].needs).toBe("admin");

    const manager = (await ask(CHECKS, "manager")).json();
    expect(CHECKS.map((c) => manager.permissions[c].allowed)).toEqual([false, false, true, true, false, true, true]);
    const admin = (await ask(CHECKS, "admin")).json();
    expect(CHECKS.every((c) => admin.permissions[c].allowed)).toBe(true);

    // The answer agrees with the write itself.
    const write = await app.inject({ method: "POST", url: `${V}/cities/prague-cz/inventories`, headers: { authorization: `Bearer ${tokens.chongqing}` }, payload: {} });
    expect(write.statusCode).toBe(403);
  });

  it("answers 400 for a write the API does not serve, never 500", async () => {
    for (const bad of [`POST ${V}/nothing-here`, "DELETE /api/v1/programmes", "nonsense", `GET ${V}/programmes`, `POST ${V}/cooperations/%E0%A4%A/actions`, `POST ${V}/programmes/a%00b/calls`, `POST ${V}/cooperations?programmeId=%00`]) {
      const r = await ask([bad], null);
      expect(r.statusCode, bad).toBe(400);
      expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    expect((await app.inject({ method: "GET", url: `${V}/auth/permissions` })).statusCode).toBe(400);
  });

  it("returns pending and hidden statements only to those who may moderate them", async () => {
    const send = (url: string, payload: object, headers: Record<string, string> = {}) => app.inject({ method: "POST", url, payload, headers });
    const district = (await send(`${V}/cities/chongqing-cn/districts`, { names: { en: "Yuzhong", zh: "渝中区" } })).json();
    const pid = (await send(`${V}/districts/${district.id}/processes`, { question: { en: "Riverside?" }, startsOn: "2026-03-01" })).json().id as string;
    const token = (await send(`${V}/vision-processes/${pid}/participants`, { name: "Wang Fang", group: "residents" }, { authorization: "" })).json().token as string;
    const say = async (text: string) => (await send(`${V}/vision-processes/${pid}/statements`, { token, text, language: "zh", aspect: "physical", kind: "wish" }, { authorization: "" })).json().id as string;
    const accepted = await say("沿江多种树，增加遮荫");
    const pending = await say("更多步行道");
    expect((await send(`${V}/vision-statements/${accepted}/moderation`, { status: "accepted", version: 1 })).statusCode).toBe(200);

    const list = async (who: string | null, status = "") =>
      (await app.inject({ method: "GET", url: `${V}/vision-processes/${pid}/statements${status}`, headers: { authorization: who ? `Bearer ${tokens[who]}` : "" } })).json().items.map((s: { id: string }) => s.id);
    expect(await list(null)).toEqual([accepted]);
    expect(await list(null, "?status=pending")).toEqual([]);
    expect(await list("prague")).toEqual([accepted]);
    expect((await list("chongqing")).sort()).toEqual([accepted, pending].sort());
    expect(await list("chongqing", "?status=pending")).toEqual([pending]);
    const perm = (await ask([`POST ${V}/vision-statements/${pending}/moderation`], "chongqing")).json();
    expect(perm.permissions[`POST ${V}/vision-statements/${pending}/moderation`].allowed).toBe(true);
  });
});
