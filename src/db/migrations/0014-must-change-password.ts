import type { Kysely } from "kysely";

/**
 * Issue 18: a user who signed in with a one-time password (from `users create-admin` or an
 * administrator's reset) must choose their own before any other write; 1 until they do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("must_change_password").execute();
}
