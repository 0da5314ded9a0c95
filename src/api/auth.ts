import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Principal } from "../domain/account.js";
import type { AppContext } from "../services/context.js";
import { userForSession, userForToken } from "../services/accounts.js";
import { problem, sendProblem } from "./problem.js";

export const SESSION_COOKIE = "cb_session";
/** Readable by the page's script, which echoes it in the X-CSRF-Token header (double submit). */
export const CSRF_COOKIE = "cb_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** Endpoints whose answer is about who is asking (or refuses them), signed in or not. */
const PERSONAL = /^\/api\/v1\/(auth\/|users(\/|\?|$)|audit(\.csv)?(\/|\?|$)|history\/)/;

/**
 * Resolves who is calling, from `Authorization: Bearer cbt_…` (API tokens, for the CLI and
 * integrations) or the HttpOnly session cookie (the web UI). A cookie-authenticated write must
 * carry the session's CSRF token in X-CSRF-Token; the cookies are SameSite=Strict as well.
 * A presented but unknown token is refused rather than treated as anonymous.
 */
export async function registerAuth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest("principal", null);
  // An answer to a signed-in caller, or from an endpoint about the caller, may differ per person:
  // never keep it in a browser or shared cache.
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.url.startsWith("/api/") && (req.principal || PERSONAL.test(req.url))) reply.header("cache-control", "no-store");
    return payload;
  });
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith("/api/")) return;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const user = m?.[1] ? await userForToken(ctx, m[1]) : null;
      if (!user) return sendProblem(reply, problem(401, "the API token is invalid or revoked", { code: "auth.token_invalid", params: {} })).header("www-authenticate", "Bearer");
      req.principal = { user, via: "token" };
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await userForSession(ctx, cookie);
    if (!session) return; // expired or signed out: anonymous
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      return sendProblem(reply, problem(403, "the CSRF token is missing or wrong: reload the page and try again", { code: "auth.csrf", params: {} }));
    }
    req.principal = { user: session.user, via: "session" };
  });
}
