/** Typed client for the climate endpoints of `/api/v1`: factors, inventories, targets, actions, pathways. */
import { type Bilingual, request } from "../api";

export type Gas = "CO2" | "CH4" | "N2O";
export type NotationKey = "NO" | "IE" | "NE" | "C";
export type GwpSetId = "ar5" | "ar6";
export interface GasValue { gas: Gas; value: number; unit: string }

export interface Activity {
  gpc: string; description?: string; amount?: number; unit?: string; factor?: string;
  factors?: GasValue[]; emissions?: GasValue[]; notationKey?: NotationKey; ch4Origin?: "fossil" | "non-fossil";
  density?: { value: number; unit: string }; calorificValue?: { value: number; unit: string }; source?: string;
}

export interface Inventory {
  id: string; city: string; year: number; status: "draft" | "final"; gwp: GwpSetId;
  population: number | null; populationSource: string | null; notes: string | null; version: number;
  activities: Activity[]; createdBy: string; createdAt: string; updatedAt: string; finalisedAt: string | null;
}

type ByScope = Record<"1" | "2" | "3", number>;
export interface InventoryResult {
  gwp: GwpSetId;
  gwpValues: { CO2: number; CH4: { fossil: number; "non-fossil": number }; N2O: number };
  total: { basic: number; basicPlus: number; all: number };
  bySector: Record<string, number>; bySubsector: Record<string, number>; byScope: ByScope; byGas: Record<Gas, number>;
  byGasCO2e: Record<Gas, number>; bySectorScope: Record<string, ByScope>;
  perCapita: { basic: number | null; basicPlus: number | null };
  notationKeys: Record<string, NotationKey[]>;
  activities: { index: number; ref: string; scope: number; tCO2e: number; gases: Record<Gas, number>; notationKey: NotationKey | null }[];
}

export interface CompletenessRow { ref: string; sector: string; subsector: string; scope: number; basic: boolean; basicPlus: boolean; status: "data" | "notation-key" | "missing"; notationKeys: NotationKey[] }
export interface InventoryView {
  inventory: Inventory; result: InventoryResult;
  completeness: { rows: CompletenessRow[]; missingBasic: string[]; missingBasicPlus: string[]; basicComplete: boolean; basicPlusComplete: boolean };
}
export type InventorySummary = Omit<Inventory, "activities"> & { total: { basic: number; basicPlus: number }; basicComplete: boolean };

/** One GPC reference number as the GPC writes it; `aliases` are other accepted spellings (IV.1.1 for IV.1). */
export interface GpcReferenceRow { ref: string; aliases?: string[]; scope: 1 | 2 | 3; basic: boolean; basicPlus: boolean; names: Bilingual }
export interface GpcTables {
  reference: {
    sectors: { id: string; names: Bilingual; subsectors: { id: string; names: Bilingual; references: GpcReferenceRow[] }[] }[];
    notationKeys: { key: NotationKey; names: Bilingual; description: Bilingual }[];
    scopes: { id: number; names: Bilingual }[];
    source: string;
  };
  gwp: { id: GwpSetId; names: Bilingual; source: string }[];
}

export interface EmissionFactor { id: string; names: { en: string; zh: string | null }; kind: string; gases: GasValue[]; source: string; year: number | null; region: string | null }

export interface CrfRow { sector: string; sectorNames: Bilingual; row: string; names: Bilingual; refs: string[]; scope1: number | null; scope2: number | null; scope3: number | null; total: number; notationKeys: string[]; note: string | null }

export type TargetType = "base-year" | "fixed-level" | "baseline-scenario" | "intensity";
export interface Bau { populationGrowthPct: number; gdpPerCapitaGrowthPct: number; intensityChangePct: number }
export interface TargetInput {
  type: TargetType; names?: { en: string; zh?: string | null }; baseYear: number; baseEmissions: number; targetYear: number;
  reductionPct?: number | null; targetLevel?: number | null; basePopulation?: number | null; netZeroYear?: number | null;
  method: "linear" | "constant-rate"; bau?: Bau | null; budget?: { tCO2e: number; source: string } | null; source?: string | null;
}
export interface Target extends TargetInput { id: string; city: string; version: number; names?: { en: string; zh?: string | null }; sectors: string[]; gases: string[] }
export interface ClimateAction { id: string; names: { en: string; zh: string | null }; sector: string | null; startYear: number; fullYear: number; reductionTCO2e: number; source: string | null }
export interface ActionInput { names: { en: string; zh?: string | null }; sector?: string | null; startYear: number; fullYear: number; reductionTCO2e: number; source?: string | null }

