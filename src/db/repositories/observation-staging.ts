import { finished } from "node:stream/promises";
import type SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, type PostgresPoolClient } from "kysely";
import type pg from "pg";
import type { from as CopyFrom } from "pg-copy-streams";
import type { Database } from "../database.js";
import type { DatabaseSchema } from "../schema.js";

/** A validated row of an import file on its way in; `sourceNo` numbers the file's distinct source texts from 0. */
export interface StagedObservation {
  city: string;
  indicator: string;
  period: string;
  value: number;
  sourceNo: number;
  note: string | null;
  place: string | null;
  match: string | null;
  basis: string | null;
  quality: string | null;
}

/** The distinct cities and indicators of the staged rows (their parents must exist when they are merged). */
export interface Parents {
  cities: Iterable<string>;
  indicators: Iterable<string>;
}

export interface MergeResult {
  /** Rows inserted or updated. */
  changed: number;
  inserted: number;
}

/**
 * A bulk import's staging area: a temporary table (of the import's own connection, seen by no
 * one else) that takes the file's rows as they are validated, then either becomes part of
 * `observations` in one statement and one transaction (`merge`) or is dropped (`discard`) —
 * nothing reaches the shared tables before every row is known to be good.
 *
 * SQLite stages through the connection's handle with multi-row prepared INSERTs (the temporary
 * table is in the connection's temp database: staging takes no lock on the database file);
 * PostgreSQL stages through COPY on one pooled client inside one transaction, and merges with one
 * MERGE (PostgreSQL 15+, rows counted by the transaction's statistics; an upsert on older servers,
 * without track_counts, or when the file repeats a key): the new rows are plain inserts, and the
 * foreign keys of `observations` are checked once per statement (migration 0016), not once per row.
 */
export interface ObservationStaging {
  add(rows: StagedObservation[]): Promise<void>;
  /**
   * Inserts the staged rows, and updates stored rows whose value, note or provenance differ; a
   * key repeated in the file takes its last row. `sourceIds` gives, inside the transaction, the
   * source id of each source number.
   */
  merge(sourceIds: (db: Kysely<DatabaseSchema>) => Promise<string[]>, importedBy: string, importedAt: string, parents: Parents): Promise<MergeResult>;
  discard(): Promise<void>;
}

const COLUMNS = ["city", "indicator", "period", "value", "source_no", "note", "place", "match", "basis", "quality"] as const;
const PROVENANCE = ["note", "place", "match", "basis", "quality"] as const;
/** Rows per multi-row INSERT on SQLite: 10 variables each, far under SQLite's 32,766. */
const SQLITE_ROWS_PER_INSERT = 200;

let counter = 0;

/** The upsert from a staging table (`s`, joined to its source map `m`); `$1`/`$2` or `?` are imported_by and imported_at. */
function mergeSql(staging: string, map: string, params: [string, string], select: string, order: string): string {
  return `insert into observations (city_slug, indicator_code, period, value, source_id, note, imported_by, imported_at, place, "match", basis, quality)
    ${select} s.city, s.indicator, s.period, s.value, m.id, s.note, ${params[0]}, ${params[1]}, s.place, s."match", s.basis, s.quality
    from ${staging} s join ${map} m on m.no = s.source_no where true ${order}
    on conflict (city_slug, indicator_code, period, source_id) do update set
      value = excluded.value, note = excluded.note, imported_by = excluded.imported_by, imported_at = excluded.imported_at,
      place = excluded.place, "match" = excluded."match", basis = excluded.basis, quality = excluded.quality
    where observations.value <> excluded.value or ${PROVENANCE.map((c) => `coalesce(observations."${c}", '') <> coalesce(excluded."${c}", '')`).join(" or ")}`;
}

/**
 * PostgreSQL's upsert from the staging table as one MERGE (PostgreSQL 15+); `$1`/`$2` are
 * imported_by and imported_at. See PostgresStaging.merge for a file that repeats a key.
 */
