import type { Activity, Output } from "../../domain/activity.js";
import type { Commitment, Organisation, OrganisationRef } from "../../domain/organisation.js";
import type { FundApplication, Pilot, PilotKpi } from "../../domain/pilot.js";
import type {
  ActivitiesTable, CommitmentsTable, FundApplicationsTable, KpisTable, OrganisationsTable, OutputsTable, PilotsTable,
} from "../schema.js";

/** An activity as stored: the ids of its organisations and sources rather than the records. */
export type ActivityRecord = Omit<Activity, "organisations" | "outputs" | "sources"> & { organisationIds: string[]; sourceIds: string[] };
/** A pilot as stored, without its partners, fund applications and KPIs. */
export type PilotRecord = Omit<Pilot, "partners" | "fundApplications" | "kpis">;
/** A commitment as stored: the organisation's id rather than the organisation. */
export type CommitmentRecord = Omit<Commitment, "organisation"> & { organisationId: string };

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toOrganisation(r: OrganisationsTable): Organisation {
  return {
    id: r.id,
    names: { en: r.name_en, zh: r.name_zh },
    kind: r.kind as Organisation["kind"],
    country: r.country,
    sector: r.sector,
    citySlug: r.city_slug,
    website: r.website,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function organisationRow(o: Organisation): OrganisationsTable {
  return {
    id: o.id, name_en: o.names.en, name_zh: o.names.zh, kind: o.kind, country: o.country, sector: o.sector, city_slug: o.citySlug,
    website: o.website, version: o.version, created_by: o.createdBy, created_at: o.createdAt, updated_at: o.updatedAt,
  };
}

export function toRef(o: Organisation): OrganisationRef {
  return { id: o.id, names: o.names, kind: o.kind, country: o.country, sector: o.sector };
}

export function toActivityRecord(r: ActivitiesTable): ActivityRecord {
  return {
    id: r.id,
    cooperationId: r.cooperation_id,
    programmeId: r.programme_id,
    kind: r.kind as Activity["kind"],
    titles: { en: r.title_en, zh: r.title_zh },
    descriptions: { en: r.description_en, zh: r.description_zh },
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    organisationIds: JSON.parse(r.organisation_ids_json) as string[],
    sourceIds: JSON.parse(r.source_ids_json) as string[],
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function activityRow(a: ActivityRecord): ActivitiesTable {
  return {
    id: a.id, cooperation_id: a.cooperationId, programme_id: a.programmeId, kind: a.kind, title_en: a.titles.en, title_zh: a.titles.zh,
    description_en: a.descriptions.en, description_zh: a.descriptions.zh, start_date: a.startDate, end_date: a.endDate, place: a.place,
    organisation_ids_json: JSON.stringify(a.organisationIds), source_ids_json: JSON.stringify(a.sourceIds), version: a.version,
    created_by: a.createdBy, created_at: a.createdAt, updated_at: a.updatedAt,
  };
}

export function toOutput(r: OutputsTable): Output {
  return {
    id: r.id, activityId: r.activity_id, kind: r.kind as Output["kind"], titles: { en: r.title_en, zh: r.title_zh }, date: r.on_date, url: r.url,
    pilotId: r.pilot_id, createdBy: r.created_by, createdAt: r.created_at,
  };
}

export function outputRow(o: Output): OutputsTable {
  return {
    id: o.id, activity_id: o.activityId, kind: o.kind, title_en: o.titles.en, title_zh: o.titles.zh, on_date: o.date, url: o.url, pilot_id: o.pilotId,
    created_by: o.createdBy, created_at: o.createdAt,
  };
}

export function toCommitmentRecord(r: CommitmentsTable): CommitmentRecord {
  return {
    id: r.id, organisationId: r.organisation_id, cooperationId: r.cooperation_id, pilotId: r.pilot_id, role: r.role,
    commitment: { en: r.commitment_en, zh: r.commitment_zh }, version: Number(r.version), createdBy: r.created_by, createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function commitmentRow(c: CommitmentRecord): CommitmentsTable {
  return {
    id: c.id, organisation_id: c.organisationId, cooperation_id: c.cooperationId, pilot_id: c.pilotId, role: c.role, commitment_en: c.commitment.en,
    commitment_zh: c.commitment.zh, version: c.version, created_by: c.createdBy, created_at: c.createdAt, updated_at: c.updatedAt,
  };
}

export function toPilotRecord(r: PilotsTable): PilotRecord {
  return {
    id: r.id, cooperationId: r.cooperation_id, titles: { en: r.title_en, zh: r.title_zh }, descriptions: { en: r.description_en, zh: r.description_zh },
    citySlug: r.city_slug, startDate: r.start_date, endDate: r.end_date, budget: num(r.budget), currency: r.currency, status: r.status as Pilot["status"],
    version: Number(r.version), createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function pilotRow(p: PilotRecord): PilotsTable {
  return {
    id: p.id, cooperation_id: p.cooperationId, title_en: p.titles.en, title_zh: p.titles.zh, description_en: p.descriptions.en, description_zh: p.descriptions.zh,
    city_slug: p.citySlug, start_date: p.startDate, end_date: p.endDate, budget: p.budget, currency: p.currency, status: p.status, version: p.version,
    created_by: p.createdBy, created_at: p.createdAt, updated_at: p.updatedAt,
  };
}

export function toFundApplication(r: FundApplicationsTable): FundApplication {
  return {
    id: r.id, pilotId: r.pilot_id, fund: r.fund, submittedOn: r.submitted_on, amountRequested: num(r.amount_requested), currency: r.currency,
    score: num(r.score), decision: r.decision as FundApplication["decision"], decidedOn: r.decided_on, amountAwarded: num(r.amount_awarded),
    version: Number(r.version), createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function fundApplicationRow(f: FundApplication): FundApplicationsTable {
  return {
    id: f.id, pilot_id: f.pilotId, fund: f.fund, submitted_on: f.submittedOn, amount_requested: f.amountRequested, currency: f.currency, score: f.score,
    decision: f.decision, decided_on: f.decidedOn, amount_awarded: f.amountAwarded, version: f.version, created_by: f.createdBy, created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

export function toPilotKpi(r: KpisTable, latest: { value: number; date: string } | null): PilotKpi {
  return {
    id: r.id, names: { en: r.name_en, zh: r.name_zh }, unit: r.unit, indicatorCode: r.indicator_code, citySlug: r.city_slug,
    baseline: { value: Number(r.baseline_value), date: r.baseline_date }, target: { value: Number(r.target_value), year: Number(r.target_year) }, latest,
  };
}
