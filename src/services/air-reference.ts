import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DailyLimitSet } from "../engines/aqi/index.js";
import { type Source, SourceSchema } from "../domain/source.js";
import { AirFormatSchema } from "../domain/air.js";

const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

const LimitSetSchema = z.object({
  id: z.string(),
  label: z.object({ en: z.string(), zh: z.string() }),
  source: z.string(),
  /** "all", an ISO country code, or "EU" for the member states. */
  scope: z.string(),
  limits: z.partialRecord(z.enum(["pm25", "pm10", "so2", "no2", "co", "o3_8h"]), z.number()),
});
export type LabelledLimitSet = z.infer<typeof LimitSetSchema> & DailyLimitSet;

const DemoFileSchema = z.object({ file: z.string(), city: z.string(), format: AirFormatSchema, source: z.string() });
export type AirDemoFile = z.infer<typeof DemoFileSchema>;

export interface AirReference {
  sources: Source[];
  limitSets: LabelledLimitSet[];
  demoFiles: AirDemoFile[];
}

/** EU member states (ISO 3166-1 alpha-2), for the EU limit sets. */
export const EU_MEMBERS = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "));

/** Whether a limit set is the city's own (national or EU) limit, besides WHO's that apply everywhere. */
export function limitSetApplies(scope: string, country: string): boolean {
  return scope === "all" || scope === country || (scope === "EU" && EU_MEMBERS.has(country));
}

const cache = new Map<string, AirReference>();

/** data/air: the sources of air data and standards, the daily limit sets and the demo files. */
export function loadAirReference(dataDir: string = DATA_DIR): AirReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const read = (f: string): unknown => JSON.parse(readFileSync(join(dataDir, "air", f), "utf8"));
  const ref: AirReference = {
    sources: z.object({ sources: z.array(SourceSchema) }).parse(read("sources.json")).sources,
    limitSets: z.object({ limitSets: z.array(LimitSetSchema) }).parse(read("daily-limits.json")).limitSets as LabelledLimitSet[],
    demoFiles: z.object({ files: z.array(DemoFileSchema) }).parse(read("demo.json")).files,
  };
  cache.set(dataDir, ref);
  return ref;
}

/** The data-completeness rules the air import applies, in words, with their sources. */
export const AIR_RULES: string[] = [
  "A 24-hour mean and a day's 1-hour maximum need at least 20 valid hourly values (GB 3095-2012, Table 4).",
  "An 8-hour mean needs at least 6 hourly values (GB 3095-2012, Table 4); the daily maximum 8-hour mean is taken over the 17 windows inside the day (HJ 663-2013) and needs at least 13 of them (75 %, the rule of EPA's AirNow; GB 3095-2012 sets no count).",
  "An annual mean needs at least 324 daily values, and 27 in every month (25 in February) (GB 3095-2012, Table 4).",
  "Empty and NA values are gaps; negative values are treated as gaps. A city's daily values are the mean over its stations (HJ 663-2013).",
  "China's index follows HJ 633-2012 for days before 2026-03-01 and HJ 633-2026 from that day; the US index the EPA's May 2024 breakpoints (ppm/ppb converted at 25 °C); the European index the EEA's 2024 bands applied to each day's highest hourly values.",
];
