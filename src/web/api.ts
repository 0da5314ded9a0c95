/** Typed client for the citybridge HTTP API (`/api/v1`). The web UI talks to the server only through here. */

import { problemText } from "./problem-text";

export type Lang = "en" | "zh";

export interface City {
  slug: string;
  geonamesId: number | null;
  names: { en: string; zh: string | null; local: string | null };
  country: string;
  region: string | null;
  admin1: string | null;
  coordinates: { lat: number; lon: number };
  population: { value: number | null; year: number | null; source: string | null };
  areaKm2: number | null;
  timezone: string | null;
}

export interface CityPoint {
  slug: string;
  names: { en: string; zh: string | null; local?: string | null };
  country: string;
  lat: number;
  lon: number;
  population: number | null;
}

export interface Observation {
  city: string;
  indicator: string;
  period: string;
  value: number;
  source: string;
  note: string | null;
  importedBy: string;
  importedAt: string;
  /** The source's own name for the place, how it was matched, measured/modelled/reported, the source's quality fields. */
  place: string | null;
  match: string | null;
  basis: Basis | null;
  quality: string | null;
}

export type Basis = "measured" | "modelled" | "reported";

export interface Bilingual { en: string; zh: string }

export interface IndicatorReference { label: Bilingual; value: number; source: string | null }

export interface Indicator {
  code: string;
  theme: string;
  names: Bilingual;
  unit: string;
  direction: "lower" | "higher" | null;
  description: Bilingual | null;
  references: IndicatorReference[];
}

export interface Coverage { cities: number; observations: number; first: string | null; last: string | null }

export interface Standing { better: number; of: number }

export interface ProfileFigure {
  indicator: Pick<Indicator, "code" | "names" | "unit" | "direction" | "description">;
  value: number;
  period: string;
  source: Source;
  note: string | null;
  place: string | null;
  match: string | null;
  basis: Basis | null;
  quality: string | null;
  reference: (IndicatorReference & { citation: string | null }) | null;
  standing: { country: Standing | null; world: Standing | null };
  series: { period: string; value: number }[];
}

export interface CityProfile {
  city: string;
  country: string;
  themes: { theme: string; figures: ProfileFigure[]; missing: Pick<Indicator, "code" | "names" | "unit">[] }[];
}

export interface LatestValue { city: string; period: string; value: number; source: string }

export interface Source { id: string; citation: string; url: string | null; licence: string | null }

export interface ImportResult { rows: number; inserted: number; updated: number; unchanged: number }

/** One listed problem: `message` in English, `code` and `params` to say it in the user's language. */
export interface ImportProblem { row?: number; column?: string; value?: string | null; message: string; path?: string; code?: string; params?: Record<string, string | number> }

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Stable machine-readable code (src/problem-codes.ts) and the values its message interpolates. */
  code?: string;
  params?: Record<string, string | number>;
  errors?: ImportProblem[];
  /** Set when the API reports only the first problems of a long list. */
  totalErrors?: number;
}

/**
 * An HTTP failure carrying the problem+json body the API sent (or a stand-in). Its `message` is
 * read in the current UI language (from the problem's `code` and `params`), the server's English
 * text only for a code the client does not know.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    const english = this.message;
    Object.defineProperty(this, "message", { get: () => problemText(problem, english), configurable: true, enumerable: false });
  }

  /** The server's English text, as sent. */
  get englishMessage(): string {
    return this.problem.detail ?? this.problem.title ?? `HTTP ${this.status}`;
  }
}

/** What the upload of a file ends with: its result, every problem the server listed, or another failure. */
export type UploadOutcome<R> =
  | { kind: "ok"; file: string; result: R }
  | { kind: "invalid"; file: string; problems: ImportProblem[]; total: number; error: ApiError }
  | { kind: "error"; file: string; message: string };

/** The outcome of an upload that failed: the problem list of a refused file, else the error's message. */
export function uploadFailure(file: string, e: unknown): Exclude<UploadOutcome<never>, { kind: "ok" }> {
  if (e instanceof ApiError && e.problem.errors?.length) {
    return { kind: "invalid", file, problems: e.problem.errors, total: e.problem.totalErrors ?? e.problem.errors.length, error: e };
  }
  return { kind: "error", file, message: e instanceof Error ? e.message : String(e) };
}

