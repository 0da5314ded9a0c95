import type { CityFeature, FeatureSpec, Percentiles } from "./city-features.js";

/** What the score needs of a city. Null or absent fields are unknown, never zero. */
export interface CounterpartCity {
  slug: string;
  country: string;
  region: string | null;
  /** Degrees. */
  lat: number | null;
  /** Persons. */
  population: number | null;
  areaKm2: number | null;
  features: ReadonlyMap<string, CityFeature>;
  /** How many of inventory, target, plan the city has; null when none is recorded (unknown). */
  climateWork: number | null;
  /** Indicators on which the city's practices report measured outcomes, and the practices' themes. */
  practices: { indicators: readonly string[]; themes: readonly string[] };
  /** Declared themes of interest; null when the city has declared none. */
  interests: readonly string[] | null;
}

/** Relative weights of the score's factors and of the parts of strength. */
export interface CounterpartWeights {
  strength: number;
  similarity: number;
  interest: number;
  /** Parts of strength on one indicator: better than the city, improving, practices with measured outcomes. */
  better: number;
  improving: number;
  practices: number;
}

export interface CounterpartReason {
  factor: "strength" | "improving" | "practices" | "population" | "density" | "income" | "climate" | "climate-work" | "interest";
  /** Share of the score, 0–1. */
  share: number;
  detail: string;
}

export interface CounterpartScore {
  city: string;
  /** 0–1. */
  score: number;
  /** 0–1: the share of the evidence that was available (needs the counterpart has data on, context figures known). */
  confidence: number;
  reasons: CounterpartReason[];
  /** Indicators that contributed to strength, largest first. */
  drivers: string[];
}

export interface ScoreContext {
  specs: readonly FeatureSpec[];
  percentiles: ReadonlyMap<string, Percentiles>;
  weights: CounterpartWeights;
  /** Only indicators of this theme count for need and strength. */
  theme?: string;
}

type Part = { factor: CounterpartReason["factor"]; value: number; detail: string; indicator?: string };

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2));
const near = (d: number, scale: number) => Math.max(0, 1 - Math.min(1, d / scale));

/** Context similarity: each figure known for both in [0, 1]; `of`: how many figures the city itself has. */
function similarityParts(a: CounterpartCity, b: CounterpartCity): { parts: Part[]; of: number } {
  const parts: Part[] = [];
  if (a.population && b.population) {
    parts.push({ factor: "population", value: near(Math.abs(Math.log10(a.population / b.population)), 2), detail: `population ${fmt(b.population / 1e6)} M vs ${fmt(a.population / 1e6)} M` });
    if (a.areaKm2 && b.areaKm2) {
      const da = a.population / a.areaKm2;
      const db = b.population / b.areaKm2;
      parts.push({ factor: "density", value: near(Math.abs(Math.log10(da / db)), 1.5), detail: `density ${fmt(db)} vs ${fmt(da)} persons/km²` });
    }
  }
  const ia = a.features.get("context.gdp_per_capita")?.value;
  const ib = b.features.get("context.gdp_per_capita")?.value;
  if (ia && ib) parts.push({ factor: "income", value: near(Math.abs(Math.log10(ia / ib)), 1), detail: `GDP per capita ${fmt(ib)} vs ${fmt(ia)} USD` });
  if (a.lat !== null && b.lat !== null) parts.push({ factor: "climate", value: near(Math.abs(Math.abs(a.lat) - Math.abs(b.lat)), 30), detail: `latitude ${fmt(Math.abs(b.lat))}° vs ${fmt(Math.abs(a.lat))}°` });
  if (a.climateWork !== null && b.climateWork !== null) parts.push({ factor: "climate-work", value: near(Math.abs(a.climateWork - b.climateWork), 3), detail: `${b.climateWork} vs ${a.climateWork} of inventory, target, plan` });
  const of = [a.population, a.population && a.areaKm2, a.features.get("context.gdp_per_capita"), a.lat, a.climateWork].filter((x) => x !== null && x !== undefined && x !== 0).length;
  return { parts, of };
}

/**
 * How good a counterpart `b` is for city `a`: strong where `a` is weak, similar in context, and
 * interested in the same themes. On each indicator with a direction that `a` reports, its need is
 * 1 − its percentile among all cities (0 = best city); where `b` reports it too, `b`'s strength
 * is need × (better·max(0, percentile gain) + improving·min(1, improvement per year / 5 %) +
 * practices·[1 measured outcome on the indicator, ½ practice on its theme]), summed and divided
 * by the most it could be over all of `a`'s needs. Similarity averages, over the figures known
 * for `a`, the closeness of population (log, 2 decades = 0), density (log, 1.5 decades), income
 * (log, 1 decade), latitude (30° = 0) and stage of climate work. Interest is the Jaccard overlap
 * of declared themes. The score is the weighted mean of the factors known on `a`'s side; where
 * `b`'s data are missing it earns nothing (no value is imputed, least of all zero) and its
 * confidence, 0.6 × the share of `a`'s needs it reports + 0.4 × the share of the five context
 * figures known for both, falls.
 *
 * @returns null when `b` has nothing on `ctx.theme`
 * @example counterpartScore(lyon, wuhan, ctx) //=> { city: "wuhan-cn", score: 0.41, confidence: 0.8, reasons: [{ factor: "strength", share: 0.52, detail: "…" }, …] }
 * Reference: citybridge matching design (DOMAIN.md, "Matching cities"), after the Covenant of
 * Mayors and IUC matchmaking criteria (sector interest, socio-economic context, territory, progress).
 */
