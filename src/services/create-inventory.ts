import { randomUUID } from "node:crypto";
import { InventoryRepository } from "../db/repositories/inventory.repository.js";
import type { Inventory, NewInventory } from "../domain/inventory.js";
import type { InventoryView } from "../domain/inventory-result.js";
import { ConflictError, notFound } from "../errors.js";
import { namedParam } from "../problem-codes.js";
import type { AppContext } from "./context.js";
import { computeActivities } from "./inventory-view.js";

/**
 * Starts a city's draft inventory for a year (one per city and year), optionally with activity
 * data; every activity must be computable (valid reference number, units, factor ids).
 */
export async function createInventory(ctx: AppContext, city: string, input: NewInventory, createdBy: string, now = new Date()): Promise<InventoryView> {
  const known = await ctx.cities.get(city);
  if (!known) throw notFound("city", city);
  const existing = await ctx.inventories.findByCityYear(city, input.year);
  if (existing) throw new ConflictError(`${city} already has an inventory for ${input.year} (id ${existing.id})`, { code: "conflict.inventory_exists", params: { ...namedParam("city", city, known.names), year: input.year, id: existing.id } });
  const at = now.toISOString();
  const inventory: Inventory = {
    id: randomUUID(),
    city,
    year: input.year,
    status: "draft",
    gwp: input.gwp,
    population: input.population ?? null,
    populationSource: input.populationSource ?? null,
    notes: input.notes ?? null,
    version: 1,
    activities: input.activities,
    createdBy,
    createdAt: at,
    updatedAt: at,
    finalisedAt: null,
  };
  const computed = await computeActivities(ctx, inventory);
  await ctx.database.db.transaction().execute(async (trx) => {
    await new InventoryRepository(trx).insert(inventory);
  });
  return { inventory, ...computed };
}
