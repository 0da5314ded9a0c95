import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * PostgreSQL (issue 20): the three foreign keys of `observations` (city, indicator, source) are
 * checked once per statement instead of once per row. A foreign key's check is a trigger that
 * runs a look-up for every inserted row — three per observation, which made a bulk import of a
 * million rows spend most of its time there. The same guarantees, kept by triggers of this
 * migration:
 *
 * - inserting observations: one statement-level trigger over the inserted rows (a transition
 *   table) finds their distinct cities, indicators and sources, locks them FOR KEY SHARE (as a
 *   foreign key check does, so that none can be deleted before the commit) and refuses the
 *   statement (23503, foreign_key_violation) if any is missing; changing an observation's city,
 *   indicator or source is checked row by row (rare: imports only change values and provenance);
 * - deleting a city deletes its observations (the former ON DELETE CASCADE); deleting an
 *   indicator or a source, or changing the key of a city, indicator or source, that observations
 *   still name is refused (23503), as is TRUNCATE of those tables while observations exist.
 *
 * SQLite keeps its foreign keys: its bulk import switches them off for the merge and checks the
 * file's distinct parents itself (ObservationStaging).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table observations
    drop constraint observations_city_slug_fkey,
    drop constraint observations_indicator_code_fkey,
    drop constraint observations_source_id_fkey`.execute(db);

  // Inserted rows: each distinct parent looked up (and locked) once.
  await sql`create function observations_check_parents() returns trigger language plpgsql as $$
    declare
      missing text;
    begin
      with keys as materialized (select distinct city_slug, indicator_code, source_id from new_rows),
        c as (select distinct city_slug as k from keys),
        i as (select distinct indicator_code as k from keys),
        s as (select distinct source_id as k from keys),
        lc as (select slug as k from cities where slug in (select k from c) for key share),
        li as (select code as k from indicators where code in (select k from i) for key share),
        ls as (select id as k from sources where id in (select k from s) for key share)
      select coalesce(
        (select format('(city_slug)=(%s) is not present in table "cities"', k) from c where k not in (select k from lc) limit 1),
        (select format('(indicator_code)=(%s) is not present in table "indicators"', k) from i where k not in (select k from li) limit 1),
        (select format('(source_id)=(%s) is not present in table "sources"', k) from s where k not in (select k from ls) limit 1))
      into missing;
      if missing is not null then
        raise exception 'insert or update on table "observations" violates a foreign key: Key %', missing using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger observations_check_parents after insert on observations
    referencing new table as new_rows for each statement execute function observations_check_parents()`.execute(db);

  // An observation whose city, indicator or source changes: checked row by row.
  await sql`create function observations_check_parents_row() returns trigger language plpgsql as $$
    begin
      perform 1 from cities where slug = new.city_slug for key share;
      if not found then
        raise exception 'update on table "observations" violates a foreign key: Key (city_slug)=(%) is not present in table "cities"', new.city_slug using errcode = 'foreign_key_violation';
      end if;
      perform 1 from indicators where code = new.indicator_code for key share;
      if not found then
        raise exception 'update on table "observations" violates a foreign key: Key (indicator_code)=(%) is not present in table "indicators"', new.indicator_code using errcode = 'foreign_key_violation';
      end if;
      perform 1 from sources where id = new.source_id for key share;
      if not found then
        raise exception 'update on table "observations" violates a foreign key: Key (source_id)=(%) is not present in table "sources"', new.source_id using errcode = 'foreign_key_violation';
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger observations_check_parents_row after update of city_slug, indicator_code, source_id on observations for each row
    when (old.city_slug is distinct from new.city_slug or old.indicator_code is distinct from new.indicator_code or old.source_id is distinct from new.source_id)
    execute function observations_check_parents_row()`.execute(db);

  // The parents' side.
  await sql`create function observations_city_deleted() returns trigger language plpgsql as $$
    begin
      delete from observations where city_slug in (select slug from old_rows);
      return null;
    end $$`.execute(db);
  await sql`create trigger observations_city_deleted after delete on cities
    referencing old table as old_rows for each statement execute function observations_city_deleted()`.execute(db);

  for (const [table, key, column] of [
    ["cities", "slug", "city_slug"],
    ["indicators", "code", "indicator_code"],
    ["sources", "id", "source_id"],
  ] as const) {
    const fn = `observations_${table}_still_named`;
    const refuse = `raise exception 'update or delete on table "${table}" violates a foreign key on table "observations": Key (${key})=(%) is still referenced from table "observations"', k using errcode = 'foreign_key_violation'`;
    if (table !== "cities") {
      await sql
        .raw(
          `create function ${fn}_deleted() returns trigger language plpgsql as $$
          declare k text;
          begin
            select o.${column} into k from observations o where o.${column} in (select ${key} from old_rows) limit 1;
            if found then ${refuse}; end if;
            return null;
          end $$`,
        )
        .execute(db);
      await sql.raw(`create trigger observations_still_named after delete on ${table} referencing old table as old_rows for each statement execute function ${fn}_deleted()`).execute(db);
    }
    await sql
      .raw(
        `create function ${fn}_renamed() returns trigger language plpgsql as $$
        declare k text := old.${key};
        begin
          if exists (select 1 from observations where ${column} = old.${key}) then ${refuse}; end if;
          return null;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(`create trigger observations_still_named_renamed after update of ${key} on ${table} for each row when (old.${key} is distinct from new.${key}) execute function ${fn}_renamed()`)
      .execute(db);
    await sql
      .raw(
        `create function ${fn}_truncated() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from observations) then
            raise exception 'cannot truncate table "${table}": table "observations" names its rows' using errcode = 'feature_not_supported';
          end if;
          return null;
        end $$`,
      )
      .execute(db);
    await sql.raw(`create trigger observations_still_named_truncated before truncate on ${table} for each statement execute function ${fn}_truncated()`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists observations_check_parents() cascade`.execute(db);
  await sql`drop function if exists observations_check_parents_row() cascade`.execute(db);
  await sql`drop function if exists observations_city_deleted() cascade`.execute(db);
  for (const table of ["cities", "indicators", "sources"]) {
    for (const suffix of ["deleted", "renamed", "truncated"]) await sql.raw(`drop function if exists observations_${table}_still_named_${suffix}() cascade`).execute(db);
  }
  await sql`alter table observations
    add constraint observations_city_slug_fkey foreign key (city_slug) references cities (slug) on delete cascade,
    add constraint observations_indicator_code_fkey foreign key (indicator_code) references indicators (code),
    add constraint observations_source_id_fkey foreign key (source_id) references sources (id)`.execute(db);
}
