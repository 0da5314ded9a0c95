import type { GpcReference, NotationKey } from "./types.js";

export type CompletenessStatus = "data" | "notation-key" | "missing";

export interface CompletenessRow {
  ref: string;
  sector: string;
  subsector: string;
  scope: number;
  basic: boolean;
  basicPlus: boolean;
  status: CompletenessStatus;
  notationKeys: NotationKey[];
}

export interface Completeness {
  rows: CompletenessRow[];
  /** BASIC reference numbers with neither data nor a notation key. */
  missingBasic: string[];
  /** BASIC+ reference numbers (beyond BASIC) with neither data nor a notation key. */
  missingBasicPlus: string[];
  basicComplete: boolean;
  basicPlusComplete: boolean;
}

/**
 * What an inventory covers: for every reference number, whether it has data, only a notation
 * key, or nothing. The GPC requires every BASIC source either estimated or marked with a
 * notation key (NO, IE, NE, C).
 * @example completeness(["I.1.1"], refs, { withData: new Set(["I.1.1"]), notationKeys: {} }).basicComplete //=> false when other BASIC rows are empty
 * Source: GPC 2014 section 2.3 (notation keys) and Chapter 4 (BASIC / BASIC+ reporting).
 */
export function completeness(
  order: string[],
  refs: Map<string, GpcReference>,
  covered: { withData: Set<string>; notationKeys: Record<string, NotationKey[]> },
): Completeness {
  const rows: CompletenessRow[] = order.map((ref) => {
    const r = refs.get(ref);
    if (!r) throw new RangeError(`reference number ${ref} is not in the table`);
    const keys = covered.notationKeys[ref] ?? [];
    const status: CompletenessStatus = covered.withData.has(ref) ? "data" : keys.length > 0 ? "notation-key" : "missing";
    return { ref, sector: r.sector, subsector: r.subsector, scope: r.scope, basic: r.basic, basicPlus: r.basicPlus, status, notationKeys: keys };
  });
  const missingBasic = rows.filter((r) => r.basic && r.status === "missing").map((r) => r.ref);
  const missingBasicPlus = rows.filter((r) => r.basicPlus && !r.basic && r.status === "missing").map((r) => r.ref);
  return { rows, missingBasic, missingBasicPlus, basicComplete: missingBasic.length === 0, basicPlusComplete: missingBasic.length === 0 && missingBasicPlus.length === 0 };
}

/** The `covered` argument of completeness from an inventory result's activities. */
export function coverageOf(activities: { ref: string; notationKey: NotationKey | null }[]): { withData: Set<string>; notationKeys: Record<string, NotationKey[]> } {
  const withData = new Set<string>();
  const notationKeys: Record<string, NotationKey[]> = {};
  for (const a of activities) {
    if (a.notationKey) {
      const keys = (notationKeys[a.ref] ??= []);
      if (!keys.includes(a.notationKey)) keys.push(a.notationKey);
    } else withData.add(a.ref);
  }
  return { withData, notationKeys };
}
