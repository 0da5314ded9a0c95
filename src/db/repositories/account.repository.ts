import type { Kysely } from "kysely";
import type { ApiToken, RoleGrant, ScopedRole, User } from "../../domain/account.js";
import type { ApiTokensTable, DatabaseSchema, UsersTable } from "../schema.js";

/** How finely an API token's last use is recorded. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/** A user row with its password hash, for sign-in only; never leaves the services. */
export interface UserWithSecret {
  user: User;
  passwordHash: string;
}

function toToken(r: ApiTokensTable): ApiToken {
  return { id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

/** Users, their sessions, API tokens and role grants. Secrets are stored only as hashes. */
export class AccountRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private async withRoles(rows: UsersTable[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const grants = await this.db.selectFrom("role_grants").selectAll().where("user_id", "in", rows.map((r) => r.id)).orderBy("role").orderBy("scope_id").execute();
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      isAdmin: Number(r.is_admin) === 1,
      disabled: Number(r.disabled) === 1,
      roles: grants.filter((g) => g.user_id === r.id).map((g) => ({ role: g.role as ScopedRole, scope: g.scope_id })),
      createdAt: r.created_at,
      mustChangePassword: Number(r.must_change_password ?? 0) === 1,
    }));
  }

  async insertUser(row: UsersTable): Promise<void> {
    await this.db.insertInto("users").values(row).execute();
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom("users").select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async listUsers(): Promise<User[]> {
    return this.withRoles(await this.db.selectFrom("users").selectAll().orderBy("email").execute());
  }

  async getUser(id: string): Promise<User | null> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? ((await this.withRoles([row]))[0] ?? null) : null;
  }

  async findByEmail(email: string): Promise<UserWithSecret | null> {
    const row = await this.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    if (!row) return null;
    const [user] = await this.withRoles([row]);
    return user ? { user, passwordHash: row.password_hash } : null;
  }

  /** The stored hash of a user's password, to check the current one before a change; never leaves the services. */
  async passwordHash(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  /**
   * Sets a new password hash; `mustChange` marks it one-time. A new password ends every session of
   * the user except `keepSession` (the hash of the session that made the change). API tokens stay.
   */
  async setPassword(userId: string, passwordHash: string, at: string, opts: { mustChange?: boolean; keepSession?: string | null } = {}): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: at, must_change_password: opts.mustChange ? 1 : 0 })
      .where("id", "=", userId)
      .execute();
    let ended = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (opts.keepSession) ended = ended.where("id_hash", "<>", opts.keepSession);
    await ended.execute();
  }

  /** A user as the audit trail records a password change or reset: the user, and when the password changed (never the hash). */
  async userForAudit(id: string): Promise<(User & { passwordChangedAt: string }) | null> {
    const row = await this.db.selectFrom("users").select("password_changed_at").where("id", "=", id).executeTakeFirst();
    const user = row ? await this.getUser(id) : null;
    return user && row ? { ...user, passwordChangedAt: row.password_changed_at } : null;
  }

  /** Disables or re-enables a user; disabling also ends every session and revokes every live token, in one transaction. */
  async setDisabled(userId: string, disabled: boolean, at = new Date().toISOString()): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("users").set({ disabled: disabled ? 1 : 0 }).where("id", "=", userId).execute();
      if (!disabled) return;
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      await trx.updateTable("api_tokens").set({ revoked_at: at }).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
    });
  }

  async grant(userId: string, g: RoleGrant, by: string, at: string): Promise<void> {
    await this.db
      .insertInto("role_grants")
      .values({ user_id: userId, role: g.role, scope_id: g.scope, granted_by: by, granted_at: at })
      .onConflict((oc) => oc.columns(["user_id", "role", "scope_id"]).doNothing())
      .execute();
  }

  async revokeGrant(userId: string, g: RoleGrant): Promise<boolean> {
    const r = await this.db.deleteFrom("role_grants").where("user_id", "=", userId).where("role", "=", g.role).where("scope_id", "=", g.scope).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async insertSession(s: { idHash: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.insertInto("sessions").values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
  }

  /** The live session's user and CSRF token; expired sessions are not found (and are removed). */
  async findSession(idHash: string, now: string): Promise<{ user: User; csrfToken: string } | null> {
    const s = await this.db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
    if (!s) return null;
    if (s.expires_at <= now) {
      await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
      return null;
    }
    const user = await this.getUser(s.user_id);
    return user && !user.disabled ? { user, csrfToken: s.csrf_token } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }

  async insertToken(row: ApiTokensTable): Promise<void> {
    await this.db.insertInto("api_tokens").values(row).execute();
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return (await this.db.selectFrom("api_tokens").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").execute()).map(toToken);
  }

  /**
   * The user of a live (not revoked) token, marking it used — at most once a minute per token, so
   * that a client calling many times a second does not write a row (and, on SQLite, move the read
   * cache's change token) on every request.
   */
  async userForToken(tokenHash: string, now: string): Promise<User | null> {
    const t = await this.db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).where("revoked_at", "is", null).executeTakeFirst();
    if (!t) return null;
    if (t.last_used_at === null || Date.parse(now) - Date.parse(t.last_used_at) >= TOKEN_USE_RESOLUTION_MS) {
      await this.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", t.id).execute();
    }
    const user = await this.getUser(t.user_id);
    return user && !user.disabled ? user : null;
  }

  async revokeToken(userId: string, tokenId: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable("api_tokens").set({ revoked_at: at }).where("id", "=", tokenId).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
