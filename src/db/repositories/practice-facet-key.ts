/**
 * On SQLite the FTS5 rowid of a practice carries what search filters, boosts and counts, so that
 * neither the ranking nor the facet count has to look anything up per match: FTS5 hands every
 * match's rowid over with the match itself.
 *
 *   rowid = doc × 2^18 + country × 2^8 + themes × 2 + measured
 *
 * country: the ISO 3166 alpha-2 code as (first letter − A) × 26 + (second letter − A), 0–675
 * (10 bits); themes: the practice's themes_mask (7 bits, PRACTICE_THEMES order); measured: 1 when
 * the practice has a measured outcome. `doc` is the practice's stable integer key (practices.doc):
 * a change of country, themes or measured re-keys the index row in the practice's transaction.
 * Arithmetic, not JS bit operators (32-bit), builds keys beyond 2^31; keys stay below 2^53.
 */
export const FACET_BITS = 18;
export const FACET_SPAN = 2 ** FACET_BITS;

export interface KeyFacets {
  country: string;
  themesMask: number;
  measured: boolean;
}

const A = 65;

/** 0–675 for a two-letter upper-case country code. @example countryCode("CN") //=> 65 */
export function countryCode(country: string): number {
  const a = country.charCodeAt(0) - A;
  const b = country.charCodeAt(1) - A;
  if (country.length !== 2 || a < 0 || a > 25 || b < 0 || b > 25) throw new RangeError(`not a two-letter country code: ${country}`);
  return a * 26 + b;
}

/** The country code's letters. @example countryOfCode(65) //=> "CN" */
export function countryOfCode(code: number): string {
  return String.fromCharCode(A + Math.floor(code / 26), A + (code % 26));
}

/** The 18-bit facet code of a practice. */
export function facetCode(f: KeyFacets): number {
  return countryCode(f.country) * 256 + f.themesMask * 2 + (f.measured ? 1 : 0);
}

/** The index key of practice `doc` with these facets. @example facetKey(3, { country: "CN", themesMask: 1, measured: true }) //=> 3 × 262144 + 65 × 256 + 3 */
export function facetKey(doc: number, f: KeyFacets): number {
  return doc * FACET_SPAN + facetCode(f);
}

/** The first index key of practice `doc` (its keys are [first, first + 2^18)). */
export const firstKey = (doc: number): number => doc * FACET_SPAN;

/**
 * Counts the facet codes of a string in which SQLite's `char(65536 + code)` wrote one code per
 * match (a supplementary-plane character: two UTF-16 units in JS). Returns code → count.
 */
export function tallyKeyCodes(codes: string): Map<number, number> {
  // A counter per possible code (1 MiB, reused: this runs synchronously) beats a Map update per match.
  const touched: number[] = [];
  for (let i = 0; i < codes.length; i += 2) {
    const code = codes.codePointAt(i)! - 65536;
    const seen = scratch[code]!;
    scratch[code] = seen + 1;
    if (seen === 0) touched.push(code);
  }
  const out = new Map<number, number>();
  for (const code of touched) {
    out.set(code, scratch[code]!);
    scratch[code] = 0;
  }
  return out;
}

const scratch = new Int32Array(FACET_SPAN);
