import { type Kysely, sql } from "kysely";
import type { Application, ApplicationStatus, CallRecord, Programme, ProgrammeCounts } from "../../domain/programme.js";
import type { DatabaseSchema } from "../schema.js";
import { applicationRow, callRow, programmeRow, toApplication, toCall, toProgramme } from "./programme-rows.js";

/** Cooperation programmes, their calls for applications and the cities' applications. */
export class ProgrammeRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Every programme, newest start first (ties by id); `page` reads one page of that order in the query. */
  async list(page?: { limit: number; offset: number }): Promise<Programme[]> {
    let q = this.db.selectFrom("programmes").selectAll().orderBy("start_date", "desc").orderBy("id");
    if (page) q = q.limit(page.limit).offset(page.offset);
    return (await q.execute()).map(toProgramme);
  }

  /** How many programmes there are. */
  async count(): Promise<number> {
    const r = await this.db.selectFrom("programmes").select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async get(id: string): Promise<Programme | null> {
    const r = await this.db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toProgramme(r) : null;
  }

  /** Calls, applications and cooperations per programme (0 when none), for `ids` or all. */
  async counts(ids?: string[]): Promise<Map<string, ProgrammeCounts>> {
    const out = new Map<string, ProgrammeCounts>();
    if (ids && ids.length === 0) return out;
    let calls = this.db.selectFrom("calls").select(["programme_id as id", sql<number>`cast(count(*) as integer)`.as("n")]).groupBy("programme_id");
    let apps = this.db
      .selectFrom("applications")
      .innerJoin("calls", "calls.id", "applications.call_id")
      .select(["calls.programme_id as id", sql<number>`cast(count(*) as integer)`.as("n")])
      .groupBy("calls.programme_id");
    let coops = this.db
      .selectFrom("cooperations")
      .select(["programme_id as id", sql<number>`cast(count(*) as integer)`.as("n")])
      .where("programme_id", "is not", null)
      .groupBy("programme_id");
    if (ids) {
      // Only the asked programmes (a page of the list): the counts read their rows, not every programme's.
      calls = calls.where("programme_id", "in", ids);
      apps = apps.where("calls.programme_id", "in", ids);
      coops = coops.where("programme_id", "in", ids);
    }
    const [c, a, k, ps] = await Promise.all([
      calls.execute(),
      apps.execute(),
      coops.execute(),
      (ids ? this.db.selectFrom("programmes").select("id").where("id", "in", ids) : this.db.selectFrom("programmes").select("id")).execute(),
    ]);
    for (const p of ps) out.set(p.id, { calls: 0, applications: 0, cooperations: 0 });
    for (const [rows, key] of [[c, "calls"], [a, "applications"], [k, "cooperations"]] as const) {
      for (const r of rows) {
        const slot = r.id === null ? undefined : out.get(r.id);
        if (slot) slot[key] = Number(r.n);
      }
    }
    return out;
  }

  async insert(p: Programme): Promise<void> {
    await this.db.insertInto("programmes").values(programmeRow(p)).execute();
  }

  /** Replaces a programme if its stored version is `expectedVersion` (optimistic lock); false otherwise. */
  async replace(p: Programme, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _by, created_at: _at, ...rest } = programmeRow(p);
    const r = await this.db
      .updateTable("programmes")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", p.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listCalls(programmeId: string): Promise<CallRecord[]> {
    const rows = await this.db.selectFrom("calls").selectAll().where("programme_id", "=", programmeId).orderBy("deadline", "desc").orderBy("id").execute();
    return rows.map(toCall);
  }

  async getCall(id: string): Promise<CallRecord | null> {
    const r = await this.db.selectFrom("calls").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toCall(r) : null;
  }

  /** Number of applications per call of a programme. */
  async applicationCounts(programmeId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("applications")
      .innerJoin("calls", "calls.id", "applications.call_id")
      .select(["applications.call_id as id", sql<number>`cast(count(*) as integer)`.as("n")])
      .where("calls.programme_id", "=", programmeId)
      .groupBy("applications.call_id")
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async insertCall(c: CallRecord): Promise<void> {
    await this.db.insertInto("calls").values(callRow(c)).execute();
  }

  async replaceCall(c: CallRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, programme_id: _p, created_by: _by, created_at: _at, ...rest } = callRow(c);
    const r = await this.db
      .updateTable("calls")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", c.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private applications() {
    return this.db
      .selectFrom("applications")
      .innerJoin("calls", "calls.id", "applications.call_id")
      .innerJoin("cities", "cities.slug", "applications.city_slug")
      .selectAll("applications")
      .select([
        "calls.programme_id as programme_id",
        "cities.name_en as city_name_en",
        "cities.name_zh as city_name_zh",
        "cities.country as city_country",
        "cities.population as city_population",
      ]);
  }

  async listApplications(filter: { callId?: string; programmeId?: string; status?: ApplicationStatus }): Promise<Application[]> {
    let q = this.applications();
    if (filter.callId) q = q.where("applications.call_id", "=", filter.callId);
    if (filter.programmeId) q = q.where("calls.programme_id", "=", filter.programmeId);
    if (filter.status) q = q.where("applications.status", "=", filter.status);
    const rows = await q.orderBy("applications.submitted_at").orderBy("applications.id").execute();
    return rows.map(toApplication);
  }

  async getApplication(id: string): Promise<Application | null> {
    const r = await this.applications().where("applications.id", "=", id).executeTakeFirst();
    return r ? toApplication(r) : null;
  }

  /** The application of `city` to `callId`, if it has applied. */
  async findApplication(callId: string, city: string): Promise<Application | null> {
    const r = await this.applications().where("applications.call_id", "=", callId).where("applications.city_slug", "=", city).executeTakeFirst();
    return r ? toApplication(r) : null;
  }

  async insertApplication(a: Application): Promise<void> {
    await this.db.insertInto("applications").values(applicationRow(a)).execute();
  }

  /** Stores a screening change if the stored version is `expectedVersion`; false otherwise. */
  async replaceApplication(a: Application, expectedVersion: number): Promise<boolean> {
    const { id: _id, call_id: _c, city_slug: _s, created_by: _by, submitted_at: _at, ...rest } = applicationRow(a);
    const r = await this.db
      .updateTable("applications")
      .set({ ...rest, version: expectedVersion + 1 })
      .where("id", "=", a.id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
