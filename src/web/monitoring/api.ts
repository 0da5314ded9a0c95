/** Typed client for monitoring, showcase and report endpoints (see src/api/routes/monitoring.route.ts). */
import { ApiError, type Lang, type Problem } from "../api";

export type KpiStatus = "on_track" | "at_risk" | "off_track" | "no_data";
export const KPI_STATUSES: KpiStatus[] = ["on_track", "at_risk", "off_track", "no_data"];
export const ACTION_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export const COOPERATION_STATUSES = ["proposed", "agreed", "active", "completed", "discontinued"] as const;

export interface Names { en: string; zh: string | null }
export interface Words { en: string; zh: string }
export interface MonSource { id: string; citation: string; url: string | null }
export interface MonMember { slug: string; names: Names; country: string; lat: number; lon: number; role: string; side: string | null }
export interface Dated { date: string; value: number }

export interface KpiMonitoring {
  id: string;
  names: Names;
  unit: string;
  actionId: string | null;
  pilotId: string | null;
  indicatorCode: string | null;
  city: string | null;
  baseline: Dated;
  target: { value: number; year: number; date: string };
  values: (Dated & { note: string | null })[];
  status: KpiStatus;
  statusWords: Words;
  direction: "reduction" | "increase" | "maintain";
  latest: Dated | null;
  expectedValue: number | null;
  progressPct: number | null;
  expectedPct: number | null;
  projectedValue: number | null;
  reason: Words;
}

export interface MonAction {
  id: string;
  titles: Names;
  theme: string | null;
  ownerCity: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
  completionPct: number;
  impacts: { value: number; unit: string; label?: string }[];
}

export interface TimelineItem { date: string; endDate: string | null; kind: "activity" | "action" | "output" | "transition"; subkind: string; id: string; titles: Names }

export interface ObsPoint { period: string; value: number; source: MonSource }
export interface IndicatorChange {
  city: string;
  cityNames: Names;
  indicator: string;
  names: Words;
  unit: string;
  direction: "lower" | "higher" | null;
  before: ObsPoint | null;
  now: ObsPoint | null;
  change: number | null;
  changePct: number | null;
  verdict: "improved" | "worsened" | "unchanged" | null;
}

export interface CooperationMonitoring {
  cooperation: { id: string; programmeId: string | null; names: Names; status: string; startDate: string | null; endDate: string | null; members: MonMember[] };
  asOf: string;
  kpis: KpiMonitoring[];
  kpiCounts: Record<string, number>;
  actionsByStatus: Record<string, number>;
  overdueActions: MonAction[];
  timeline: TimelineItem[];
  indicatorChanges: IndicatorChange[];
  method: Words;
}

export interface Line { cooperationId: string; from: string; to: string }
export interface AttentionItem { kind: "overdue_action" | "stale_kpi" | "no_action_plan"; cooperationId: string; cooperationNames: Names; id: string; titles: Names; detail: Words }

export interface ProgrammeMonitoring {
  programme: { id: string; names: Names };
  asOf: string;
  cooperations: { id: string; names: Names; status: string; members: MonMember[]; hasActionPlan: boolean; kpiCounts: Record<string, number>; actionsByStatus: Record<string, number> }[];
  lines: Line[];
  countsByStatus: Record<string, number>;
  impact: { totals: { unit: string; expected: number; achieved: number }[]; method: Words };
  needsAttention: AttentionItem[];
}

export interface MonActivity {
  id: string;
  kind: string;
  titles: Names;
  descriptions: Names;
  startDate: string;
  endDate: string | null;
  place: string | null;
  outputs: { id: string; kind: string; titles: Names; date: string | null; url: string | null }[];
  /** on a cooperation's showcase: an activity of the whole programme */
  programmeWide?: boolean;
}

export interface ShowcaseCooperation {
  cooperation: { id: string; programmeId: string | null; programmeNames: Names | null; names: Names; themes: string[]; status: string; startDate: string | null; endDate: string | null; members: MonMember[] };
  transitions: { from: string | null; to: string; date: string; note: string | null }[];
  actionPlan: { keyFocus: Names; challenges: Names; objectives: Names; expectedResults: Names; benefits: Names; sdgs: string[]; urbanAgenda: string[] } | null;
  actions: MonAction[];
  kpis: KpiMonitoring[];
  kpiCounts: Record<string, number>;
  actionsByStatus: Record<string, number>;
  activities: MonActivity[];
  partners: { names: Names; kind: string; country: string | null; role: string }[];
  pilots: { id: string; titles: Names; city: string | null; startDate: string | null; endDate: string | null; status: string }[];
  sources: MonSource[];
  asOf: string;
}

export interface ShowcaseProgramme {
  programme: { id: string; names: Names; descriptions: Names; startDate: string | null; endDate: string | null; themes: string[]; funder: string | null };
  activities: MonActivity[];
  cooperations: { id: string; names: Names; themes: string[]; status: string; startDate: string | null; endDate: string | null; members: MonMember[]; activities: MonActivity[]; kpiCounts: Record<string, number>; actionsByStatus: Record<string, number> }[];
  lines: Line[];
  countsByStatus: Record<string, number>;
  sources: MonSource[];
  asOf: string;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" }, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body && typeof body === "object" ? (body as Problem) : { status: res.status, title: res.statusText });
  return body as T;
}

const enc = encodeURIComponent;

export const monitoringApi = {
  cooperation: (id: string, signal?: AbortSignal) => getJson<CooperationMonitoring>(`/api/v1/cooperations/${enc(id)}/monitoring`, signal),
  programme: (id: string, signal?: AbortSignal) => getJson<ProgrammeMonitoring>(`/api/v1/programmes/${enc(id)}/monitoring`, signal),
  showcaseProgramme: (id: string, signal?: AbortSignal) => getJson<ShowcaseProgramme>(`/api/v1/showcase/programmes/${enc(id)}`, signal),
  showcaseCooperation: (id: string, signal?: AbortSignal) => getJson<ShowcaseCooperation>(`/api/v1/showcase/cooperations/${enc(id)}`, signal),
  /** The report HTML (a whole document) in the language. */
  reportHtml: async (id: string, lang: Lang, signal?: AbortSignal): Promise<string> => {
    const res = await fetch(`/api/v1/cooperations/${enc(id)}/report?format=html&lang=${lang}`, { signal });
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => null);
      throw new ApiError(res.status, body && typeof body === "object" ? (body as Problem) : { status: res.status, title: res.statusText });
    }
    return res.text();
  },
  reportUrl: (id: string, format: "html" | "csv", lang: Lang) => `/api/v1/cooperations/${enc(id)}/report?format=${format}&lang=${lang}`,
};

/** Content written by people in the chosen language, falling back to the other; `fallback` says it did. */
export function pick(names: Names | null | undefined, lang: Lang): { text: string; fallback: boolean } {
  if (!names) return { text: "", fallback: false };
  if (lang === "zh") return names.zh ? { text: names.zh, fallback: false } : { text: names.en, fallback: !!names.en };
  return names.en ? { text: names.en, fallback: false } : { text: names.zh ?? "", fallback: !!names.zh };
}
