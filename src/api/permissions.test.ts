import type { FastifyInstance, FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { COOP_FIXTURE as F, loadCooperationFixture } from "../../test/support/cooperation-fixture.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { RoleGrant } from "../domain/account.js";
import { ScopeRepository } from "../db/repositories/scope.repository.js";
import type { AppContext } from "../services/context.js";
import { createToken, createUser } from "../services/accounts.js";
import { WRITE_POLICY } from "./write-policy.js";

/** The records a path parameter names, by the path segment before it. */
const PARAM_FOR: Record<string, string> = {
  programmes: F.programme, calls: F.call, applications: F.application, cooperations: F.cooperation, actions: F.action, kpis: F.kpi,
  activities: F.activity, outputs: F.output, organisations: F.organisation, commitments: F.commitment, pilots: F.pilot, "fund-applications": F.fundApplication,
  cities: "chongqing-cn",
};

function fill(path: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts = path.split("/").map((seg, i, all) => {
    if (!seg.startsWith(":")) return seg;
    const name = seg.slice(1);
    const value = name === "actionId" ? F.action : (PARAM_FOR[all[i - 1] ?? ""] ?? "no-such-record");
    params[name] = value;
    return value;
  });
  return { url: parts.join("/"), params };
}

const ROLES: Record<string, RoleGrant[]> = {
  "no role": [],
  "manager of the programme": [{ role: "programme_manager", scope: F.programme }],
  "manager of another programme": [{ role: "programme_manager", scope: F.otherProgramme }],
  "editor of Chongqing (a member)": [{ role: "city_editor", scope: "chongqing-cn" }],
  "editor of Mannheim (a member)": [{ role: "city_editor", scope: "mannheim-de" }],
  "editor of Prague (not a member)": [{ role: "city_editor", scope: "prague-cz" }],
  "partner contributor of the cooperation": [{ role: "partner_contributor", scope: F.cooperation }],
};

describe("permission matrix: every write route × every role", () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const tokens: Record<string, string> = {};
  useTestApp(
    "sqlite",
    async (c) => {
      await loadFixture(c);
      await loadCooperationFixture(c);
      for (const [name, grants] of Object.entries(ROLES)) {
        const user = await createUser(c, { email: `${name.replace(/[^a-z]+/gi, "-").toLowerCase()}@example.org`, name, password: "long enough password" });
        for (const g of grants) await c.accounts.grant(user.id, g, "test", "2026-01-01T00:00:00Z");
        tokens[name] = (await createToken(c, user.id, "matrix")).secret;
      }
    },
    (s) => ({ app, ctx } = s),
  );

  it("has an explicit rule for every write route the API serves", () => {
    const missing = app.writeRoutes.filter((k) => !(k in WRITE_POLICY));
    expect(missing).toEqual([]);
    const stale = Object.keys(WRITE_POLICY).filter((k) => !app.writeRoutes.includes(k));
    expect(stale).toEqual([]);
  });

  it("answers 401 anonymous, 403 without a covering role, and lets administrators and covering roles through", async () => {
    const scopes = new ScopeRepository(ctx.database.db);
    let cells = 0;
    const wrong: string[] = [];
    for (const key of app.writeRoutes) {
      const [method, path] = key.split(" ") as [string, string];
      const rule = WRITE_POLICY[key] ?? { access: "admin" as const };
      const { url, params } = fill(path);
      const send = async (authorization: string) => {
        const r = await app.inject({ method: method as "POST", url, headers: { authorization }, payload: {} });
        // A permitted delete really deletes: put the records back for the next role.
        if (method === "DELETE" && r.statusCode < 300) await reloadCooperationFixture(ctx);
        return r;
      };
      const check = (who: string, status: number, allowed: boolean) => {
        cells++;
        const ok = allowed ? status !== 401 && status !== 403 : status === (who === "anonymous" ? 401 : 403);
        if (!ok) wrong.push(`${key} as ${who}: ${status}, expected ${allowed ? "allowed" : who === "anonymous" ? 401 : 403}`);
      };
      check("anonymous", (await send("")).statusCode, rule.access === "public");
      check("administrator", (await send(`Bearer ${tokens["no role"]}`.replace(tokens["no role"] ?? "", await adminSecret(ctx)))).statusCode, true);
      const grants = typeof rule.access === "function" ? await rule.access({ params, body: {} } as unknown as FastifyRequest, scopes) : [];
      for (const [name, held] of Object.entries(ROLES)) {
        const allowed = rule.access === "public" || rule.access === "user" || (typeof rule.access === "function" && grants.some((g) => held.some((h) => h.role === g.role && h.scope === g.scope)));
        check(name, (await send(`Bearer ${tokens[name]}`)).statusCode, allowed);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(app.writeRoutes.length * (2 + Object.keys(ROLES).length));
  }, 300_000);

  it("keeps each role to its own records", async () => {
    const as = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });
    const patchAction = (name: string) => app.inject({ method: "PATCH", url: `/api/v1/actions/${F.action}`, headers: as(name), payload: {} }).then((r) => r.statusCode);
    expect(await patchAction("editor of Chongqing (a member)")).not.toBe(403); // owner city
    expect(await patchAction("editor of Mannheim (a member)")).toBe(403); // a member, but not the action's owner
    expect(await patchAction("manager of the programme")).not.toBe(403);
    expect(await patchAction("manager of another programme")).toBe(403);
    const addActivity = (name: string) => app.inject({ method: "POST", url: `/api/v1/cooperations/${F.cooperation}/activities`, headers: as(name), payload: {} }).then((r) => r.statusCode);
    expect(await addActivity("partner contributor of the cooperation")).not.toBe(403);
    expect(await addActivity("editor of Prague (not a member)")).toBe(403);
    const plan = (name: string) => app.inject({ method: "PUT", url: `/api/v1/cooperations/${F.cooperation}/plan`, headers: as(name), payload: {} }).then((r) => r.statusCode);
    expect(await plan("partner contributor of the cooperation")).toBe(403);
    expect(await plan("editor of Mannheim (a member)")).not.toBe(403);
    const transition = (name: string) => app.inject({ method: "POST", url: `/api/v1/cooperations/${F.cooperation}/transitions`, headers: as(name), payload: {} }).then((r) => r.statusCode);
    expect(await transition("editor of Chongqing (a member)")).toBe(403);
    expect(await transition("manager of the programme")).not.toBe(403);
    const csv = (city: string) => `city,indicator,period,value,source\n${city},air.pm25_annual,2024,31.5,city monitoring report\n`;
    const importAs = (name: string, city: string) => app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { ...as(name), "content-type": "text/csv" }, payload: csv(city) });
    expect((await importAs("editor of Chongqing (a member)", "chongqing-cn")).statusCode).toBe(200);
    const other = await importAs("editor of Chongqing (a member)", "prague-cz");
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0]).toMatchObject({ row: 2, column: "city", value: "prague-cz", message: "you are not an editor of this city" });
    const target = await app.inject({ method: "POST", url: "/api/v1/cities/prague-cz/targets", headers: as("editor of Chongqing (a member)"), payload: {} });
    expect(target.statusCode).toBe(403);
    expect(target.json().detail).toContain("city editor of prague-cz");
  });
});

async function reloadCooperationFixture(ctx: AppContext): Promise<void> {
  await ctx.database.db.deleteFrom("cooperations").where("id", "=", F.cooperation).execute();
  await ctx.database.db.deleteFrom("organisations").where("id", "=", F.organisation).execute();
  await ctx.database.db.deleteFrom("programmes").where("id", "in", [F.programme, F.otherProgramme]).execute();
  await loadCooperationFixture(ctx);
}

let adminToken: string | undefined;
async function adminSecret(ctx: AppContext): Promise<string> {
  if (adminToken) return adminToken;
  const admin = await ctx.accounts.findByEmail("test-admin@example.org");
  if (!admin) throw new Error("the test administrator is missing");
  adminToken = (await createToken(ctx, admin.user.id, "matrix admin")).secret;
  return adminToken;
}
