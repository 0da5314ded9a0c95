/** Expected and achieved impact of a set of actions, summed per unit. */

export interface ImpactItem {
  value: number;
  /** e.g. `tCO2e/yr`, `µg/m³`; values are only added within the same unit. */
  unit: string;
  label_en?: string;
  label_zh?: string;
}

export interface ActionImpact {
  status: string;
  impacts: ImpactItem[];
}

export interface ImpactTotal {
  unit: string;
  /** Sum over every action that is not cancelled. */
  expected: number;
  /** Sum over the actions whose status is `done`. */
  achieved: number;
}

/**
 * Sums the impacts of actions by unit. Expected impact counts every action except cancelled ones;
 * achieved impact counts only actions marked done — it is the impact claimed for finished actions,
 * not a measurement (measured change is what KPIs and indicators show). Units are never converted.
 * @example impactTotals([{ status: "done", impacts: [{ value: 5, unit: "tCO2e/yr" }] },
 *   { status: "planned", impacts: [{ value: 3, unit: "tCO2e/yr" }] }])
 * //=> [{ unit: "tCO2e/yr", expected: 8, achieved: 5 }]
 * Source: citybridge method (sum by unit); UCAP "expected results" (IUC Asia programme).
 */
export function impactTotals(actions: ActionImpact[]): ImpactTotal[] {
  const by = new Map<string, ImpactTotal>();
  for (const a of actions) {
    if (a.status === "cancelled") continue;
    for (const i of a.impacts) {
      if (!Number.isFinite(i.value) || !i.unit) continue;
      const t = by.get(i.unit) ?? { unit: i.unit, expected: 0, achieved: 0 };
      t.expected += i.value;
      if (a.status === "done") t.achieved += i.value;
      by.set(i.unit, t);
    }
  }
  return [...by.values()].sort((a, b) => a.unit.localeCompare(b.unit));
}
