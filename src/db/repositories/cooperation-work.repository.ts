import { type Kysely, sql } from "kysely";
import type { Activity, Output } from "../../domain/activity.js";
import type { Commitment, Organisation, OrganisationKind, OrganisationRef } from "../../domain/organisation.js";
import type { FundApplication, Pilot, PilotKpi } from "../../domain/pilot.js";
import type { DatabaseSchema } from "../schema.js";
import {
  type ActivityRecord, activityRow, type CommitmentRecord, commitmentRow, fundApplicationRow, organisationRow, outputRow, type PilotRecord, pilotRow,
  toActivityRecord, toCommitmentRecord, toFundApplication, toOrganisation, toOutput, toPilotKpi, toPilotRecord, toRef,
} from "./cooperation-work-rows.js";

export type { ActivityRecord, CommitmentRecord, PilotRecord };

/** The cooperation an activity, pilot or commitment belongs to: its programme and member cities. */
export interface CooperationScope { id: string; programmeId: string | null; members: string[] }

export interface OrganisationQuery { q?: string; kind?: OrganisationKind; limit?: number }

const byDate = (a: { date: string | null; id: string }, b: { date: string | null; id: string }) =>
  (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.id.localeCompare(b.id);
/** `like` pattern matching `text` anywhere, with the wildcards in it escaped. */
const contains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The work of cooperations: activities and outputs, partner organisations and their commitments,
 * pilot projects with fund applications (and their KPIs, read-only from the action plan's table).
 * Updates are optimistic: `replace*` writes only if the stored version is the expected one.
 */
export class CooperationWorkRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async cooperation(id: string): Promise<CooperationScope | null> {
    const c = await this.db.selectFrom("cooperations").select(["id", "programme_id"]).where("id", "=", id).executeTakeFirst();
    if (!c) return null;
    const members = await this.db.selectFrom("cooperation_members").select("city_slug").where("cooperation_id", "=", id).orderBy("city_slug").execute();
    return { id: c.id, programmeId: c.programme_id, members: members.map((m) => m.city_slug) };
  }

  async programmeExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom("programmes").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
  }

  // ── organisations ──────────────────────────────────────────────────────────
  async listOrganisations(query: OrganisationQuery = {}): Promise<Organisation[]> {
    let q = this.db.selectFrom("organisations").selectAll();
    if (query.kind) q = q.where("kind", "=", query.kind);
    const text = query.q?.trim();
    if (text) {
      const p = contains(text);
      q = q.where((eb) => eb.or([
        eb(sql`lower(name_en)`, "like", sql`${p} escape '\\'`),
        eb(sql`lower(coalesce(name_zh, ''))`, "like", sql`${p} escape '\\'`),
        eb(sql`lower(coalesce(sector, ''))`, "like", sql`${p} escape '\\'`),
      ]));
    }
    const rows = await q.orderBy("name_en").orderBy("id").limit(query.limit ?? 100).execute();
    return rows.map(toOrganisation);
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const r = await this.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toOrganisation(r) : null;
  }

  /** The organisations among `ids` that exist, by id. */
  async organisationRefs(ids: string[]): Promise<Map<string, OrganisationRef>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom("organisations").selectAll().where("id", "in", [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, toRef(toOrganisation(r))]));
  }

  async insertOrganisation(o: Organisation): Promise<void> {
    await this.db.insertInto("organisations").values(organisationRow(o)).execute();
  }

  async replaceOrganisation(o: Organisation, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _b, created_at: _a, ...rest } = organisationRow(o);
    const r = await this.db.updateTable("organisations").set({ ...rest, version: expectedVersion + 1 }).where("id", "=", o.id).where("version", "=", expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ── activities and outputs ─────────────────────────────────────────────────
  async activitiesOfCooperation(cooperationId: string): Promise<Activity[]> {
    return this.hydrateActivities(await this.db.selectFrom("activities").selectAll().where("cooperation_id", "=", cooperationId).orderBy("start_date").orderBy("id").execute());
  }

  /** Programme-wide activities and those of all the programme's cooperations. */
  async activitiesOfProgramme(programmeId: string): Promise<Activity[]> {
    const rows = await this.db.selectFrom("activities").selectAll()
      .where((eb) => eb.or([
        eb("programme_id", "=", programmeId),
        eb("cooperation_id", "in", eb.selectFrom("cooperations").select("id").where("programme_id", "=", programmeId)),
      ]))
      .orderBy("start_date").orderBy("id").execute();
    return this.hydrateActivities(rows);
  }

  async getActivity(id: string): Promise<Activity | null> {
    const r = await this.db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? ((await this.hydrateActivities([r]))[0] ?? null) : null;
  }

  async activityRecord(id: string): Promise<ActivityRecord | null> {
    const r = await this.db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toActivityRecord(r) : null;
  }

  async insertActivity(a: ActivityRecord): Promise<void> {
    await this.db.insertInto("activities").values(activityRow(a)).execute();
  }

  async replaceActivity(a: ActivityRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _b, created_at: _a, cooperation_id: _c, programme_id: _p, ...rest } = activityRow(a);
    const r = await this.db.updateTable("activities").set({ ...rest, version: expectedVersion + 1 }).where("id", "=", a.id).where("version", "=", expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteActivity(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom("activities").where("id", "=", id).executeTakeFirst()).numDeletedRows) === 1;
  }

  async insertOutput(o: Output): Promise<void> {
    await this.db.insertInto("outputs").values(outputRow(o)).execute();
  }

  async getOutput(id: string): Promise<Output | null> {
    const r = await this.db.selectFrom("outputs").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toOutput(r) : null;
  }

  async deleteOutput(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom("outputs").where("id", "=", id).executeTakeFirst()).numDeletedRows) === 1;
  }

  private async hydrateActivities(rows: DatabaseSchema["activities"][]): Promise<Activity[]> {
    if (rows.length === 0) return [];
    const records = rows.map(toActivityRecord);
    const orgs = await this.organisationRefs(records.flatMap((a) => a.organisationIds));
    const outputs = await this.db.selectFrom("outputs").selectAll().where("activity_id", "in", records.map((a) => a.id)).execute();
    const sourceIds = [...new Set(records.flatMap((a) => a.sourceIds))];
    const sources = sourceIds.length === 0 ? [] : await this.db.selectFrom("sources").select(["id", "citation", "url"]).where("id", "in", sourceIds).execute();
    const sourceById = new Map(sources.map((s) => [s.id, s]));
    return records.map(({ organisationIds, sourceIds: ids, ...a }) => ({
      ...a,
      organisations: organisationIds.flatMap((id) => orgs.get(id) ?? []),
      outputs: outputs.filter((o) => o.activity_id === a.id).map(toOutput).sort(byDate),
      sources: ids.flatMap((id) => sourceById.get(id) ?? []),
    }));
  }

  // ── commitments ────────────────────────────────────────────────────────────
  async commitments(where: { cooperationId?: string; organisationId?: string; pilotIds?: string[] }): Promise<Commitment[]> {
    let q = this.db.selectFrom("commitments").selectAll();
    if (where.cooperationId) q = q.where("cooperation_id", "=", where.cooperationId);
    if (where.organisationId) q = q.where("organisation_id", "=", where.organisationId);
    if (where.pilotIds) {
      if (where.pilotIds.length === 0) return [];
      q = q.where("pilot_id", "in", where.pilotIds);
    }
    const records = (await q.orderBy("created_at").orderBy("id").execute()).map(toCommitmentRecord);
    const orgs = await this.organisationRefs(records.map((c) => c.organisationId));
    return records.flatMap(({ organisationId, ...c }) => {
      const organisation = orgs.get(organisationId);
      return organisation ? [{ ...c, organisation }] : [];
    });
  }

  async getCommitment(id: string): Promise<Commitment | null> {
    const r = await this.db.selectFrom("commitments").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) return null;
    const { organisationId, ...c } = toCommitmentRecord(r);
    const organisation = (await this.organisationRefs([organisationId])).get(organisationId);
    return organisation ? { ...c, organisation } : null;
  }

  async insertCommitment(c: CommitmentRecord): Promise<void> {
    await this.db.insertInto("commitments").values(commitmentRow(c)).execute();
  }

  async replaceCommitment(c: CommitmentRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _b, created_at: _a, cooperation_id: _c, organisation_id: _o, ...rest } = commitmentRow(c);
    const r = await this.db.updateTable("commitments").set({ ...rest, version: expectedVersion + 1 }).where("id", "=", c.id).where("version", "=", expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteCommitment(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom("commitments").where("id", "=", id).executeTakeFirst()).numDeletedRows) === 1;
  }

  // ── pilots and fund applications ───────────────────────────────────────────
  async pilotsOfCooperation(cooperationId: string): Promise<Pilot[]> {
    return this.hydratePilots(await this.db.selectFrom("pilots").selectAll().where("cooperation_id", "=", cooperationId).orderBy("created_at").orderBy("id").execute());
  }

  async getPilot(id: string): Promise<Pilot | null> {
    const r = await this.db.selectFrom("pilots").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? ((await this.hydratePilots([r]))[0] ?? null) : null;
  }

  async insertPilot(p: PilotRecord): Promise<void> {
    await this.db.insertInto("pilots").values(pilotRow(p)).execute();
  }

  async replacePilot(p: PilotRecord, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _b, created_at: _a, cooperation_id: _c, ...rest } = pilotRow(p);
    const r = await this.db.updateTable("pilots").set({ ...rest, version: expectedVersion + 1 }).where("id", "=", p.id).where("version", "=", expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async getFundApplication(id: string): Promise<FundApplication | null> {
    const r = await this.db.selectFrom("fund_applications").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toFundApplication(r) : null;
  }

  async insertFundApplication(f: FundApplication): Promise<void> {
    await this.db.insertInto("fund_applications").values(fundApplicationRow(f)).execute();
  }

  async replaceFundApplication(f: FundApplication, expectedVersion: number): Promise<boolean> {
    const { id: _id, created_by: _b, created_at: _a, pilot_id: _p, ...rest } = fundApplicationRow(f);
    const r = await this.db.updateTable("fund_applications").set({ ...rest, version: expectedVersion + 1 }).where("id", "=", f.id).where("version", "=", expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async hydratePilots(rows: DatabaseSchema["pilots"][]): Promise<Pilot[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const partners = await this.commitments({ pilotIds: ids });
    const funds = (await this.db.selectFrom("fund_applications").selectAll().where("pilot_id", "in", ids).orderBy("submitted_on").orderBy("id").execute()).map(toFundApplication);
    const kpis = await this.pilotKpis(ids);
    return rows.map(toPilotRecord).map((p) => ({
      ...p,
      partners: partners.filter((c) => c.pilotId === p.id),
      fundApplications: funds.filter((f) => f.pilotId === p.id),
      kpis: kpis.filter((k) => k.pilotId === p.id).map((k) => k.kpi),
    }));
  }

  private async pilotKpis(pilotIds: string[]): Promise<{ pilotId: string; kpi: PilotKpi }[]> {
    const kpis = await this.db.selectFrom("kpis").selectAll().where("pilot_id", "in", pilotIds).orderBy("name_en").orderBy("id").execute();
    if (kpis.length === 0) return [];
    const values = await this.db.selectFrom("kpi_values").select(["kpi_id", "on_date", "value"]).where("kpi_id", "in", kpis.map((k) => k.id)).orderBy("on_date").execute();
    const latest = new Map(values.map((v) => [v.kpi_id, { value: Number(v.value), date: v.on_date }]));
    return kpis.map((k) => ({ pilotId: k.pilot_id ?? "", kpi: toPilotKpi(k, latest.get(k.id) ?? null) }));
  }
}
