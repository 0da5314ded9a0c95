import { type Kysely, sql } from "kysely";
import type { ActionPlan, Cooperation, CooperationStatus, CooperationTransition, MemberRole } from "../../domain/cooperation.js";
import type { DatabaseSchema } from "../schema.js";
import { CooperationActionRepository } from "./cooperation-action.repository.js";
import { actionPlanRow, toActionPlan } from "./cooperation-rows.js";
import { KpiRepository } from "./kpi.repository.js";

/** A stored cooperation; the service adds `allowedTransitions` (from the status engine). */
export type CooperationRecord = Omit<Cooperation, "allowedTransitions">;

export interface CooperationFilter {
  programme?: string;
  city?: string;
  status?: CooperationStatus;
}

/** What a create or update writes: the cooperation row and its members. */
export interface CooperationWrite {
  id: string;
  programmeId: string | null;
  names: { en: string; zh: string | null };
  themes: string[];
  startDate: string | null;
  endDate: string | null;
  status: CooperationStatus;
  origin: Cooperation["origin"];
  sourceIds: string[];
  members: { slug: string; role: MemberRole; side: "a" | "b" | null; joinedOn?: string | null }[];
}

/** A status change as stored, with who recorded it. */
export interface TransitionWrite extends CooperationTransition {
  recordedBy: string;
  recordedAt: string;
}

/** Cooperations (pairs or clusters) with their members, dated status changes and action plan. */
export class CooperationRepository {
  readonly actions: CooperationActionRepository;
  readonly kpis: KpiRepository;

  constructor(private readonly db: Kysely<DatabaseSchema>) {
    this.actions = new CooperationActionRepository(db);
    this.kpis = new KpiRepository(db);
  }

  /** The cooperations matching `f`, by English name (ties by id); `page` reads one page of that order in the query. */
  async list(f: CooperationFilter = {}, page?: { limit: number; offset: number }): Promise<CooperationRecord[]> {
    let q = this.matching(f).select("id").orderBy("name_en").orderBy("id");
    if (page) q = q.limit(page.limit).offset(page.offset);
    return this.load((await q.execute()).map((r) => r.id));
  }

