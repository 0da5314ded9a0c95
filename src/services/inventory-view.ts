import type { ActivityInput, Inventory } from "../domain/inventory.js";
import type { InventorySummary, InventoryView } from "../domain/inventory-result.js";
import { completeness, computeInventory, coverageOf, type Completeness, type InventoryResult } from "../engines/gpc/index.js";
import { notFound } from "../errors.js";
import { climateTables, inventoryTables } from "./climate-tables.js";
import type { AppContext } from "./context.js";

/**
 * Computes activities with the factor library in the database: the result and the
 * completeness view. Invalid activities raise InvalidInputError naming `activities[i].field`.
 */
export async function computeActivities(
  ctx: AppContext,
  p: { activities: ActivityInput[]; population: number | null; gwp: Inventory["gwp"] },
): Promise<{ result: InventoryResult; completeness: Completeness }> {
  const tables = climateTables();
  const result = computeInventory({ activities: p.activities, population: p.population }, inventoryTables(tables, await ctx.emissionFactors.all(), p.gwp));
  return { result, completeness: completeness(tables.order, tables.references, coverageOf(result.activities)) };
}

/** An inventory with its totals and completeness, or NotFoundError. */
export async function inventoryView(ctx: AppContext, id: string): Promise<InventoryView> {
  const inventory = await ctx.inventories.get(id);
  if (!inventory) throw notFound("inventory", id);
  return { inventory, ...(await computeActivities(ctx, inventory)) };
}

/** A city's inventories, most recent first, each with its BASIC and BASIC+ totals. */
export async function cityInventories(ctx: AppContext, city: string): Promise<InventorySummary[]> {
  if (!(await ctx.cities.get(city))) throw notFound("city", city);
  const out: InventorySummary[] = [];
  for (const h of await ctx.inventories.listForCity(city)) {
    const { result, completeness: c } = await computeActivities(ctx, { ...h, activities: await ctx.inventories.activities(h.id) });
    out.push({ ...h, total: { basic: result.total.basic, basicPlus: result.total.basicPlus }, basicComplete: c.basicComplete });
  }
  return out;
}
