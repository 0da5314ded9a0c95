import type { Category, StandardId, StandardRef } from "./types.js";

/** What to do when SO2 (1-hour) is above 800 µg/m³ or O3 (8-hour) above 800 µg/m³ under HJ 633. */
export interface Hj633Rules {
  /** HJ 633-2012 Table 1 note: report the 24-hour SO2 IAQI; HJ 633-2026 note b: IAQI fixed at 200. */
  so2_1h_above_800: "use-24h" | "fixed-200";
  /** HJ 633-2012 Table 1 note: report the 1-hour O3 IAQI; HJ 633-2026 note c: IAQI fixed at 300. */
  o3_8h_above_800: "use-1h" | "fixed-300";
}

/**
 * One entry of data/aqi/standards.json: the table file, validity dates, special-case rules,
 * truncation digits (US EPA) and categories of a standard.
 */
export interface StandardDefinition extends StandardRef {
  kind: "cn" | "us" | "eu";
  table: string;
  /** First day (local date, YYYY-MM-DD) the standard applies, or null. */
  validFrom: string | null;
  /** Last day it applies, or null. */
  validUntil: string | null;
  /** Source id of the standard's citation. */
  source: string;
  rules?: Hj633Rules;
  /** Decimal digits a concentration is truncated to before lookup, per US table column. */
  truncation?: Record<string, number>;
  categories: Category[];
}

/** Picks a standard's definition by id, or throws RangeError (a missing entry is a data bug). */
export function standardDefinition(all: StandardDefinition[], id: StandardId): StandardDefinition {
  const d = all.find((s) => s.id === id);
  if (!d) throw new RangeError(`no definition for standard ${id}`);
  return d;
}
