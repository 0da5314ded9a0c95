import { roundTonnes } from "./round-tonnes.js";
import type { Bilingual, NotationKey, Scope } from "./types.js";

/** data/gpc/crf.json: the rows of the GCoM Common Reporting Framework and their GPC reference numbers. */
export interface CrfMapping {
  source: string;
  sectors: { id: string; names: Bilingual; rows: { id: string; names: Bilingual; refs: string[]; note?: string }[] }[];
}

export interface CrfRow {
  sector: string;
  sectorNames: Bilingual;
  row: string;
  names: Bilingual;
  refs: string[];
  /** tCO2e per scope; null when no reference number of the row has data in that scope. */
  scope1: number | null;
  scope2: number | null;
  scope3: number | null;
  total: number;
  /** Notation keys given for the row's reference numbers, e.g. `["NO"]`. */
  notationKeys: NotationKey[];
  note: string | null;
}

/**
 * Lays an inventory out as the emissions table of the GCoM Common Reporting Framework: one row
 * per CRF sub-sector, tCO2e by scope, with the notation keys of the empty cells.
 * @example crfTable({ "I.1.1": { scope: 1, tCO2e: 56100 } }, {}, mapping)[0] //=> { row: "residential", scope1: 56100, scope2: null, … }
 * Source: Global Covenant of Mayors Common Reporting Framework (emission inventory by sector and scope).
 */
export function crfTable(
  byReference: Record<string, { scope: Scope; tCO2e: number }>,
  notationKeys: Record<string, NotationKey[]>,
  mapping: CrfMapping,
): CrfRow[] {
  return mapping.sectors.flatMap((sector) =>
    sector.rows.map((row) => {
      const cells: Record<Scope, number | null> = { 1: null, 2: null, 3: null };
      const keys = new Set<NotationKey>();
      for (const ref of row.refs) {
        const r = byReference[ref];
        if (r) cells[r.scope] = (cells[r.scope] ?? 0) + r.tCO2e;
        for (const k of notationKeys[ref] ?? []) keys.add(k);
      }
      const total = (cells[1] ?? 0) + (cells[2] ?? 0) + (cells[3] ?? 0);
      const rounded = (v: number | null) => (v === null ? null : roundTonnes(v));
      return {
        sector: sector.id,
        sectorNames: sector.names,
        row: row.id,
        names: row.names,
        refs: row.refs,
        scope1: rounded(cells[1]),
        scope2: rounded(cells[2]),
        scope3: rounded(cells[3]),
        total: roundTonnes(total),
        notationKeys: [...keys],
        note: row.note ?? null,
      };
    }),
  );
}
