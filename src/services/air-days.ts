import type { AirAnnualRecord } from "../db/repositories/air-annual.repository.js";
import type { AirDayRecord, AirScope } from "../db/repositories/air-daily.repository.js";
import type { AirDay } from "../domain/air.js";
import {
  type AqiTables,
  annualCounter,
  COMPLETENESS,
  type DailyLimitSet,
  type DailyValues,
  dailySummaries,
  type IndexedDay,
  maxEightHourValue,
  type PollutantDay,
  stationMeans,
} from "../engines/aqi/index.js";
import type { RawPollutantDay, RawStationDay } from "../ingest/air-duckdb.js";

/**
 * A station-day's values under the completeness rules: the 24-hour mean and 1-hour maximum
 * with at least 20 valid hours, the maximum 8-hour mean (O3, CO) with 13 valid windows.
 * The same rules as the engine's dailyValues, applied to DuckDB's aggregates.
 */
export function completeDay(raw: RawStationDay): DailyValues {
  // Written out pollutant by pollutant: this runs for every station-day of an import.
  const { pm25, pm10, so2, no2, co, o3 } = raw.pollutants;
  return { date: raw.date, pollutants: { pm25: complete(pm25), pm10: complete(pm10), so2: complete(so2), no2: complete(no2), co: complete(co), o3: complete(o3) } };
}

function complete(r: RawPollutantDay): PollutantDay {
  const enough = r.hours >= COMPLETENESS.dailyMinHours;
  return { hours: r.hours, mean: enough ? r.mean : null, max1h: enough ? r.max1h : null, max8h: r.hourly ? maxEightHourValue(r.hourly) : null };
}

/** Who a stored day belongs to. */
export interface DayOwner {
  scope: AirScope;
  subject: string;
  city: string;
  importedAt: string;
}

/** A day with its indices under the three standards, ready to store. */
export function dayRecord(values: DailyValues, stations: number, sources: string[], owner: DayOwner, tables: AqiTables): AirDayRecord {
  // Field by field, not spread: this runs for every station-day of an import.
  return {
    scope: owner.scope,
    subject: owner.subject,
    city: owner.city,
    importedAt: owner.importedAt,
    date: values.date,
    stations,
    pollutants: values.pollutants,
    indices: dailySummaries(values, tables),
    sources,
  };
}

/** A stored day as the engine's indexed day (for annual summaries). */
export function indexedDay(d: AirDay): IndexedDay {
  return {
    date: d.date,
    pollutants: d.pollutants,
    cnAqi: d.indices.cn.value,
    levels: { cn: d.indices.cn.level, us: d.indices.us.level, eu: d.indices.eu.level },
  };
}

/**
 * A city's days from its stations' days, added one by one (an import need not keep them): the
 * mean over stations for each date, indexed. Each date's sums add up in the order of the days.
 */
export class CityDays {
  private readonly means = stationMeans();
  // The sources of each date's days, by the date's number in `means`: the days of one import
  // share one sources array, so a date keeps that array until a day with other sources comes,
  // and a set of them from then on.
  private readonly sources: (readonly string[] | Set<string>)[] = [];

  add(d: AirDay): void {
    const slot = this.means.add(d);
    const had = this.sources[slot];
    if (had === undefined) this.sources[slot] = d.sources;
    else if (had !== d.sources) {
      const all = had instanceof Set ? had : new Set(had);
      for (const s of d.sources) all.add(s);
      this.sources[slot] = all;
    }
  }

  records(owner: DayOwner, tables: AqiTables): AirDayRecord[] {
    let lastIn: readonly string[] | Set<string> | undefined;
    let lastOut: string[] = [];
    const sourcesOf = (date: string): string[] => {
      const given = this.sources[this.means.slot(date)!]!;
      if (given !== lastIn) [lastIn, lastOut] = [given, [...new Set(given)].sort()];
      return lastOut;
    };
    return this.means.days().map((mean) => dayRecord({ date: mean.date, pollutants: mean.pollutants }, mean.stations, sourcesOf(mean.date), owner, tables));
  }
}

/** The city's days from its stations' days: the mean over stations for each date, indexed. */
export function cityDays(stationDays: readonly AirDay[], owner: DayOwner, tables: AqiTables): AirDayRecord[] {
  const city = new CityDays();
  for (const d of stationDays) city.add(d);
  return city.records(owner, tables);
}

/** Annual summaries of one subject's days, added one by one (an import need not keep them); each year's sums add up in the order of its days. */
export class AnnualRecords {
  private readonly counter: ReturnType<typeof annualCounter>;
  // One indexed day, refilled for each day: the counter reads it at once (this runs over every
  // day of an import, and one object a day was a good part of the time).
  private day: IndexedDay | undefined;
  private readonly sourcesByYear = new Map<number, Set<string>>();
  private prefix = "";
  private yearSources: Set<string> | undefined;
  private last: readonly string[] | null = null;

  constructor(limitSets: readonly DailyLimitSet[]) {
    this.counter = annualCounter(limitSets);
  }

  add(d: AirDay): void {
    const day = this.day;
    if (day === undefined) this.day = indexedDay(d);
    else {
      day.date = d.date;
      day.pollutants = d.pollutants;
      day.cnAqi = d.indices.cn.value;
      day.levels.cn = d.indices.cn.level;
      day.levels.us = d.indices.us.level;
      day.levels.eu = d.indices.eu.level;
    }
    this.counter.add(this.day!);
    // The year is read again only when the date's first four characters change.
    if (this.prefix.length !== 4 || !d.date.startsWith(this.prefix)) {
      this.prefix = d.date.slice(0, 4);
      const y = Number(this.prefix);
      this.last = null;
      this.yearSources = this.sourcesByYear.get(y);
      if (!this.yearSources) this.sourcesByYear.set(y, (this.yearSources = new Set()));
    }
    // Days of one import share their sources array: read it once a year.
    if (d.sources === this.last) return;
    this.last = d.sources;
    for (const s of d.sources) this.yearSources!.add(s);
  }

  records(owner: DayOwner): AirAnnualRecord[] {
    return this.counter.summaries().map((a) => ({
      ...a,
      ...owner,
      exceedances: a.exceedances as Record<string, Record<string, number>>,
      sources: [...(this.sourcesByYear.get(a.year) ?? [])].sort(),
    }));
  }
}

/** Annual summaries of one subject's days, ready to store. */
export function annualRecords(days: readonly AirDay[], limitSets: readonly DailyLimitSet[], owner: DayOwner): AirAnnualRecord[] {
  const annual = new AnnualRecords(limitSets);
  for (const d of days) annual.add(d);
  return annual.records(owner);
}
