/** Typed client for the cooperation endpoints of `/api/v1` (see src/api/routes/cooperations.route.ts). */
import { type Bilingual, request } from "../api";

export const COOPERATION_STATUSES = ["proposed", "agreed", "active", "completed", "discontinued"] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];
export const MEMBER_ROLES = ["lead", "partner", "mentor", "learner"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface CooperationMember {
  slug: string;
  names: { en: string; zh: string | null };
  country: string;
  lat: number;
  lon: number;
  role: MemberRole;
  side: "a" | "b" | null;
}

export interface CooperationTransition { from: CooperationStatus | null; to: CooperationStatus; date: string; note: string | null }

/** GET /api/v1/cooperations/:id — the contract every cooperation tab receives. */
export interface Cooperation {
  id: string;
  programmeId: string | null;
  /** the programme's names (null without a programme) */
  programmeNames?: { en: string; zh: string | null } | null;
  names: { en: string; zh: string | null };
  themes: string[];
  startDate: string | null;
  endDate: string | null;
  status: CooperationStatus;
  origin: "manual" | "pairing" | "seed";
  members: CooperationMember[];
  transitions: CooperationTransition[];
  /** statuses this one may move to next */
  allowedTransitions: CooperationStatus[];
  sources: { id: string; citation: string; url: string | null }[];
  version: number;
}

export type { Bilingual };

/** POST /api/v1/cooperations */
export interface NewCooperation {
  programmeId?: string | null;
  names: { en: string; zh?: string | null };
  themes: string[];
  startDate?: string | null;
  endDate?: string | null;
  members: { slug: string; role: MemberRole; side?: "a" | "b" | null }[];
  origin?: "manual" | "pairing";
}

type Bi = { en: string | null; zh: string | null };
export const URBAN_AGENDA_TOPICS = [
  "inclusion-of-migrants-and-refugees", "air-quality", "urban-poverty", "housing", "circular-economy", "jobs-and-skills-in-the-local-economy",
  "climate-adaptation", "energy-transition", "sustainable-use-of-land-and-nature-based-solutions", "urban-mobility", "digital-transition",
  "innovative-and-responsible-public-procurement", "culture-and-cultural-heritage", "security-in-public-spaces",
] as const;
export type UrbanAgendaTopic = (typeof URBAN_AGENDA_TOPICS)[number];
export const URBAN_AGENDA_SOURCE = "https://futurium.ec.europa.eu/en/urban-agenda";
export const PLAN_FIELDS = ["keyFocus", "challenges", "objectives", "expectedResults", "benefits"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** GET /api/v1/cooperations/:id/plan — the Urban Cooperation Action Plan (version 0 = never saved). */
export interface ActionPlan extends Record<PlanField, Bi> {
  cooperationId: string;
  sdgs: number[];
  urbanAgenda: UrbanAgendaTopic[];
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const ACTION_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export interface Impact { value: number; unit: string; label: string | null }

export interface CooperationAction {
  id: string;
  cooperationId: string;
  titles: { en: string; zh: string | null };
  theme: string | null;
  ownerCity: string | null;
  partnerIds: string[];
  startDate: string | null;
  endDate: string | null;
  budget: number | null;
  currency: string | null;
  fundingSource: string | null;
  status: ActionStatus;
  completionPct: number;
  impact: Impact[];
  practiceId: string | null;
  version: number;
}
export type ActionInput = Omit<CooperationAction, "id" | "cooperationId" | "version" | "titles" | "impact"> & {
  titles: { en: string; zh?: string | null };
  impact: { value: number; unit: string; label?: string | null }[];
};

export interface Kpi {
  id: string;
  cooperationId: string;
  actionId: string | null;
  pilotId: string | null;
  indicator: string | null;
  city: string | null;
  names: { en: string; zh: string | null };
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetYear: number;
  version: number;
}
export type KpiInput = Omit<Kpi, "id" | "cooperationId" | "version" | "names"> & { names: { en: string; zh?: string | null } };
export interface KpiValue { date: string; value: number; note: string | null; recordedBy: string; recordedAt: string }

/** A refused status change carries its reason in both languages (400 problem+json with `reason`). */
export function refusalReason(problem: unknown): { en: string; zh: string } | null {
  const r = (problem as { reason?: { en?: unknown; zh?: unknown } } | null)?.reason;
  return r && typeof r.en === "string" && typeof r.zh === "string" ? { en: r.en, zh: r.zh } : null;
}

const coop = (id: string) => `/api/v1/cooperations/${encodeURIComponent(id)}`;

export const cooperationsApi = {
  /** One page of the matching cooperations (the API's default page without `page`) with the total over all pages. */
  list: (q: { programme?: string; city?: string; status?: CooperationStatus }, signal?: AbortSignal, page?: { limit: number; offset: number }) => {
    const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
    if (page) {
      qs.set("limit", String(page.limit));
      qs.set("offset", String(page.offset));
    }
    return request<{ cooperations: Cooperation[]; total: number; limit: number; offset: number }>("GET", `/api/v1/cooperations${qs.size ? `?${qs}` : ""}`, undefined, signal);
  },
  get: (id: string, signal?: AbortSignal) => request<Cooperation>("GET", coop(id), undefined, signal),
  create: (body: NewCooperation) => request<Cooperation>("POST", "/api/v1/cooperations", body),
  update: (id: string, body: Partial<NewCooperation> & { version: number }) => request<Cooperation>("PATCH", coop(id), body),
  transition: (id: string, body: { to: CooperationStatus; date: string; note?: string | null; version: number }) => request<Cooperation>("POST", `${coop(id)}/transitions`, body),
  plan: (id: string, signal?: AbortSignal) => request<ActionPlan>("GET", `${coop(id)}/plan`, undefined, signal),
  savePlan: (id: string, body: Partial<Record<PlanField, { en?: string | null; zh?: string | null }>> & { version: number; sdgs: number[]; urbanAgenda: UrbanAgendaTopic[] }) =>
    request<ActionPlan>("PUT", `${coop(id)}/plan`, body),
  actions: (id: string, signal?: AbortSignal) => request<{ actions: CooperationAction[] }>("GET", `${coop(id)}/actions`, undefined, signal),
  createAction: (id: string, body: ActionInput) => request<CooperationAction>("POST", `${coop(id)}/actions`, body),
  updateAction: (actionId: string, body: ActionInput & { version: number }) => request<CooperationAction>("PATCH", `/api/v1/actions/${encodeURIComponent(actionId)}`, body),
  deleteAction: (id: string, actionId: string) => request<void>("DELETE", `${coop(id)}/actions/${encodeURIComponent(actionId)}`),
  kpis: (id: string, signal?: AbortSignal) => request<{ kpis: Kpi[] }>("GET", `${coop(id)}/kpis`, undefined, signal),
  createKpi: (id: string, body: KpiInput) => request<Kpi>("POST", `${coop(id)}/kpis`, body),
  updateKpi: (kpiId: string, body: KpiInput & { version: number }) => request<Kpi>("PATCH", `/api/v1/kpis/${encodeURIComponent(kpiId)}`, body),
  deleteKpi: (kpiId: string) => request<void>("DELETE", `/api/v1/kpis/${encodeURIComponent(kpiId)}`),
  kpiValues: (kpiId: string, signal?: AbortSignal) => request<{ values: KpiValue[] }>("GET", `/api/v1/kpis/${encodeURIComponent(kpiId)}/values`, undefined, signal),
  recordKpiValue: (kpiId: string, body: { date: string; value: number; note?: string | null }) => request<KpiValue>("POST", `/api/v1/kpis/${encodeURIComponent(kpiId)}/values`, body),
};
