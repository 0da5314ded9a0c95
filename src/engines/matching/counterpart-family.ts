import { CounterpartIndex } from "./counterpart-index.js";
import { type CounterpartCity, type CounterpartScore, counterpartScore, type ScoreContext } from "./counterpart-score.js";

/** Population bands for the size filter, persons: [from, below). */
export const SIZE_BANDS = { small: [0, 1e5], medium: [1e5, 1e6], large: [1e6, 5e6], megacity: [5e6, Infinity] } as const;
export type SizeBand = keyof typeof SIZE_BANDS;

export interface FamilyFilter {
  /** How many counterparts (the family, never one answer alone). */
  top: number;
  /** UN geoscheme subregion, exact. */
  region?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Only strength on this theme counts; candidates with nothing on it are left out. */
  theme?: string;
  /** Population band; candidates of unknown population are left out. */
  size?: SizeBand;
}

/**
 * The family of counterparts of a city: every other candidate that passes the filters, scored by
 * `counterpartScore`, best first (ties: higher confidence, then slug), the first `top`.
 *
 * @example counterpartFamily(lyon, cities, ctx, { top: 10, region: "Eastern Asia" }) //=> [{ city: "wuhan-cn", score: 0.41, … }, …]
 * Reference: citybridge matching design (DOMAIN.md, "Matching cities").
 */
export function counterpartFamily(city: CounterpartCity, candidates: readonly CounterpartCity[], ctx: ScoreContext, filter: FamilyFilter): CounterpartScore[] {
  return indexFamily(new CounterpartIndex(candidates, ctx), city, filter);
}

/** The k-th greatest of the values where `keep` is 1 (NaN skipped), or −∞ when fewer than k are kept. */
function kthBest(values: Float64Array, keep: Uint8Array, k: number): number {
  const best = new Float64Array(k).fill(-Infinity); // descending
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (keep[i] === 0 || !(v > best[k - 1]!)) continue; // NaN fails the test too
    let j = k - 1;
    while (j > 0 && best[j - 1]! < v) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = v;
  }
  return best[k - 1]!;
}

/**
 * `counterpartFamily` on a prebuilt index (build it once, query many cities): every candidate is
 * scored in one typed-array pass, then only those within 0.0025 of the top-th best — a margin
 * above the rounding differences of the two computations — are scored again with explanations,
 * so the result is exactly `counterpartFamily`'s.
 *
 * @example indexFamily(new CounterpartIndex(cities, ctx), lyon, { top: 10 }) //=> [{ city: "wuhan-cn", score: 0.41, … }, …]
 */
export function indexFamily(index: CounterpartIndex, city: CounterpartCity, filter: FamilyFilter): CounterpartScore[] {
  const band = filter.size ? SIZE_BANDS[filter.size] : null;
  const cands = index.cities;
  if (filter.top < 1) return [];
  const keep = new Uint8Array(cands.length);
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    keep[i] = c.slug !== city.slug && (!filter.region || c.region === filter.region) && (!filter.country || c.country === filter.country) &&
      (!band || (c.population !== null && c.population >= band[0] && c.population < band[1])) ? 1 : 0;
  }
  const { score } = index.scoreAll(city, filter.theme);
  const floor = kthBest(score, keep, filter.top) - 0.0025;
  const scored: CounterpartScore[] = [];
  const ctx = { ...index.ctx, theme: filter.theme };
  for (let i = 0; i < cands.length; i++) {
    if (keep[i] === 0 || !(score[i]! >= floor)) continue;
    const s = counterpartScore(city, cands[i]!, ctx);
    if (s) scored.push(s);
  }
  scored.sort((x, y) => y.score - x.score || y.confidence - x.confidence || x.city.localeCompare(y.city));
  return scored.slice(0, filter.top);
}
