import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { ScopedRole, User } from "../domain/account.js";
import { ForbiddenError, UnauthorizedError } from "../errors.js";
import type { AppContext } from "../services/context.js";
import type { DatabaseSchema } from "../db/schema.js";
import { ScopeRepository } from "../db/repositories/scope.repository.js";
import { holds } from "./authorize.js";

/** One role that would allow a write, with a readable name for the 403 message. */
export interface Grant {
  role: ScopedRole;
  scope: string;
}

/**
 * Who may make a write: anyone (`public`: signing in, computations sent by POST that store
 * nothing, a participant's own vote with their token), any signed-in user, administrators only,
 * or holders of one of the grants the resolver returns for this request (administrators always may).
 */
export type Access = "public" | "user" | "admin" | ((req: FastifyRequest, scopes: ScopeRepository) => Promise<Grant[]>);

/** What the audit trail records for a write: the row of `table` before and after, or the response. */
export interface AuditSpec {
  entity: string;
  table?: keyof DatabaseSchema;
  /** Primary key column of `table` (default `id`). */
  key?: string;
  /** Where the record's id is: a path parameter (default `id`), the response body's `id`, or the signed-in user's id (`self`). */
  idFrom: "param" | "response" | "self";
  param?: string;
  /** Reads the record instead of a table row (e.g. a user with their roles). */
  load?: (ctx: AppContext, id: string) => Promise<unknown>;
  /**
   * The write commits on its own (a streamed bulk import, which on SQLite may write through a
   * second connection): its audit row follows its commit instead of sharing its transaction.
   */
  ownTransaction?: boolean;
}

export interface WriteRule {
  access: Access;
  audit?: AuditSpec;
}

/** Every write route by `METHOD /api/v1/path`; a write not listed is for administrators only. */
export type WritePolicy = Record<string, WriteRule>;

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

declare module "fastify" {
  interface FastifyRequest {
    auditBefore?: unknown;
  }
  interface FastifyInstance {
    /** Every write route registered, as `METHOD path` (for the permission matrix). */
    writeRoutes: string[];
    /** The write check of the route `key` (`METHOD path`) for `user`, with these parameters and body — without making the write. */
    decideWrite: (key: string, user: User | undefined, req: Pick<FastifyRequest, "params" | "body">) => Promise<WriteDecision>;
  }
}

/** The write routes of an app as `METHOD path` keys, collected as they are registered. */
export function writeRouteKeys(route: Pick<RouteOptions, "method" | "url">): string[] {
  return list(route.method)
    .map((m) => String(m).toUpperCase())
    .filter((m) => !SAFE.has(m))
    .map((m) => `${m} ${route.url}`);
}

function describe(g: Grant): string {
  return `${g.role.replace("_", " ")} of ${g.scope}`;
}

const SIGN_IN = "sign in or send an API token (Authorization: Bearer …) to do this";

/** The writes a user with a one-time password may still make: changing it, and signing in or out. */
const ONE_TIME_ALLOWED = new Set(["POST /api/v1/auth/password", "POST /api/v1/auth/sign-in", "POST /api/v1/auth/sign-out"]);
export const MUST_CHANGE_PASSWORD = "your password is a one-time password: change it first (POST /api/v1/auth/password), then try again";

/**
 * Whether `user` may make a write under `rule`, for a request with these path parameters and
 * body: the one decision both the write check below and GET /api/v1/auth/permissions use.
 * `needs` says what is missing: signing in, being an administrator, or one of `grants`.
 */
export type WriteDecision =
  | { allowed: true }
  | { allowed: false; needs: "sign-in"; message: string }
  | { allowed: false; needs: "admin" | "role"; message: string; grants: Grant[] };

export function needsSignIn(rule: WriteRule, user: User | undefined): boolean {
  return rule.access !== "public" && !user;
}

export async function decideWrite(rule: WriteRule, user: User | undefined, req: Pick<FastifyRequest, "params" | "body">, scopes: ScopeRepository): Promise<WriteDecision> {
  if (rule.access === "public") return { allowed: true };
  if (needsSignIn(rule, user) || !user) return { allowed: false, needs: "sign-in", message: SIGN_IN };
  if (user.isAdmin || rule.access === "user") return { allowed: true };
  if (rule.access === "admin") return { allowed: false, needs: "admin", message: "only an administrator may do this", grants: [] };
  const grants = await rule.access(req as FastifyRequest, scopes);
  if (grants.some((g) => holds(user, g.role, g.scope))) return { allowed: true };
  return grants.length
    ? { allowed: false, needs: "role", message: `this needs one of these roles: ${grants.map(describe).join("; ")}`, grants }
    : { allowed: false, needs: "admin", message: "only an administrator may do this", grants };
}

/**
 * Checks every write under /api/ against `policy`: 401 without a user (unless public), 403 when no
 * role covers the record; and appends each successful write to the audit trail with the values
 * before and after. Register before any route.
 */
