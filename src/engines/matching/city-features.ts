/** How an indicator's value enters the comparison: as is, divided by population, or on a log scale (sizes). */
export type FeatureScale = "linear" | "per-capita" | "log";

/** One indicator as a matching feature. */
export interface FeatureSpec {
  code: string;
  theme: string;
  /** Which way is better; null for context figures (used for similarity only). */
  direction: "lower" | "higher" | null;
  scale: FeatureScale;
  /** Unit of the feature value (per person for per-capita features). */
  unit: string;
}

export interface SeriesPoint {
  period: string;
  value: number;
  /** Source id of the value, when known. */
  source?: string;
}

/** A city's feature: its latest value (per capita where the spec says so) and its recent trend. */
export interface CityFeature {
  code: string;
  /** Latest value in the spec's unit (log-scale features keep the plain value here). */
  value: number;
  period: string;
  /** Relative change per year (−0.03 = falling 3 %/year) over the last 10 years; null with fewer than 3 years of data. */
  trend: number | null;
  /** Source id of the latest value, when known. */
  source?: string;
}

/** The year a period starts in (`2019`, `2019-06`, `2019-06-01` → 2019), or null. */
export function yearOf(period: string): number | null {
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}

/**
 * Relative trend of a series: the least-squares slope per year over the points of the last 10
 * years, divided by their mean. Null with fewer than 3 points, points covering fewer than 3 calendar years, or a mean ≤ 0.
 *
 * @example relativeTrend([{ period: "2017", value: 110 }, { period: "2018", value: 100 }, { period: "2019", value: 90 }]) //=> -0.1
 * Standard: ordinary least squares slope (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, §4.1.4.1).
 */
export function relativeTrend(points: readonly SeriesPoint[]): number | null {
  const xy = points.map((p) => [yearOf(p.period), p.value] as const).filter((p): p is readonly [number, number] => p[0] !== null);
  if (xy.length === 0) return null;
  const last = Math.max(...xy.map((p) => p[0]));
  const recent = xy.filter((p) => p[0] > last - 10);
  const years = recent.map((p) => p[0]);
  if (recent.length < 3 || Math.max(...years) - Math.min(...years) < 2) return null;
  const mx = years.reduce((s, x) => s + x, 0) / recent.length;
  const my = recent.reduce((s, p) => s + p[1], 0) / recent.length;
  if (my <= 0) return null;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of recent) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? null : Math.round((sxy / sxx / my) * 10000) / 10000;
}

/**
 * A city's features from its observation series: the latest value of each indicator (divided by
 * the population for per-capita features) and its recent trend. An indicator without data, or a
 * per-capita feature without a population, is absent from the map — missing, never zero.
 *
 * @param series per indicator code, the city's observations (one per period)
 * @param population persons, or null when unknown
 * @example cityFeatures(new Map([["ghg.total", [{ period: "2019", value: 5e6 }]]]), 1e6, specs).get("ghg.total")
 * //=> { code: "ghg.total", value: 5, period: "2019", trend: null }
 * Reference: citybridge's matching design (DOMAIN.md, "Matching cities").
 */
export function cityFeatures(series: ReadonlyMap<string, readonly SeriesPoint[]>, population: number | null, specs: readonly FeatureSpec[]): Map<string, CityFeature> {
  const out = new Map<string, CityFeature>();
  for (const spec of specs) {
    const points = series.get(spec.code);
    if (!points || points.length === 0) continue;
    if (spec.scale === "per-capita" && !(population && population > 0)) continue;
    const scaled = spec.scale === "per-capita" ? points.map((p) => ({ ...p, value: p.value / population! })) : points;
    const latest = scaled.reduce((a, b) => (b.period > a.period ? b : a));
    const feature: CityFeature = { code: spec.code, value: latest.value, period: latest.period, trend: relativeTrend(scaled) };
    if (latest.source !== undefined) feature.source = latest.source;
    out.set(spec.code, feature);
  }
  return out;
}

/** Where a value stands among all cities' values of a feature: the fraction below it (ties count half). */
export class Percentiles {
  private readonly sorted: Float64Array;
  constructor(values: Iterable<number>) {
    this.sorted = Float64Array.from(values).sort();
  }
  get size(): number {
    return this.sorted.length;
  }
  /** Fraction of the values below `x`, ties counted half, in [0, 1]. */
  rank(x: number): number {
    const n = this.sorted.length;
    if (n === 0) return 0.5;
    const below = this.bound(x, false);
    const upTo = this.bound(x, true);
    return (below + (upTo - below) / 2) / n;
  }
  private bound(x: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < x || (inclusive && this.sorted[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
