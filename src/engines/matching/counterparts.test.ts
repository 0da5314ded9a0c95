import { describe, expect, it } from "vitest";
import { cityFeatures, Percentiles, relativeTrend, type FeatureSpec } from "./city-features.js";
import { counterpartFamily } from "./counterpart-family.js";
import { type CounterpartCity, counterpartScore, type ScoreContext } from "./counterpart-score.js";

const specs: FeatureSpec[] = [
  { code: "energy.grid_intensity", theme: "energy", direction: "lower", scale: "linear", unit: "gCO2/kWh" },
  { code: "ghg.total", theme: "ghg", direction: "lower", scale: "per-capita", unit: "tCO2e/person" },
];
const weights = { strength: 0.5, similarity: 0.3, interest: 0.2, better: 0.6, improving: 0.25, practices: 0.15 };
const grid = (v: number) => new Map([["energy.grid_intensity", { code: "energy.grid_intensity", value: v, period: "2024", trend: null }]]);
const city = (slug: string, over: Partial<CounterpartCity>): CounterpartCity => ({
  slug, country: "CN", region: "Eastern Asia", lat: 30, population: 1e6, areaKm2: 500, features: new Map(), climateWork: null,
  practices: { indicators: [], themes: [] }, interests: null, ...over,
});
const ctx: ScoreContext = { specs, percentiles: new Map([["energy.grid_intensity", new Percentiles([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000])]]), weights };

const seeker = city("lyon-fr", { country: "FR", region: "Western Europe", lat: 45.8, population: 1.4e6, features: grid(900), interests: ["energy"] });
const similar = city("milan-it", { country: "IT", region: "Southern Europe", lat: 45.5, population: 1.3e6, features: grid(150), interests: ["energy", "air"] });
const dissimilar = city("harbin-cn", { lat: 10, population: 2e4, areaKm2: 5, features: grid(150), interests: ["waste"] });

describe("counterpartScore", () => {
  it("ranks a strong, similar, interested city above an equally strong dissimilar one", () => {
    const a = counterpartScore(seeker, similar, ctx)!;
    const b = counterpartScore(seeker, dissimilar, ctx)!;
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.drivers).toEqual(["energy.grid_intensity"]);
    expect(a.reasons[0]).toMatchObject({ factor: "strength" });
    expect(a.reasons[0]!.detail).toContain("150 vs 900 gCO2/kWh");
    // The same figures, structured, for wording in any language.
    expect(a.reasons[0]!.facts).toEqual({ indicator: "energy.grid_intensity", theme: "energy", counterpart: 150, city: 900, unit: "gCO2/kWh", period: "2024", betterThan: 0.9 });
    expect(a.reasons.map((r) => r.factor)).toContain("interest");
  });

  it("gives reasons whose shares sum to at most 1, largest first", () => {
    const r = counterpartScore(seeker, similar, ctx)!.reasons;
    expect(r.reduce((s, x) => s + x.share, 0)).toBeLessThanOrEqual(1.01);
    expect([...r].sort((x, y) => y.share - x.share)).toEqual(r);
  });

  it("lowers confidence when the counterpart's data are missing, without reading them as zero", () => {
    const full = counterpartScore(seeker, similar, ctx)!;
    const sparse = counterpartScore(seeker, { ...similar, features: new Map(), lat: null, population: null }, ctx)!;
    expect(sparse.confidence).toBeLessThan(full.confidence);
    expect(sparse.reasons.some((r) => r.factor === "strength")).toBe(false);
    // A missing grid intensity is not a zero (which would be the best value and a strong match).
    expect(sparse.score).toBeLessThan(full.score);
  });

  it("says so when no themes of interest are declared, and leaves interest out of the score", () => {
    const r = counterpartScore({ ...seeker, interests: null }, similar, ctx)!;
    expect(r.reasons.at(-1)).toEqual({ factor: "interest", share: 0, detail: "no themes of interest declared yet", facts: { shared: null } });
  });

  it("counts a counterpart that is improving and has practices with measured outcomes as stronger", () => {
    const plain = counterpartScore(seeker, similar, ctx)!;
    const features = new Map([["energy.grid_intensity", { code: "energy.grid_intensity", value: 150, period: "2024", trend: -0.05 }]]);
    const better = counterpartScore(seeker, { ...similar, features, practices: { indicators: ["energy.grid_intensity"], themes: ["energy"] } }, ctx)!;
    expect(better.score).toBeGreaterThan(plain.score);
    expect(better.reasons.map((r) => r.factor)).toContain("improving");
  });
});

describe("counterpartFamily", () => {
  const candidates = [seeker, similar, dissimilar, city("tiny-cn", { population: 5e3, features: grid(120) })];
  it("returns the top N other cities best first, filtered by region, country and size", () => {
    expect(counterpartFamily(seeker, candidates, ctx, { top: 10 }).map((r) => r.city)).not.toContain("lyon-fr");
    expect(counterpartFamily(seeker, candidates, ctx, { top: 1 })).toHaveLength(1);
    expect(counterpartFamily(seeker, candidates, ctx, { top: 10, region: "Eastern Asia" }).map((r) => r.city).sort()).toEqual(["harbin-cn", "tiny-cn"]);
    expect(counterpartFamily(seeker, candidates, ctx, { top: 10, country: "IT" }).map((r) => r.city)).toEqual(["milan-it"]);
    expect(counterpartFamily(seeker, candidates, ctx, { top: 10, size: "small" }).map((r) => r.city).sort()).toEqual(["harbin-cn", "tiny-cn"]);
  });

  it("leaves out candidates with nothing on the theme", () => {
    expect(counterpartFamily(seeker, candidates, ctx, { top: 10, theme: "air" })).toEqual([]);
  });
});

describe("city features", () => {
  it("divides totals by population, and leaves a per-capita feature out when the population is unknown", () => {
    const series = new Map([["ghg.total", [{ period: "2018", value: 6e6 }, { period: "2019", value: 5e6 }]]]);
    expect(cityFeatures(series, 1e6, specs).get("ghg.total")).toEqual({ code: "ghg.total", value: 5, period: "2019", trend: null });
    expect(cityFeatures(series, null, specs).has("ghg.total")).toBe(false);
  });

  it("measures the trend as the least-squares slope over the mean: 110, 100, 90 is −10 % a year", () => {
    expect(relativeTrend([{ period: "2017", value: 110 }, { period: "2018", value: 100 }, { period: "2019", value: 90 }])).toBe(-0.1);
    expect(relativeTrend([{ period: "2018", value: 1 }, { period: "2019", value: 2 }])).toBeNull();
  });

  it("ranks a value among all cities, ties counted half", () => {
    const p = new Percentiles([1, 2, 2, 3]);
    expect([p.rank(0), p.rank(2), p.rank(4)]).toEqual([0, 0.5, 1]);
  });
});
