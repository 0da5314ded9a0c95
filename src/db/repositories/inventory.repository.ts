import type { Kysely } from "kysely";
import { ActivitySchema, type ActivityInput, type Inventory } from "../../domain/inventory.js";
import type { DatabaseSchema, InventoriesTable } from "../schema.js";

/** An inventory without its activity lines. */
export type InventoryHeader = Omit<Inventory, "activities">;

/** Fields an update may change. */
export type InventoryChanges = Partial<Pick<Inventory, "gwp" | "population" | "populationSource" | "notes" | "status" | "finalisedAt">>;

function toHeader(r: InventoriesTable): InventoryHeader {
  return {
    id: r.id,
    city: r.city_slug,
    year: Number(r.year),
    status: r.status as Inventory["status"],
    gwp: r.gwp as Inventory["gwp"],
    population: r.population,
    populationSource: r.population_source,
    notes: r.notes,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finalisedAt: r.finalised_at,
  };
}

/** GPC inventories and their activity lines. */
export class InventoryRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** A city's inventories, most recent year first. */
  async listForCity(city: string): Promise<InventoryHeader[]> {
    const rows = await this.db.selectFrom("inventories").selectAll().where("city_slug", "=", city).orderBy("year", "desc").execute();
    return rows.map(toHeader);
  }

  async header(id: string): Promise<InventoryHeader | null> {
    const r = await this.db.selectFrom("inventories").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toHeader(r) : null;
  }

  async get(id: string): Promise<Inventory | null> {
    const h = await this.header(id);
    return h ? { ...h, activities: await this.activities(id) } : null;
  }

  async findByCityYear(city: string, year: number): Promise<InventoryHeader | null> {
    const r = await this.db.selectFrom("inventories").selectAll().where("city_slug", "=", city).where("year", "=", year).executeTakeFirst();
    return r ? toHeader(r) : null;
  }

  async activities(id: string): Promise<ActivityInput[]> {
    const rows = await this.db.selectFrom("inventory_activities").select("activity_json").where("inventory_id", "=", id).orderBy("position").execute();
    return rows.map((r) => ActivitySchema.parse(JSON.parse(r.activity_json)));
  }

  async insert(inv: Inventory): Promise<void> {
    await this.db
      .insertInto("inventories")
      .values({
        id: inv.id,
        city_slug: inv.city,
        year: inv.year,
        status: inv.status,
        gwp: inv.gwp,
        population: inv.population,
        population_source: inv.populationSource,
        notes: inv.notes,
        version: inv.version,
        created_by: inv.createdBy,
        created_at: inv.createdAt,
        updated_at: inv.updatedAt,
        finalised_at: inv.finalisedAt,
      })
      .execute();
    await this.replaceActivities(inv.id, inv.activities);
  }

  /**
   * Applies changes only if the stored version is `expectedVersion`, and bumps it: the
   * optimistic lock. Returns false when someone else changed the inventory first.
   */
  async update(id: string, expectedVersion: number, changes: InventoryChanges, now: string): Promise<boolean> {
    const set: Partial<InventoriesTable> = { updated_at: now };
    if (changes.gwp !== undefined) set.gwp = changes.gwp;
    if (changes.population !== undefined) set.population = changes.population;
    if (changes.populationSource !== undefined) set.population_source = changes.populationSource;
    if (changes.notes !== undefined) set.notes = changes.notes;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.finalisedAt !== undefined) set.finalised_at = changes.finalisedAt;
    const r = await this.db
      .updateTable("inventories")
      .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replaceActivities(id: string, activities: ActivityInput[]): Promise<void> {
    await this.db.deleteFrom("inventory_activities").where("inventory_id", "=", id).execute();
    for (let i = 0; i < activities.length; i += 500) {
      const rows = activities.slice(i, i + 500).map((a, n) => ({ inventory_id: id, position: i + n, gpc: a.gpc, activity_json: JSON.stringify(a) }));
      await this.db.insertInto("inventory_activities").values(rows).execute();
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom("inventories").where("id", "=", id).execute();
  }

  /** Removes the observations an inventory wrote when it was finalised (they cite its source id). */
  async removeObservations(sourceId: string): Promise<void> {
    await this.db.deleteFrom("observations").where("source_id", "=", sourceId).execute();
  }
}