export function registerAccessControl(app: FastifyInstance, ctx: AppContext, policy: WritePolicy): void {
  const scopes = new ScopeRepository(ctx.database.db);
  const keys: string[] = [];
  app.decorate("writeRoutes", keys);
  app.decorate("decideWrite", (key: string, user: User | undefined, req: Pick<FastifyRequest, "params" | "body">) => decideWrite(policy[key] ?? { access: "admin" }, user, req, scopes));
  app.addHook("onRoute", (route) => {
    const [key] = writeRouteKeys(route);
    if (!key || !route.url.startsWith("/api/")) return;
    keys.push(key);
    const rule: WriteRule = policy[key] ?? { access: "admin" };
    route.onRequest = [
      ...list(route.onRequest),
      async (req: FastifyRequest) => {
        if (needsSignIn(rule, req.principal?.user)) throw new UnauthorizedError(SIGN_IN);
        if (req.principal?.user.mustChangePassword && !ONE_TIME_ALLOWED.has(key)) throw new ForbiddenError(MUST_CHANGE_PASSWORD, { code: "auth.must_change_password" });
      },
    ];
    // Before validation (the body is parsed, not yet checked): a forbidden write is 403 whatever it sends.
    route.preValidation = [
      ...list(route.preValidation),
      async (req: FastifyRequest) => {
        const decision = await decideWrite(rule, req.principal?.user, req, scopes);
        if (!decision.allowed) {
          if (decision.needs === "sign-in") throw new UnauthorizedError(decision.message, { code: "auth.sign_in_required" });
          // `roles` in English for API users; `grants` as role:scope pairs for clients to translate.
          const coded = decision.needs === "role"
            ? { code: "auth.role_required" as const, params: { roles: decision.grants.map(describe).join("; "), grants: decision.grants.map((g) => `${g.role}:${g.scope}`).join(";") } }
            : { code: "auth.admin_only" as const };
          throw new ForbiddenError(decision.message, coded);
        }
        if (rule.audit?.ownTransaction) await readBefore(ctx, rule.audit, req);
      },
    ];
    const spec = rule.audit;
    if (spec?.ownTransaction) {
      route.onSend = [
        ...list(route.onSend),
        async (req: FastifyRequest, reply, payload: unknown) => {
          if (reply.statusCode < 300) await appendAudit(ctx, spec, req, typeof payload === "string" && payload.startsWith("{") ? (JSON.parse(payload) as unknown) : null);
          return payload;
        },
      ];
    } else if (spec) {
      // The write and its audit row in one transaction: the handler's queries, through any
      // repository, run on the transaction's connection; the answer goes out after the commit.
      const handler = route.handler as (this: unknown, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
      route.handler = async function (this: unknown, req: FastifyRequest, reply: FastifyReply) {
        const held: { payload?: unknown; sent: boolean } = { sent: false };
        const body = await ctx.database.inTransaction(
          async () => {
            await readBefore(ctx, spec, req);
            // Hold the answer until the commit. While the handler runs the reply is no thenable
            // either: a handler returning it would otherwise wait for the answer that is held.
            const r = reply as unknown as { send?: (p: unknown) => FastifyReply; then?: unknown };
            r.send = (payload: unknown) => {
              held.payload = payload;
              held.sent = true;
              return reply;
            };
            r.then = undefined;
            let result: unknown;
            try {
              result = await handler.call(this, req, reply);
            } finally {
              delete r.send;
              delete r.then;
            }
            const answer = held.sent ? held.payload : result;
            if (reply.statusCode < 300) await appendAudit(ctx, spec, req, toJson(answer));
            return answer;
          },
          // An error answer keeps nothing the handler may have written.
          () => reply.statusCode < 400,
        );
        return held.sent ? reply.send(body) : body;
      };
    }
  });
}

async function readBefore(ctx: AppContext, spec: AuditSpec, req: FastifyRequest): Promise<void> {
  if ((spec.table || spec.load) && spec.idFrom !== "response") {
    const id = spec.idFrom === "self" ? req.principal?.user.id : (req.params as Record<string, string>)[spec.param ?? "id"];
    if (id) req.auditBefore = await readRow(ctx, spec, id);
  }
}

/** The answer as the client receives it (JSON), or null for a stream or a buffer. */
function toJson(answer: unknown): unknown {
  if (typeof answer === "string") return answer.startsWith("{") ? (JSON.parse(answer) as unknown) : null;
  if (answer === null || typeof answer !== "object" || Buffer.isBuffer(answer) || typeof (answer as { pipe?: unknown }).pipe === "function") return null;
  return JSON.parse(JSON.stringify(answer)) as unknown;
}

async function appendAudit(ctx: AppContext, spec: AuditSpec, req: FastifyRequest, body: unknown): Promise<void> {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : null;
  const id = spec.idFrom === "param" ? (req.params as Record<string, string>)[spec.param ?? "id"] : spec.idFrom === "self" ? (req.principal?.user.id ?? "") : String(b?.id ?? "");
  const after = spec.table || spec.load ? (id ? await readRow(ctx, spec, id) : null) : b;
  const action = req.method === "DELETE" ? "delete" : spec.idFrom === "response" || req.auditBefore === undefined || req.auditBefore === null ? "create" : "update";
  await ctx.audit.append({ at: new Date().toISOString(), actor: req.principal?.user.email ?? "anonymous", action, entity: spec.entity, entityId: id || "-", before: req.auditBefore ?? null, after });
}

async function readRow(ctx: AppContext, spec: AuditSpec, id: string): Promise<unknown> {
  if (spec.load) return (await spec.load(ctx, id)) ?? null;
  if (!spec.table) return null;
  // Table and key come from the policy in code, never from the request.
  const db = ctx.database.db as unknown as { selectFrom: (t: string) => { selectAll: () => { where: (c: string, op: "=", v: string) => { executeTakeFirst: () => Promise<unknown> } } } };
  return (await db.selectFrom(spec.table).selectAll().where(spec.key ?? "id", "=", id).executeTakeFirst()) ?? null;
}
