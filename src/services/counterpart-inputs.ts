import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Indicator } from "../domain/indicator.js";
import { cityFeatures, type FeatureScale, type FeatureSpec, Percentiles } from "../engines/matching/city-features.js";
import type { CounterpartCity, CounterpartWeights, ScoreContext } from "../engines/matching/counterpart-score.js";
import type { AppContext } from "./context.js";
import { DATA_DIR } from "./seed.js";

/** data/matching/counterparts.json: the weights, what each stands for and where that is documented, and the scales. */
export interface MatchingSettings {
  weights: CounterpartWeights;
  rationale: { weight: string; en: string; zh: string; sources: string[] }[];
  sources: { id: string; citation: string; url: string | null }[];
  scale: Record<string, FeatureScale>;
  /** Indicator → the one it stands in for: used for a city only when that one is missing (e.g. modelled PM2.5 for measured). */
  fallbacks?: Record<string, string>;
}

const settingsCache = new Map<string, MatchingSettings>();
export function matchingSettings(dataDir: string = DATA_DIR): MatchingSettings {
  let s = settingsCache.get(dataDir);
  if (!s) settingsCache.set(dataDir, (s = JSON.parse(readFileSync(join(dataDir, "matching/counterparts.json"), "utf8")) as MatchingSettings));
  return s;
}

/**
 * Drops, from a city's values by indicator code, each stand-in whose indicator it stands in for is
 * present (data/matching/counterparts.json `fallbacks`: modelled PM2.5 where no measured mean
 * exists), so one pollutant is never counted twice and measured values come first.
 */
export function withoutStandIns<T>(byCode: Map<string, T>, settings: MatchingSettings = matchingSettings()): Map<string, T> {
  for (const [standIn, primary] of Object.entries(settings.fallbacks ?? {})) {
    if (standIn !== "about" && byCode.has(primary)) byCode.delete(standIn);
  }
  return byCode;
}

/** Everything the counterpart score needs, for every city, loaded in a few queries. */
export interface CounterpartInputs {
  cities: CounterpartCity[];
  bySlug: Map<string, CounterpartCity>;
  /** Names of every city, for display. */
  names: Map<string, { en: string; zh: string | null }>;
  indicators: Map<string, Indicator>;
  score: ScoreContext;
  settings: MatchingSettings;
}

// The last inputs per database, valid while its change token is the same (SQLite: no commit by any
// connection since). PostgreSQL has no token (other instances write): loaded every time.
const inputsCache = new WeakMap<object, { token: string; dataDir: string; inputs: Promise<CounterpartInputs> }>();

/**
 * Every city's features from its indicators (per capita and log scale as
 * data/matching/counterparts.json says, with trends and the source of each latest value), its
 * practices, its stage of climate work, and the percentiles of every directional indicator.
 * Kept while the database is unchanged (loading them reads every city's observations); treat
 * the result as read-only.
 */
export async function loadCounterpartInputs(ctx: AppContext, dataDir: string = DATA_DIR): Promise<CounterpartInputs> {
  const token = ctx.database.changeToken();
  if (token === null) return readCounterpartInputs(ctx, dataDir);
  const hit = inputsCache.get(ctx.database);
  if (hit && hit.token === token && hit.dataDir === dataDir) return hit.inputs;
  const inputs = readCounterpartInputs(ctx, dataDir);
  inputsCache.set(ctx.database, { token, dataDir, inputs });
  inputs.catch(() => inputsCache.delete(ctx.database));
  return inputs;
}

async function readCounterpartInputs(ctx: AppContext, dataDir: string): Promise<CounterpartInputs> {
  const settings = matchingSettings(dataDir);
  const list = await ctx.indicators.list();
  const specs: FeatureSpec[] = list.map((i) => {
    const sc = settings.scale[i.code] ?? "linear";
    return { code: i.code, theme: i.theme, direction: i.direction, scale: sc, unit: sc === "per-capita" ? `${i.unit}/person` : i.unit };
  });
  const [rows, series, evidence, work, names, themes] = await Promise.all([
    ctx.matching.cities(),
    ctx.matching.series(specs.map((s) => s.code)),
    ctx.matching.practiceEvidence(),
    ctx.matching.climateWork(),
    ctx.matching.names(),
    ctx.matching.declaredThemes(),
  ]);
  const cities: CounterpartCity[] = rows.map((r) => ({
    ...r,
    features: withoutStandIns(cityFeatures(series.get(r.slug) ?? new Map(), r.population, specs), settings),
    climateWork: work.get(r.slug) ?? null,
    practices: evidence.get(r.slug) ?? { themes: [], indicators: [] },
    // Themes declared in applications to programme calls; null (unknown, not "none") for a city that never applied.
    interests: themes.get(r.slug) ?? null,
  }));
  const percentiles = new Map<string, Percentiles>();
  for (const s of specs) {
    if (!s.direction) continue;
    const values = cities.flatMap((c) => c.features.get(s.code)?.value ?? []);
    if (values.length) percentiles.set(s.code, new Percentiles(values));
  }
  return {
    cities,
    bySlug: new Map(cities.map((c) => [c.slug, c])),
    names,
    indicators: new Map(list.map((i) => [i.code, i])),
    score: { specs, percentiles, weights: settings.weights },
    settings,
  };
}
