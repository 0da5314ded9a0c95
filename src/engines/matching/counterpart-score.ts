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

/**
 * The figures behind a reason, so that a UI can word it in any language. Values are the
 * counterpart's and the city's, in `unit`; absent fields do not apply to the factor.
 */
export interface ReasonFacts {
  /** Indicator code (strength, improving, practices). */
  indicator?: string;
  /** Theme of the indicator, or of the practice (practices). */
  theme?: string;
  /** The counterpart's value (population in persons, density in persons/km², income in USD, latitude in degrees, climate work 0–3). */
  counterpart?: number;
  /** The city's own value, same unit. */
  city?: number;
  unit?: string;
  /** Period of the counterpart's value. */
  period?: string;
  /** Share of cities the counterpart does better than on the indicator, 0–1 (strength). */
  betterThan?: number;
  /** The counterpart's relative change per year, e.g. −0.05 (improving). */
  trend?: number;
  /** True for a practice with a measured outcome on the indicator, false for a practice on its theme only. */
  measured?: boolean;
  /** Themes both cities declared (interest); null when either declared none. */
  shared?: string[] | null;
}

export interface CounterpartReason {
  factor: "strength" | "improving" | "practices" | "population" | "density" | "income" | "climate" | "climate-work" | "interest";
  /** Share of the score, 0–1. */
  share: number;
  /** In English (the CLI prints it); `facts` carries the same figures for other languages. */
  detail: string;
  facts: ReasonFacts;
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

// Details of strength parts are worded only for the few parts kept as reasons (a function until then).
type Part = { factor: CounterpartReason["factor"]; value: number; detail: string | (() => string); indicator?: string; facts: ReasonFacts | (() => ReasonFacts) };

/** Standing of a value among all cities, 0 worst – 1 best. */
const standing = (direction: "lower" | "higher" | null, pc: Percentiles, value: number) => (direction === "lower" ? 1 - pc.rank(value) : pc.rank(value));

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2));
const near = (d: number, scale: number) => Math.max(0, 1 - Math.min(1, d / scale));

