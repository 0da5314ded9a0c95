import type { AirDay, AirPollutant } from "../domain/air.js";
import { toCsv } from "./csv-output.js";

/** Column, pollutant, which value of the day, unit: the daily values the AQI is computed from. */
const CONCENTRATIONS: [string, AirPollutant, "mean" | "max8h"][] = [
  ["pm25_24h_ug_m3", "pm25", "mean"],
  ["pm10_24h_ug_m3", "pm10", "mean"],
  ["so2_24h_ug_m3", "so2", "mean"],
  ["no2_24h_ug_m3", "no2", "mean"],
  ["co_24h_mg_m3", "co", "mean"],
  ["o3_8h_max_ug_m3", "o3", "max8h"],
];

/**
 * A daily series as CSV, one row a day: the index under each standard (its id in the column
 * beside it; category level 1–6; driving pollutants), the daily concentrations with their unit in
 * the column name (µg/m³, CO mg/m³; empty where the completeness rules are not met), and the
 * source ids behind the day.
 */
export function airDailyCsv(days: AirDay[]): string {
  const header = [
    "date", "stations",
    "cn_aqi", "cn_level", "cn_primary", "cn_standard",
    "us_aqi", "us_level", "us_primary", "us_standard",
    "eu_band", "eu_primary", "eu_standard",
    ...CONCENTRATIONS.map(([c]) => c),
    "sources",
  ];
  const rows = days.map((d) => [
    d.date, d.stations,
    d.indices.cn.value, d.indices.cn.level, d.indices.cn.primary.join(";"), d.indices.cn.standard,
    d.indices.us.value, d.indices.us.level, d.indices.us.primary.join(";"), d.indices.us.standard,
    d.indices.eu.level, d.indices.eu.primary.join(";"), d.indices.eu.standard,
    ...CONCENTRATIONS.map(([, p, k]) => d.pollutants[p]?.[k] ?? null),
    d.sources.join(";"),
  ]);
  return toCsv([header, ...rows]);
}
