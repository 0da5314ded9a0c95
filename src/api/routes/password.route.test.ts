import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import type { AppContext } from "../../services/context.js";
import { createAdmin, createToken, createUser } from "../../services/accounts.js";

/** Cookies of a response as a Cookie header. */
const cookieHeader = (r: LightMyRequestResponse) => r.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

describe.each(DIALECTS)("password change, one-time passwords and reset on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let firstAdminPassword = "";
  let changerId = "";
  let resetId = "";
  useTestApp(
    dialect,
    async (c) => {
      // As `users create-admin` makes it: a one-time password.
      firstAdminPassword = (await createAdmin(c, "first-admin@example.org", "First", { oneTime: true })).password;
      changerId = (await createUser(c, { email: "changer@example.org", name: "Changer", password: "correct horse battery" })).id;
      resetId = (await createUser(c, { email: "forgetful@example.org", name: "Forgetful", password: "forgotten password 1" })).id;
    },
    (s) => ({ app, ctx } = s),
  );

  const signIn = async (email: string, password: string) => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { authorization: "" }, payload: { email, password } });
    return { status: r.statusCode, headers: { cookie: cookieHeader(r), "x-csrf-token": r.statusCode === 200 ? (r.json().csrfToken as string) : "" } };
  };
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    app.inject({ method: "POST", url: "/api/v1/auth/password", headers, payload: { currentPassword, newPassword } });
  const me = async (headers: Record<string, string>) => (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers })).statusCode;

  it("changes the password with the current one, ends the other sessions but keeps this one and the API tokens, and audits it", async () => {
    const here = await signIn("changer@example.org", "correct horse battery");
    const elsewhere = await signIn("changer@example.org", "correct horse battery");
    const token = (await createToken(ctx, changerId, "laptop")).secret;

    const wrong = await change(here.headers, "not my password!", "a brand new password");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
    const short = await change(here.headers, "correct horse battery", "short");
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toContain("at least 12");
    const same = await change(here.headers, "correct horse battery", "correct horse battery");
    expect(same.statusCode).toBe(400);
    // Without the CSRF token a cookie write is refused, as every other.
    expect((await change({ cookie: here.headers.cookie }, "correct horse battery", "a brand new password")).statusCode).toBe(403);
    expect(await me(elsewhere.headers)).toBe(200);

    const ok = await change(here.headers, "correct horse battery", "a brand new password");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: "changer@example.org", mustChangePassword: false });
    expect(await me(here.headers)).toBe(200);
    expect(await me(elsewhere.headers)).toBe(401);
    expect(await me({ authorization: `Bearer ${token}` })).toBe(200);
    expect((await signIn("changer@example.org", "correct horse battery")).status).toBe(401);
    expect((await signIn("changer@example.org", "a brand new password")).status).toBe(200);

    const audit = (await app.inject({ method: "GET", url: `/api/v1/audit?entity=user&entityId=${changerId}` })).json().entries as { action: string; actor: string; before: { passwordChangedAt: string }; after: { passwordChangedAt: string } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "update", actor: "changer@example.org" });
    expect(audit[0]!.after.passwordChangedAt > audit[0]!.before.passwordChangedAt).toBe(true);
    expect(JSON.stringify(audit)).not.toContain("a brand new password");
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses every write but the password change while a one-time password is set, then allows them", async () => {
    const s = await signIn("first-admin@example.org", firstAdminPassword);
    expect(s.status).toBe(200);
    const session = await app.inject({ method: "GET", url: "/api/v1/auth/session", headers: s.headers });
    expect(session.json()).toMatchObject({ user: { email: "first-admin@example.org", mustChangePassword: true } });
    const meBody = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: s.headers });
    expect(meBody.json()).toMatchObject({ mustChangePassword: true });

    const write = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: s.headers, payload: { name: "cli" } });
    expect(write.statusCode).toBe(403);
    expect(write.headers["content-type"]).toContain("application/problem+json");
    expect(write.json().detail).toContain("one-time password");
    const adminWrite = await app.inject({ method: "POST", url: "/api/v1/users", headers: s.headers, payload: { email: "x@example.org", name: "X", password: "long enough password" } });
    expect(adminWrite.statusCode).toBe(403);

    const ok = await change(s.headers, firstAdminPassword, "my own admin password");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mustChangePassword: false });
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: s.headers, payload: { name: "cli" } })).statusCode).toBe(201);
  });

  it("lets an administrator reset a password to a new one-time password, ending that user's sessions, audited without the secret", async () => {
    const victim = await signIn("forgetful@example.org", "forgotten password 1");
    expect(await me(victim.headers)).toBe(200);
    const notAdmin = await signIn("changer@example.org", "a brand new password");
    const refused = await app.inject({ method: "POST", url: `/api/v1/users/${resetId}/password-reset`, headers: notAdmin.headers });
    expect(refused.statusCode).toBe(403);
    expect((await app.inject({ method: "POST", url: "/api/v1/users/no-such-user/password-reset" })).statusCode).toBe(404);

    const r = await app.inject({ method: "POST", url: `/api/v1/users/${resetId}/password-reset` });
    expect(r.statusCode).toBe(200);
    const oneTime = r.json().oneTimePassword as string;
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    expect(r.json().user).toMatchObject({ id: resetId, mustChangePassword: true });
    expect(await me(victim.headers)).toBe(401);
    expect((await signIn("forgetful@example.org", "forgotten password 1")).status).toBe(401);

    const again = await signIn("forgetful@example.org", oneTime);
    expect(again.status).toBe(200);
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers: again.headers, payload: { name: "cli" } })).statusCode).toBe(403);
    expect((await change(again.headers, oneTime, "remembered password 2")).statusCode).toBe(200);

    const audit = (await app.inject({ method: "GET", url: `/api/v1/audit?entity=user&entityId=${resetId}` })).json().entries as { actor: string; before: { mustChangePassword: boolean }; after: { mustChangePassword: boolean } }[];
    expect(audit.map((e) => [e.actor, e.before.mustChangePassword, e.after.mustChangePassword])).toEqual([
      ["test-admin@example.org", false, true],
      ["forgetful@example.org", true, false],
    ]);
    expect(JSON.stringify(audit)).not.toContain(oneTime);
  });
});