/** Context similarity: each figure known for both in [0, 1]; `of`: how many figures the city itself has. */
function similarityParts(a: CounterpartCity, b: CounterpartCity): { parts: Part[]; of: number } {
  const parts: Part[] = [];
  if (a.population && b.population) {
    parts.push({ factor: "population", value: near(Math.abs(Math.log10(a.population / b.population)), 2), detail: `population ${fmt(b.population / 1e6)} M vs ${fmt(a.population / 1e6)} M`, facts: { counterpart: b.population, city: a.population, unit: "persons" } });
    if (a.areaKm2 && b.areaKm2) {
      const da = a.population / a.areaKm2;
      const db = b.population / b.areaKm2;
      parts.push({ factor: "density", value: near(Math.abs(Math.log10(da / db)), 1.5), detail: `density ${fmt(db)} vs ${fmt(da)} persons/km²`, facts: { counterpart: db, city: da, unit: "persons/km²" } });
    }
  }
  const ia = a.features.get("context.gdp_per_capita")?.value;
  const ib = b.features.get("context.gdp_per_capita")?.value;
  if (ia && ib) parts.push({ factor: "income", value: near(Math.abs(Math.log10(ia / ib)), 1), detail: `GDP per capita ${fmt(ib)} vs ${fmt(ia)} USD`, facts: { counterpart: ib, city: ia, unit: "USD" } });
  if (a.lat !== null && b.lat !== null) parts.push({ factor: "climate", value: near(Math.abs(Math.abs(a.lat) - Math.abs(b.lat)), 30), detail: `latitude ${fmt(Math.abs(b.lat))}° vs ${fmt(Math.abs(a.lat))}°`, facts: { counterpart: Math.abs(b.lat), city: Math.abs(a.lat), unit: "°" } });
  if (a.climateWork !== null && b.climateWork !== null) parts.push({ factor: "climate-work", value: near(Math.abs(a.climateWork - b.climateWork), 3), detail: `${b.climateWork} vs ${a.climateWork} of inventory, target, plan`, facts: { counterpart: b.climateWork, city: a.climateWork } });
  // The figures known on the city's own side, the same tests as above.
  const of = [!!a.population, !!(a.population && a.areaKm2), !!ia, a.lat !== null, a.climateWork !== null].filter(Boolean).length;
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
    const ga = standing(spec.direction, pc, fa.value);
    const need = 1 - ga;
    needTotal += need;
    const fb = b.features.get(spec.code);
    if (!fb) continue;
    covered++;
    const gb = standing(spec.direction, pc, fb.value);
    const gain = Math.max(0, gb - ga);
    const improvement = fb.trend === null ? 0 : Math.min(1, Math.max(0, (spec.direction === "lower" ? -fb.trend : fb.trend) / 0.05));
    const practice = b.practices.indicators.includes(spec.code) ? 1 : b.practices.themes.includes(spec.theme) ? 0.5 : 0;
    const indicator = spec.code;
    // Details and facts are built only for the few parts kept as reasons.
    if (gain > 0) {
      strengthParts.push({
        factor: "strength", indicator, value: need * w.better * gain,
        detail: () => `${spec.code}: ${fmt(fb.value)} vs ${fmt(fa.value)} ${spec.unit} (${fb.period}), better than ${Math.round(gb * 100)} % of cities`,
        facts: () => ({ indicator, theme: spec.theme, counterpart: fb.value, city: fa.value, unit: spec.unit, period: fb.period, betterThan: Math.round(gb * 100) / 100 }),
      });
    }
    if (improvement > 0) strengthParts.push({ factor: "improving", indicator, value: need * w.improving * improvement, detail: () => `${spec.code}: ${(fb.trend! * 100).toFixed(1)} %/year`, facts: () => ({ indicator, theme: spec.theme, trend: fb.trend! }) });
    if (practice > 0) {
      const detail = () => (practice === 1 ? `practice with a measured outcome on ${spec.code}` : `practice on ${spec.theme}`);
      strengthParts.push({ factor: "practices", indicator, value: need * w.practices * practice, detail, facts: () => ({ indicator, theme: spec.theme, measured: practice === 1 }) });
    }
  }
  if (ctx.theme && covered === 0 && !b.practices.themes.includes(ctx.theme)) return null;
  const sim = similarityParts(a, b);
  const shared = a.interests?.length && b.interests?.length ? [...new Set(a.interests)].filter((t) => b.interests!.includes(t)) : null;
  const interest = shared ? shared.length / new Set([...a.interests!, ...b.interests!]).size : null;

  // Weighted mean of the known factors, spread over their parts so that the parts sum to the score.
  // A factor counts when the city's own side is known; a counterpart without evidence on it earns nothing there (and loses confidence).
  const strengthKnown = needTotal > 0;
  const W = (strengthKnown ? w.strength : 0) + (sim.of ? w.similarity : 0) + (interest !== null ? w.interest : 0);
  const parts: Part[] = [];
  if (W > 0) {
    const sScale = w.strength / W / (needTotal * (w.better + w.improving + w.practices) || 1);
    // Scaled in place: the parts are this call's own.
    if (strengthKnown) for (const p of strengthParts) parts.push(Object.assign(p, { value: p.value * sScale }));
    for (const p of sim.parts) parts.push(Object.assign(p, { value: (p.value * w.similarity) / W / sim.of }));
    if (interest !== null) parts.push({ factor: "interest", value: (interest * w.interest) / W, detail: `shared themes: ${shared!.join(", ") || "none"}`, facts: { shared: shared! } });
  }
  const score = parts.reduce((s, p) => s + p.value, 0);
  const reasons: CounterpartReason[] = parts
    .filter((p) => p.value > 0)
    .sort((x, y) => y.value - x.value)
    .slice(0, 5)
    .map((p) => ({ factor: p.factor, share: Math.round((p.value / score) * 100) / 100, detail: typeof p.detail === "string" ? p.detail : p.detail(), facts: typeof p.facts === "function" ? p.facts() : p.facts }));
  if (interest === null) reasons.push({ factor: "interest", share: 0, detail: "no themes of interest declared yet", facts: { shared: null } });
  const drivers: string[] = [];
  for (const p of [...strengthParts].sort((x, y) => y.value - x.value)) if (p.indicator && !drivers.includes(p.indicator)) drivers.push(p.indicator);
  const confidence = 0.6 * (needs ? covered / needs : 0) + 0.4 * (sim.parts.length / 5);
  return { city: b.slug, score: Math.round(score * 1000) / 1000, confidence: Math.round(confidence * 100) / 100, reasons, drivers };
}
