import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { CityRepository, IndicatorRepository, SourceRepository } from "../db/index.js";
import { type City, CitySchema } from "../domain/city.js";
import { IndicatorSchema } from "../domain/indicator.js";
import type { ImportResult } from "../domain/observation.js";
import { SourceSchema } from "../domain/source.js";
import type { AppContext } from "./context.js";
import { importObservations } from "./import-observations.js";
import { seedAir } from "./seed-air.js";
import { seedClimate } from "./seed-climate.js";
import { seedPractices } from "./seed-practices.js";
import { seedProgrammes } from "./seed-programmes.js";

/** The reference data shipped with the product (see data/SOURCES.md). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export interface SeedSummary {
  sources: number;
  indicators: number;
  cities: number;
  observations: Record<string, ImportResult>;
}

const CatalogueSchema = z.object({ sources: z.array(SourceSchema), indicators: z.array(IndicatorSchema) });

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === "" ? null : Number(s));
const text = (s: string | undefined): string | null => (s === undefined || s.trim() === "" ? null : s);

/** One row of data/cities.csv as a City (validated). */
export function cityFromCsv(r: Record<string, string>): City {
  return CitySchema.parse({
    slug: r.slug,
    geonamesId: num(r.geonames_id),
    names: { en: r.name_en, zh: text(r.name_zh), local: text(r.name_local) },
    country: r.country,
    region: text(r.region),
    admin1: text(r.admin1),
    coordinates: { lat: Number(r.lat), lon: Number(r.lon) },
    population: { value: num(r.population), year: num(r.population_year), source: text(r.population_source) },
    areaKm2: num(r.area_km2),
    timezone: text(r.timezone),
  });
}

/**
 * Loads the shipped reference data: sources, the indicator catalogue, cities and the
 * observation files under data/observations (through the same import as users' files).
 * Safe to run again: everything is keyed, and unchanged rows stay as they are.
 */
export async function seed(ctx: AppContext, opts: { dataDir?: string; onStep?: (message: string) => void } = {}): Promise<SeedSummary> {
  const dir = opts.dataDir ?? DATA_DIR;
  const step = opts.onStep ?? (() => {});
  const now = new Date().toISOString();

  const catalogue = CatalogueSchema.parse(JSON.parse(readFileSync(join(dir, "indicators.json"), "utf8")));
  const sources = [
    ...readCsv(join(dir, "sources.csv")).map((r) => SourceSchema.parse({ id: r.id, citation: r.citation, url: text(r.url), licence: text(r.licence) })),
    ...catalogue.sources,
  ];
  const cities = readCsv(join(dir, "cities.csv")).map(cityFromCsv);

  await ctx.database.db.transaction().execute(async (trx) => {
    await new SourceRepository(trx).upsertMany(sources, now);
    await new IndicatorRepository(trx).upsertMany(catalogue.indicators);
    await new CityRepository(trx).upsertMany(cities);
  });
  step(`${sources.length} sources, ${catalogue.indicators.length} indicators, ${cities.length} cities`);

  const observations: Record<string, ImportResult> = {};
  const obsDir = join(dir, "observations");
  const files = existsSync(obsDir) ? readdirSync(obsDir).filter((f) => f.endsWith(".csv")).sort() : [];
  for (const file of files) {
    const path = join(obsDir, file);
    observations[file] = await importObservations(ctx, { open: () => createReadStream(path), importedBy: "seed" });
    step(`${file}: ${observations[file].rows} observations (${observations[file].inserted} new)`);
  }
  await seedAir(ctx, dir, step);
  await seedClimate(ctx, dir, step);
  const practices = await seedPractices(ctx, dir);
  if (practices) step(`${practices.practices} good practices with their sources`);
  const programmes = await seedProgrammes(ctx, dir);
  if (programmes) step(`${programmes.programmes} cooperation programme(s), ${programmes.cooperations} new cooperation(s)`);
  return { sources: sources.length, indicators: catalogue.indicators.length, cities: cities.length, observations };
}
