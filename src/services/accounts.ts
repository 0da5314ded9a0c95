import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type ApiToken, EmailSchema, PasswordSchema, type RoleGrant, type User } from "../domain/account.js";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";

/** Sessions last 12 hours from sign-in. */
export const SESSION_HOURS = 12;
/** Prefix of API token secrets, so a leaked one is recognisable (and greppable). */
export const TOKEN_PREFIX = "cbt_";

// argon2id with the OWASP Password Storage Cheat Sheet's minimum: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const sha256 = (secret: string): string => createHash("sha256").update(secret).digest("hex");
const secret = (bytes: number): string => randomBytes(bytes).toString("base64url");
const now = (): string => new Date().toISOString();

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, column: string, value: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInputError(`${column} ${r.error.issues[0]?.message ?? "is invalid"}`, [{ column, message: r.error.issues[0]?.message ?? "is invalid" }], undefined, { code: "validation.invalid", params: { field: column } });
  return r.data;
}

/** argon2 (native) loads on the first password hashed or checked, not with every command that opens the database. */
const argon2 = () => import("@node-rs/argon2");

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, ARGON2);
}

/** Creates a user; the e-mail must be new. Returns the user (never the hash). */
export async function createUser(ctx: AppContext, input: { email: string; name: string; password: string; isAdmin?: boolean; mustChangePassword?: boolean }): Promise<User> {
  const email = parse(EmailSchema, "email", input.email);
  const password = parse(PasswordSchema, "password", input.password);
  const name = input.name.trim() || email;
  if (await ctx.accounts.findByEmail(email)) throw new ConflictError(`a user with e-mail ${email} already exists`, { code: "conflict.email_taken", params: { email } });
  const at = now();
  const id = randomUUID();
  await ctx.accounts.insertUser({ id, email, name, password_hash: await hashPassword(password), is_admin: input.isAdmin ? 1 : 0, disabled: 0, created_at: at, password_changed_at: at, must_change_password: input.mustChangePassword ? 1 : 0 });
  const user = await ctx.accounts.getUser(id);
  if (!user) throw new Error("user vanished after insert");
  return user;
}

/**
 * The first (or another) administrator, with a generated password printed once by the CLI: no
 * default password ever exists. With `oneTime` (as `users create-admin` does) it must be changed
 * before any other write.
 */
export async function createAdmin(ctx: AppContext, email: string, name?: string, opts: { oneTime?: boolean } = {}): Promise<{ user: User; password: string }> {
  const password = secret(18);
  const user = await createUser(ctx, { email, name: name ?? "Administrator", password, isAdmin: true, mustChangePassword: opts.oneTime ?? false });
  return { user, password };
}

// A fixed hash to verify against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

