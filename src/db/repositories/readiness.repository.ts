import type { Kysely } from "kysely";
import type { Assessment } from "../../domain/readiness.js";
import type { DatabaseSchema, ReadinessAssessmentsTable } from "../schema.js";

function toAssessment(r: ReadinessAssessmentsTable): Assessment {
  return {
    id: r.id,
    pilot: r.pilot_id,
    action: r.action_id,
    title: r.title,
    scores: JSON.parse(r.scores_json) as Assessment["scores"],
    role: r.city_role as Assessment["role"],
    roleNote: r.role_note,
    partners: JSON.parse(r.partners_json) as Assessment["partners"],
    tensions: JSON.parse(r.tensions_json) as Assessment["tensions"],
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(a: Assessment): ReadinessAssessmentsTable {
  return {
    id: a.id,
    pilot_id: a.pilot,
    action_id: a.action,
    title: a.title,
    scores_json: JSON.stringify(a.scores),
    city_role: a.role,
    role_note: a.roleNote,
    partners_json: JSON.stringify(a.partners),
    tensions_json: JSON.stringify(a.tensions),
    version: a.version,
    created_by: a.createdBy,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

/** Innovation readiness self-assessments of pilots and actions. */
export class ReadinessRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async get(id: string): Promise<Assessment | null> {
    const r = await this.db.selectFrom("readiness_assessments").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toAssessment(r) : null;
  }

  /**
   * Assessments, newest first: of one pilot or action, or — with `cooperation` — of every pilot and
   * action of that cooperation in one query (the cooperation page's readiness links).
   */
  async list(filter: { pilot?: string; action?: string; cooperation?: string } = {}): Promise<Assessment[]> {
    let q = this.db.selectFrom("readiness_assessments").selectAll();
    if (filter.pilot) q = q.where("pilot_id", "=", filter.pilot);
    if (filter.action) q = q.where("action_id", "=", filter.action);
    if (filter.cooperation) {
      const id = filter.cooperation;
      q = q.where((eb) =>
        eb.or([
          eb("pilot_id", "in", eb.selectFrom("pilots").select("id").where("cooperation_id", "=", id)),
          eb("action_id", "in", eb.selectFrom("actions").select("id").where("cooperation_id", "=", id)),
        ]),
      );
    }
    return (await q.orderBy("created_at", "desc").orderBy("id").limit(filter.cooperation ? 2000 : 200).execute()).map(toAssessment);
  }

  async insert(a: Assessment): Promise<void> {
    await this.db.insertInto("readiness_assessments").values(toRow(a)).execute();
  }

  async replace(a: Assessment, expected: number): Promise<boolean> {
    const { id: _id, pilot_id: _p, action_id: _a, created_by: _b, created_at: _c, ...rest } = toRow(a);
    const r = await this.db.updateTable("readiness_assessments").set({ ...rest, version: expected + 1 }).where("id", "=", a.id).where("version", "=", expected).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Whether a pilot / an action exists, and a label for it. */
  async subject(kind: "pilot" | "action", id: string): Promise<{ id: string; title: { en: string; zh: string | null }; cooperation: string } | null> {
    const r = await this.db.selectFrom(kind === "pilot" ? "pilots" : "actions").select(["id", "title_en", "title_zh", "cooperation_id"]).where("id", "=", id).executeTakeFirst();
    return r ? { id: r.id, title: { en: r.title_en, zh: r.title_zh }, cooperation: r.cooperation_id } : null;
  }
}
