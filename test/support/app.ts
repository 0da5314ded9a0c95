import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { AppContext } from "../../src/services/context.js";
import { createAdmin, createToken } from "../../src/services/accounts.js";
import { useTestContext } from "./context.js";
import type { DialectName } from "./databases.js";

/**
 * The lifecycle of an in-process API suite: a fresh migrated database of `dialect`, loaded by
 * `prepare`, and the app on it (no web UI, silent); both closed after the suite. `bind` receives
 * the context and the app once they are ready.
 */
export function useTestApp(
  dialect: DialectName,
  prepare: (ctx: AppContext) => Promise<unknown>,
  bind: (s: { ctx: AppContext; app: FastifyInstance }) => void,
): void {
  let ctx: AppContext;
  let app: FastifyInstance | undefined;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await prepare(ctx);
    app = await buildApp(ctx, { webDir: null, logLevel: "silent" });
    asAdministrator(app, await adminToken(ctx));
    bind({ ctx, app });
  });
  afterAll(async () => {
    await app?.close();
  });
}

/** An administrator's API token for a test database (created once per database). */
export async function adminToken(ctx: AppContext): Promise<string> {
  const existing = await ctx.accounts.findByEmail("test-admin@example.org");
  const user = existing?.user ?? (await createAdmin(ctx, "test-admin@example.org", "Test administrator")).user;
  return (await createToken(ctx, user.id, "tests")).secret;
}

/**
 * Requests made with `app.inject` act as an administrator unless the test sets its own
 * `authorization` or `cookie` header, or passes `headers: { authorization: "" }` to be anonymous.
 * Suites about permissions sign in as the roles they test.
 */
function asAdministrator(app: FastifyInstance, token: string): void {
  const inject = app.inject.bind(app) as (opts: unknown) => unknown;
  (app as { inject: unknown }).inject = (opts: unknown) => {
    if (typeof opts === "string") opts = { method: "GET", url: opts };
    if (opts && typeof opts === "object") {
      const o = opts as { headers?: Record<string, string> };
      const headers = { ...(o.headers ?? {}) };
      if (headers.authorization === "") delete headers.authorization;
      else if (headers.authorization === undefined && headers.cookie === undefined) headers.authorization = `Bearer ${token}`;
      return inject({ ...o, headers });
    }
    return inject(opts);
  };
}