function mergeStatement(staging: string, map: string): string {
  const cols = ["value", ...PROVENANCE.map((c) => `"${c}"`)];
  return `merge into observations o
    using (select s.city, s.indicator, s.period, s.value, s.source_no, m.id as source_id, s.note, s.place, s."match", s.basis, s.quality from ${staging} s join ${map} m on m.no = s.source_no) x
    on o.city_slug = x.city and o.indicator_code = x.indicator and o.period = x.period and o.source_id = x.source_id
    when matched and (o.value <> x.value or ${PROVENANCE.map((c) => `coalesce(o."${c}", '') <> coalesce(x."${c}", '')`).join(" or ")}) then
      update set ${cols.map((c) => `${c} = x.${c}`).join(", ")}, imported_by = $1, imported_at = $2
    when not matched then
      insert (city_slug, indicator_code, period, value, source_id, note, imported_by, imported_at, place, "match", basis, quality)
      values (x.city, x.indicator, x.period, x.value, x.source_id, x.note, $1, $2, x.place, x."match", x.basis, x.quality)`;
}

class SqliteStaging implements ObservationStaging {
  private readonly table = `temp.import_staging_${++counter}`;
  private readonly map = `temp.import_sources_${counter}`;
  private readonly many: SQLite.Statement;
  private readonly one: SQLite.Statement;
  private readonly params = new Array<unknown>(SQLITE_ROWS_PER_INSERT * COLUMNS.length);
  private readonly insert: (rows: StagedObservation[]) => void;

  constructor(
    private readonly database: Database,
    private readonly sqlite: SQLite.Database,
  ) {
    sqlite.exec(`create table ${this.table} (city text, indicator text, period text, value real, source_no integer, note text, place text, "match" text, basis text, quality text)`);
    const tuple = `(${COLUMNS.map(() => "?").join(",")})`;
    const head = `insert into ${this.table} (${COLUMNS.map((c) => `"${c}"`).join(",")}) values `;
    this.many = sqlite.prepare(head + Array.from({ length: SQLITE_ROWS_PER_INSERT }, () => tuple).join(","));
    this.one = sqlite.prepare(head + tuple);
    // Writes to the temp database only; one transaction per call, so a batch is in or out whole.
    this.insert = sqlite.transaction((rows: StagedObservation[]) => {
      const p = this.params;
      let i = 0;
      for (; i + SQLITE_ROWS_PER_INSERT <= rows.length; i += SQLITE_ROWS_PER_INSERT) {
        let k = 0;
        for (let j = i; j < i + SQLITE_ROWS_PER_INSERT; j++) {
          const r = rows[j]!;
          p[k++] = r.city; p[k++] = r.indicator; p[k++] = r.period; p[k++] = r.value; p[k++] = r.sourceNo;
          p[k++] = r.note; p[k++] = r.place; p[k++] = r.match; p[k++] = r.basis; p[k++] = r.quality;
        }
        this.many.run(p);
      }
      for (; i < rows.length; i++) {
        const r = rows[i]!;
        this.one.run(r.city, r.indicator, r.period, r.value, r.sourceNo, r.note, r.place, r.match, r.basis, r.quality);
      }
    });
  }

  /** Runs `fn` holding Kysely's connection, so that no other query's transaction is open on the handle meanwhile. */
  private held<T>(fn: () => T): Promise<T> {
    return this.database.db.connection().execute(async () => fn());
  }

  static async open(database: Database, sqlite: SQLite.Database): Promise<SqliteStaging> {
    return database.db.connection().execute(async () => new SqliteStaging(database, sqlite));
  }

  add(rows: StagedObservation[]): Promise<void> {
    return this.held(() => this.insert(rows));
  }

  async merge(sourceIds: (db: Kysely<DatabaseSchema>) => Promise<string[]>, importedBy: string, importedAt: string, parents: Parents): Promise<MergeResult> {
    const db = this.sqlite;
    const write = (ids: string[]): MergeResult => {
      // The handle is the transaction's connection: these statements are part of it.
      db.exec(`create table ${this.map} (no integer primary key, id text not null)`);
      const add = db.prepare(`insert into ${this.map} (no, id) values (?, ?)`);
      ids.forEach((id, no) => add.run(no, id));
      const count = db.prepare("select count(*) from observations").pluck();
      const before = count.get() as number;
      // In file order, so that a key repeated in the file ends with its last row.
      const { changes } = db.prepare(mergeSql(this.table, this.map, ["?", "?"], "select", "order by s.rowid")).run(importedBy, importedAt);
      const inserted = (count.get() as number) - before;
      db.exec(`drop table ${this.map}`);
      return { changed: changes, inserted };
    };
    try {
      return await this.database.db.connection().execute(async (conn) => {
        if (db.inTransaction) {
          // Inside a caller's transaction: a savepoint of it, foreign keys checked row by row.
          return conn.transaction().execute(async (trx) => write(await sourceIds(trx)));
        }
        // Foreign keys can only be switched outside a transaction. Instead of three look-ups per
        // row, the file's distinct cities, indicators and sources are checked once, under the
        // write lock (BEGIN IMMEDIATE), so that none can be deleted before the commit.
        const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
        db.pragma("foreign_keys = OFF");
        try {
          db.exec("begin immediate");
          try {
            const ids = await sourceIds(conn);
            const missing = (table: string, key: string, values: Iterable<string>): boolean => {
              const list = [...new Set(values)];
              const found = db.prepare(`select count(*) from ${table} where ${key} in (select value from json_each(?))`).pluck().get(JSON.stringify(list)) as number;
              return found !== list.length;
            };
            if (missing("cities", "slug", parents.cities) || missing("indicators", "code", parents.indicators) || missing("sources", "id", ids)) {
              throw new Error("a city, indicator or source of the file was deleted while it was being imported; nothing was imported");
            }
            const result = write(ids);
            db.exec("commit");
            return result;
          } catch (e) {
            if (db.inTransaction) db.exec("rollback");
            throw e;
          }
        } finally {
          db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
        }
      });
    } finally {
      await this.discard();
    }
  }

