import type { InventoryView } from "../domain/inventory-result.js";
import { type CrfRow, crfTable } from "../engines/gpc/index.js";
import { climateTables } from "./climate-tables.js";
import type { AppContext } from "./context.js";
import { toCsv } from "./csv-output.js";
import { inventoryView } from "./inventory-view.js";

export type InventoryExportFormat = "csv" | "json" | "crf";

/** The inventory in the layout of the GCoM Common Reporting Framework's emissions table. */
export function crfRows(view: InventoryView): CrfRow[] {
  return crfTable(view.result.byReference, view.result.notationKeys, climateTables().crf);
}

const csv = (rows: unknown[][]) => toCsv(rows);

/** One line per activity with what it emits: tonnes of each gas and tCO2e under the inventory's GWP set. */
function activitiesCsv(v: InventoryView): string {
  const { inventory: inv, result } = v;
  const head = ["city", "year", "gwp", "gpc", "scope", "description", "amount", "unit", "factor", "factors", "notation_key", "co2_t", "ch4_t", "n2o_t", "tco2e", "source"];
  const rows = inv.activities.map((a, i) => {
    const r = result.activities[i]!;
    const factors = [...(a.factors ?? []), ...(a.emissions ?? [])].map((f) => `${f.gas} ${f.value} ${f.unit}`).join("; ");
    return [inv.city, inv.year, inv.gwp, r.ref, r.scope, a.description ?? "", a.amount ?? "", a.unit ?? "", a.factor ?? "", factors, a.notationKey ?? "", r.gases.CO2, r.gases.CH4, r.gases.N2O, r.tCO2e, a.source ?? ""];
  });
  return csv([head, ...rows]);
}

function crfCsv(v: InventoryView): string {
  const head = ["sector", "subsector", "gpc_refs", "scope1_tco2e", "scope2_tco2e", "scope3_tco2e", "total_tco2e", "notation_keys", "note"];
  const rows = crfRows(v).map((r) => [r.sectorNames.en, r.names.en, r.refs.join(" "), r.scope1 ?? "", r.scope2 ?? "", r.scope3 ?? "", r.total, r.notationKeys.join(" "), r.note ?? ""]);
  const t = v.result.total;
  const foot = [
    ["Total BASIC", "", "", "", "", "", t.basic, "", `GWP ${v.inventory.gwp.toUpperCase()}`],
    ["Total BASIC+", "", "", "", "", "", t.basicPlus, "", ""],
  ];
  return csv([head, ...rows, ...foot]);
}

/**
 * An inventory as a file: `csv` (one line per activity with its emissions), `json` (the
 * inventory, its result and completeness) or `crf` (the GCoM CRF emissions table as CSV).
 */
export async function exportInventory(ctx: AppContext, id: string, format: InventoryExportFormat): Promise<{ body: string; type: string; filename: string }> {
  const v = await inventoryView(ctx, id);
  const name = `inventory-${v.inventory.city}-${v.inventory.year}`;
  if (format === "json") return { body: `${JSON.stringify(v, null, 2)}\n`, type: "application/json; charset=utf-8", filename: `${name}.json` };
  if (format === "crf") return { body: crfCsv(v), type: "text/csv; charset=utf-8", filename: `${name}-crf.csv` };
  return { body: activitiesCsv(v), type: "text/csv; charset=utf-8", filename: `${name}.csv` };
}
