import type { Kysely } from "kysely";
import { AIR_POLLUTANTS, type AirDay, type AirPollutant, type PollutantDay } from "../../domain/air.js";
import type { AirDailyTable, DatabaseSchema } from "../schema.js";

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

// Written out field by field: building rows with computed keys made imports of 70,000 days seconds slower.
function toRow(d: AirDayRecord): AirDailyTable {
  const { pm25, pm10, so2, no2, co, o3 } = d.pollutants;
  const { cn, us, eu } = d.indices;
  return {
    scope: d.scope,
    subject: d.subject,
    city_slug: d.city,
    date: d.date,
    stations: d.stations,
    pm25_hours: pm25.hours,
    pm25_mean: pm25.mean,
    pm25_max1h: pm25.max1h,
    pm10_hours: pm10.hours,
    pm10_mean: pm10.mean,
    pm10_max1h: pm10.max1h,
    so2_hours: so2.hours,
    so2_mean: so2.mean,
    so2_max1h: so2.max1h,
    no2_hours: no2.hours,
    no2_mean: no2.mean,
    no2_max1h: no2.max1h,
    co_hours: co.hours,
    co_mean: co.mean,
    co_max1h: co.max1h,
    o3_hours: o3.hours,
    o3_mean: o3.mean,
    o3_max1h: o3.max1h,
    o3_max8h: o3.max8h,
    co_max8h: co.max8h,
    cn_standard: cn.standard,
    cn_aqi: cn.value,
    cn_level: cn.level,
    cn_primary: cn.primary.join(","),
    us_aqi: us.value,
    us_level: us.level,
    us_primary: us.primary.join(","),
    eu_band: eu.value,
    eu_primary: eu.primary.join(","),
    sources: d.sources.join(","),
    imported_at: d.importedAt,
  };
}

/** Columns an upsert replaces: all but the key. */
const UPDATED = Object.keys(toRow({ scope: "station", subject: "", city: "", importedAt: "", date: "", stations: 0, sources: [], pollutants: Object.fromEntries(AIR_POLLUTANTS.map((p) => [p, { hours: 0, mean: null, max1h: null, max8h: null }])) as Record<AirPollutant, PollutantDay>, indices: { cn: { standard: "", value: null, level: null, primary: [] }, us: { standard: "", value: null, level: null, primary: [] }, eu: { standard: "", value: null, level: null, primary: [] } } })).filter((c) => c !== "scope" && c !== "subject" && c !== "date") as (keyof AirDailyTable)[];

export class AirDailyRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Inserts days, replacing stored days with the same (scope, subject, date). */
  async upsert(days: AirDayRecord[]): Promise<void> {
    for (let i = 0; i < days.length; i += BATCH) {
      const rows = days.slice(i, i + BATCH).map(toRow);
      await this.db
        .insertInto("air_daily")
        .values(rows)
        .onConflict((oc) =>
          oc.columns(["scope", "subject", "date"]).doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)])) as never),
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
