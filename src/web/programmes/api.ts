/** Typed client for the programme endpoints of `/api/v1` (see src/api/routes/programmes.route.ts). */
import { ApiError, type Source, request } from "../api";

export const PROGRAMME_THEMES = ["transport", "air", "green", "congestion", "energy", "ghg", "waste"] as const;
export type ProgrammeTheme = (typeof PROGRAMME_THEMES)[number];
export const APPLICATION_STATUSES = ["submitted", "eligible", "ineligible", "accepted", "declined"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type SideKey = "a" | "b";

export interface Names { en: string; zh: string | null }
export interface Texts { en: string | null; zh: string | null }
export interface ProgrammeSide { key: SideKey; names: Names; countries: string[] }
export interface EligibilityRules { minPopulation?: number; requireInventory?: boolean; requireTarget?: boolean; requirePlan?: boolean }
export interface ProgrammeCounts { calls: number; applications: number; cooperations: number }

/** GET /api/v1/programmes/:id (the list has the same fields without `sources`). */
export interface Programme {
  id: string;
  names: Names;
  descriptions: Texts;
  startDate: string | null;
  endDate: string | null;
  themes: ProgrammeTheme[];
  sides: ProgrammeSide[];
  funder: string | null;
  eligibility: EligibilityRules;
  sourceIds: string[];
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  counts?: ProgrammeCounts;
  sources?: Source[];
}

export interface NewProgramme {
  names: { en: string; zh?: string | null };
  descriptions?: { en?: string | null; zh?: string | null };
  startDate?: string | null;
  endDate?: string | null;
  themes: ProgrammeTheme[];
  sides: { key: SideKey; names: { en: string; zh?: string | null }; countries: string[] }[];
  funder?: string | null;
  eligibility: EligibilityRules;
  sourceIds?: string[];
}

export interface Call {
  id: string;
  programmeId: string;
  titles: Names;
  descriptions: Texts;
  side: SideKey | null;
  opensOn: string | null;
  deadline: string;
  eligibility: EligibilityRules;
  open: boolean;
  version: number;
  applicationCount?: number;
}

export interface NewCall {
  titles: { en: string; zh?: string | null };
  descriptions?: { en?: string | null; zh?: string | null };
  side?: SideKey | null;
  opensOn?: string | null;
  deadline: string;
  eligibility: EligibilityRules;
}

export interface EligibilityCheck { rule: string; ok: boolean; reason: { en: string; zh: string } }

export interface Application {
  id: string;
  callId: string;
  programmeId: string;
  city: { slug: string; names: Names; country: string; population: number | null };
  themes: ProgrammeTheme[];
  challenges: string | null;
  strengths: string | null;
  stage: { inventory: boolean; target: boolean; plan: boolean };
  contact: { name: string | null; email: string | null };
  status: ApplicationStatus;
  eligibility: EligibilityCheck[];
  decisionNote: string | null;
  submittedAt: string;
  decidedAt: string | null;
  version: number;
}

export interface NewApplication {
  city: string;
  themes: ProgrammeTheme[];
  challenges?: string | null;
  strengths?: string | null;
  stage: { inventory: boolean; target: boolean; plan: boolean };
  contact: { name?: string | null; email?: string | null };
}

export type DecisionStatus = "eligible" | "ineligible" | "accepted" | "declined";

/** The record a 409 carries as `current` (the state someone else saved), if any. */
export function conflictCurrent<T>(err: unknown): T | null {
  return err instanceof ApiError && err.status === 409 ? ((err.problem as { current?: T }).current ?? null) : null;
}

const enc = encodeURIComponent;

export const programmesApi = {
  /** One page of programmes (the API's default page without `page`) with the total over all pages. */
  list: (signal?: AbortSignal, page?: { limit: number; offset: number }) =>
    request<{ programmes: Programme[]; total: number; limit: number; offset: number }>("GET", `/api/v1/programmes${page ? `?limit=${page.limit}&offset=${page.offset}` : ""}`, undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<Programme>("GET", `/api/v1/programmes/${enc(id)}`, undefined, signal),
  create: (body: NewProgramme) => request<Programme>("POST", "/api/v1/programmes", body),
  update: (id: string, body: Partial<NewProgramme> & { version: number }) => request<Programme>("PATCH", `/api/v1/programmes/${enc(id)}`, body),
  calls: (id: string, signal?: AbortSignal) => request<{ calls: Call[] }>("GET", `/api/v1/programmes/${enc(id)}/calls`, undefined, signal),
  createCall: (id: string, body: NewCall) => request<Call>("POST", `/api/v1/programmes/${enc(id)}/calls`, body),
  updateCall: (callId: string, body: Partial<NewCall> & { version: number }) => request<Call>("PATCH", `/api/v1/calls/${enc(callId)}`, body),
  applications: (callId: string, signal?: AbortSignal) => request<{ applications: Application[] }>("GET", `/api/v1/calls/${enc(callId)}/applications`, undefined, signal),
  programmeApplications: (id: string, status?: ApplicationStatus, signal?: AbortSignal) =>
    request<{ applications: Application[] }>("GET", `/api/v1/programmes/${enc(id)}/applications${status ? `?status=${status}` : ""}`, undefined, signal),
  submit: (callId: string, body: NewApplication) => request<Application>("POST", `/api/v1/calls/${enc(callId)}/applications`, body),
  decide: (applicationId: string, body: { status: DecisionStatus; note?: string | null; version: number }) =>
    request<Application>("POST", `/api/v1/applications/${enc(applicationId)}/decision`, body),
};
