import { InvalidInputError, type Problem } from "../../errors.js";
import { activityEmissions } from "./activity-emissions.js";
import { co2e } from "./co2e.js";
import { roundTonnes } from "./round-tonnes.js";
import type { Activity, FactorDefinition, GasTonnes, GpcReference, GwpSet, GwpSetId, NotationKey, Scope } from "./types.js";

export type ScopeKey = "1" | "2" | "3";

/** What one activity contributes. */
export interface ActivityResult {
  index: number;
  ref: string;
  sector: string;
  subsector: string;
  scope: Scope;
  gases: GasTonnes;
  /** tCO2e of each gas. */
  gasesCO2e: GasTonnes;
  tCO2e: number;
  notationKey: NotationKey | null;
}

/** An inventory's totals in tCO2e (by gas: tonnes of the gas), with the GWP set that made them. */
export interface InventoryResult {
  gwp: GwpSetId;
  gwpValues: GwpSet["values"];
  total: { basic: number; basicPlus: number; all: number };
  bySector: Record<string, number>;
  bySubsector: Record<string, number>;
  byScope: Record<ScopeKey, number>;
  byGas: GasTonnes;
  /** CO2e of each gas, tCO2e (methane at its activities' fossil or non-fossil GWP). */
  byGasCO2e: GasTonnes;
  bySectorScope: Record<string, Record<ScopeKey, number>>;
  byReference: Record<string, { scope: Scope; tCO2e: number; gases: GasTonnes }>;
  perCapita: { basic: number | null; basicPlus: number | null };
  notationKeys: Record<string, NotationKey[]>;
  activities: ActivityResult[];
}

export interface InventoryTables {
  /** From referenceIndex(data/gpc/reference.json). */
  references: Map<string, GpcReference>;
  /** The emission factor library by id. */
  factors: Map<string, FactorDefinition>;
  gwp: GwpSet;
}

const scopes = (): Record<ScopeKey, number> => ({ "1": 0, "2": 0, "3": 0 });

/**
 * Computes a GPC inventory: each activity's emissions per gas, CO2e with the given GWP set,
 * totals by sector, subsector, scope, gas and reference number, BASIC and BASIC+ totals and
 * per-capita values (null without a population). Every invalid activity is reported at once:
 * InvalidInputError with problems whose `column` is `activities[i].field`.
 * @example computeInventory({ activities: [{ gpc: "III.1.1", emissions: [{ gas: "CH4", value: 1000, unit: "t" }] }], population: 1e6 }, tables).total
 * //=> { basic: 28000, basicPlus: 28000, all: 28000 } (AR5)
 * Source: GPC 2014 Chapters 3–4 (scopes, BASIC / BASIC+), IPCC AR5/AR6 GWP100.
 */
export function computeInventory(input: { activities: Activity[]; population?: number | null }, tables: InventoryTables): InventoryResult {
  const problems: Problem[] = [];
  const results: ActivityResult[] = [];
  input.activities.forEach((a, index) => {
    const out = activityEmissions(a, tables.references, tables.factors);
    if ("problems" in out) {
      const seen = new Set<string>();
      for (const p of out.problems) {
        const key = `${p.field}\u0000${p.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ column: `activities[${index}].${p.field}`, ...(p.value !== undefined ? { value: p.value } : {}), message: p.reason });
      }
      return;
    }
    const r = out.ok.reference;
    const gases: GasTonnes = out.ok.gases;
    const origin = a.ch4Origin ?? r.ch4Origin;
    const gasesCO2e: GasTonnes = { CO2: co2e({ CO2: gases.CO2, CH4: 0, N2O: 0 }, tables.gwp, origin), CH4: co2e({ CO2: 0, CH4: gases.CH4, N2O: 0 }, tables.gwp, origin), N2O: co2e({ CO2: 0, CH4: 0, N2O: gases.N2O }, tables.gwp, origin) };
    results.push({
      index,
      ref: r.ref,
      sector: r.sector,
      subsector: r.subsector,
      scope: r.scope,
      gases,
      gasesCO2e,
      tCO2e: co2e(gases, tables.gwp, origin),
      notationKey: out.ok.notationKey ?? null,
    });
  });
  if (problems.length > 0) {
    const n = new Set(problems.map((p) => p.column!.split("]")[0])).size;
    throw new InvalidInputError(`${n} ${n === 1 ? "activity is" : "activities are"} not valid`, problems, undefined, { code: "inventory.activities_invalid", params: { count: n } });
  }
  return summarise(results, tables, input.population ?? null);
}

function summarise(results: ActivityResult[], tables: InventoryTables, population: number | null): InventoryResult {
  const bySector: Record<string, number> = {};
  const bySubsector: Record<string, number> = {};
  const bySectorScope: Record<string, Record<ScopeKey, number>> = {};
  for (const r of tables.references.values()) {
    bySector[r.sector] = 0;
    bySubsector[r.subsector] = 0;
    bySectorScope[r.sector] = scopes();
  }
  const byScope = scopes();
  const byGas: GasTonnes = { CO2: 0, CH4: 0, N2O: 0 };
  const byGasCO2e: GasTonnes = { CO2: 0, CH4: 0, N2O: 0 };
  const byReference: InventoryResult["byReference"] = {};
  const notationKeys: Record<string, NotationKey[]> = {};
  const total = { basic: 0, basicPlus: 0, all: 0 };
  for (const a of results) {
    const ref = tables.references.get(a.ref)!;
    if (a.notationKey) {
      const keys = (notationKeys[a.ref] ??= []);
      if (!keys.includes(a.notationKey)) keys.push(a.notationKey);
      continue;
    }
    const s = String(a.scope) as ScopeKey;
    bySector[a.sector]! += a.tCO2e;
    bySubsector[a.subsector]! += a.tCO2e;
    bySectorScope[a.sector]![s] += a.tCO2e;
    byScope[s] += a.tCO2e;
    const row = (byReference[a.ref] ??= { scope: a.scope, tCO2e: 0, gases: { CO2: 0, CH4: 0, N2O: 0 } });
    row.tCO2e += a.tCO2e;
    for (const g of ["CO2", "CH4", "N2O"] as const) {
      byGas[g] += a.gases[g];
      byGasCO2e[g] += a.gasesCO2e[g];
      row.gases[g] += a.gases[g];
    }
    total.all += a.tCO2e;
    if (ref.basic) total.basic += a.tCO2e;
    if (ref.basicPlus) total.basicPlus += a.tCO2e;
  }
  const round = <T extends Record<string, number>>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, roundTonnes(v)])) as T;
  const perPerson = (t: number) => (population && population > 0 ? roundTonnes(t / population) : null);
  return {
    gwp: tables.gwp.id,
    gwpValues: tables.gwp.values,
    total: round(total),
    bySector: round(bySector),
    bySubsector: round(bySubsector),
    byScope: round(byScope),
    byGas: round(byGas),
    byGasCO2e: round(byGasCO2e),
    bySectorScope: Object.fromEntries(Object.entries(bySectorScope).map(([k, v]) => [k, round(v)])),
    byReference: Object.fromEntries(Object.entries(byReference).map(([k, v]) => [k, { scope: v.scope, tCO2e: roundTonnes(v.tCO2e), gases: round(v.gases) }])),
    perCapita: { basic: perPerson(total.basic), basicPlus: perPerson(total.basicPlus) },
    notationKeys,
    activities: results.map((a) => ({ ...a, gases: round(a.gases), gasesCO2e: round(a.gasesCO2e), tCO2e: roundTonnes(a.tCO2e) })),
  };
}
