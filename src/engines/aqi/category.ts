import type { Category } from "./types.js";

/**
 * The category an index value falls in (0–50 优 Excellent, 51–100 良 Good, …; bands 1–6 for the
 * European index). Values above the last category's minimum fall in the last category.
 * @example categoryFor(125, HJ633_2012.categories).zh //=> "轻度污染"
 * Source: HJ 633-2012 Table 2; EPA-454/B-24-002 Table 1; EEA European Air Quality Index bands.
 */
export function categoryFor(value: number, categories: readonly Category[]): Category {
  for (const c of categories) if (c.max === null || value <= c.max) return c;
  throw new RangeError("categories must end with an open category (max null)");
}
