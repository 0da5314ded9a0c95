// Test helpers: the shipped GPC table and GWP sets, and a three-factor library (values from data/factors).
import gwpJson from "../../../data/gpc/gwp.json" with { type: "json" };
import referenceJson from "../../../data/gpc/reference.json" with { type: "json" };
import type { InventoryTables } from "./compute-inventory.js";
import { referenceIndex } from "./reference-index.js";
import type { FactorDefinition, GpcReferenceTable, GwpSet, GwpSetId } from "./types.js";

export const TABLE = referenceJson as unknown as GpcReferenceTable;
export const GWP = Object.fromEntries((gwpJson.sets as unknown as GwpSet[]).map((s) => [s.id, s])) as Record<GwpSetId, GwpSet>;
export const REFS = referenceIndex(TABLE);

export const FACTORS = new Map<string, FactorDefinition>(
  [
    { id: "ipcc2006:natural-gas", gases: [{ gas: "CO2", value: 56100, unit: "kg/TJ" }], ncvTjPerGg: 48.0 },
    { id: "ipcc2006:gas-diesel-oil", gases: [{ gas: "CO2", value: 74100, unit: "kg/TJ" }], ncvTjPerGg: 43.0 },
    { id: "cn-mee:grid:national:2022", gases: [{ gas: "CO2", value: 0.5366, unit: "kg/kWh" }] },
  ].map((f) => [f.id, f as FactorDefinition]),
);

export const tables = (gwp: GwpSetId = "ar5"): InventoryTables => ({ references: REFS, factors: FACTORS, gwp: GWP[gwp] });
