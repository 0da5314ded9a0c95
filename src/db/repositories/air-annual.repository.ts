import type { Kysely } from "kysely";
import { AIR_POLLUTANTS, type AirAnnual, type AirPollutant } from "../../domain/air.js";
import type { AirAnnualTable, DatabaseSchema } from "../schema.js";
import type { AirScope } from "./air-daily.repository.js";

export interface AirAnnualRecord extends AirAnnual {
  scope: AirScope;
  subject: string;
  city: string;
  importedAt: string;
}

function toAnnual(r: AirAnnualTable): AirAnnual {
  const pollutants = {} as AirAnnual["pollutants"];
  for (const p of AIR_POLLUTANTS) pollutants[p] = { mean: r[`${p}_mean`], days: r[`${p}_days`], complete: r[`${p}_complete`] === 1 };
  return {
    year: r.year,
    pollutants,
    aqiDays: r.aqi_days,
    goodDays: r.good_days,
    goodDaysShare: r.good_days_share,
    aqiComplete: r.aqi_complete === 1,
    categoryDays: JSON.parse(r.category_days_json) as AirAnnual["categoryDays"],
    exceedances: JSON.parse(r.exceedances_json) as AirAnnual["exceedances"],
    sources: r.sources === "" ? [] : r.sources.split(","),
  };
}

function toRow(a: AirAnnualRecord): AirAnnualTable {
  const cols: Record<string, number | null> = {};
  for (const p of AIR_POLLUTANTS) {
    const v = a.pollutants[p];
    cols[`${p}_mean`] = v?.mean ?? null;
    cols[`${p}_days`] = v?.days ?? 0;
    cols[`${p}_complete`] = v?.complete ? 1 : 0;
  }
  return {
    ...(cols as unknown as Pick<AirAnnualTable, `${AirPollutant}_mean` | `${AirPollutant}_days` | `${AirPollutant}_complete`>),
    scope: a.scope,
    subject: a.subject,
    city_slug: a.city,
    year: a.year,
    aqi_days: a.aqiDays,
    good_days: a.goodDays,
    good_days_share: a.goodDaysShare,
    aqi_complete: a.aqiComplete ? 1 : 0,
    category_days_json: JSON.stringify(a.categoryDays),
    exceedances_json: JSON.stringify(a.exceedances),
    sources: a.sources.join(","),
    imported_at: a.importedAt,
  };
}

export class AirAnnualRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Inserts annual summaries, replacing stored ones with the same (scope, subject, year). */
  async upsert(records: AirAnnualRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map(toRow);
    await this.db
      .insertInto("air_annual")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["scope", "subject", "year"]).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const c of Object.keys(rows[0]!)) if (c !== "scope" && c !== "subject" && c !== "year") set[c] = eb.ref(`excluded.${c}` as `excluded.${keyof AirAnnualTable}`);
          return set as never;
        }),
      )
      .execute();
  }

  /** A station's or a city's annual summaries, by year. */
  async forSubject(scope: AirScope, subject: string): Promise<AirAnnual[]> {
    const rows = await this.db.selectFrom("air_annual").selectAll().where("scope", "=", scope).where("subject", "=", subject).orderBy("year").execute();
    return rows.map(toAnnual);
  }
}
