import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { AirDay } from "../../domain/air.js";
import type { AirDailyTable, DatabaseSchema } from "../schema.js";
import type { ColumnBatch, SqliteWriter } from "../sqlite-writer.js";

export type AirScope = "station" | "city";

/** A day as stored: the domain day plus whose it is and when it was imported. */
export interface AirDayRecord extends AirDay {
  scope: AirScope;
  /** Station id or city slug. */
  subject: string;
  city: string;
  importedAt: string;
}

/** Rows per INSERT: 39 columns × 800 stays under SQLite's 32,766 bound parameters. */
const BATCH = 800;

const list = (s: string): string[] => (s === "" ? [] : s.split(","));

function toDay(r: AirDailyTable): AirDay {
  return {
    date: r.date,
    stations: r.stations,
    pollutants: {
      pm25: { hours: r.pm25_hours, mean: r.pm25_mean, max1h: r.pm25_max1h, max8h: null },
      pm10: { hours: r.pm10_hours, mean: r.pm10_mean, max1h: r.pm10_max1h, max8h: null },
      so2: { hours: r.so2_hours, mean: r.so2_mean, max1h: r.so2_max1h, max8h: null },
      no2: { hours: r.no2_hours, mean: r.no2_mean, max1h: r.no2_max1h, max8h: null },
      co: { hours: r.co_hours, mean: r.co_mean, max1h: r.co_max1h, max8h: r.co_max8h },
      o3: { hours: r.o3_hours, mean: r.o3_mean, max1h: r.o3_max1h, max8h: r.o3_max8h },
    },
    indices: {
      cn: { standard: r.cn_standard, value: r.cn_aqi, level: r.cn_level, primary: list(r.cn_primary) },
      us: { standard: "us-epa-2024", value: r.us_aqi, level: r.us_level, primary: list(r.us_primary) },
      eu: { standard: "eu-eaqi-2024", value: r.eu_band, level: r.eu_band, primary: list(r.eu_primary) },
    },
    sources: list(r.sources),
  };
}

/** The columns of a stored day, in the order of toValues. */
const COLUMNS = [
  "scope", "subject", "city_slug", "date", "stations",
  "pm25_hours", "pm25_mean", "pm25_max1h", "pm10_hours", "pm10_mean", "pm10_max1h", "so2_hours", "so2_mean", "so2_max1h",
  "no2_hours", "no2_mean", "no2_max1h", "co_hours", "co_mean", "co_max1h", "o3_hours", "o3_mean", "o3_max1h", "o3_max8h", "co_max8h",
  "cn_standard", "cn_aqi", "cn_level", "cn_primary", "us_aqi", "us_level", "us_primary", "eu_band", "eu_primary", "sources", "imported_at",
] as const satisfies readonly (keyof AirDailyTable)[];

// Written out field by field: building rows with computed keys made imports of 70,000 days seconds slower.
function toValues(d: AirDayRecord): (string | number | null)[] {
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const { cn, us, eu } = d.indices;
  return [
    d.scope, d.subject, d.city, d.date, d.stations,
    pm25.hours, pm25.mean, pm25.max1h, pm10.hours, pm10.mean, pm10.max1h, so2.hours, so2.mean, so2.max1h,
    no2.hours, no2.mean, no2.max1h, co.hours, co.mean, co.max1h, o3.hours, o3.mean, o3.max1h, o3.max8h, co.max8h,
    cn.standard, cn.value, cn.level, cn.primary.join(","), us.value, us.level, us.primary.join(","), eu.value, eu.primary.join(","), d.sources.join(","), d.importedAt,
  ];
}

/** The kind of each column of COLUMNS for a ColumnBatch: t text, n number. */
const TEXT_COLUMNS = new Set<string>(["scope", "subject", "city_slug", "date", "cn_standard", "cn_primary", "us_primary", "eu_primary", "sources", "imported_at"]);
const LAYOUT = COLUMNS.map((c) => (TEXT_COLUMNS.has(c) ? "t" : "n")).join("");
const NUMBERS_PER_ROW = LAYOUT.replaceAll("t", "").length;

const num = (x: number | null): number => (x === null ? Number.NaN : x);

/** Adds a day to a ColumnBatch: its values as toValues gives them, numbers and texts apart. */
function addToBatch(d: AirDayRecord, b: ColumnBatch): void {
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const { cn, us, eu } = d.indices;
  const n = b.numbers;
  let i = b.rows * NUMBERS_PER_ROW;
  n[i++] = d.stations;
  for (const p of [pm25, pm10, so2, no2, co, o3]) {
    n[i++] = p.hours;
    n[i++] = num(p.mean);
    n[i++] = num(p.max1h);
  }
  n[i++] = num(o3.max8h);
  n[i++] = num(co.max8h);
  n[i++] = num(cn.value);
  n[i++] = num(cn.level);
  n[i++] = num(us.value);
  n[i++] = num(us.level);
  n[i++] = num(eu.value);
  b.texts.push(d.scope, d.subject, d.city, d.date, cn.standard, cn.primary.join(","), us.primary.join(","), eu.primary.join(","), d.sources.join(","), d.importedAt);
  b.rows++;
}

