import type { Kysely } from "kysely";
import type { ClimateAction } from "../../domain/target.js";
import type { ClimateActionsTable, DatabaseSchema } from "../schema.js";

function toAction(r: ClimateActionsTable): ClimateAction {
  return {
    id: r.id,
    city: r.city_slug,
    names: { en: r.name_en, zh: r.name_zh },
    sector: r.sector,
    startYear: Number(r.start_year),
    fullYear: Number(r.full_year),
    reductionTCO2e: r.reduction_tco2e,
    source: r.source,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Planned climate actions and their expected reductions (the pathway's wedges). */
export class ClimateActionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listForCity(city: string): Promise<ClimateAction[]> {
    const rows = await this.db.selectFrom("climate_actions").selectAll().where("city_slug", "=", city).orderBy("start_year").orderBy("id").execute();
    return rows.map(toAction);
  }

  async insert(a: ClimateAction): Promise<void> {
    await this.db
      .insertInto("climate_actions")
      .values({
        id: a.id,
        city_slug: a.city,
        name_en: a.names.en,
        name_zh: a.names.zh,
        sector: a.sector,
        start_year: a.startYear,
        full_year: a.fullYear,
        reduction_tco2e: a.reductionTCO2e,
        source: a.source,
        created_by: a.createdBy,
        created_at: a.createdAt,
      })
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("climate_actions").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