  /** How many cooperations match `f`. */
  async count(f: CooperationFilter = {}): Promise<number> {
    const r = await this.matching(f).select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  private matching(f: CooperationFilter) {
    let q = this.db.selectFrom("cooperations");
    if (f.programme) q = q.where("programme_id", "=", f.programme);
    if (f.status) q = q.where("status", "=", f.status);
    if (f.city) {
      const city = f.city;
      q = q.where("id", "in", (eb) => eb.selectFrom("cooperation_members").select("cooperation_id").where("city_slug", "=", city));
    }
    return q;
  }

  async get(id: string): Promise<CooperationRecord | null> {
    return (await this.load([id]))[0] ?? null;
  }

  /** Reads full cooperations in the order of `ids` (members with city names and places, transitions, sources). */
  private async load(ids: string[]): Promise<CooperationRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom("cooperations").selectAll().where("id", "in", ids).execute();
    const members = await this.db
      .selectFrom("cooperation_members as m")
      .innerJoin("cities as c", "c.slug", "m.city_slug")
      .select(["m.cooperation_id", "m.city_slug", "m.role", "m.side", "c.name_en", "c.name_zh", "c.country", "c.lat", "c.lon"])
      .where("m.cooperation_id", "in", ids)
      .orderBy("m.cooperation_id")
      .orderBy(sql`case m.role when 'lead' then 0 else 1 end`)
      .orderBy("m.side")
      .orderBy("m.city_slug")
      .execute();
    const transitions = await this.db
      .selectFrom("cooperation_transitions")
      .selectAll()
      .where("cooperation_id", "in", ids)
      .orderBy("cooperation_id")
      .orderBy("position")
      .execute();
    const sourceIds = [...new Set(rows.flatMap((r) => JSON.parse(r.source_ids_json) as string[]))];
    const sources = sourceIds.length
      ? await this.db.selectFrom("sources").select(["id", "citation", "url"]).where("id", "in", sourceIds).execute()
      : [];
    const programmeIds = [...new Set(rows.flatMap((r) => (r.programme_id ? [r.programme_id] : [])))];
    const programmes = programmeIds.length
      ? await this.db.selectFrom("programmes").select(["id", "name_en", "name_zh"]).where("id", "in", programmeIds).execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const membersOf = groupBy(members, (m) => m.cooperation_id);
    const transitionsOf = groupBy(transitions, (t) => t.cooperation_id);
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const own = JSON.parse(r.source_ids_json) as string[];
      return [
        {
          id: r.id,
          programmeId: r.programme_id,
          programmeNames: ((p) => (p ? { en: p.name_en, zh: p.name_zh } : null))(programmes.find((p) => p.id === r.programme_id)),
          names: { en: r.name_en, zh: r.name_zh },
          themes: JSON.parse(r.themes_json) as string[],
          startDate: r.start_date,
          endDate: r.end_date,
          status: r.status as CooperationStatus,
          origin: r.origin as Cooperation["origin"],
          members: (membersOf.get(id) ?? []).map((m) => ({
            slug: m.city_slug,
            names: { en: m.name_en, zh: m.name_zh },
            country: m.country,
            lat: Number(m.lat),
            lon: Number(m.lon),
            role: m.role as MemberRole,
            side: m.side as "a" | "b" | null,
          })),
          transitions: (transitionsOf.get(id) ?? []).map((t) => ({ from: t.from_status as CooperationStatus | null, to: t.to_status as CooperationStatus, date: t.on_date, note: t.note })),
          sources: own.flatMap((s) => sources.filter((x) => x.id === s)),
          version: Number(r.version),
        },
      ];
    });
  }

  /** Creates a cooperation with its members and its first status as a transition from nothing. */
  async insert(c: CooperationWrite, first: TransitionWrite, createdBy: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cooperations")
        .values({
          id: c.id,
          programme_id: c.programmeId,
          name_en: c.names.en,
          name_zh: c.names.zh,
          themes_json: JSON.stringify(c.themes),
          start_date: c.startDate,
          end_date: c.endDate,
          status: c.status,
          origin: c.origin,
          source_ids_json: JSON.stringify(c.sourceIds),
          version: 1,
          created_by: createdBy,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto("cooperation_members").values(c.members.map((m) => memberRow(c.id, m))).execute();
      await trx.insertInto("cooperation_transitions").values(transitionRow(c.id, 0, first)).execute();
    });
  }

  /** Replaces names, themes, dates and members if the stored version is `expectedVersion`; false otherwise. */
  async update(c: CooperationWrite, expectedVersion: number, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("cooperations")
        .set({
          name_en: c.names.en,
          name_zh: c.names.zh,
          themes_json: JSON.stringify(c.themes),
          start_date: c.startDate,
          end_date: c.endDate,
          version: expectedVersion + 1,
          updated_at: now,
        })
        .where("id", "=", c.id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx.deleteFrom("cooperation_members").where("cooperation_id", "=", c.id).execute();
      await trx.insertInto("cooperation_members").values(c.members.map((m) => memberRow(c.id, m))).execute();
      return true;
    });
  }

  /** Moves the status and appends the dated transition, if the stored version is `expectedVersion`. */
  async transition(id: string, t: TransitionWrite, expectedVersion: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("cooperations")
        .set({ status: t.to, version: expectedVersion + 1, updated_at: t.recordedAt })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      const n = await trx
        .selectFrom("cooperation_transitions")
        .select(sql<number>`cast(count(*) as integer)`.as("n"))
        .where("cooperation_id", "=", id)
        .executeTakeFirstOrThrow();
      await trx.insertInto("cooperation_transitions").values(transitionRow(id, Number(n.n), t)).execute();
      return true;
    });
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("cooperations").where("id", "=", id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async getPlan(cooperationId: string): Promise<ActionPlan | null> {
    const r = await this.db.selectFrom("action_plans").selectAll().where("cooperation_id", "=", cooperationId).executeTakeFirst();
    return r ? toActionPlan(r) : null;
  }

  /** Writes the plan as version `expectedVersion + 1` (0: it must not exist yet); false if someone saved first. */
  async savePlan(p: ActionPlan, expectedVersion: number, updatedBy: string, now: string): Promise<boolean> {
    const row = actionPlanRow({ ...p, version: expectedVersion + 1 }, updatedBy, now);
    if (expectedVersion === 0) {
      const r = await this.db.insertInto("action_plans").values(row).onConflict((oc) => oc.column("cooperation_id").doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const { cooperation_id: _id, ...rest } = row;
    const r = await this.db
      .updateTable("action_plans")
      .set(rest)
      .where("cooperation_id", "=", p.cooperationId)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Which of `ids` exist in `table` (cities by slug; organisations, practices, pilots, programmes by id). */
  async existing(table: "organisations" | "practices" | "pilots" | "programmes", ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom(table).select("id").where("id", "in", ids).execute();
    return new Set(rows.map((r) => r.id));
  }
}

function memberRow(cooperationId: string, m: CooperationWrite["members"][number]) {
  return { cooperation_id: cooperationId, city_slug: m.slug, role: m.role, side: m.side, joined_on: m.joinedOn ?? null };
}

function transitionRow(cooperationId: string, position: number, t: TransitionWrite) {
  return {
    cooperation_id: cooperationId,
    position,
    from_status: t.from,
    to_status: t.to,
    on_date: t.date,
    note: t.note,
    recorded_by: t.recordedBy,
    recorded_at: t.recordedAt,
  };
}

/** Rows grouped by a key, each group in the rows' order (one pass, not one filter per cooperation). */
function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
