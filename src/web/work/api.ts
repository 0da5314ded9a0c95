/** Typed client for the cooperation-work endpoints of `/api/v1`: activities, outputs, partners, pilots, fund applications. */
import { request } from "../api";

export const ACTIVITY_KINDS = ["study_visit", "business_roundtable", "workshop", "webinar", "staff_exchange", "training", "conference", "forum", "other"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const OUTPUT_KINDS = ["mou", "joint_declaration", "report", "pilot_project", "other"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const ORGANISATION_KINDS = ["public", "private", "academic", "civil_society", "residents"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const PILOT_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];
export const FUND_DECISIONS = ["pending", "awarded", "rejected", "withdrawn"] as const;
export type FundDecision = (typeof FUND_DECISIONS)[number];

export interface Names { en: string; zh: string | null }
export interface Texts { en: string | null; zh: string | null }
export interface TitlesInput { en: string; zh?: string | null }

export interface Organisation {
  id: string; names: Names; kind: OrganisationKind; country: string | null; sector: string | null; citySlug: string | null; website: string | null; version: number;
}
export type OrganisationRef = Pick<Organisation, "id" | "names" | "kind" | "country" | "sector">;
export interface OrganisationInput { names: TitlesInput; kind: OrganisationKind; country?: string | null; sector?: string | null; citySlug?: string | null; website?: string | null }

export interface Output { id: string; activityId: string; kind: OutputKind; titles: Names; date: string | null; url: string | null; pilotId: string | null }
export interface OutputInput { kind: OutputKind; titles: TitlesInput; date?: string | null; url?: string | null; pilotId?: string | null }

export interface Activity {
  id: string; cooperationId: string | null; programmeId: string | null; kind: ActivityKind; titles: Names; descriptions: Texts; startDate: string; endDate: string | null;
  place: string | null; organisations: OrganisationRef[]; outputs: Output[]; sources: { id: string; citation: string; url: string | null }[]; version: number;
}
export interface ActivityInput { kind: ActivityKind; titles: TitlesInput; descriptions?: Texts | null; startDate: string; endDate?: string | null; place?: string | null; organisationIds?: string[] }

export interface Commitment { id: string; organisation: OrganisationRef; cooperationId: string; pilotId: string | null; role: string; commitment: Texts; version: number }
export interface CommitmentInput { organisationId: string; pilotId?: string | null; role: string; commitment?: Texts | null }

export interface FundApplication {
  id: string; pilotId: string; fund: string; submittedOn: string; amountRequested: number | null; currency: string | null; score: number | null;
  decision: FundDecision; decidedOn: string | null; amountAwarded: number | null; version: number;
}
export interface FundApplicationInput {
  fund: string; submittedOn: string; amountRequested?: number | null; currency?: string | null; score?: number | null; decision?: FundDecision; decidedOn?: string | null; amountAwarded?: number | null;
}
export interface PilotKpi {
  id: string; names: Names; unit: string; indicatorCode: string | null; citySlug: string | null;
  baseline: { value: number; date: string }; target: { value: number; year: number }; latest: { value: number; date: string } | null;
}
export interface Pilot {
  id: string; cooperationId: string; titles: Names; descriptions: Texts; citySlug: string | null; startDate: string | null; endDate: string | null;
  budget: number | null; currency: string | null; status: PilotStatus; partners: Commitment[]; fundApplications: FundApplication[]; kpis: PilotKpi[]; version: number;
}
export interface PilotInput {
  titles: TitlesInput; descriptions?: Texts | null; citySlug?: string | null; startDate?: string | null; endDate?: string | null; budget?: number | null; currency?: string | null; status?: PilotStatus;
}

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const workApi = {
  activities: (cooperationId: string, signal?: AbortSignal) => request<{ items: Activity[] }>("GET", `${V1}/cooperations/${enc(cooperationId)}/activities`, undefined, signal),
  programmeActivities: (programmeId: string, signal?: AbortSignal) => request<{ items: Activity[] }>("GET", `${V1}/programmes/${enc(programmeId)}/activities`, undefined, signal),
  createActivity: (cooperationId: string, body: ActivityInput) => request<Activity>("POST", `${V1}/cooperations/${enc(cooperationId)}/activities`, body),
  updateActivity: (id: string, body: Partial<ActivityInput> & { version: number }) => request<Activity>("PATCH", `${V1}/activities/${enc(id)}`, body),
  deleteActivity: (id: string) => request<void>("DELETE", `${V1}/activities/${enc(id)}`),
  addOutput: (activityId: string, body: OutputInput) => request<Output>("POST", `${V1}/activities/${enc(activityId)}/outputs`, body),
  deleteOutput: (id: string) => request<void>("DELETE", `${V1}/outputs/${enc(id)}`),
  organisations: (query: { q?: string; kind?: OrganisationKind; limit?: number }, signal?: AbortSignal) => {
    const qs = new URLSearchParams();
    if (query.q) qs.set("q", query.q);
    if (query.kind) qs.set("kind", query.kind);
    qs.set("limit", String(query.limit ?? 100));
    return request<{ items: Organisation[] }>("GET", `${V1}/organisations?${qs}`, undefined, signal);
  },
  createOrganisation: (body: OrganisationInput) => request<Organisation>("POST", `${V1}/organisations`, body),
  commitments: (cooperationId: string, signal?: AbortSignal) => request<{ items: Commitment[] }>("GET", `${V1}/cooperations/${enc(cooperationId)}/commitments`, undefined, signal),
  createCommitment: (cooperationId: string, body: CommitmentInput) => request<Commitment>("POST", `${V1}/cooperations/${enc(cooperationId)}/commitments`, body),
  updateCommitment: (id: string, body: Partial<Omit<CommitmentInput, "organisationId">> & { version: number }) => request<Commitment>("PATCH", `${V1}/commitments/${enc(id)}`, body),
  deleteCommitment: (id: string) => request<void>("DELETE", `${V1}/commitments/${enc(id)}`),
  pilots: (cooperationId: string, signal?: AbortSignal) => request<{ items: Pilot[] }>("GET", `${V1}/cooperations/${enc(cooperationId)}/pilots`, undefined, signal),
  createPilot: (cooperationId: string, body: PilotInput) => request<Pilot>("POST", `${V1}/cooperations/${enc(cooperationId)}/pilots`, body),
  updatePilot: (id: string, body: Partial<PilotInput> & { version: number }) => request<Pilot>("PATCH", `${V1}/pilots/${enc(id)}`, body),
  addFundApplication: (pilotId: string, body: FundApplicationInput) => request<FundApplication>("POST", `${V1}/pilots/${enc(pilotId)}/fund-applications`, body),
  updateFundApplication: (id: string, body: Partial<FundApplicationInput> & { version: number }) => request<FundApplication>("PATCH", `${V1}/fund-applications/${enc(id)}`, body),
};

/** Text people wrote, in the chosen language, falling back to the other one (`fallback` says it did). */
export function pickText(t: { en: string | null; zh: string | null }, lang: "en" | "zh"): { text: string | null; fallback: boolean } {
  const want = lang === "zh" ? t.zh : t.en;
  if (want) return { text: want, fallback: false };
  const other = lang === "zh" ? t.en : t.zh;
  return { text: other, fallback: other !== null };
}
