import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { AuditEntry } from "../../domain/account.js";
import type { DatabaseSchema } from "../schema.js";

export interface AuditRecord {
  at: string;
  actor: string;
  action: AuditEntry["action"];
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actor?: string;
  /** Entries after this sequence number (for paging and export). */
  after?: number;
  limit?: number;
  /** Entries to skip (after `after`, if given), for numbered pages. */
  offset?: number;
  /** Newest first (by sequence number, descending) instead of oldest first. */
  newestFirst?: boolean;
}

/** The append-only audit trail: this class has no update or delete. */
export class AuditRepository {
  /** `instance`: the name this process writes on its audit rows (default host:pid). */
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    readonly instance: string = defaultInstanceName(),
  ) {}

  async append(r: AuditRecord): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entity_id: r.entityId,
        before_json: r.before === undefined || r.before === null ? null : JSON.stringify(r.before),
        after_json: r.after === undefined || r.after === null ? null : JSON.stringify(r.after),
        instance: this.instance,
      })
      .execute();
  }

  /** How many entries match the filters (entity, entity id, actor), over all pages. */
  async count(q: Pick<AuditQuery, "entity" | "entityId" | "actor"> = {}): Promise<number> {
    let query = this.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number | string>().as("n"));
    if (q.entity) query = query.where("entity", "=", q.entity);
    if (q.entityId) query = query.where("entity_id", "=", q.entityId);
    if (q.actor) query = query.where("actor", "=", q.actor);
    const row = await query.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async list(q: AuditQuery = {}): Promise<AuditEntry[]> {
    let query = this.db.selectFrom("audit_log").selectAll();
    if (q.entity) query = query.where("entity", "=", q.entity);
    if (q.entityId) query = query.where("entity_id", "=", q.entityId);
    if (q.actor) query = query.where("actor", "=", q.actor);
    if (q.after !== undefined) query = query.where("seq", q.newestFirst ? "<" : ">", q.after);
    query = query.orderBy("seq", q.newestFirst ? "desc" : "asc").limit(q.limit ?? 1000);
    if (q.offset) query = query.offset(q.offset);
    const rows = await query.execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action as AuditEntry["action"],
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      instance: r.instance,
    }));
  }
}

/** host:pid — unique among the servers and commands writing to one database at a time. */
export function defaultInstanceName(): string {
  return `${hostname()}:${process.pid}`;
}
