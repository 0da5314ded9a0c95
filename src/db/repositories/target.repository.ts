import type { Kysely } from "kysely";
import { BauSchema, type Target } from "../../domain/target.js";
import type { DatabaseSchema, TargetsTable } from "../schema.js";

function toTarget(r: TargetsTable): Target {
  return {
    id: r.id,
    city: r.city_slug,
    type: r.type as Target["type"],
    names: r.name_en ? { en: r.name_en, zh: r.name_zh } : null,
    baseYear: Number(r.base_year),
    baseEmissions: r.base_emissions,
    targetYear: Number(r.target_year),
    reductionPct: r.reduction_pct,
    targetLevel: r.target_level,
    basePopulation: r.base_population,
    netZeroYear: r.net_zero_year === null ? null : Number(r.net_zero_year),
    method: r.method as Target["method"],
    sectors: JSON.parse(r.sectors_json) as Target["sectors"],
    gases: JSON.parse(r.gases_json) as Target["gases"],
    bau: r.bau_json ? BauSchema.parse(JSON.parse(r.bau_json)) : null,
    budget: r.budget_tco2e !== null && r.budget_source !== null ? { tCO2e: r.budget_tco2e, source: r.budget_source } : null,
    source: r.source,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(t: Target): TargetsTable {
  return {
    id: t.id,
    city_slug: t.city,
    type: t.type,
    name_en: t.names?.en ?? null,
    name_zh: t.names?.zh ?? null,
    base_year: t.baseYear,
    base_emissions: t.baseEmissions,
    target_year: t.targetYear,
    reduction_pct: t.reductionPct,
    target_level: t.targetLevel,
    base_population: t.basePopulation,
    net_zero_year: t.netZeroYear,
    method: t.method,
    sectors_json: JSON.stringify(t.sectors),
    gases_json: JSON.stringify(t.gases),
    bau_json: t.bau ? JSON.stringify(t.bau) : null,
    budget_tco2e: t.budget?.tCO2e ?? null,
    budget_source: t.budget?.source ?? null,
    source: t.source,
    version: t.version,
    created_by: t.createdBy,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}

/** Cities' emission targets. */
export class TargetRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listForCity(city: string): Promise<Target[]> {
    const rows = await this.db.selectFrom("targets").selectAll().where("city_slug", "=", city).orderBy("target_year").orderBy("id").execute();
    return rows.map(toTarget);
  }

  async get(id: string): Promise<Target | null> {
    const r = await this.db.selectFrom("targets").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toTarget(r) : null;
  }

  async insert(t: Target): Promise<void> {
    await this.db.insertInto("targets").values(toRow(t)).execute();
  }

  /** Replaces a target if its stored version is `expectedVersion` (optimistic lock); false otherwise. */
  async replace(t: Target, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _by, created_at: _at, city_slug: _city, ...rest } = toRow(t);
    const r = await this.db
      .updateTable("targets")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", t.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("targets").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
