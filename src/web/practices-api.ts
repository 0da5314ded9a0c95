/** Typed client for the practice library routes of the API (`/api/v1/practices`). */
import { ApiError, type Bilingual, type Problem, type Source } from "./api";

export const PRACTICE_THEMES = ["transport", "air", "green", "congestion", "energy", "ghg", "waste"] as const;
export type PracticeTheme = (typeof PRACTICE_THEMES)[number];

export interface MaybeBilingual { en: string | null; zh: string | null }
export interface SnippetPart { text: string; match: boolean }

export interface PracticeHit {
  id: string;
  title: MaybeBilingual;
  city: string;
  country: string;
  themes: PracticeTheme[];
  measured: boolean;
  score: number;
  snippet: SnippetPart[] | null;
  snippetLang?: "en" | "zh" | null;
  cityZh?: string | null;
}

export interface FacetCount { value: string; count: number }

export interface PracticeSearchResult {
  query: string;
  total: number;
  results: PracticeHit[];
  facets: { theme: FacetCount[]; country: FacetCount[]; region: FacetCount[]; measured: FacetCount[] };
  suggestions: string[];
}

export interface Outcome {
  metric: string;
  value: number;
  valueMax: number | null;
  unit: string;
  baseline: number | null;
  year: number | null;
  note: string | null;
  indicator: string | null;
  kind: "measured" | "modelled" | "target";
  source: Source;
}

export interface Criterion { rating: "strong" | "partial" | "weak"; note: string }

export interface Practice {
  id: string;
  title: MaybeBilingual;
  summary: MaybeBilingual;
  city: string;
  citySlug: string | null;
  country: string;
  region: string | null;
  themes: PracticeTheme[];
  startYear: number | null;
  endYear: number | null;
  measures: string[];
  outcomes: Outcome[];
  cost: { amount: number; currency: string; note: string | null; source: Source } | null;
  transferability: string | null;
  assessment: { fit: Criterion | null; relevance: Criterion | null; evidence: Criterion | null; transferability: Criterion | null } | null;
  sources: (Source & { title: string; publisher: string | null; year: number | null })[];
  measured: boolean;
  updatedAt: string;
}

export interface CityGap {
  indicator: { code: string; names: Bilingual; unit: string; theme: string };
  observation: { value: number; period: string; source: string };
  reference: { value: number; kind: "reference" | "median"; label: Bilingual | null; source: string | null; peers: number | null };
  ratio: number;
}

export interface PracticesForCity {
  city: string;
  gaps: CityGap[];
  practices: (Omit<PracticeHit, "snippet"> & { reasons: { indicator: string; match: "outcome" | "theme"; metric: string | null }[] })[];
}

export interface PracticeQuery { q?: string; theme?: string; country?: string; region?: string; measured?: string; lang?: "en" | "zh"; limit?: number; offset?: number }

async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const res = await fetch(qs.size ? `${path}?${qs}` : path, { headers: { accept: "application/json" }, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body && typeof body === "object" ? (body as Problem) : { status: res.status, title: res.statusText });
  return body as T;
}

export const practicesApi = {
  search: (q: PracticeQuery, signal?: AbortSignal) => getJson<PracticeSearchResult>("/api/v1/practices", { ...q }, signal),
  get: (id: string, signal?: AbortSignal) => getJson<Practice>(`/api/v1/practices/${encodeURIComponent(id)}`, {}, signal),
  forCity: (slug: string, signal?: AbortSignal) => getJson<PracticesForCity>(`/api/v1/cities/${encodeURIComponent(slug)}/practices`, {}, signal),
};

/** The title in the chosen language, falling back to the other one (with `fallback` set so the UI can mark it). */
export function pick(text: MaybeBilingual, lang: "en" | "zh"): { text: string; fallback: boolean } {
  const want = text[lang];
  if (want) return { text: want, fallback: false };
  return { text: text[lang === "en" ? "zh" : "en"] ?? "", fallback: true };
}
