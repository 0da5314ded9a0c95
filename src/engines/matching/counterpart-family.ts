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
  const band = filter.size ? SIZE_BANDS[filter.size] : null;
  const scored: CounterpartScore[] = [];
  for (const c of candidates) {
    if (c.slug === city.slug) continue;
    if (filter.region && c.region !== filter.region) continue;
    if (filter.country && c.country !== filter.country) continue;
    if (band && !(c.population !== null && c.population >= band[0] && c.population < band[1])) continue;
    const s = counterpartScore(city, c, { ...ctx, theme: filter.theme });
    if (s) scored.push(s);
  }
  scored.sort((x, y) => y.score - x.score || y.confidence - x.confidence || x.city.localeCompare(y.city));
  return scored.slice(0, filter.top);
}
