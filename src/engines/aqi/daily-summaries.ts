import type { AqiTables } from "./air-quality-index.js";
import { categoryFor } from "./category.js";
import { cnEditionFor } from "./cn-edition.js";
import { CN_ENTRIES, cnSubIndex } from "./cn-index.js";
import { dailyIndices, given } from "./daily-indices.js";
import type { DailyValues } from "./daily-values.js";
import { EAQI_POLLUTANTS } from "./eaqi-table.js";
import { eaqiBand } from "./eu-index.js";
import type { Category, IndexResult, PollutantKey, StandardId } from "./types.js";
import { US_KEYS, usInputs, usSubIndex } from "./us-index.js";

/** What a stored day keeps of an index result. */
export interface IndexSummary {
  standard: StandardId;
  /** The AQI or band; null when no pollutant could be indexed. */
  value: number | null;
  /** The category's level (1–6), null with the value. */
  level: number | null;
  /** Frozen when shared: empty, or one pollutant. */
  primary: readonly PollutantKey[];
}

export interface DailySummaries {
  cn: IndexSummary;
  us: IndexSummary;
  eu: IndexSummary;
}

/** Sub-index of each input by position (NaN: not indexed), reused from day to day. */
const SUB = new Float64Array(8);

const NONE: readonly PollutantKey[] = Object.freeze([]);
const ONLY = new Map<PollutantKey, readonly PollutantKey[]>();
/** The frozen list of one pollutant, the same list each time. */
function onlyOf(key: PollutantKey): readonly PollutantKey[] {
  let list = ONLY.get(key);
  if (list === undefined) ONLY.set(key, (list = Object.freeze([key])));
  return list;
}

/** The overall value (the highest sub-index, taken in input order as aqiResult does), its level and the keys at it above `threshold`. */
function summary(standard: StandardId, keys: readonly PollutantKey[], categories: readonly Category[], threshold: number): IndexSummary {
  let value: number | null = null;
  for (let i = 0; i < keys.length; i++) if (SUB[i] === SUB[i]) value = value === null ? SUB[i]! : Math.max(value, SUB[i]!);
  // Counted first: no primary pollutant and a single one, the usual cases, are shared frozen
  // lists, others allocated at their size (this runs three times for every station-day of an import).
  let n = 0;
  let first = -1;
  if (value !== null && value > threshold) {
    for (let i = 0; i < keys.length; i++) {
      if (SUB[i] !== value) continue;
      if (n++ === 0) first = i;
    }
  }
  let primary: readonly PollutantKey[] = NONE;
  if (n === 1) primary = onlyOf(keys[first]!);
  else if (n > 1) {
    const list = new Array<PollutantKey>(n);
    for (let i = first, j = 0; j < n; i++) if (SUB[i] === value) list[j++] = keys[i]!;
    primary = list;
  }
  return { standard, value, level: value === null ? null : (categoryFor(value, categories).level ?? null), primary };
}

const CN_KEYS = CN_ENTRIES.day.map(([key]) => key);
const EU_KEYS: readonly PollutantKey[] = EAQI_POLLUTANTS;

/** SUB[i]: China's sub-index of the i-th input of CN_ENTRIES.day, concentration c. */
function cnSub(i: number, c: number | null, o31h: number | undefined, table: AqiTables["cn"]["cn-2012"]): void {
  const [key, column] = CN_ENTRIES.day[i]!;
  SUB[i] = c === null ? NaN : (cnSubIndex(key, column, c, o31h, undefined, table, null, null) ?? NaN);
}

/** SUB[i]: the US sub-index of the i-th input of usInputs, concentration raw. */
function usSub(i: number, raw: number | null, o31h: number | undefined, so224h: number | undefined, inputs: ReturnType<typeof usInputs>, table: AqiTables["us"]): void {
  SUB[i] = raw === null ? NaN : (usSubIndex(inputs[i]!, raw, o31h, so224h, table, null, null) ?? NaN);
}

/** SUB[i]: the European band of the i-th pollutant of EAQI_POLLUTANTS, concentration c. */
function euSub(i: number, c: number | null, table: AqiTables["eu"]): void {
  SUB[i] = c === null ? NaN : eaqiBand(EAQI_POLLUTANTS[i]!, c, table);
}

/** The value, level and primary pollutants of an index result. */
function summarize(r: IndexResult): IndexSummary {
  return { standard: r.standard.id, value: r.value, level: r.category?.level ?? null, primary: r.primary };
}

/**
 * What dailyIndices gives for a day, reduced to what a stored day keeps of each index: its value,
 * category level and primary pollutants. The same sub-indices, computed without the notes and
 * result objects (this runs for every station-day of an import); a day with a special case that
 * lacks the value it needs goes through dailyIndices itself.
 * @example dailySummaries(day, tables).cn //=> { standard: "cn-2012", value: 125, level: 3, primary: ["pm25"] }
 * Source: see dailyIndices.
 */
export function dailySummaries(day: DailyValues, tables: AqiTables): DailySummaries {
  const { pm25, pm10, so2, no2, co, o3 } = day.pollutants;
  try {
    // China: the inputs of dailyIndices in CN_ENTRIES.day order (pm25, pm10, so2, no2, co, o3_8h, o3_1h).
    // One call each rather than a loop over an array of them: this runs for every station-day.
    const cnTable = tables.cn[cnEditionFor(day.date)];
    const o31h = given(o3.max1h);
    cnSub(0, pm25.mean, o31h, cnTable);
    cnSub(1, pm10.mean, o31h, cnTable);
    cnSub(2, so2.mean, o31h, cnTable);
    cnSub(3, no2.mean, o31h, cnTable);
    cnSub(4, co.mean, o31h, cnTable);
    cnSub(5, o3.max8h, o31h, cnTable);
    cnSub(6, o3.max1h, o31h, cnTable);
    const cn = summary(cnTable.standard.id, CN_KEYS, cnTable.categories, 50);
    // US: in usInputs order (pm25, pm10, co, o3_8h, o3_1h, so2, no2).
    const so224h = given(so2.mean);
    const inputs = usInputs(tables.us);
    usSub(0, pm25.mean, o31h, so224h, inputs, tables.us);
    usSub(1, pm10.mean, o31h, so224h, inputs, tables.us);
    usSub(2, co.max8h, o31h, so224h, inputs, tables.us);
    usSub(3, o3.max8h, o31h, so224h, inputs, tables.us);
    usSub(4, o3.max1h, o31h, so224h, inputs, tables.us);
    usSub(5, so2.max1h, o31h, so224h, inputs, tables.us);
    usSub(6, no2.max1h, o31h, so224h, inputs, tables.us);
    const us = summary(tables.us.standard.id, US_KEYS, tables.us.categories, 50);
    // Europe: the day's highest hourly values, in EAQI_POLLUTANTS order (pm25, pm10, no2, o3, so2).
    euSub(0, pm25.max1h, tables.eu);
    euSub(1, pm10.max1h, tables.eu);
    euSub(2, no2.max1h, tables.eu);
    euSub(3, o3.max1h, tables.eu);
    euSub(4, so2.max1h, tables.eu);
    const eu = summary(tables.eu.standard.id, EU_KEYS, tables.eu.categories, 1);
    return { cn, us, eu };
  } catch {
    const i = dailyIndices(day, tables);
    return { cn: summarize(i.cn), us: summarize(i.us), eu: summarize(i.eu) };
  }
}
