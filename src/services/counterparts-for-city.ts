import type { ComparedIndicatorSchema, CounterpartsDetail } from "../domain/counterpart.js";
import type { z } from "zod";
import type { CityFeature } from "../engines/matching/city-features.js";
import { counterpartFamily, type SizeBand } from "../engines/matching/counterpart-family.js";
import type { CounterpartCity } from "../engines/matching/counterpart-score.js";
import { notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { type CounterpartInputs, loadCounterpartInputs } from "./counterpart-inputs.js";
import { DATA_DIR } from "./seed.js";

export interface CounterpartQuery {
  top?: number;
  region?: string;
  country?: string;
  theme?: string;
  size?: SizeBand;
}

type Compared = z.infer<typeof ComparedIndicatorSchema>;

/** Share of all cities a value does better than on a directional indicator, 0–1, or null when missing. */
function standing(inputs: CounterpartInputs, code: string, f: CityFeature | undefined): number | null {
  const pc = inputs.score.percentiles.get(code);
  const dir = inputs.indicators.get(code)?.direction;
  if (!f || !pc || !dir) return null;
  const r = pc.rank(f.value);
  return Math.round((dir === "lower" ? 1 - r : r) * 100) / 100;
}

/** The indicators that drove the match (or, when none did, those both cities report), with both cities' values. */
function compare(inputs: CounterpartInputs, a: CounterpartCity, b: CounterpartCity, drivers: string[]): Compared[] {
  const both = inputs.score.specs.filter((s) => s.direction && a.features.has(s.code) && b.features.has(s.code)).map((s) => s.code);
  const codes = (drivers.length ? drivers : both).slice(0, 8);
  const value = (f: CityFeature | undefined) => (f ? { value: f.value, period: f.period, source: f.source ?? null } : null);
  return codes.flatMap((code) => {
    const ind = inputs.indicators.get(code);
    const spec = inputs.score.specs.find((s) => s.code === code);
    if (!ind?.direction || !spec) return [];
    const fa = a.features.get(code);
    const fb = b.features.get(code);
    return [{
      code, names: ind.names, theme: ind.theme, unit: spec.unit, direction: ind.direction,
      city: value(fa), counterpart: value(fb), standing: { city: standing(inputs, code, fa), counterpart: standing(inputs, code, fb) },
    }];
  });
}

/**
 * The family of counterparts of a city, explained: every city's features from its indicators
 * (data/matching/counterparts.json), ranked by strength where the city is weak, context
 * similarity and shared interest, with filters; per counterpart the indicators that drove the
 * match with both cities' values, and how the score is made (weights with their rationale).
 */
export async function counterpartsForCity(ctx: AppContext, slug: string, query: CounterpartQuery = {}, dataDir: string = DATA_DIR): Promise<CounterpartsDetail> {
  if (!(await ctx.cities.get(slug))) throw notFound("city", slug);
  const inputs = await loadCounterpartInputs(ctx, dataDir);
  const city = inputs.bySlug.get(slug)!;
  const family = counterpartFamily(city, inputs.cities, inputs.score, { top: query.top ?? 10, region: query.region, country: query.country, theme: query.theme, size: query.size });
  const gdp = city.features.get("context.gdp_per_capita")?.value;
  const context = [!!city.population, !!(city.population && city.areaKm2), !!gdp, city.lat !== null, city.climateWork !== null].filter(Boolean).length;
  const { weights, rationale, sources } = inputs.settings;
  return {
    city: slug,
    coverage: { indicators: inputs.score.specs.filter((s) => s.direction && inputs.score.percentiles.has(s.code) && city.features.has(s.code)).length, context },
    results: family.map((f) => {
      const b = inputs.bySlug.get(f.city)!;
      return {
        city: f.city, score: f.score, confidence: f.confidence, reasons: f.reasons,
        names: inputs.names.get(f.city) ?? { en: f.city, zh: null }, country: b.country, region: b.region, population: b.population,
        compare: compare(inputs, city, b, f.drivers),
      };
    }),
    method: { weights: { ...weights }, rationale, sources },
  };
}
