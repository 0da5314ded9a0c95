/**
 * Writes a synthetic OpenAQ-archive CSV (`location_id,sensors_id,location,datetime,lat,lon,
 * parameter,units,value`) of a given number of rows, deterministic for a seed: stations around
 * Beijing reporting PM2.5, PM10, SO2, NO2, CO and O3 every hour (some gases in ppm, as US-style
 * monitors report them), ~2 % empty values (gaps) and a few rows of a parameter the import
 * ignores (temperature). Used by bench/air-ingest.ts; nothing here is real data.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mulberry32 } from "../src/engines/consensus/prng.js";


const PARAMETERS = [
  { p: "pm25", base: 60, spread: 80, units: ["µg/m³", "µg/m³"] },
  { p: "pm10", base: 90, spread: 100, units: ["µg/m³", "µg/m³"] },
  { p: "so2", base: 12, spread: 20, units: ["µg/m³", "ppm"] },
  { p: "no2", base: 45, spread: 40, units: ["µg/m³", "ppm"] },
  { p: "co", base: 1200, spread: 1500, units: ["µg/m³", "ppm"] },
  { p: "o3", base: 50, spread: 90, units: ["µg/m³", "ppm"] },
];
/** ppm per µg/m³ (mg/m³ for CO) at 25 °C, to write ppm rows with realistic magnitudes. */
const PPM_PER_UG: Record<string, number> = { so2: 24.45 / 64.058 / 1000, no2: 24.45 / 46.005 / 1000, o3: 24.45 / 47.997 / 1000, co: 24.45 / 28.01 / 1000 };

export interface SyntheticSummary {
  rows: number;
  stations: number;
  hours: number;
  firstHour: string;
}

/** Generates `rows` rows into `path` (20 stations × 6 parameters per hour, from 2015-01-01 01:00 +08:00). */
export async function writeSyntheticOpenAq(path: string, rows: number, seed = 20170301): Promise<SyntheticSummary> {
  const rand = mulberry32(seed);
  const stations = 20;
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write("location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n");
  // Local wall-clock times with their +08:00 offset; 01:00 ends the first hour of 2015-01-01.
  const start = Date.UTC(2015, 0, 1, 1);
  let written = 0;
  let hour = 0;
  let chunk = "";
  while (written < rows) {
    const datetime = `${new Date(start + hour * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    const season = 1 + 0.6 * Math.cos((2 * Math.PI * hour) / 8766);
    for (let s = 0; s < stations && written < rows; s++) {
      const id = 7000 + s;
      const lat = (39.8 + (s % 5) * 0.05).toFixed(4);
      const lon = (116.2 + Math.floor(s / 5) * 0.06).toFixed(4);
      for (let k = 0; k < PARAMETERS.length && written < rows; k++) {
        const par = PARAMETERS[k]!;
        const unit = par.units[s % 2]!;
        let value = "";
        if (rand() >= 0.02) {
          const ug = Math.max(0, par.base * season + par.spread * (rand() - 0.3));
          value = unit === "ppm" ? (ug * PPM_PER_UG[par.p]! * (par.p === "co" ? 1000 : 1)).toFixed(4) : ug.toFixed(1);
          if (par.p === "co" && unit !== "ppm") value = ug.toFixed(0);
        }
        chunk += `${id},${id * 10 + k},Synthetic station ${s + 1},${datetime},${lat},${lon},${par.p},${unit},${value}\n`;
        written++;
      }
      if (written < rows && s === 0 && hour % 50 === 0) {
        chunk += `${id},${id * 10 + 9},Synthetic station ${s + 1},${datetime},${lat},${lon},temperature,c,${(10 * rand()).toFixed(1)}\n`;
        written++;
      }
    }
    hour++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.write(chunk);
  out.end();
  await once(out, "finish");
  return { rows: written, stations, hours: hour, firstHour: "2015-01-01T01:00:00+08:00" };
}
