import type { AirAnnualRecord } from "../db/repositories/air-annual.repository.js";
import type { AirDayRecord, AirScope } from "../db/repositories/air-daily.repository.js";
import { AIR_POLLUTANTS, type AirDay, type AirPollutant, type DayIndex } from "../domain/air.js";
import {
  type AqiTables,
  annualSummaries,
  COMPLETENESS,
  type DailyLimitSet,
  type DailyValues,
  dailyIndices,
  type IndexedDay,
  type IndexResult,
  maxEightHourMean,
  meanOverStations,
  type PollutantDay,
} from "../engines/aqi/index.js";
import type { RawStationDay } from "../ingest/air-duckdb.js";

/**
 * A station-day's values under the completeness rules: the 24-hour mean and 1-hour maximum
 * with at least 20 valid hours, the maximum 8-hour mean (O3, CO) with 13 valid windows.
 * The same rules as the engine's dailyValues, applied to DuckDB's aggregates.
 */
export function completeDay(raw: RawStationDay): DailyValues {
  const pollutants = {} as Record<AirPollutant, PollutantDay>;
  for (const p of AIR_POLLUTANTS) {
    const r = raw.pollutants[p];
    const enough = r.hours >= COMPLETENESS.dailyMinHours;
    pollutants[p] = {
      hours: r.hours,
      mean: enough ? r.mean : null,
      max1h: enough ? r.max1h : null,
      max8h: r.hourly ? maxEightHourMean(r.hourly).value : null,
    };
  }
  return { date: raw.date, pollutants };
}

function dayIndex(r: IndexResult): DayIndex {
  return { standard: r.standard.id, value: r.value, level: r.category?.level ?? null, primary: r.primary };
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
  const i = dailyIndices(values, tables);
  // Field by field, not spread: this runs for every station-day of an import.
  return {
    scope: owner.scope,
    subject: owner.subject,
    city: owner.city,
    importedAt: owner.importedAt,
    date: values.date,
    stations,
    pollutants: values.pollutants,
    indices: { cn: dayIndex(i.cn), us: dayIndex(i.us), eu: dayIndex(i.eu) },
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

/** The city's days from its stations' days: the mean over stations for each date, indexed. */
export function cityDays(stationDays: (AirDay & { station: string })[], owner: DayOwner, tables: AqiTables): AirDayRecord[] {
  const byDate = new Map<string, (AirDay & { station: string })[]>();
  for (const d of stationDays) {
    const list = byDate.get(d.date);
    if (list) list.push(d);
    else byDate.set(d.date, [d]);
  }
  return [...byDate.keys()].sort().map((date) => {
    const days = byDate.get(date)!;
    const mean = meanOverStations(days);
    const sources = [...new Set(days.flatMap((d) => d.sources))].sort();
    return dayRecord({ date, pollutants: mean.pollutants }, mean.stations, sources, owner, tables);
  });
}

/** Annual summaries of one subject's days, ready to store. */
export function annualRecords(days: AirDay[], limitSets: DailyLimitSet[], owner: DayOwner): AirAnnualRecord[] {
  const sourcesByYear = new Map<number, Set<string>>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    if (!sourcesByYear.has(y)) sourcesByYear.set(y, new Set());
    for (const s of d.sources) sourcesByYear.get(y)!.add(s);
  }
  return annualSummaries(days.map(indexedDay), limitSets).map((a) => ({
    ...a,
    ...owner,
    exceedances: a.exceedances as Record<string, Record<string, number>>,
    sources: [...(sourcesByYear.get(a.year) ?? [])].sort(),
  }));
}
