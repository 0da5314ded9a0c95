import { type Kysely, sql } from "kysely";

/**
 * Issue 18.7: the IUC Asia seed cited the project's own design notes ("… as summarised in citybridge
 * DOMAIN.md") as a source of the programme and three cooperations, shown on public pages. The seed no
 * longer does; this removes the source from databases seeded before, and from every list that cites it.
 */
export const RETIRED_SOURCE_IDS = ["citybridge-domain-iuc"] as const;
const TABLES = ["programmes", "cooperations", "activities"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const id of RETIRED_SOURCE_IDS) {
    for (const table of TABLES) {
      const rows = await sql<{ id: string; source_ids_json: string }>`select id, source_ids_json from ${sql.table(table)} where source_ids_json like ${`%"${id}"%`}`.execute(db);
      for (const r of rows.rows) {
        const ids = (JSON.parse(r.source_ids_json) as string[]).filter((x) => x !== id);
        await sql`update ${sql.table(table)} set source_ids_json = ${JSON.stringify(ids)} where id = ${r.id}`.execute(db);
      }
    }
    await sql`delete from sources where id = ${id}`.execute(db);
  }
}

/** Nothing to restore: the source was wrong to cite. */
export async function down(): Promise<void> {}
