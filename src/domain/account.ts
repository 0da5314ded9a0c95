import { z } from "zod";

/**
 * Who may write what (issue 7). The public reads public data without signing in; every write
 * needs a signed-in user or an API token, and a role that covers the record:
 * - administrator: everything;
 * - programme manager of a programme: the programme, its calls, applications, cooperations;
 * - city editor of a city: its profile, observations, inventories, targets, its part of action plans;
 * - partner contributor of a cooperation: its activities and their own organisation's commitments.
 */
export const SCOPED_ROLES = ["programme_manager", "city_editor", "partner_contributor"] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

export const RoleGrantSchema = z.object({
  role: z.enum(SCOPED_ROLES),
  /** A programme id, city slug or cooperation id, by role. */
  scope: z.string().min(1).max(200),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "is not an e-mail address" }));

/** At least 12 characters: length is what makes a password strong (NIST SP 800-63B §3.1.1.2). */
export const PasswordSchema = z.string().min(12, "must be at least 12 characters").max(200, "must be at most 200 characters");

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  roles: z.array(RoleGrantSchema),
  createdAt: z.string(),
  /** The password is a one-time password: every write but the password change answers 403 until it is changed. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret, to recognise it in a list. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(["create", "update", "delete"]),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The server instance (CITYBRIDGE_INSTANCE, or host:pid) or command that wrote it; null before 0013. */
  instance: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Who is making a request: a user (through a session or a token), or nobody. */
export interface Principal {
  user: User;
  via: "session" | "token";
}
