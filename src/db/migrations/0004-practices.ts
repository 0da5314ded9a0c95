import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Good practices with outcomes, themes and cited sources, and their full-text index: an FTS5
 * table (unicode61 over the search-token text, bm25) on SQLite, a `tsvector` column with a GIN
 * index on PostgreSQL (plus pg_trgm for "did you mean" where the server allows it).
 * Sources are rows of the shared `sources` table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("practices")
    // Integer key, also the practice's key in the full-text index (the FTS5 rowid); on SQLite it
    // is the table's rowid, so joining matches to practices is a direct lookup.
    .addColumn("doc", "integer", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("title_en", "text")
    .addColumn("title_zh", "text")
    .addColumn("summary_en", "text")
    .addColumn("summary_zh", "text")
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("city_slug", "text", (c) => c.references("cities.slug").onDelete("set null"))
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("start_year", "integer")
    .addColumn("end_year", "integer")
    .addColumn("measures_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("cost_json", "text")
    .addColumn("transferability", "text")
    .addColumn("assessment_json", "text")
    .addColumn("measured", "integer", (c) => c.notNull().defaultTo(0))
    // Themes as bits (PRACTICE_THEMES order) for facet counts in one pass; practice_themes stays the record.
    .addColumn("themes_mask", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practices_country").on("practices").columns(["country"]).execute();
  await db.schema.createIndex("practices_city_slug").on("practices").columns(["city_slug"]).execute();

  // What search filters, boosts and counts, per practice: a narrow table keyed like the index, so
  // joining tens of thousands of matches reads a few compact pages instead of the wide practice rows.
  await db.schema
    .createTable("practice_facets")
    .addColumn("doc", "integer", (c) => c.primaryKey().references("practices.doc").onDelete("cascade"))
    .addColumn("measured", "integer", (c) => c.notNull())
    .addColumn("themes_mask", "integer", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .execute();
  await db.schema.createIndex("practice_facets_country").on("practice_facets").columns(["country", "region"]).execute();

  await db.schema
    .createTable("practice_themes")
    .addColumn("practice_id", "text", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("theme", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_themes_pk", ["practice_id", "theme"])
    .execute();
  await db.schema.createIndex("practice_themes_theme").on("practice_themes").columns(["theme", "practice_id"]).execute();

  await db.schema
    .createTable("practice_sources")
    .addColumn("practice_id", "text", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("publisher", "text")
    .addColumn("year", "integer")
    .addPrimaryKeyConstraint("practice_sources_pk", ["practice_id", "position"])
    .execute();

  await db.schema
    .createTable("practice_outcomes")
    .addColumn("practice_id", "text", (c) => c.notNull().references("practices.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("value_max", "double precision")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("baseline", "double precision")
    .addColumn("year", "integer")
    .addColumn("note", "text")
    .addColumn("indicator_code", "text", (c) => c.references("indicators.code"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id"))
    .addPrimaryKeyConstraint("practice_outcomes_pk", ["practice_id", "position"])
    .addCheckConstraint("practice_outcomes_kind", sql`kind in ('measured', 'modelled', 'target')`)
    .execute();
  await db.schema.createIndex("practice_outcomes_indicator").on("practice_outcomes").columns(["indicator_code"]).execute();

  if (postgres) {
    await sql`alter table practices add column search_vector tsvector not null default ''::tsvector`.execute(db);
    await sql`create index practices_search on practices using gin (search_vector)`.execute(db);
    // "Did you mean" uses trigram similarity when the server lets us install pg_trgm; a failure
    // here (no privilege, no contrib) is caught inside the block and only loses suggestions.
    await sql`do $$ begin create extension if not exists pg_trgm; exception when others then raise notice 'pg_trgm not available'; end $$`.execute(db);
  } else {
    await sql`create virtual table practice_fts using fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
    await sql`create virtual table practice_fts_vocab using fts5vocab(practice_fts, 'row')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) {
    await sql`drop table if exists practice_fts_vocab`.execute(db);
    await sql`drop table if exists practice_fts`.execute(db);
  }
  for (const t of ["practice_outcomes", "practice_sources", "practice_themes", "practice_facets", "practices"]) await db.schema.dropTable(t).execute();
}
