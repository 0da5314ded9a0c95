import { InventoryRepository } from "../db/repositories/inventory.repository.js";
import type { InventoryUpdate } from "../domain/inventory.js";
import type { InventoryView } from "../domain/inventory-result.js";
import { ConflictError } from "../errors.js";
import type { AppContext } from "./context.js";
import { computeActivities, inventoryView } from "./inventory-view.js";
import { VersionConflictError } from "./version-conflict.js";

/**
 * Changes a draft inventory: its GWP set, population, notes and (replacing the list) its
 * activities. The update names the version it was based on; if the inventory has changed since,
 * nothing is written and VersionConflictError carries the current inventory. Final inventories
 * must be reopened first.
 */
export async function updateInventory(ctx: AppContext, id: string, update: InventoryUpdate, now = new Date()): Promise<InventoryView> {
  const current = await inventoryView(ctx, id);
  const inv = current.inventory;
  if (inv.version !== update.version) {
    throw new VersionConflictError(`inventory ${id} is at version ${inv.version}, not ${update.version}: it was changed by someone else`, current);
  }
  if (inv.status === "final") throw new ConflictError(`inventory ${id} is final; reopen it to change it`, { code: "conflict.inventory_final", params: { id } });
  const next = {
    ...inv,
    gwp: update.gwp ?? inv.gwp,
    population: update.population === undefined ? inv.population : update.population,
    populationSource: update.populationSource === undefined ? inv.populationSource : update.populationSource,
    notes: update.notes === undefined ? inv.notes : update.notes,
    activities: update.activities ?? inv.activities,
  };
  await computeActivities(ctx, next); // validates the activities before anything is written
  const ok = await ctx.database.db.transaction().execute(async (trx) => {
    const repo = new InventoryRepository(trx);
    const changed = await repo.update(id, update.version, next, now.toISOString());
    if (changed && update.activities) await repo.replaceActivities(id, update.activities);
    return changed;
  });
  if (!ok) {
    const latest = await inventoryView(ctx, id);
    throw new VersionConflictError(`inventory ${id} is at version ${latest.inventory.version}, not ${update.version}: it was changed by someone else`, latest);
  }
  return inventoryView(ctx, id);
}