export interface SignedIn {
  user: User;
  /** The session secret for the HttpOnly cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/** Checks e-mail and password; the same answer for an unknown e-mail and a wrong password. */
export async function signIn(ctx: AppContext, email: string, password: string): Promise<SignedIn> {
  const found = await ctx.accounts.findByEmail(email.trim().toLowerCase());
  dummyHash ??= hashPassword(secret(18));
  const { verify } = await argon2();
  const ok = await verify(found?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!found || !ok || found.user.disabled) throw new InvalidCredentialsError();
  const sessionToken = secret(32);
  const csrfToken = secret(24);
  const createdAt = now();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await ctx.accounts.insertSession({ idHash: sha256(sessionToken), userId: found.user.id, csrfToken, createdAt, expiresAt });
  return { user: found.user, sessionToken, csrfToken, expiresAt };
}

export class InvalidCredentialsError extends Error {
  override readonly name = "InvalidCredentialsError";
  constructor() {
    super("the e-mail or the password is wrong");
  }
}

/**
 * The signed-in user changes their password: the current one must be right, the new one follows
 * the create-user rule and differs from it. Ends the user's other sessions (`keepSessionToken`,
 * the session making the change, stays); API tokens stay. Clears the one-time mark.
 */
export async function changePassword(ctx: AppContext, userId: string, currentPassword: string, newPassword: string, keepSessionToken: string | null): Promise<User> {
  const stored = await ctx.accounts.passwordHash(userId);
  if (!stored) throw new NotFoundError(`no user ${userId}`, { code: "not_found.user", params: { id: userId } });
  const { verify } = await argon2();
  if (!(await verify(stored, currentPassword).catch(() => false))) {
    throw new InvalidInputError("currentPassword is wrong", [{ column: "currentPassword", message: "is wrong", code: "auth.current_password_wrong" }], 1, { code: "auth.current_password_wrong" });
  }
  const next = parse(PasswordSchema, "newPassword", newPassword);
  if (next === currentPassword) throw new InvalidInputError("newPassword must differ from the current password", [{ column: "newPassword", message: "must differ from the current password", code: "auth.password_unchanged" }], 1, { code: "auth.password_unchanged" });
  await ctx.accounts.setPassword(userId, await hashPassword(next), now(), { mustChange: false, keepSession: keepSessionToken ? sha256(keepSessionToken) : null });
  return (await ctx.accounts.getUser(userId))!;
}

/**
 * An administrator resets a user's password: a new generated one-time password (returned once,
 * never stored), every session of that user ends, and every write but the password change is
 * refused until they choose their own. API tokens stay but cannot write until then.
 */
export async function resetPassword(ctx: AppContext, userId: string): Promise<{ user: User; password: string }> {
  if (!(await ctx.accounts.getUser(userId))) throw new NotFoundError(`no user ${userId}`, { code: "not_found.user", params: { id: userId } });
  const password = secret(18);
  await ctx.accounts.setPassword(userId, await hashPassword(password), now(), { mustChange: true });
  return { user: (await ctx.accounts.getUser(userId))!, password };
}

export async function signOut(ctx: AppContext, sessionToken: string): Promise<void> {
  await ctx.accounts.deleteSession(sha256(sessionToken));
}

export async function userForSession(ctx: AppContext, sessionToken: string): Promise<{ user: User; csrfToken: string } | null> {
  return ctx.accounts.findSession(sha256(sessionToken), now());
}

export async function userForToken(ctx: AppContext, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  return ctx.accounts.userForToken(sha256(token), now());
}

/** A new API token; the secret is returned once and stored only as a hash. */
export async function createToken(ctx: AppContext, userId: string, name: string): Promise<{ token: ApiToken; secret: string }> {
  const label = name.trim();
  if (!label || label.length > 100) throw new InvalidInputError("name must be 1–100 characters", [{ column: "name", message: "must be 1–100 characters" }], undefined, { code: "validation.length", params: { field: "name", minimum: 1, maximum: 100 } });
  const value = TOKEN_PREFIX + secret(32);
  const id = randomUUID();
  await ctx.accounts.insertToken({ id, user_id: userId, name: label, token_hash: sha256(value), prefix: value.slice(0, TOKEN_PREFIX.length + 6), created_at: now(), last_used_at: null, revoked_at: null });
  const token = (await ctx.accounts.listTokens(userId)).find((t) => t.id === id);
  if (!token) throw new Error("token vanished after insert");
  return { token, secret: value };
}

export async function revokeToken(ctx: AppContext, userId: string, tokenId: string): Promise<void> {
  if (!(await ctx.accounts.revokeToken(userId, tokenId, now()))) throw new NotFoundError(`no live token ${tokenId}`, { code: "not_found.token", params: { id: tokenId } });
}

export async function grantRole(ctx: AppContext, userId: string, grant: RoleGrant, by: string): Promise<User> {
  if (!(await ctx.accounts.getUser(userId))) throw new NotFoundError(`no user ${userId}`, { code: "not_found.user", params: { id: userId } });
  await ctx.accounts.grant(userId, grant, by, now());
  return (await ctx.accounts.getUser(userId)) as User;
}

export async function revokeRole(ctx: AppContext, userId: string, grant: RoleGrant): Promise<User> {
  if (!(await ctx.accounts.revokeGrant(userId, grant))) throw new NotFoundError(`user ${userId} has no ${grant.role} role for ${grant.scope}`, { code: "not_found.role_grant", params: { id: userId, role: grant.role, scope: grant.scope } });
  return (await ctx.accounts.getUser(userId)) as User;
}

/**
 * Disables a user (they cannot sign in; their sessions end and their API tokens are revoked at
 * once) or enables them again (they sign in anew and create new tokens). Administrators cannot
 * disable themselves, so one always remains.
 */
export async function setUserDisabled(ctx: AppContext, userId: string, disabled: boolean, by: User): Promise<User> {
  const user = await ctx.accounts.getUser(userId);
  if (!user) throw new NotFoundError(`no user ${userId}`, { code: "not_found.user", params: { id: userId } });
  if (disabled && user.id === by.id) throw new ConflictError("you cannot disable your own account; ask another administrator", { code: "conflict.disable_self" });
  await ctx.accounts.setDisabled(userId, disabled, now());
  return (await ctx.accounts.getUser(userId))!;
}
