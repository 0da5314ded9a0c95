import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditEntrySchema, RoleGrantSchema, UserSchema } from "../../domain/account.js";
import { NotFoundError } from "../../errors.js";
import type { AppContext } from "../../services/context.js";
import { createUser, grantRole, resetPassword, revokeRole, setUserDisabled } from "../../services/accounts.js";
import { toCsv } from "../../services/csv-output.js";
import { ScopeRepository } from "../../db/repositories/scope.repository.js";
import { requireAdmin, requireUser } from "../authorize.js";
import { readHistory } from "../history-policy.js";

const tags = ["accounts"];
const UserId = z.object({ id: z.string().min(1).max(100) });

/** Administration: users and their roles, and the audit trail (read and export only — never edited). */
export function usersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const scopes = new ScopeRepository(ctx.database.db);
    app.get("/users", { schema: { tags, summary: "All users (administrators)", response: { 200: z.object({ users: z.array(UserSchema) }) } } }, async (req) => {
      requireAdmin(req);
      return { users: await ctx.accounts.listUsers() };
    });

    app.post(
      "/users",
      {
        schema: {
          tags,
          summary: "Create a user (administrators)",
          body: z.object({ email: z.string().min(1).max(254), name: z.string().min(1).max(200), password: z.string().min(1).max(200), isAdmin: z.boolean().default(false) }),
          response: { 201: UserSchema },
        },
      },
      async (req, reply) => {
        requireAdmin(req);
        return reply.code(201).send(await createUser(ctx, req.body));
      },
    );

    app.get("/users/:id", { schema: { tags, summary: "One user (administrators, or the user)", params: UserId, response: { 200: UserSchema } } }, async (req) => {
      const me = requireUser(req);
      if (me.id !== req.params.id) requireAdmin(req);
      const user = await ctx.accounts.getUser(req.params.id);
      if (!user) throw new NotFoundError(`no user ${req.params.id}`, { code: "not_found.user", params: { id: req.params.id } });
      return user;
    });

    app.post("/users/:id/roles", { schema: { tags, summary: "Grant a role for a programme, city or cooperation (administrators)", params: UserId, body: RoleGrantSchema, response: { 200: UserSchema } } }, async (req) => {
      const admin = requireAdmin(req);
      return grantRole(ctx, req.params.id, req.body, admin.email);
    });

    app.delete("/users/:id/roles", { schema: { tags, summary: "Revoke a role (administrators)", params: UserId, body: RoleGrantSchema, response: { 200: UserSchema } } }, async (req) => {
      requireAdmin(req);
      return revokeRole(ctx, req.params.id, req.body);
    });

    app.post(
      "/users/:id/disable",
      { schema: { tags, summary: "Disable a user (administrators): they cannot sign in, their sessions end and their API tokens are revoked at once; 409 for your own account", params: UserId, response: { 200: UserSchema } } },
      async (req) => setUserDisabled(ctx, req.params.id, true, requireAdmin(req)),
    );
    app.post(
      "/users/:id/enable",
      { schema: { tags, summary: "Enable a disabled user again (administrators); they sign in anew and create new tokens", params: UserId, response: { 200: UserSchema } } },
      async (req) => setUserDisabled(ctx, req.params.id, false, requireAdmin(req)),
    );

    app.post(
      "/users/:id/password-reset",
      {
        schema: {
          tags,
          summary:
            "Reset a user's password (administrators): answers a new one-time password, shown this once; every session of the user ends, and they must choose their own password before any other write",
          params: UserId,
          response: { 200: z.object({ user: UserSchema, oneTimePassword: z.string() }) },
        },
      },
      async (req) => {
        requireAdmin(req);
        const { user, password } = await resetPassword(ctx, req.params.id);
        return { user, oneTimePassword: password };
      },
    );

    app.get(
      "/history/:entity/:id",
      {
        schema: {
          tags,
          summary:
            "The history of one record: every create, update and delete with who, when, before and after — read as the record's own endpoint reads it (user records: administrators and the user; application contacts and statements awaiting moderation: as on their endpoints)",
          description: "Oldest first unless `order=desc`; a page at a time read in the database (`limit`, `offset`; `total` counts every entry of the record).",
          params: z.object({ entity: z.string().min(1).max(100), id: z.string().min(1).max(200) }),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(1000).default(1000).describe("entries per page (1–1000, default 1000)"),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("entries to skip"),
            order: z.enum(["asc", "desc"]).default("asc").describe("asc: oldest first; desc: newest first"),
          }),
          response: { 200: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative(), limit: z.number().int().positive(), offset: z.number().int().nonnegative() }) },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { limit, offset, order } = req.query;
        const filter = { entity: req.params.entity, entityId: req.params.id };
        const [entries, total] = await Promise.all([ctx.audit.list({ ...filter, limit, offset, newestFirst: order === "desc" }), ctx.audit.count(filter)]);
        return { entries: await readHistory(user, req.params.entity, req.params.id, entries, scopes), total, limit, offset };
      },
    );

    app.get(
      "/audit.csv",
      { schema: { tags, summary: "Export the whole audit trail as CSV (administrators)", produces: ["text/csv"] } },
      async (req, reply) => {
        requireAdmin(req);
        const rows = [["seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "instance"]];
        for (let after = 0; ; ) {
          const page = await ctx.audit.list({ after, limit: 5000 });
          for (const e of page) rows.push([String(e.seq), e.at, e.actor, e.action, e.entity, e.entityId, e.before === null ? "" : JSON.stringify(e.before), e.after === null ? "" : JSON.stringify(e.after), e.instance ?? ""]);
          if (page.length < 5000) break;
          after = page[page.length - 1]?.seq ?? after;
        }
        return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="citybridge-audit.csv"').send(toCsv(rows));
      },
    );

    app.get(
      "/audit",
      {
        schema: {
          tags,
          summary:
            "The audit trail, oldest first or newest first with `order=desc` (administrators); page with `after` (the last `seq` of the page before) and `limit`, or numbered pages with `offset`; `total` counts every entry matching the filters",
          querystring: z.object({
            entity: z.string().min(1).max(100).optional(),
            entityId: z.string().min(1).max(200).optional(),
            actor: z.string().min(1).max(254).optional(),
            after: z.coerce.number().int().min(0).optional().describe("entries after this `seq` in the order asked (below it with `order=desc`)"),
            offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe("entries to skip (after `after`, if given)"),
            order: z.enum(["asc", "desc"]).default("asc").describe("asc: oldest first; desc: newest first"),
            limit: z.coerce.number().int().min(1).max(10000).default(1000),
          }),
          response: { 200: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative() }) },
        },
      },
      async (req) => {
        requireAdmin(req);
        const { order, ...q } = req.query;
        const [entries, total] = await Promise.all([ctx.audit.list({ ...q, newestFirst: order === "desc" }), ctx.audit.count(q)]);
        return { entries, total };
      },
    );
  };
}
