import { ObservationRepository, SourceRepository } from "../db/index.js";
import { InventoryRepository } from "../db/repositories/inventory.repository.js";
import type { InventoryView } from "../domain/inventory-result.js";
import type { ObservationInput } from "../db/index.js";
import { ConflictError, InvalidInputError, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { inventoryView } from "./inventory-view.js";
import { VersionConflictError } from "./version-conflict.js";

/** The source id a finalised inventory's observations cite. */
export function inventorySourceId(city: string, year: number): string {
  return `inventory-${city}-${year}`.slice(0, 120);
}

async function current(ctx: AppContext, id: string, version: number): Promise<InventoryView> {
  const view = await inventoryView(ctx, id);
  if (view.inventory.version !== version) {
    throw new VersionConflictError(`inventory ${id} is at version ${view.inventory.version}, not ${version}: it was changed by someone else`, view);
  }
  return view;
}

/**
 * Finalises a draft inventory: every BASIC reference number must have data or a notation key,
 * and a population must be given. The BASIC total becomes the city's `ghg.total` and, divided by
 * the population, `ghg.per_capita` for the inventory's year, citing the inventory as the source.
 */
export async function finaliseInventory(ctx: AppContext, id: string, version: number, by: string, now = new Date()): Promise<InventoryView> {
  const view = await current(ctx, id, version);
  const inv = view.inventory;
  if (inv.status === "final") throw new ConflictError(`inventory ${id} is already final`, { code: "conflict.inventory_already_final", params: { id } });
  const problems: Problem[] = view.completeness.missingBasic.map((ref) => ({
    column: "activities",
    value: ref,
    message: "is a BASIC source with neither data nor a notation key (NO, IE, NE or C)",
  }));
  if (inv.population === null) problems.push({ column: "population", message: "is required to finalise (for emissions per person)" });
  if (problems.length > 0) throw new InvalidInputError(`the inventory cannot be finalised: ${problems.length} problem${problems.length === 1 ? "" : "s"}`, problems, undefined, { code: "inventory.cannot_finalise", params: { count: problems.length } });

  const city = (await ctx.cities.get(inv.city))!;
  const at = now.toISOString();
  const sourceId = inventorySourceId(inv.city, inv.year);
  const { total, perCapita, gwp } = view.result;
  const note = `GPC BASIC total, GWP ${gwp.toUpperCase()}; BASIC+ ${total.basicPlus} tCO2e; inventory ${id} version ${version + 1}`;
  const obs = (indicator: string, value: number): ObservationInput => ({
    city: inv.city,
    indicator,
    period: String(inv.year),
    value,
    source: sourceId,
    note,
    importedBy: by,
    importedAt: at,
  });
  const ok = await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await new InventoryRepository(trx).update(id, version, { status: "final", finalisedAt: at }, at))) return false;
    await new SourceRepository(trx).upsertMany(
      [
        {
          id: sourceId,
          citation: `GPC inventory of ${city.names.en} for ${inv.year} (citybridge, final, GWP ${gwp.toUpperCase()}), BASIC total`,
          url: `/api/v1/inventories/${id}`,
          licence: null,
        },
      ],
      at,
    );
    await new ObservationRepository(trx).upsert([obs("ghg.total", total.basic), obs("ghg.per_capita", perCapita.basic!)]);
    return true;
  });
  if (!ok) return current(ctx, id, version); // raises the conflict with the newer version
  return inventoryView(ctx, id);
}

/** Returns a final inventory to draft and withdraws the observations it wrote. */
export async function reopenInventory(ctx: AppContext, id: string, version: number, now = new Date()): Promise<InventoryView> {
  const view = await current(ctx, id, version);
  if (view.inventory.status === "draft") throw new ConflictError(`inventory ${id} is already a draft`, { code: "conflict.inventory_already_draft", params: { id } });
  const at = now.toISOString();
  const ok = await ctx.database.db.transaction().execute(async (trx) => {
    const repo = new InventoryRepository(trx);
    if (!(await repo.update(id, version, { status: "draft", finalisedAt: null }, at))) return false;
    await repo.removeObservations(inventorySourceId(view.inventory.city, view.inventory.year));
    return true;
  });
  if (!ok) return current(ctx, id, version);
  return inventoryView(ctx, id);
}

/** Deletes a draft inventory. */
export async function deleteInventory(ctx: AppContext, id: string): Promise<void> {
  const view = await inventoryView(ctx, id);
  if (view.inventory.status === "final") throw new ConflictError(`inventory ${id} is final; reopen it before deleting it`, { code: "conflict.inventory_final", params: { id } });
  await ctx.inventories.delete(id);
}