export interface YearValue { year: number; tCO2e: number }
export interface ReferenceLine { id: string; names: Bilingual; source: string; series: YearValue[]; available: boolean; reason: string | null }
export interface BudgetCheck { cumulative: number; budget: number; remaining: number; exceededIn: number | null }
export interface PathwayView {
  city: string; target: Target; targetEmissions: number;
  history: { indicator: string; unit: string; source: string; points: YearValue[] }[];
  trajectory: YearValue[]; bau: YearValue[]; wedges: { action: ClimateAction; series: YearValue[] }[]; planned: YearValue[]; gap: YearValue[];
  referenceLines: ReferenceLine[];
  ndc: { id: string; names: Bilingual; source: string; checks: { commitment: { kind: string; year?: number; baseYear?: number; reductionPct?: number }; status: "meets" | "falls-short" | "not-comparable"; detail: string }[] } | null;
  cumulative: { trajectory: number; planned: number };
  budget: { source: string; trajectory: BudgetCheck; planned: BudgetCheck } | null;
}

const city = (slug: string) => `/api/v1/cities/${encodeURIComponent(slug)}`;

export const climateApi = {
  gpc: (signal?: AbortSignal) => request<GpcTables>("GET", "/api/v1/gpc", undefined, signal),
  factors: (q: string, signal?: AbortSignal) => request<{ items: EmissionFactor[] }>("GET", `/api/v1/emission-factors?limit=30${q ? `&q=${encodeURIComponent(q)}` : ""}`, undefined, signal),
  inventories: (slug: string, signal?: AbortSignal) => request<{ items: InventorySummary[] }>("GET", `${city(slug)}/inventories`, undefined, signal),
  inventory: (id: string, signal?: AbortSignal) => request<InventoryView>("GET", `/api/v1/inventories/${id}`, undefined, signal),
  createInventory: (slug: string, body: { year: number; gwp: GwpSetId; population?: number | null; populationSource?: string | null }) =>
    request<InventoryView>("POST", `${city(slug)}/inventories`, body),
  updateInventory: (id: string, body: { version: number; gwp?: GwpSetId; population?: number | null; populationSource?: string | null; activities?: Activity[] }) =>
    request<InventoryView>("PUT", `/api/v1/inventories/${id}`, body),
  finalise: (id: string, version: number) => request<InventoryView>("POST", `/api/v1/inventories/${id}/finalise`, { version }),
  reopen: (id: string, version: number) => request<InventoryView>("POST", `/api/v1/inventories/${id}/reopen`, { version }),
  importCsv: (id: string, version: number, file: Blob) => request<InventoryView>("POST", `/api/v1/inventories/${id}/import?version=${version}`, file, undefined, "text/csv"),
  crf: (id: string, signal?: AbortSignal) => request<{ gwp: string; rows: CrfRow[]; total: { basic: number; basicPlus: number } }>("GET", `/api/v1/inventories/${id}/crf`, undefined, signal),
  exportUrl: (id: string, format: "csv" | "json" | "crf") => `/api/v1/inventories/${id}/export?format=${format}`,
  targets: (slug: string, signal?: AbortSignal) => request<{ items: Target[] }>("GET", `${city(slug)}/targets`, undefined, signal),
  createTarget: (slug: string, body: TargetInput) => request<Target>("POST", `${city(slug)}/targets`, body),
  deleteTarget: (id: string) => request<void>("DELETE", `/api/v1/targets/${id}`),
  actions: (slug: string, signal?: AbortSignal) => request<{ items: ClimateAction[] }>("GET", `${city(slug)}/actions`, undefined, signal),
  createAction: (slug: string, body: ActionInput) => request<ClimateAction>("POST", `${city(slug)}/actions`, body),
  deleteAction: (id: string) => request<void>("DELETE", `/api/v1/climate-actions/${encodeURIComponent(id)}`),
  pathway: (slug: string, target: string, signal?: AbortSignal) => request<PathwayView>("GET", `${city(slug)}/pathway?target=${target}`, undefined, signal),
};
