import { type Kysely, sql } from "kysely";

/**
 * Where an observation came from, beyond its source: the source's own name for the place
 * ("Chongqing Shi", an urban centre's names), how that place was matched to the city (name,
 * GeoNames alternate name, coordinates and distance), whether the value is measured, modelled or
 * reported, and the source's quality fields (WHO temporal coverage, Eurostat flags). All optional:
 * a user's own figures need none of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ["place", "match", "basis", "quality"]) {
    await db.schema.alterTable("observations").addColumn(column, "text").execute();
  }
  // Ember grid intensities were stored under co2js 0.19.0's publication date; they now carry the
  // year each value describes (the seed writes them again), so the dated rows would only mislead.
  await sql`delete from observations where source_id = 'ember-co2js-0.19.0' and period = '2026-08-22'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ["quality", "basis", "match", "place"]) {
    await db.schema.alterTable("observations").dropColumn(column).execute();
  }
}
