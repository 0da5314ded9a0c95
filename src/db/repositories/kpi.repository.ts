import type { Kysely } from "kysely";
import type { Kpi, KpiValue } from "../../domain/cooperation.js";
import type { DatabaseSchema } from "../schema.js";
import { kpiRow, toKpi } from "./cooperation-rows.js";

/** KPIs of a cooperation's actions and pilots, and their recorded values. */
export class KpiRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(cooperationId: string, actionId?: string): Promise<Kpi[]> {
    let q = this.db.selectFrom("kpis").selectAll().where("cooperation_id", "=", cooperationId);
    if (actionId) q = q.where("action_id", "=", actionId);
    const rows = await q.orderBy("created_at").orderBy("id").execute();
    return rows.map(toKpi);
  }

  async get(id: string): Promise<Kpi | null> {
    const r = await this.db.selectFrom("kpis").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toKpi(r) : null;
  }

  async insert(k: Kpi): Promise<void> {
    await this.db.insertInto("kpis").values(kpiRow(k)).execute();
  }

  /** Replaces a KPI if its stored version is `expectedVersion`; false otherwise. */
  async replace(k: Kpi, expectedVersion: number): Promise<boolean> {
    const { id: _id, cooperation_id: _c, created_by: _by, created_at: _at, ...rest } = kpiRow(k);
    const r = await this.db
      .updateTable("kpis")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", k.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("kpis").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** The KPI's values, oldest first. */
  async values(kpiId: string): Promise<KpiValue[]> {
    const rows = await this.db.selectFrom("kpi_values").selectAll().where("kpi_id", "=", kpiId).orderBy("on_date").execute();
    return rows.map((r) => ({ date: r.on_date, value: Number(r.value), note: r.note, recordedBy: r.recorded_by, recordedAt: r.recorded_at }));
  }

  /** Records a value; a second value on the same date replaces the first (a correction). */
  async recordValue(kpiId: string, v: KpiValue): Promise<void> {
    await this.db
      .insertInto("kpi_values")
      .values({ kpi_id: kpiId, on_date: v.date, value: v.value, note: v.note, recorded_by: v.recordedBy, recorded_at: v.recordedAt })
      .onConflict((oc) =>
        oc.columns(["kpi_id", "on_date"]).doUpdateSet({ value: v.value, note: v.note, recorded_by: v.recordedBy, recorded_at: v.recordedAt }),
      )
      .execute();
  }
}
