import type { Kysely } from "kysely";
import type { Source } from "../../domain/source.js";
import type { DatabaseSchema } from "../schema.js";

export class SourceRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(): Promise<Source[]> {
    return this.db.selectFrom("sources").select(["id", "citation", "url", "licence"]).orderBy("id").execute();
  }

  async get(id: string): Promise<Source | null> {
    const r = await this.db.selectFrom("sources").select(["id", "citation", "url", "licence"]).where("id", "=", id).executeTakeFirst();
    return r ?? null;
  }

  async findByCitation(citation: string): Promise<Source | null> {
    const r = await this.db
      .selectFrom("sources")
      .select(["id", "citation", "url", "licence"])
      .where("citation", "=", citation)
      .orderBy("id")
      .executeTakeFirst();
    return r ?? null;
  }

  /** Inserts sources, updating citation, URL and licence of ids that exist. */
  async upsertMany(sources: Source[], now: string): Promise<void> {
    if (sources.length === 0) return;
    await this.db
      .insertInto("sources")
      .values(sources.map((s) => ({ ...s, created_at: now })))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          citation: eb.ref("excluded.citation"),
          url: eb.ref("excluded.url"),
          licence: eb.ref("excluded.licence"),
        })),
      )
      .execute();
  }
}
