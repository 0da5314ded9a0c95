import { z } from "zod";

/** The six pollutants of hourly air-quality data. Concentrations µg/m³; CO mg/m³. */
export const AIR_POLLUTANTS = ["pm25", "pm10", "so2", "no2", "co", "o3"] as const;
export const AirPollutantSchema = z.enum(AIR_POLLUTANTS);
export type AirPollutant = z.infer<typeof AirPollutantSchema>;

export const AIR_FORMATS = ["openaq", "uci"] as const;
export const AirFormatSchema = z.enum(AIR_FORMATS);
export type AirFormat = z.infer<typeof AirFormatSchema>;

/** The index families shown side by side: China (HJ 633 edition by date), US EPA 2024, EEA 2024. */
export const INDEX_FAMILIES = ["cn", "us", "eu"] as const;
export type IndexFamily = (typeof INDEX_FAMILIES)[number];

/** A monitoring station whose hourly data were imported. */
export const AirStationSchema = z.object({
  /** `openaq-<location_id>` or `uci-<station name>`. */
  id: z.string(),
  city: z.string(),
  name: z.string(),
  format: AirFormatSchema,
  /** The id in the source: OpenAQ location id, or the UCI station name. */
  externalId: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  source: z.string(),
  /** First and last local date with data, and the number of days stored. */
  firstDate: z.string(),
  lastDate: z.string(),
  days: z.number().int(),
  importedBy: z.string(),
  importedAt: z.string(),
});
export type AirStation = z.infer<typeof AirStationSchema>;

/** One pollutant on one day: valid hours, and values only where the completeness rules are met. */
export const PollutantDaySchema = z.object({
  hours: z.number().int(),
  mean: z.number().nullable(),
  max1h: z.number().nullable(),
  /** O3 and CO only. */
  max8h: z.number().nullable(),
});
export type PollutantDay = z.infer<typeof PollutantDaySchema>;

/** A day's index under one standard: AQI (China, US) or band (EU), with its category and driving pollutants. */
export const DayIndexSchema = z.object({
  standard: z.string(),
  value: z.number().int().nullable(),
  level: z.number().int().min(1).max(6).nullable(),
  primary: z.array(z.string()).readonly(),
});
export type DayIndex = z.infer<typeof DayIndexSchema>;

export const AirDaySchema = z.object({
  date: z.string(),
  /** Stations with data that day (1 for a station's own series). */
  stations: z.number().int(),
  pollutants: z.record(AirPollutantSchema, PollutantDaySchema),
  indices: z.object({ cn: DayIndexSchema, us: DayIndexSchema, eu: DayIndexSchema }),
  /** Source ids of the data behind the day. */
  sources: z.array(z.string()),
});
export type AirDay = z.infer<typeof AirDaySchema>;

export const AnnualPollutantSchema = z.object({ mean: z.number().nullable(), days: z.number().int(), complete: z.boolean() });

export const AirAnnualSchema = z.object({
  year: z.number().int(),
  /** Annual means of daily values; O3 is the mean of daily maximum 8-hour means. */
  pollutants: z.record(AirPollutantSchema, AnnualPollutantSchema),
  aqiDays: z.number().int(),
  goodDays: z.number().int(),
  /** Share of days with China's AQI ≤ 100, %. */
  goodDaysShare: z.number().nullable(),
  aqiComplete: z.boolean(),
  /** Days per category level 1–6 under each index. */
  categoryDays: z.object({ cn: z.array(z.number().int()), us: z.array(z.number().int()), eu: z.array(z.number().int()) }),
  /** Days above each set of daily limits (`who-2021-24h`, `gb-3095-2012-grade-ii`, …), per pollutant. */
  exceedances: z.record(z.string(), z.record(z.string(), z.number().int())),
  sources: z.array(z.string()),
});
export type AirAnnual = z.infer<typeof AirAnnualSchema>;

/** What an import of hourly data did. */
export const AirImportResultSchema = z.object({
  format: AirFormatSchema,
  city: z.string(),
  source: z.string(),
  /** Data rows read, values that were gaps (empty, NA), negative values treated as gaps, rows of parameters not indexed. */
  rows: z.number().int(),
  values: z.number().int(),
  gaps: z.number().int(),
  negative: z.number().int(),
  ignoredRows: z.number().int(),
  ignoredParameters: z.array(z.string()),
  stations: z.array(z.object({ id: z.string(), name: z.string(), days: z.number().int(), firstDate: z.string(), lastDate: z.string() })),
  stationDays: z.number().int(),
  cityDays: z.number().int(),
  years: z.array(z.number().int()),
  /** City observations written from complete annual means (air.pm25_annual, …). */
  observations: z.array(z.object({ indicator: z.string(), period: z.string(), value: z.number() })),
  /** The data-completeness rules applied, in words, with their sources. */
  rules: z.array(z.string()),
});
export type AirImportResult = z.infer<typeof AirImportResultSchema>;

/** A standard as the air page shows it: its categories (colours, names) and its source. */
export const AirStandardSchema = z.object({
  id: z.string(),
  family: z.enum(INDEX_FAMILIES),
  name: z.string(),
  version: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  source: z.string(),
  scale: z.enum(["aqi", "band"]),
  categories: z.array(z.object({ level: z.number().int(), min: z.number(), max: z.number().nullable(), en: z.string(), zh: z.string(), color: z.string() })),
});
export type AirStandard = z.infer<typeof AirStandardSchema>;

/** A set of daily limits (`who-2021-24h`, …) with whether it is the city's own. */
export const AirLimitSetSchema = z.object({
  id: z.string(),
  label: z.object({ en: z.string(), zh: z.string() }),
  source: z.string(),
  applies: z.boolean(),
  limits: z.record(z.string(), z.number()),
});

/** Everything the air page needs besides the daily series. */
export const AirOverviewSchema = z.object({
  city: z.string(),
  stations: z.array(AirStationSchema),
  /** The city's annual summaries, by year. */
  annual: z.array(AirAnnualSchema),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  standards: z.array(AirStandardSchema),
  limitSets: z.array(AirLimitSetSchema),
  rules: z.array(z.string()),
  /** Every source id cited by the data above (data sets and standards). */
  sources: z.array(z.string()),
});
export type AirOverview = z.infer<typeof AirOverviewSchema>;
