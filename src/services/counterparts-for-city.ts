import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Counterparts } from "../domain/counterpart.js";
import { cityFeatures, type FeatureScale, type FeatureSpec, Percentiles } from "../engines/matching/city-features.js";
import { counterpartFamily, type SizeBand } from "../engines/matching/counterpart-family.js";
import type { CounterpartCity, CounterpartWeights } from "../engines/matching/counterpart-score.js";
import { NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { DATA_DIR } from "./seed.js";

export interface CounterpartQuery {
  top?: number;
  region?: string;
  country?: string;
  theme?: string;
  size?: SizeBand;
}

interface Settings {
  weights: CounterpartWeights;
  scale: Record<string, FeatureScale>;
}

const settingsCache = new Map<string, Settings>();
function settings(dataDir: string): Settings {
  let s = settingsCache.get(dataDir);
  if (!s) settingsCache.set(dataDir, (s = JSON.parse(readFileSync(join(dataDir, "matching/counterparts.json"), "utf8")) as Settings));
  return s;
}

/**
 * The family of counterparts of a city, explained: every city's features from its indicators
 * (per capita and log scale as data/matching/counterparts.json says, with trends), ranked by
 * strength where the city is weak, context similarity and shared interest, with filters.
 */
export async function counterpartsForCity(ctx: AppContext, slug: string, query: CounterpartQuery = {}, dataDir: string = DATA_DIR): Promise<Counterparts> {
  if (!(await ctx.cities.get(slug))) throw new NotFoundError(`no city with slug "${slug}"`);
  const { weights, scale } = settings(dataDir);
  const specs: FeatureSpec[] = (await ctx.indicators.list()).map((i) => {
    const sc = scale[i.code] ?? "linear";
    return { code: i.code, theme: i.theme, direction: i.direction, scale: sc, unit: sc === "per-capita" ? `${i.unit}/person` : i.unit };
  });
  const [rows, series, evidence, work] = await Promise.all([ctx.matching.cities(), ctx.matching.series(specs.map((s) => s.code)), ctx.matching.practiceEvidence(), ctx.matching.climateWork()]);
  const cities: CounterpartCity[] = rows.map((r) => ({
    ...r,
    features: cityFeatures(series.get(r.slug) ?? new Map(), r.population, specs),
    climateWork: work.get(r.slug) ?? null,
    practices: evidence.get(r.slug) ?? { themes: [], indicators: [] },
    interests: null, // no city has declared themes of interest yet
  }));
  const percentiles = new Map<string, Percentiles>();
  for (const s of specs) {
    if (!s.direction) continue;
    const values = cities.flatMap((c) => c.features.get(s.code)?.value ?? []);
    if (values.length) percentiles.set(s.code, new Percentiles(values));
  }
  const city = cities.find((c) => c.slug === slug)!;
  const family = counterpartFamily(city, cities, { specs, percentiles, weights }, { top: query.top ?? 10, region: query.region, country: query.country, theme: query.theme, size: query.size });
  return { city: slug, results: family.map((f) => ({ city: f.city, score: f.score, confidence: f.confidence, reasons: f.reasons })) };
}
