/** Typed client for the air-quality endpoints of `/api/v1` (see src/api/routes/air.route.ts). */
import { ApiError, type Bilingual, type Problem } from "../api";

export const AIR_POLLUTANTS = ["pm25", "pm10", "so2", "no2", "co", "o3"] as const;
export type AirPollutant = (typeof AIR_POLLUTANTS)[number];
export type IndexFamily = "cn" | "us" | "eu";
export const INDEX_FAMILIES: IndexFamily[] = ["cn", "us", "eu"];

export interface AirStation {
  id: string; city: string; name: string; format: "openaq" | "uci"; externalId: string;
  lat: number | null; lon: number | null; source: string; firstDate: string; lastDate: string; days: number;
  importedBy: string; importedAt: string;
}

export interface PollutantDay { hours: number; mean: number | null; max1h: number | null; max8h: number | null }
export interface DayIndex { standard: string; value: number | null; level: number | null; primary: string[] }
export interface AirDay {
  date: string; stations: number;
  pollutants: Record<AirPollutant, PollutantDay>;
  indices: Record<IndexFamily, DayIndex>;
  sources: string[];
}

export interface AirAnnual {
  year: number;
  pollutants: Record<AirPollutant, { mean: number | null; days: number; complete: boolean }>;
  aqiDays: number; goodDays: number; goodDaysShare: number | null; aqiComplete: boolean;
  categoryDays: Record<IndexFamily, number[]>;
  exceedances: Record<string, Record<string, number>>;
  sources: string[];
}

export interface AirCategory extends Bilingual { level: number; min: number; max: number | null; color: string }
export interface AirStandard {
  id: string; family: IndexFamily; name: string; version: string; validFrom: string | null; validUntil: string | null;
  source: string; scale: "aqi" | "band"; categories: AirCategory[];
}
export interface AirLimitSet { id: string; label: Bilingual; source: string; applies: boolean; limits: Record<string, number> }

export interface AirOverview {
  city: string; stations: AirStation[]; annual: AirAnnual[]; firstDate: string | null; lastDate: string | null;
  standards: AirStandard[]; limitSets: AirLimitSet[]; rules: string[]; sources: string[];
}

export interface AirImportResult {
  format: "openaq" | "uci"; city: string; source: string; rows: number; values: number; gaps: number; negative: number;
  ignoredRows: number; ignoredParameters: string[];
  stations: { id: string; name: string; days: number; firstDate: string; lastDate: string }[];
  stationDays: number; cityDays: number; years: number[];
  observations: { indicator: string; period: string; value: number }[];
  rules: string[];
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

const base = (slug: string) => `/api/v1/cities/${encodeURIComponent(slug)}/air`;

export const airApi = {
  overview: async (slug: string, signal?: AbortSignal) => parse<AirOverview>(await fetch(base(slug), { headers: { accept: "application/json" }, signal })),
  daily: async (slug: string, range: { from: string; to: string }, signal?: AbortSignal) =>
    parse<{ city: string; station: string | null; items: AirDay[] }>(
      await fetch(`${base(slug)}/daily?${new URLSearchParams(range)}`, { headers: { accept: "application/json" }, signal }),
    ),
  /** A page of days: at most `limit`, after the date `after` (the previous page's `next`). */
  dailyPage: async (slug: string, q: { from: string; to: string; limit: number; after?: string }, signal?: AbortSignal) =>
    parse<{ city: string; station: string | null; items: AirDay[]; next: string | null }>(
      await fetch(`${base(slug)}/daily?${new URLSearchParams({ from: q.from, to: q.to, limit: String(q.limit), ...(q.after ? { after: q.after } : {}) })}`, { headers: { accept: "application/json" }, signal }),
    ),
  /** Sends an hourly CSV (OpenAQ archive or UCI Beijing format) as a multipart form; all rows or none on the server. */
  upload: async (slug: string, file: File): Promise<AirImportResult> => {
    const form = new FormData();
    form.append("file", file);
    return parse<AirImportResult>(await fetch(`${base(slug)}/import`, { method: "POST", body: form, headers: { accept: "application/json" } }));
  },
};
