import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import type { AppContext } from "../../services/context.js";
import { createAdmin, createUser } from "../../services/accounts.js";

/** Cookies of a response as a Cookie header. */
const cookieHeader = (r: LightMyRequestResponse) => r.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

describe.each(DIALECTS)("accounts API on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let adminPassword = "";
  useTestApp(
    dialect,
    async (c) => {
      adminPassword = (await createAdmin(c, "admin@example.org")).password;
      await createUser(c, { email: "editor@example.org", name: "City editor", password: "correct horse battery" });
    },
    (s) => ({ app, ctx } = s),
  );

  const signIn = (email: string, password: string) => app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password } });

  it("signs in with an HttpOnly, SameSite=Strict session cookie and answers who is signed in", async () => {
    const r = await signIn("Admin@Example.org", adminPassword);
    expect(r.statusCode).toBe(200);
    const session = r.cookies.find((c) => c.name === "cb_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(r.json()).toMatchObject({ user: { email: "admin@example.org", isAdmin: true } });
    const me = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: cookieHeader(r) } });
    expect(me.json()).toMatchObject({ email: "admin@example.org" });
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: "" } })).statusCode).toBe(401);
    // The page-friendly variant answers 200 either way, never from a cache.
    const signedIn = await app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: cookieHeader(r) } });
    expect(signedIn.json()).toMatchObject({ user: { email: "admin@example.org" } });
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    const anonymous = await app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { authorization: "" } });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([200, { user: null }]);
  });

  it("gives the same 401 for an unknown e-mail and a wrong password, and never returns the hash", async () => {
    const unknown = await signIn("nobody@example.org", "whatever-password");
    const wrong = await signIn("admin@example.org", "wrong-password!!");
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    const users = await app.inject({ method: "GET", url: "/api/v1/users", headers: { cookie: cookieHeader(await signIn("admin@example.org", adminPassword)) } });
    expect(users.body).not.toContain("argon2");
  });

  it("refuses a cookie-authenticated write without the CSRF token, and accepts it with the token", async () => {
    const r = await signIn("editor@example.org", "correct horse battery");
    const cookie = cookieHeader(r);
    const without = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: { cookie }, payload: { name: "laptop" } });
    expect(without.statusCode).toBe(403);
    expect(without.headers["content-type"]).toContain("application/problem+json");
    const wrong = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: { cookie, "x-csrf-token": "forged" }, payload: { name: "laptop" } });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: { cookie, "x-csrf-token": r.json().csrfToken }, payload: { name: "laptop" } });
    expect(ok.statusCode).toBe(201);
  });

  it("creates, uses, lists and revokes an API token stored only as a hash", async () => {
    const r = await signIn("editor@example.org", "correct horse battery");
    const headers = { cookie: cookieHeader(r), "x-csrf-token": r.json().csrfToken };
    const created = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers, payload: { name: "CLI on my laptop" } });
    const { secret, token } = created.json();
    expect(secret).toMatch(/^cbt_/);
    const stored = await ctx.database.db.selectFrom("api_tokens").select("token_hash").where("id", "=", token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer })).json()).toMatchObject({ email: "editor@example.org" });
    const list = await app.inject({ method: "GET", url: "/api/v1/auth/tokens", headers: bearer });
    expect(list.json().tokens.map((t: { name: string }) => t.name)).toContain("CLI on my laptop");
    expect(list.body).not.toContain(secret);
    expect((await app.inject({ method: "DELETE", url: `/api/v1/auth/tokens/${token.id}`, headers: bearer })).statusCode).toBe(204);
    const after = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: "Bearer cbt_made-up" } })).statusCode).toBe(401);
  });

  it("lets only administrators manage users and roles (401 anonymous, 403 others)", async () => {
    const editor = await signIn("editor@example.org", "correct horse battery");
    const admin = await signIn("admin@example.org", adminPassword);
    const as = (r: LightMyRequestResponse) => ({ cookie: cookieHeader(r), "x-csrf-token": r.json().csrfToken });
    expect((await app.inject({ method: "GET", url: "/api/v1/users", headers: { authorization: "" } })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/v1/users", headers: as(editor) })).statusCode).toBe(403);
    const editorId = editor.json().user.id;
    const grant = await app.inject({ method: "POST", url: `/api/v1/users/${editorId}/roles`, headers: as(admin), payload: { role: "city_editor", scope: "chongqing-cn" } });
    expect(grant.json().roles).toEqual([{ role: "city_editor", scope: "chongqing-cn" }]);
    // The audit trail has who, when, and the record before and after.
    const history = await app.inject({ method: "GET", url: `/api/v1/history/user-roles/${editorId}`, headers: as(admin) });
    const [entry] = history.json().entries;
    expect(entry).toMatchObject({ actor: "admin@example.org", action: "update", entity: "user-roles", entityId: editorId, before: { roles: [] }, after: { roles: [{ role: "city_editor", scope: "chongqing-cn" }] } });
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    const csv = await app.inject({ method: "GET", url: "/api/v1/audit.csv", headers: as(admin) });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe("seq,at,actor,action,entity,entity_id,before,after,instance");
    expect(csv.body).toContain("user-roles");
    expect((await app.inject({ method: "GET", url: "/api/v1/audit.csv", headers: as(editor) })).statusCode).toBe(403);
    const refused = await app.inject({ method: "POST", url: `/api/v1/users/${editorId}/roles`, headers: as(editor), payload: { role: "programme_manager", scope: "iuc-asia" } });
    expect(refused.statusCode).toBe(403);
    const weak = await app.inject({ method: "POST", url: "/api/v1/users", headers: as(admin), payload: { email: "new@example.org", name: "New", password: "short" } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toContain("at least 12 characters");
  });

  it("sends security headers and a content security policy", async () => {
    const r = await app.inject({ method: "GET", url: "/api/health" });
    expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("rate-limits sign-in attempts with 429 problem+json", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", remoteAddress: "203.0.113.9", payload: { email: "x@example.org", password: "nope-nope-nope" } })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const last = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", remoteAddress: "203.0.113.9", payload: { email: "x@example.org", password: "nope-nope-nope" } });
    expect(last.statusCode).toBe(429);
    expect(last.headers["content-type"]).toContain("application/problem+json");
    expect(last.json().detail).toMatch(/too many attempts/);
  });
});
