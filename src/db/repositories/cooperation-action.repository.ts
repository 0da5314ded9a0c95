import type { Kysely } from "kysely";
import type { CooperationAction } from "../../domain/cooperation.js";
import type { DatabaseSchema } from "../schema.js";
import { actionRow, toAction } from "./cooperation-rows.js";

/** Actions of a cooperation's action plan (UCAP). */
export class CooperationActionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(cooperationId: string): Promise<CooperationAction[]> {
    const rows = await this.db
      .selectFrom("actions")
      .selectAll()
      .where("cooperation_id", "=", cooperationId)
      .orderBy("start_date")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toAction);
  }

  async get(id: string): Promise<CooperationAction | null> {
    const r = await this.db.selectFrom("actions").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toAction(r) : null;
  }

  async insert(a: CooperationAction): Promise<void> {
    await this.db.insertInto("actions").values(actionRow(a)).execute();
  }

  /** Replaces an action if its stored version is `expectedVersion`; false otherwise. */
  async replace(a: CooperationAction, expectedVersion: number): Promise<boolean> {
    const { id: _id, cooperation_id: _c, created_by: _by, created_at: _at, ...rest } = actionRow(a);
    const r = await this.db
      .updateTable("actions")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", a.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("actions").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
