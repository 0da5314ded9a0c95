import { type Kysely, sql } from "kysely";

/** Sources, cities, the indicator catalogue and observations. Runs unchanged on SQLite and PostgreSQL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sources")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("citation", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("licence", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cities")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("geonames_id", "integer", (c) => c.unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("name_local", "text")
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("admin1", "text")
    .addColumn("lat", "double precision", (c) => c.notNull())
    .addColumn("lon", "double precision", (c) => c.notNull())
    .addColumn("population", "integer")
    .addColumn("population_year", "integer")
    .addColumn("population_source", "text", (c) => c.references("sources.id"))
    .addColumn("area_km2", "double precision")
    .addColumn("timezone", "text")
    .addColumn("search_key", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cities_country_population").on("cities").columns(["country", "population"]).execute();
  await db.schema.createIndex("cities_population").on("cities").columns(["population", "slug"]).execute();

  await db.schema
    .createTable("indicators")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text")
    .addColumn("description_en", "text")
    .addColumn("description_zh", "text")
    .addColumn("references_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addCheckConstraint("indicators_direction", sql`direction in ('lower', 'higher')`)
    .execute();

  await db.schema
    .createTable("observations")
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("indicator_code", "text", (c) => c.notNull().references("indicators.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
    .addColumn("note", "text")
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    // Importing the same file twice changes nothing: one row per (city, indicator, period, source).
    .addPrimaryKeyConstraint("observations_pk", ["city_slug", "indicator_code", "period", "source_id"])
    .execute();
  await db.schema
    .createIndex("observations_indicator_city")
    .on("observations")
    .columns(["indicator_code", "city_slug", "period"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["observations", "indicators", "cities", "sources"]) await db.schema.dropTable(t).execute();
}
