import type { Kysely } from "kysely";

const POLLUTANTS = ["pm25", "pm10", "so2", "no2", "co", "o3"] as const;

/**
 * Air quality: monitoring stations, daily values and indices per station and per city, and
 * annual summaries. Hourly data are aggregated on import (DuckDB) and not stored.
 * Runs unchanged on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("air_stations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("lat", "double precision")
    .addColumn("lon", "double precision")
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
    .addColumn("first_date", "text", (c) => c.notNull())
    .addColumn("last_date", "text", (c) => c.notNull())
    .addColumn("days", "integer", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("air_stations_city").on("air_stations").column("city_slug").execute();

  // One row per (scope, subject, date): scope 'station' (subject = station id) or 'city' (subject = city slug).
  let daily = db.schema
    .createTable("air_daily")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("stations", "integer", (c) => c.notNull());
  for (const p of POLLUTANTS) {
    daily = daily
      .addColumn(`${p}_hours`, "integer", (c) => c.notNull())
      .addColumn(`${p}_mean`, "double precision")
      .addColumn(`${p}_max1h`, "double precision");
  }
  await daily
    .addColumn("o3_max8h", "double precision")
    .addColumn("co_max8h", "double precision")
    .addColumn("cn_standard", "text", (c) => c.notNull())
    .addColumn("cn_aqi", "integer")
    .addColumn("cn_level", "integer")
    .addColumn("cn_primary", "text", (c) => c.notNull())
    .addColumn("us_aqi", "integer")
    .addColumn("us_level", "integer")
    .addColumn("us_primary", "text", (c) => c.notNull())
    .addColumn("eu_band", "integer")
    .addColumn("eu_primary", "text", (c) => c.notNull())
    .addColumn("sources", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("air_daily_pk", ["scope", "subject", "date"])
    .execute();
  await db.schema.createIndex("air_daily_city").on("air_daily").columns(["city_slug", "scope", "date"]).execute();

  let annual = db.schema
    .createTable("air_annual")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull());
  for (const p of POLLUTANTS) {
    annual = annual
      .addColumn(`${p}_mean`, "double precision")
      .addColumn(`${p}_days`, "integer", (c) => c.notNull())
      .addColumn(`${p}_complete`, "integer", (c) => c.notNull());
  }
  await annual
    .addColumn("aqi_days", "integer", (c) => c.notNull())
    .addColumn("good_days", "integer", (c) => c.notNull())
    .addColumn("good_days_share", "double precision")
    .addColumn("aqi_complete", "integer", (c) => c.notNull())
    .addColumn("category_days_json", "text", (c) => c.notNull())
    .addColumn("exceedances_json", "text", (c) => c.notNull())
    .addColumn("sources", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("air_annual_pk", ["scope", "subject", "year"])
    .execute();
  await db.schema.createIndex("air_annual_city").on("air_annual").columns(["city_slug", "scope", "year"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["air_annual", "air_daily", "air_stations"]) await db.schema.dropTable(t).execute();
}
