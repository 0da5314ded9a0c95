import type { FastifyRequest } from "fastify";
import type { ScopedRole, User } from "../domain/account.js";
import { ForbiddenError, UnauthorizedError } from "../errors.js";

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): User {
  if (!req.principal) throw new UnauthorizedError("sign in or send an API token (Authorization: Bearer …) to do this");
  return req.principal.user;
}

/** An administrator, or 401/403. */
export function requireAdmin(req: FastifyRequest): User {
  const user = requireUser(req);
  if (!user.isAdmin) throw new ForbiddenError("only an administrator may do this", { code: "auth.admin_only" });
  return user;
}

/** Whether `user` holds `role` for `scope` (administrators hold every role). */
export function holds(user: User, role: ScopedRole, scope: string): boolean {
  return user.isAdmin || user.roles.some((g) => g.role === role && g.scope === scope);
}

/** The name written to created_by / the audit trail for a request's writes. */
export function actorOf(req: FastifyRequest): string {
  return req.principal ? req.principal.user.email : "anonymous";
}
