import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiTokenSchema, UserSchema } from "../../domain/account.js";
import type { AppContext } from "../../services/context.js";
import { changePassword, createToken, revokeToken, SESSION_HOURS, signIn, signOut } from "../../services/accounts.js";
import { CSRF_COOKIE, SESSION_COOKIE } from "../auth.js";
import { requireUser } from "../authorize.js";
import { SIGN_IN_LIMIT, TOKEN_LIMIT } from "../security.js";

const tags = ["accounts"];

/** Sign-in and sign-out for the web UI (cookies), the current user, and the user's API tokens. */
export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/auth/sign-in",
      {
        config: { rateLimit: SIGN_IN_LIMIT },
        schema: {
          tags,
          summary: "Sign in; sets an HttpOnly session cookie and returns the CSRF token to echo in X-CSRF-Token",
          body: z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) }),
          response: { 200: z.object({ user: UserSchema, csrfToken: z.string(), expiresAt: z.string() }) },
        },
      },
      async (req, reply) => {
        const s = await signIn(ctx, req.body.email, req.body.password);
        const secure = req.protocol === "https";
        const maxAge = SESSION_HOURS * 3600;
        reply.setCookie(SESSION_COOKIE, s.sessionToken, { path: "/", httpOnly: true, sameSite: "strict", secure, maxAge });
        reply.setCookie(CSRF_COOKIE, s.csrfToken, { path: "/", httpOnly: false, sameSite: "strict", secure, maxAge });
        return { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
      },
    );

    app.post("/auth/sign-out", { schema: { tags, summary: "Sign out (ends the session)", response: { 204: z.null() } } }, async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await signOut(ctx, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: "/" }).clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    });

    app.post(
      "/auth/password",
      {
        config: { rateLimit: SIGN_IN_LIMIT },
        schema: {
          tags,
          summary:
            "Change your password: the current one is required (400 when wrong), the new one needs at least 12 characters. Your other sessions end (this one stays); your API tokens stay. Clears the one-time-password mark.",
          body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
          response: { 200: UserSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const keep = req.principal?.via === "session" ? (req.cookies[SESSION_COOKIE] ?? null) : null;
        return changePassword(ctx, user.id, req.body.currentPassword, req.body.newPassword, keep);
      },
    );

    app.get(
      "/auth/session",
      { schema: { tags, summary: "Who is signed in: the user with their roles, or null (200 either way; for pages that show a sign-in link)", response: { 200: z.object({ user: UserSchema.nullable() }) } } },
      async (req, reply) => {
        // Per visitor: never from a shared cache.
        reply.header("cache-control", "no-store");
        return { user: req.principal?.user ?? null };
      },
    );

    app.get("/auth/me", { schema: { tags, summary: "The signed-in user with their roles (401 when nobody is)", response: { 200: UserSchema } } }, async (req) =>
      requireUser(req),
    );

    app.get("/auth/tokens", { schema: { tags, summary: "Your API tokens (secrets are never shown again)", response: { 200: z.object({ tokens: z.array(ApiTokenSchema) }) } } }, async (req) => ({
      tokens: await ctx.accounts.listTokens(requireUser(req).id),
    }));

    app.post(
      "/auth/tokens",
      {
        config: { rateLimit: TOKEN_LIMIT },
        schema: {
          tags,
          summary: "Create an API token; its secret is in this response only",
          body: z.object({ name: z.string().min(1).max(100) }),
          response: { 201: z.object({ token: ApiTokenSchema, secret: z.string() }) },
        },
      },
      async (req, reply) => reply.code(201).send(await createToken(ctx, requireUser(req).id, req.body.name)),
    );

    app.delete(
      "/auth/tokens/:id",
      { schema: { tags, summary: "Revoke one of your API tokens", params: z.object({ id: z.string().min(1).max(100) }), response: { 204: z.null() } } },
      async (req, reply) => {
        await revokeToken(ctx, requireUser(req).id, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
