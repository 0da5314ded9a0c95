import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { AirDay } from "../../domain/air.js";
import type { AirDailyTable, DatabaseSchema } from "../schema.js";
import type { SqliteWriter } from "../sqlite-writer.js";
import { ColumnBatches, INSERT_SQL, toBatches, toRow, toValues, UPDATED, UPSERT_SQL } from "./air-daily-rows.js";

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
      const batches = new ColumnBatches();
      return {
        add(day) {
          const full = batches.add(day);
          if (full) bulk.writer.runColumns(INSERT_SQL, full);
        },
        async done() {
          const last = batches.flush();
          if (last) bulk.writer.runColumns(INSERT_SQL, last);
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
      for (const b of toBatches(days)) bulk.writer.runColumns(UPSERT_SQL, b);
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
  async series(scope: AirScope, subject: string, range: { from?: string; to?: string; after?: string; limit?: number } = {}): Promise<AirDay[]> {
    let q = this.db.selectFrom("air_daily").selectAll().where("scope", "=", scope).where("subject", "=", subject);
    if (range.from) q = q.where("date", ">=", range.from);
    if (range.to) q = q.where("date", "<=", range.to);
    if (range.after) q = q.where("date", ">", range.after);
    let ordered = q.orderBy("date");
    if (range.limit !== undefined) ordered = ordered.limit(range.limit);
    return (await ordered.execute()).map(toDay);
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
