import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CityFeature, type FeatureSpec, Percentiles } from "./city-features.js";
import { counterpartFamily, indexFamily } from "./counterpart-family.js";
import { CounterpartIndex } from "./counterpart-index.js";
import { type CounterpartCity, counterpartScore, type ScoreContext } from "./counterpart-score.js";

const specs: FeatureSpec[] = [
  { code: "energy.grid_intensity", theme: "energy", direction: "lower", scale: "linear", unit: "gCO2/kWh" },
  { code: "air.pm25_annual", theme: "air", direction: "lower", scale: "linear", unit: "µg/m³" },
  { code: "transport.public_transport_share", theme: "transport", direction: "higher", scale: "linear", unit: "%" },
  { code: "context.gdp_per_capita", theme: "context", direction: null, scale: "log", unit: "USD" },
];
const weights = { strength: 0.5, similarity: 0.3, interest: 0.2, better: 0.6, improving: 0.25, practices: 0.15 };
const THEMES = ["energy", "air", "transport"];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const cityArb = (slug: string): fc.Arbitrary<CounterpartCity> =>
  fc.record({
    region: fc.constantFrom("Europe", "Eastern Asia"),
    lat: maybe(fc.double({ min: -60, max: 60, noNaN: true })),
    population: maybe(fc.integer({ min: 1000, max: 2e7 })),
    areaKm2: maybe(fc.integer({ min: 10, max: 5000 })),
    values: fc.array(maybe(fc.integer({ min: 1, max: 1000 })), { minLength: specs.length, maxLength: specs.length }),
    trends: fc.array(maybe(fc.double({ min: -0.2, max: 0.2, noNaN: true })), { minLength: specs.length, maxLength: specs.length }),
    climateWork: maybe(fc.integer({ min: 0, max: 3 })),
    practiceIndicators: fc.subarray(specs.map((s) => s.code)),
    practiceThemes: fc.subarray(THEMES),
    interests: maybe(fc.subarray(THEMES)),
  }).map((r) => {
    const features = new Map<string, CityFeature>();
    specs.forEach((s, i) => {
      const v = r.values[i];
      if (v !== null && v !== undefined) features.set(s.code, { code: s.code, value: v, period: "2024", trend: r.trends[i] ?? null });
    });
    return {
      slug, country: r.region === "Europe" ? "FR" : "CN", region: r.region, lat: r.lat, population: r.population, areaKm2: r.areaKm2,
      features, climateWork: r.climateWork, practices: { indicators: r.practiceIndicators, themes: r.practiceThemes }, interests: r.interests,
    };
  });

const citiesArb = fc.integer({ min: 2, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cityArb(`c${String(i).padStart(2, "0")}`))));

function contextOf(cities: CounterpartCity[]): ScoreContext {
  const percentiles = new Map<string, Percentiles>();
  for (const s of specs) {
    const values = cities.flatMap((c) => c.features.get(s.code)?.value ?? []);
    if (s.direction && values.length) percentiles.set(s.code, new Percentiles(values));
  }
  return { specs, percentiles, weights };
}

describe("CounterpartIndex", () => {
  it("scores every candidate like counterpartScore, missing data and themes included", () => {
    fc.assert(
      fc.property(citiesArb, fc.constantFrom(undefined, ...THEMES), (cities, theme) => {
        const ctx = contextOf(cities);
        const index = new CounterpartIndex(cities, ctx);
        const fast = index.scoreAll(cities[0]!, theme);
        cities.forEach((b, i) => {
          const full = counterpartScore(cities[0]!, b, { ...ctx, theme });
          if (full === null) return expect(fast.score[i]).toBeNaN();
          expect(Math.abs(fast.score[i]! - full.score)).toBeLessThanOrEqual(0.0011); // one unit of the last rounded digit
          expect(Math.abs(fast.confidence[i]! - full.confidence)).toBeLessThanOrEqual(0.011);
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("gives exactly the family that scoring every candidate in full gives, filters included", () => {
    fc.assert(
      fc.property(citiesArb, fc.integer({ min: 1, max: 6 }), fc.constantFrom(undefined, "air"), fc.constantFrom(undefined, "Europe"), (cities, top, theme, region) => {
        const ctx = contextOf(cities);
        const filter = { top, theme, region };
        const slow = cities
          .filter((c) => c.slug !== cities[0]!.slug && (!region || c.region === region))
          .flatMap((c) => counterpartScore(cities[0]!, c, { ...ctx, theme }) ?? [])
          .sort((x, y) => y.score - x.score || y.confidence - x.confidence || x.city.localeCompare(y.city))
          .slice(0, top);
        expect(indexFamily(new CounterpartIndex(cities, ctx), cities[0]!, filter)).toEqual(slow);
        expect(counterpartFamily(cities[0]!, cities, ctx, filter)).toEqual(slow);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