export function counterpartScore(a: CounterpartCity, b: CounterpartCity, ctx: ScoreContext): CounterpartScore | null {
  const w = ctx.weights;
  const specs = ctx.specs.filter((s) => s.direction && (!ctx.theme || s.theme === ctx.theme));
  const strengthParts: Part[] = [];
  let needs = 0;
  let covered = 0;
  let needTotal = 0;
  for (const spec of specs) {
    const fa = a.features.get(spec.code);
    const pc = ctx.percentiles.get(spec.code);
    if (!fa || !pc) continue;
    needs++;
    const good = (f: CityFeature) => (spec.direction === "lower" ? 1 - pc.rank(f.value) : pc.rank(f.value));
    const need = 1 - good(fa);
    needTotal += need;
    const fb = b.features.get(spec.code);
    if (!fb) continue;
    covered++;
    const gain = Math.max(0, good(fb) - good(fa));
    const improvement = fb.trend === null ? 0 : Math.min(1, Math.max(0, (spec.direction === "lower" ? -fb.trend : fb.trend) / 0.05));
    const practice = b.practices.indicators.includes(spec.code) ? 1 : b.practices.themes.includes(spec.theme) ? 0.5 : 0;
    const vs = `${fmt(fb.value)} vs ${fmt(fa.value)} ${spec.unit}`;
    if (gain > 0) strengthParts.push({ factor: "strength", indicator: spec.code, value: need * w.better * gain, detail: `${spec.code}: ${vs} (${fb.period}), better than ${Math.round(good(fb) * 100)} % of cities` });
    if (improvement > 0) strengthParts.push({ factor: "improving", indicator: spec.code, value: need * w.improving * improvement, detail: `${spec.code}: ${(fb.trend! * 100).toFixed(1)} %/year` });
    if (practice > 0) strengthParts.push({ factor: "practices", indicator: spec.code, value: need * w.practices * practice, detail: practice === 1 ? `practice with a measured outcome on ${spec.code}` : `practice on ${spec.theme}` });
  }
  if (ctx.theme && covered === 0 && !b.practices.themes.includes(ctx.theme)) return null;
  const sim = similarityParts(a, b);
  const shared = a.interests?.length && b.interests?.length ? a.interests.filter((t) => b.interests!.includes(t)) : null;
  const interest = shared ? shared.length / new Set([...a.interests!, ...b.interests!]).size : null;

  // Weighted mean of the known factors, spread over their parts so that the parts sum to the score.
  // A factor counts when the city's own side is known; a counterpart without evidence on it earns nothing there (and loses confidence).
  const strengthKnown = needTotal > 0;
  const W = (strengthKnown ? w.strength : 0) + (sim.of ? w.similarity : 0) + (interest !== null ? w.interest : 0);
  const parts: Part[] = [];
  if (W > 0) {
    const sScale = w.strength / W / (needTotal * (w.better + w.improving + w.practices) || 1);
    if (strengthKnown) for (const p of strengthParts) parts.push({ ...p, value: p.value * sScale });
    for (const p of sim.parts) parts.push({ ...p, value: (p.value * w.similarity) / W / sim.of });
    if (interest !== null) parts.push({ factor: "interest", value: (interest * w.interest) / W, detail: `shared themes: ${shared!.join(", ") || "none"}` });
  }
  const score = parts.reduce((s, p) => s + p.value, 0);
  const reasons: CounterpartReason[] = parts
    .filter((p) => p.value > 0)
    .sort((x, y) => y.value - x.value)
    .slice(0, 5)
    .map((p) => ({ factor: p.factor, share: Math.round((p.value / score) * 100) / 100, detail: p.detail }));
  if (interest === null) reasons.push({ factor: "interest", share: 0, detail: "no themes of interest declared yet" });
  const drivers: string[] = [];
  for (const p of [...strengthParts].sort((x, y) => y.value - x.value)) if (p.indicator && !drivers.includes(p.indicator)) drivers.push(p.indicator);
  const confidence = 0.6 * (needs ? covered / needs : 0) + 0.4 * (sim.parts.length / 5);
  return { city: b.slug, score: Math.round(score * 1000) / 1000, confidence: Math.round(confidence * 100) / 100, reasons, drivers };
}
