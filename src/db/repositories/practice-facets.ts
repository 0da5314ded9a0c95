import { type PracticeFacets, PRACTICE_THEMES } from "../../domain/practice.js";
import { countryOfCode } from "./practice-facet-key.js";

/**
 * A practice's facets as a 3-character code: the country (two letters) and one character,
 * 48 + measured (bit 0) + themes (bits 1–7). Facet counts are counts of these codes.
 */
export type FacetCodeCounts = Map<string, number>;

/** Counts the 3-character codes of a concatenated string (see FullTextIndex.facetCodes). */
export function tallyCodes(codes: string): FacetCodeCounts {
  const perCode: FacetCodeCounts = new Map();
  for (let i = 0; i + 3 <= codes.length; i += 3) {
    const code = codes.slice(i, i + 3);
    perCode.set(code, (perCode.get(code) ?? 0) + 1);
  }
  return perCode;
}

/** The same counts from 18-bit index-key facet codes (see practice-facet-key.ts). */
export function codesOfKeys(keyCounts: ReadonlyMap<number, number>): FacetCodeCounts {
  const perCode: FacetCodeCounts = new Map();
  for (const [code, n] of keyCounts) perCode.set(`${countryOfCode(Math.floor(code / 256))}${String.fromCharCode(48 + (code % 256))}`, n);
  return perCode;
}

/** The countries among the codes. */
export function facetCountries(perCode: FacetCodeCounts): string[] {
  return [...new Set([...perCode.keys()].map((c) => c.slice(0, 2)))];
}

/**
 * Facet counts from the counted facet codes of the matches. Regions come from `regionOf` (one
 * region per country). Lists are sorted by count, then value.
 */
export function countFacetCodes(perCode: FacetCodeCounts, regionOf: ReadonlyMap<string, string>): { total: number; facets: PracticeFacets } {
  const counts = { country: new Map<string, number>(), region: new Map<string, number>(), measured: new Map<string, number>(), theme: new Map<string, number>() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  let total = 0;
  for (const [code, n] of perCode) {
    const country = code.slice(0, 2);
    const bits = code.charCodeAt(2) - 48;
    total += n;
    add(counts.country, country, n);
    const region = regionOf.get(country);
    if (region) add(counts.region, region, n);
    add(counts.measured, bits & 1 ? "true" : "false", n);
    PRACTICE_THEMES.forEach((t, i) => {
      if (bits & (2 << i)) add(counts.theme, t, n);
    });
  }
  const list = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { total, facets: { theme: list(counts.theme), country: list(counts.country), region: list(counts.region), measured: list(counts.measured) } };
}