async function parse<T>(res: Response): Promise<T> {
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await res.json().catch(() => null) : await res.text().catch(() => null);
  if (!res.ok) {
    const problem: Problem = body && typeof body === "object" ? (body as Problem) : { title: res.statusText, status: res.status, detail: typeof body === "string" ? body : undefined };
    throw new ApiError(res.status, problem);
  }
  return body as T;
}

/**
 * One JSON call to the API: `body` sent as JSON (or as given with another `contentType`), 204 as
 * undefined, any other failure as an ApiError with the problem+json the API sent.
 */
export async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal, contentType = "application/json"): Promise<T> {
  const res = await fetch(url, {
    method,
    signal,
    headers: { accept: "application/json", ...(body !== undefined ? { "content-type": contentType } : {}) },
    body: body === undefined ? undefined : contentType === "application/json" ? JSON.stringify(body) : (body as BodyInit),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (data as Problem | null) ?? { status: res.status, title: res.statusText });
  return data as T;
}

async function get<T>(path: string, params?: Record<string, string | number | null | undefined>, signal?: AbortSignal): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const url = qs.size ? `${path}?${qs}` : path;
  return parse<T>(await fetch(url, { headers: { accept: "application/json" }, signal }));
}

export interface CityQuery { q?: string; country?: string; minPopulation?: number | null; limit?: number; cursor?: string | null }

export const api = {
  health: (signal?: AbortSignal) => get<{ status: string; database: string; version: string }>("/api/health", undefined, signal),
  cities: (query: CityQuery, signal?: AbortSignal) =>
    get<{ items: City[]; nextCursor: string | null }>("/api/v1/cities", {
      q: query.q, country: query.country, min_population: query.minPopulation, limit: query.limit, cursor: query.cursor,
    }, signal),
  cityPoints: (signal?: AbortSignal) => get<{ items: CityPoint[] }>("/api/v1/cities/points", undefined, signal),
  city: (slug: string, signal?: AbortSignal) => get<City>(`/api/v1/cities/${encodeURIComponent(slug)}`, undefined, signal),
  observations: (slug: string, indicator?: string, signal?: AbortSignal) =>
    get<{ city: string; items: Observation[] }>(`/api/v1/cities/${encodeURIComponent(slug)}/observations`, { indicator }, signal),
  profile: (slug: string, signal?: AbortSignal) => get<CityProfile>(`/api/v1/cities/${encodeURIComponent(slug)}/profile`, undefined, signal),
  indicators: (signal?: AbortSignal) => get<{ items: (Indicator & { coverage: Coverage })[] }>("/api/v1/indicators", undefined, signal),
  latest: (code: string, signal?: AbortSignal) =>
    get<{ indicator: string; items: LatestValue[] }>(`/api/v1/indicators/${encodeURIComponent(code)}/latest`, undefined, signal),
  sources: (signal?: AbortSignal) => get<{ items: Source[] }>("/api/v1/sources", undefined, signal),
  /** Sends a CSV file of observations; all-or-nothing on the server. */
  importObservations: async (file: Blob): Promise<ImportResult> =>
    parse<ImportResult>(await fetch("/api/v1/observations/import", {
      method: "POST", headers: { "content-type": "text/csv", accept: "application/json" }, body: file,
    })),
  exportUrl: (params: { city?: string; indicator?: string; format: "csv" | "json" }): string => {
    const qs = new URLSearchParams();
    if (params.city) qs.set("city", params.city);
    if (params.indicator) qs.set("indicator", params.indicator);
    qs.set("format", params.format);
    return `/api/v1/observations/export?${qs}`;
  },
};

/** The city's name in the chosen language, falling back to the other one. */
export function cityName(names: { en: string; zh: string | null }, lang: Lang): string {
  return lang === "zh" ? names.zh ?? names.en : names.en;
}
