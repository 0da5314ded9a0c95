/**
 * The vocabulary of the air-quality engine. Concentrations are in µg/m³, except CO in mg/m³,
 * whatever the standard: the US index converts to ppb/ppm itself (see gas-conversion.ts).
 */

/** Keys of the pollutant inputs and of the sub-indices in a result. */
export const POLLUTANT_KEYS = ["pm25", "pm10", "so2", "no2", "co", "o3_8h", "o3_1h", "o3"] as const;
export type PollutantKey = (typeof POLLUTANT_KEYS)[number];

export const STANDARD_IDS = ["cn-2012", "cn-2026", "us-epa-2024", "eu-eaqi-2024"] as const;
export type StandardId = (typeof STANDARD_IDS)[number];
export type CnStandardId = "cn-2012" | "cn-2026";

/** `day`: daily report (日报, daily AQI); `hour`: real-time report (实时报, hourly AQI). */
export type AveragingPeriod = "day" | "hour";

/**
 * Concentrations for one day or one hour. Which averaging time each key means depends on the
 * standard and the period (see each index); `so2_24h` is the 24-hour SO2 mean that some special
 * cases fall back to when `so2` is a 1-hour value.
 */
export type Concentrations = Partial<Record<PollutantKey | "so2_24h", number>>;

export interface Bilingual {
  en: string;
  zh: string;
}

/** One category of an index: 优 / Good / Fair … with its colour and range of index values. */
export interface Category extends Bilingual {
  level: number;
  min: number;
  /** null for the open top category. */
  max: number | null;
  color: string;
}

/** Which standard, and which version of it, produced a result. */
export interface StandardRef {
  id: StandardId;
  name: string;
  version: string;
}

/** What an index says about one day or hour. */
export interface IndexResult {
  standard: StandardRef;
  period: AveragingPeriod;
  /** `aqi` for the Chinese and US indices (0–500); `band` for the European index (1–6). */
  scale: "aqi" | "band";
  /** The AQI or the band; null when no pollutant could be indexed. */
  value: number | null;
  category: Category | null;
  /** The pollutants that set the value; named only when the air is worse than the best category. */
  primary: PollutantKey[];
  /** Sub-index (IAQI, AQI or band) of each pollutant that was indexed. */
  subIndices: Partial<Record<PollutantKey, number>>;
  /** Special cases applied, inputs the standard does not index, and the like. */
  notes: string[];
  /** Pollutants above the top of the table: their sub-index is capped at the table's top. */
  beyondTable: PollutantKey[];
}
