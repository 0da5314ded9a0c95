import { type Kysely, sql } from "kysely";

/**
 * Climate accounting: the emission factor library, GPC inventories with their activity data,
 * targets and planned actions. Runs unchanged on SQLite and PostgreSQL (booleans as 0/1
 * integers, JSON as text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("emission_factors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("gases_json", "text", (c) => c.notNull())
    .addColumn("ncv_tj_per_gg", "double precision")
    .addColumn("year", "integer")
    .addColumn("region", "text")
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
    .addColumn("note", "text")
    .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("emission_factors_kind", sql`kind in ('fuel', 'grid', 'other')`)
    .execute();

  await db.schema
    .createTable("inventories")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("gwp", "text", (c) => c.notNull())
    .addColumn("population", "double precision")
    .addColumn("population_source", "text")
    .addColumn("notes", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finalised_at", "text")
    .addUniqueConstraint("inventories_city_year", ["city_slug", "year"])
    .addCheckConstraint("inventories_status", sql`status in ('draft', 'final')`)
    .addCheckConstraint("inventories_gwp", sql`gwp in ('ar5', 'ar6')`)
    .execute();

  await db.schema
    .createTable("inventory_activities")
    .addColumn("inventory_id", "text", (c) => c.notNull().references("inventories.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("gpc", "text", (c) => c.notNull())
    // The activity as entered (amount, unit, factor ids, notation key…), validated by the GPC engine.
    .addColumn("activity_json", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("inventory_activities_pk", ["inventory_id", "position"])
    .execute();

  await db.schema
    .createTable("targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("name_zh", "text")
    .addColumn("base_year", "integer", (c) => c.notNull())
    .addColumn("base_emissions", "double precision", (c) => c.notNull())
    .addColumn("target_year", "integer", (c) => c.notNull())
    .addColumn("reduction_pct", "double precision")
    .addColumn("target_level", "double precision")
    .addColumn("base_population", "double precision")
    .addColumn("net_zero_year", "integer")
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("sectors_json", "text", (c) => c.notNull())
    .addColumn("gases_json", "text", (c) => c.notNull())
    .addColumn("bau_json", "text")
    .addColumn("budget_tco2e", "double precision")
    .addColumn("budget_source", "text")
    .addColumn("source", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("targets_type", sql`type in ('base-year', 'fixed-level', 'baseline-scenario', 'intensity')`)
    .execute();
  await db.schema.createIndex("targets_city").on("targets").columns(["city_slug", "target_year"]).execute();

  await db.schema
    .createTable("climate_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("sector", "text")
    .addColumn("start_year", "integer", (c) => c.notNull())
    .addColumn("full_year", "integer", (c) => c.notNull())
    .addColumn("reduction_tco2e", "double precision", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("climate_actions_city").on("climate_actions").columns(["city_slug", "start_year"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["climate_actions", "targets", "inventory_activities", "inventories", "emission_factors"]) await db.schema.dropTable(t).execute();
}