  discard(): Promise<void> {
    return this.held(() => {
      this.sqlite.exec(`drop table if exists ${this.map}; drop table if exists ${this.table}`);
    });
  }
}

/** A text for COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
function copyText(s: string | null): string {
  if (s === null) return "\\N";
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s;
}

class PostgresStaging implements ObservationStaging {
  private seq = 0;
  private failure: Error | null = null;
  private done = false;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly copy: ReturnType<typeof CopyFrom>,
    private readonly table: string,
    private readonly map: string,
  ) {
    copy.on("error", (e: Error) => (this.failure ??= e));
  }

  static async open(pool: pg.Pool): Promise<PostgresStaging> {
    // Loaded on the first PostgreSQL import only, as pg itself is.
    // A CommonJS module: its exports are named under Node and tsx, under `default` in the compiled bundle.
    const copyStreams = await import("pg-copy-streams");
    const copyFrom = copyStreams.from ?? (copyStreams as unknown as { default: typeof copyStreams }).default.from;
    const client = await pool.connect();
    try {
      await client.query("begin");
      const n = ++counter;
      const t = `import_staging_${n}`;
      await client.query(`create temp table ${t} (seq bigint, city text, indicator text, period text, value double precision, source_no integer, note text, place text, "match" text, basis text, quality text) on commit drop`);
      const copy = client.query(copyFrom(`copy ${t} (seq, ${COLUMNS.map((c) => `"${c}"`).join(", ")}) from stdin`));
      return new PostgresStaging(client, copy, t, `import_sources_${n}`);
    } catch (e) {
      await client.query("rollback").catch(() => {});
      client.release(true);
      throw e;
    }
  }

  async add(rows: StagedObservation[]): Promise<void> {
    if (this.failure) throw this.failure;
    let text = "";
    for (const r of rows) {
      text += `${this.seq++}\t${copyText(r.city)}\t${copyText(r.indicator)}\t${copyText(r.period)}\t${r.value}\t${r.sourceNo}\t${copyText(r.note)}\t${copyText(r.place)}\t${copyText(r.match)}\t${copyText(r.basis)}\t${copyText(r.quality)}\n`;
    }
    if (!this.copy.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        this.copy.once("drain", () => {
          this.copy.off("error", onError);
          resolve();
        });
        this.copy.once("error", onError);
      });
    }
  }

  private async endCopy(): Promise<void> {
    this.copy.end();
    await finished(this.copy);
    if (this.failure) throw this.failure;
  }

  async merge(sourceIds: (db: Kysely<DatabaseSchema>) => Promise<string[]>, importedBy: string, importedAt: string): Promise<MergeResult> {
    const c = this.client;
    let ok = false;
    try {
      await this.endCopy();
      // A Kysely instance on this client: its queries are part of the transaction.
      const single = new Kysely<DatabaseSchema>({
        dialect: new PostgresDialect({
          pool: { connect: async () => ({ query: c.query.bind(c), release: () => {} }) as unknown as PostgresPoolClient, end: async () => {} },
        }),
      });
      const ids = await sourceIds(single);
      await single.destroy();
      await c.query(`create temp table ${this.map} (no integer primary key, id text not null) on commit drop`);
      await c.query(`insert into ${this.map} (no, id) select * from unnest($1::int[], $2::text[])`, [ids.map((_, i) => i), ids]);
      const params = [importedBy, importedAt];
      const counted = (select: string, order: string) =>
        `with m as (${mergeSql(this.table, this.map, ["$1", "$2"], select, order)} returning (xmax = 0) as inserted)
         select cast(count(*) as integer) as changed, cast(count(*) filter (where inserted) as integer) as inserted from m`;
      let r: MergeResult | null = null;
      await c.query("savepoint merge");
      if (await this.mergeCounted()) {
        // One MERGE: a join of the staged rows with the stored ones, then plain inserts of the new
        // rows (without the per-row conflict check of INSERT … ON CONFLICT) and updates of the
        // changed. It returns nothing: the rows it inserted and updated are counted by the
        // server's statistics of this transaction (pg_stat_xact_user_tables), read before and
        // after — RETURNING a row per imported row, to count them, cost as much as a third of
        // the merge. MERGE compares each staged row with the stored row as it was before the
        // statement: when the file repeats a key, one occurrence could update the row and a
        // later one, equal to the stored row, be passed over — so when it updated a row and the
        // file repeats a key (looked for only then), the file goes to the upsert below, which
        // keeps each key's last row, as does a repeated new key (23505: inserted twice) or a key
        // updated twice (21000). 23505 also comes when another import wrote one of the new keys
        // meanwhile.
        try {
          const before = await this.written();
          const merged = await c.query(mergeStatement(this.table, this.map), params);
          const after = await this.written();
          const updated = after.updated - before.updated;
          const repeated =
            updated > 0 &&
            (await c.query<{ repeated: boolean }>(`select exists (select 1 from ${this.table} group by city, indicator, period, source_no having count(*) > 1) as repeated`)).rows[0]!
              .repeated;
          if (repeated) await c.query("rollback to savepoint merge");
          else r = { changed: merged.rowCount ?? 0, inserted: after.inserted - before.inserted };
        } catch (e) {
          if (!["21000", "23505"].includes((e as { code?: string }).code ?? "")) throw e;
          await c.query("rollback to savepoint merge");
        }
      }
      if (r === null) {
        try {
          r = (await c.query<MergeResult>(counted("select", ""), params)).rows[0]!;
        } catch (e) {
          // 21000: the file repeats a key (one statement cannot update a row twice): keep each key's last row.
          if ((e as { code?: string }).code !== "21000") throw e;
          await c.query("rollback to savepoint merge");
          r = (await c.query<MergeResult>(counted("select distinct on (s.city, s.indicator, s.period, m.id)", "order by s.city, s.indicator, s.period, m.id, s.seq desc"), params)).rows[0]!;
        }
      }
      await c.query("commit");
      ok = true;
      return r;
    } finally {
      if (!ok) await this.discard();
      else this.release();
    }
  }

  /**
   * Whether the merge can be one MERGE counted by the transaction's statistics: the server has
   * MERGE (PostgreSQL 15) and counts the rows written (track_counts, on unless switched off).
   */
  private async mergeCounted(): Promise<boolean> {
    const { rows } = await this.client.query<{ v: number; counts: string }>(
      "select cast(current_setting('server_version_num') as integer) as v, current_setting('track_counts') as counts",
    );
    return rows[0]!.v >= 150000 && rows[0]!.counts === "on";
  }

  /** Rows of `observations` inserted and updated so far by this transaction (aborted savepoints included). */
  private async written(): Promise<{ inserted: number; updated: number }> {
    const { rows } = await this.client.query<{ inserted: string; updated: string }>(
      "select n_tup_ins as inserted, n_tup_upd as updated from pg_stat_xact_user_tables where relid = 'observations'::regclass",
    );
    return { inserted: Number(rows[0]?.inserted ?? 0), updated: Number(rows[0]?.updated ?? 0) };
  }

  private release(broken?: Error): void {
    if (this.done) return;
    this.done = true;
    this.client.release(broken);
  }

  async discard(): Promise<void> {
    if (this.done) return;
    try {
      if (this.copy.writable) await this.endCopy().catch(() => {});
      await this.client.query("rollback");
      this.release();
    } catch (e) {
      this.release(e as Error);
    }
  }
}

/** Opens a staging area for an import on `database`. */
export async function openObservationStaging(database: Database): Promise<ObservationStaging> {
  if (database.sqlite) return SqliteStaging.open(database, database.sqlite);
  if (database.pool) return PostgresStaging.open(database.pool);
  throw new Error("no bulk path for this database");
}
