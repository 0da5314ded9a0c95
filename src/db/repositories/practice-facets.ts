import { type PracticeFacets, PRACTICE_THEMES } from "../../domain/practice.js";

/** The countries in a string of 3-character facet codes (see FullTextIndex.facetCodes). */
export function facetCountries(codes: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= codes.length; i += 3) out.add(codes.slice(i, i + 2));
  return [...out];
}

/**
 * Facet counts from the concatenated facet codes of the matches: each code is the country (two
 * letters) and one character, 48 + measured (bit 0) + themes (bits 1–7). Regions come from
 * `regionOf` (one region per country). Lists are sorted by count, then value.
 */
export function countFacetCodes(codes: string, regionOf: ReadonlyMap<string, string>): { total: number; facets: PracticeFacets } {
  const perCode = new Map<string, number>();
  for (let i = 0; i + 3 <= codes.length; i += 3) {
    const code = codes.slice(i, i + 3);
    perCode.set(code, (perCode.get(code) ?? 0) + 1);
  }
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
