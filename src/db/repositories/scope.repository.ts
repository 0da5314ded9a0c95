import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../schema.js";

/** Where a record belongs, for permission checks: its programme, cooperation and cities. */
export interface RecordScope {
  programmeId: string | null;
  cooperationId: string | null;
  /** The member cities of the cooperation, or the record's own city. */
  cities: string[];
  /** The record's own city where it has one (an action's owner, a KPI's city). */
  ownCity: string | null;
}

const EMPTY: RecordScope = { programmeId: null, cooperationId: null, cities: [], ownCity: null };

/** Read-only lookups from a record to the programme, cooperation and cities it belongs to. */
export class ScopeRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async cooperation(id: string): Promise<RecordScope> {
    const c = await this.db.selectFrom("cooperations").select(["id", "programme_id"]).where("id", "=", id).executeTakeFirst();
    if (!c) return EMPTY;
    const members = await this.db.selectFrom("cooperation_members").select("city_slug").where("cooperation_id", "=", id).execute();
    return { programmeId: c.programme_id, cooperationId: c.id, cities: members.map((m) => m.city_slug), ownCity: null };
  }

  private async viaCooperation(cooperationId: string | null | undefined, ownCity: string | null = null): Promise<RecordScope> {
    if (!cooperationId) return { ...EMPTY, ownCity };
    return { ...(await this.cooperation(cooperationId)), ownCity };
  }

  async call(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("calls").select("programme_id").where("id", "=", id).executeTakeFirst();
    return { ...EMPTY, programmeId: r?.programme_id ?? null };
  }

  async application(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("applications").innerJoin("calls", "calls.id", "applications.call_id").select(["calls.programme_id", "applications.city_slug"]).where("applications.id", "=", id).executeTakeFirst();
    return r ? { ...EMPTY, programmeId: r.programme_id, ownCity: r.city_slug, cities: [r.city_slug] } : EMPTY;
  }

  async action(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("actions").select(["cooperation_id", "owner_city_slug"]).where("id", "=", id).executeTakeFirst();
    return r ? this.viaCooperation(r.cooperation_id, r.owner_city_slug) : EMPTY;
  }

  async kpi(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("kpis").select(["cooperation_id", "city_slug"]).where("id", "=", id).executeTakeFirst();
    return r ? this.viaCooperation(r.cooperation_id, r.city_slug) : EMPTY;
  }

  async activity(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("activities").select(["cooperation_id", "programme_id"]).where("id", "=", id).executeTakeFirst();
    if (!r) return EMPTY;
    return r.cooperation_id ? this.viaCooperation(r.cooperation_id) : { ...EMPTY, programmeId: r.programme_id };
  }

  async output(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("outputs").select("activity_id").where("id", "=", id).executeTakeFirst();
    return r ? this.activity(r.activity_id) : EMPTY;
  }

  async pilot(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("pilots").select(["cooperation_id", "city_slug"]).where("id", "=", id).executeTakeFirst();
    return r ? this.viaCooperation(r.cooperation_id, r.city_slug) : EMPTY;
  }

  async fundApplication(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("fund_applications").select("pilot_id").where("id", "=", id).executeTakeFirst();
    return r ? this.pilot(r.pilot_id) : EMPTY;
  }

  async commitment(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("commitments").select("cooperation_id").where("id", "=", id).executeTakeFirst();
    return r ? this.viaCooperation(r.cooperation_id) : EMPTY;
  }

  async inventory(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("inventories").select("city_slug").where("id", "=", id).executeTakeFirst();
    return r ? { ...EMPTY, ownCity: r.city_slug, cities: [r.city_slug] } : EMPTY;
  }

  async target(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("targets").select("city_slug").where("id", "=", id).executeTakeFirst();
    return r ? { ...EMPTY, ownCity: r.city_slug, cities: [r.city_slug] } : EMPTY;
  }

  private city(slug: string | null | undefined): RecordScope {
    return slug ? { ...EMPTY, ownCity: slug, cities: [slug] } : EMPTY;
  }

  async district(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("districts").select("city_slug").where("id", "=", id).executeTakeFirst();
    return this.city(r?.city_slug);
  }

  async visionProcess(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("vision_processes").innerJoin("districts", "districts.id", "vision_processes.district_id").select("districts.city_slug").where("vision_processes.id", "=", id).executeTakeFirst();
    return this.city(r?.city_slug);
  }

  async visionStatement(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("vision_statements").select("process_id").where("id", "=", id).executeTakeFirst();
    return r ? this.visionProcess(r.process_id) : EMPTY;
  }

  async visionDocument(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("vision_documents").select("process_id").where("id", "=", id).executeTakeFirst();
    return r ? this.visionProcess(r.process_id) : EMPTY;
  }

  async readiness(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("readiness_assessments").select(["pilot_id", "action_id"]).where("id", "=", id).executeTakeFirst();
    if (!r) return EMPTY;
    return r.pilot_id ? this.pilot(r.pilot_id) : r.action_id ? this.action(r.action_id) : EMPTY;
  }

  async programme(id: string): Promise<RecordScope> {
    return { ...EMPTY, programmeId: id };
  }

  async climateAction(id: string): Promise<RecordScope> {
    const r = await this.db.selectFrom("climate_actions").select("city_slug").where("id", "=", id).executeTakeFirst();
    return r ? { ...EMPTY, ownCity: r.city_slug, cities: [r.city_slug] } : EMPTY;
  }
}
