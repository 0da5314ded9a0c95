import type { Kysely } from "kysely";

/** Which server instance (or command) wrote each audit row, now that several servers share one database. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("audit_log").addColumn("instance", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("audit_log").dropColumn("instance").execute();
}
