import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { City } from "../../src/domain/city.js";
import type { HourlyRecord } from "../../src/engines/aqi/index.js";
import type { AirDayRecord } from "../../src/db/repositories/air-daily.repository.js";
import type { AppContext } from "../../src/services/context.js";

/** Beijing as in data/cities.csv (GeoNames), for air-quality tests. */
export const BEIJING: City = {
  slug: "beijing-cn",
  geonamesId: 1816670,
  names: { en: "Beijing", zh: "北京市", local: "北京市" },
  country: "CN",
  region: "Eastern Asia",
  admin1: "22",
  coordinates: { lat: 39.9075, lon: 116.39723 },
  population: { value: 11716620, year: null, source: "geonames" },
  areaKm2: null,
  timezone: "Asia/Shanghai",
};

export async function addBeijing(ctx: AppContext): Promise<void> {
  await ctx.cities.upsertMany([BEIJING]);
}

/** The one-week sample of the UCI Dongsi station (2017-01-01 to 2017-01-07), as a UCI file. */
export const UCI_SAMPLE = new URL("../../src/ingest/fixtures/sample-dongsi-2017-01-week1.csv", import.meta.url).pathname;
/** The full UCI files shipped as demo data. */
export const UCI_DONGSI = new URL("../../data/air/PRSA_Data_Dongsi_20130301-20170228.csv", import.meta.url).pathname;
export const UCI_AOTIZHONGXIN = new URL("../../data/air/PRSA_Data_Aotizhongxin_20130301-20170228.csv", import.meta.url).pathname;

/** The sample's hourly records (CO in mg/m³), from the engine's golden fixture input. */
export const SAMPLE_RECORDS = (JSON.parse(readFileSync(new URL("../../src/engines/aqi/fixtures/in/dongsi-2017-01-week1.json", import.meta.url), "utf8")) as { records: HourlyRecord[] }).records;

/** OpenAQ rows for hourly records: datetime at the end of each hour, local +08:00, all in µg/m³. */
export function openAqCsv(records: HourlyRecord[], location = 42, at = { lat: 39.929, lon: 116.417 }): string {
  const lines = ["location_id,sensors_id,location,datetime,lat,lon,parameter,units,value"];
  for (const r of records) {
    const end = new Date(Date.parse(`${r.date}T00:00:00Z`) + (r.hour + 1) * 3_600_000).toISOString().slice(0, 19);
    for (const [p, v] of Object.entries(r.values)) {
      const value = v === null || v === undefined ? "" : String(p === "co" ? v * 1000 : v);
      lines.push(`${location},${location * 10 + p.length},Station ${location},${end}+08:00,${at.lat},${at.lon},${p},µg/m³,${value}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A temporary folder for files written by a test. */
export function scratch(): { file: (name: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "citybridge-air-test-"));
  return {
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const pollutant = (mean: number | null) => ({ hours: mean === null ? 3 : 24, mean, max1h: mean === null ? null : mean * 2, max8h: null });

/** A station-day of station openaq-42 in Beijing with a given PM2.5 mean (null: too few hours). */
export function airDay(date: string, pm25: number | null): AirDayRecord {
  return {
    scope: "station",
    subject: "openaq-42",
    city: "beijing-cn",
    importedAt: "2026-01-01T00:00:00.000Z",
    date,
    stations: 1,
    pollutants: { pm25: pollutant(pm25), pm10: pollutant(80), so2: pollutant(null), no2: pollutant(40.5), co: { ...pollutant(0.7), max8h: 0.9 }, o3: { ...pollutant(60), max8h: 75.25 } },
    indices: {
      cn: { standard: "cn-2012", value: 125, level: 3, primary: ["pm25"] },
      us: { standard: "us-epa-2024", value: 160, level: 4, primary: ["pm25", "pm10"] },
      eu: { standard: "eu-eaqi-2024", value: 5, level: 5, primary: [] },
    },
    sources: ["openaq"],
  };
}
