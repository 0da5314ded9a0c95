import type { GpcReference, GpcReferenceTable } from "./types.js";

/**
 * Every reference number of the GPC table (and its aliases) → the row with its sector,
 * subsector and default methane origin. Build once per table and reuse.
 * @example referenceIndex(table).get("IV.1.1")?.ref //=> "IV.1" (the old three-part form is an alias)
 * Source: GPC 2014, Table 3.1 and the scope / BASIC / BASIC+ levels of Chapters 3–4.
 */
export function referenceIndex(table: GpcReferenceTable): Map<string, GpcReference> {
  const index = new Map<string, GpcReference>();
  for (const sector of table.sectors) {
    for (const sub of sector.subsectors) {
      for (const row of sub.references) {
        const ref: GpcReference = { ...row, sector: sector.id, subsector: sub.id, ch4Origin: sector.ch4Origin };
        for (const key of [row.ref, ...(row.aliases ?? [])]) {
          if (index.has(key)) throw new RangeError(`reference number ${key} appears twice in the GPC table`);
          index.set(key, ref);
        }
      }
    }
  }
  return index;
}

/** Reference numbers in table order (I.1.1, I.1.2, … V.3, VI.1), without aliases. */
export function referenceOrder(table: GpcReferenceTable): string[] {
  return table.sectors.flatMap((s) => s.subsectors.flatMap((sub) => sub.references.map((r) => r.ref)));
}
