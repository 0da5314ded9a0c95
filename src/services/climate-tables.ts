import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmissionFactor } from "../domain/emission-factor.js";
import type { CrfMapping, FactorDefinition, GpcReference, GpcReferenceTable, GwpSet, GwpSetId, InventoryTables } from "../engines/gpc/index.js";
import { referenceIndex, referenceOrder } from "../engines/gpc/index.js";
import type { PathwayReferences } from "../engines/pathway/index.js";
import { DATA_DIR } from "./seed.js";

/** The climate reference tables shipped in data/gpc and data/pathway, parsed once. */
export interface ClimateTables {
  reference: GpcReferenceTable;
  references: Map<string, GpcReference>;
  /** Reference numbers in table order. */
  order: string[];
  gwp: Record<GwpSetId, GwpSet>;
  crf: CrfMapping;
  pathway: PathwayReferences;
}

const cache = new Map<string, ClimateTables>();

function json<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

/** Reads data/gpc/{reference,gwp,crf}.json and data/pathway/references.json (cached per folder). */
export function climateTables(dataDir: string = DATA_DIR): ClimateTables {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const reference = json<GpcReferenceTable>(dataDir, "gpc/reference.json");
  const gwpSets = json<{ sets: GwpSet[] }>(dataDir, "gpc/gwp.json").sets;
  const gwp = Object.fromEntries(gwpSets.map((s) => [s.id, s])) as Record<GwpSetId, GwpSet>;
  if (!gwp.ar5 || !gwp.ar6) throw new Error("data/gpc/gwp.json must define the ar5 and ar6 sets");
  const tables: ClimateTables = {
    reference,
    references: referenceIndex(reference),
    order: referenceOrder(reference),
    gwp,
    crf: json<CrfMapping>(dataDir, "gpc/crf.json"),
    pathway: json<PathwayReferences>(dataDir, "pathway/references.json"),
  };
  cache.set(dataDir, tables);
  return tables;
}

/** What the GPC engine needs to compute an inventory with these factors and this GWP set. */
export function inventoryTables(tables: ClimateTables, factors: Iterable<EmissionFactor | FactorDefinition>, gwp: GwpSetId): InventoryTables {
  const map = new Map<string, FactorDefinition>();
  for (const f of factors) map.set(f.id, { id: f.id, gases: f.gases, ncvTjPerGg: f.ncvTjPerGg ?? null });
  return { references: tables.references, factors: map, gwp: tables.gwp[gwp] };
}