const newBatch = (): ColumnBatch => ({ rows: 0, layout: LAYOUT, numbers: new Float64Array(WRITER_BATCH * NUMBERS_PER_ROW), texts: [] });

function toRow(d: AirDayRecord): AirDailyTable {
  const values = toValues(d);
  const row: Record<string, string | number | null> = {};
  COLUMNS.forEach((c, i) => (row[c] = values[i]!));
  return row as unknown as AirDailyTable;
}

/** Columns an upsert replaces: all but the key. */
const UPDATED = COLUMNS.filter((c) => c !== "scope" && c !== "subject" && c !== "date");

/** One row's insert as one SQLite statement, and the same upsert as the Kysely one. */
const INSERT_SQL = `insert into "air_daily" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) values (${COLUMNS.map(() => "?").join(", ")})`;
const UPSERT_SQL = `${INSERT_SQL} on conflict ("scope", "subject", "date") do update set ${UPDATED.map((c) => `"${c}" = "excluded"."${c}"`).join(", ")}`;

/** Rows per batch sent to a SQLite writer. */
const WRITER_BATCH = 1000;

/** Takes days as they are computed; `done` once all are given. */
export interface DayInserter {
  add(day: AirDayRecord): void;
  done(): Promise<void>;
}

/**
 * How a SQLite repository writes many rows: with `sqlite`, the better-sqlite3 handle behind `db`
 * (see Database.sqlite), one prepared statement per day inside whatever transaction `db` is in;
 * with `writer`, the SQLite writer behind `db` (see sqlite-writer.ts), in batches its worker
 * writes while this thread goes on.
 */
export type BulkWrites = { sqlite: SQLite.Database } | { writer: SqliteWriter };

export class AirDailyRepository {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly bulk?: BulkWrites,
  ) {}

  /**
   * Inserts new days as they come (none may share a stored day's key: an import deletes the
   * range it replaces first). On a SQLite writer the batches are written while the caller
   * computes the next days; elsewhere the days are written at once, or kept until `done`.
   */
  inserter(): DayInserter {
    const bulk = this.bulk;
    if (bulk && "writer" in bulk) {
      let batch = newBatch();
      return {
        add(day) {
          addToBatch(day, batch);
          if (batch.rows === WRITER_BATCH) {
            bulk.writer.runColumns(INSERT_SQL, batch);
            batch = newBatch();
          }
        },
        async done() {
          if (batch.rows > 0) bulk.writer.runColumns(INSERT_SQL, batch);
          batch = newBatch();
        },
      };
    }
    if (bulk) {
      const statement = bulk.sqlite.prepare(INSERT_SQL);
      return { add: (day) => void statement.run(toValues(day)), done: async () => {} };
    }
    const kept: AirDayRecord[] = [];
    return { add: (day) => void kept.push(day), done: () => this.upsert(kept) };
  }

  /** Inserts days, replacing stored days with the same (scope, subject, date). */
  async upsert(days: AirDayRecord[]): Promise<void> {
    const bulk = this.bulk;
    if (bulk && "writer" in bulk) {
      for (let i = 0; i < days.length; i += WRITER_BATCH) bulk.writer.runMany(UPSERT_SQL, days.slice(i, i + WRITER_BATCH).map(toValues));
      return;
    }
    if (bulk) {
      const statement = bulk.sqlite.prepare(UPSERT_SQL);
      for (const d of days) statement.run(toValues(d));
      return;
    }
    for (let i = 0; i < days.length; i += BATCH) {
      const rows = days.slice(i, i + BATCH).map(toRow);
      await this.db
        .insertInto("air_daily")
        .values(rows)
        .onConflict((oc) =>
          oc.columns(["scope", "subject", "date"]).doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}` as const)])) as never),
        )
        .execute();
    }
  }

  /** Removes a station's days within [from, to] (an import replaces them). */
  async deleteStationDays(station: string, from: string, to: string): Promise<void> {
    await this.db.deleteFrom("air_daily").where("scope", "=", "station").where("subject", "=", station).where("date", ">=", from).where("date", "<=", to).execute();
  }

  /** A station's or a city's days, by date, optionally within [from, to]. */
  async series(scope: AirScope, subject: string, range: { from?: string; to?: string } = {}): Promise<AirDay[]> {
    let q = this.db.selectFrom("air_daily").selectAll().where("scope", "=", scope).where("subject", "=", subject);
    if (range.from) q = q.where("date", ">=", range.from);
    if (range.to) q = q.where("date", "<=", range.to);
    return (await q.orderBy("date").execute()).map(toDay);
  }

  /**
   * The station days of a city within [from, to], leaving out given stations' days within their
   * own date range (the days an import is about to replace). Returns the station id with each day.
   */
  async stationDaysOfCity(city: string, from: string, to: string, replaced: { station: string; from: string; to: string }[] = []): Promise<(AirDay & { station: string })[]> {
    let q = this.db.selectFrom("air_daily").selectAll().where("scope", "=", "station").where("city_slug", "=", city).where("date", ">=", from).where("date", "<=", to);
    for (const r of replaced) q = q.where((eb) => eb.or([eb("subject", "<>", r.station), eb("date", "<", r.from), eb("date", ">", r.to)]));
    return (await q.orderBy("subject").orderBy("date").execute()).map((r) => ({ ...toDay(r), station: r.subject }));
  }
}
