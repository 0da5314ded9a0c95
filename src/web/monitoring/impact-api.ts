/** Typed client for the impact-evaluation endpoints (see src/api/routes/impact.route.ts). */
import { ApiError, type Problem } from "../api";

export interface Words { en: string; zh: string }

export interface CityImpact {
  treated: string;
  start: number;
  years: number[];
  preFrom: number;
  preFromChosen: "given" | "longest_with_enough_donors" | "most_donors";
  donors: string[];
  donorRule: "country" | "family" | "list";
  excludedDonors: { unit: string; reason: "missing_years" | "same_programme" | "other_cooperation"; detail: string; en: string; zh: string }[];
  weights: { unit: string; weight: number }[];
  series: { year: number; actual: number; synthetic: number; gap: number }[];
  preRmspe: number;
  postRmspe: number;
  ratio: number | null;
  meanPostGap: number;
  meanPostGapShare: number | null;
  placebo: { rank: number; of: number; pValue: number; runs: { unit: string; preRmspe: number; postRmspe: number; ratio: number | null; gaps: number[] }[] };
  leaveOneOut: { unit: string; preRmspe: number; postRmspe: number; ratio: number | null; meanPostGap: number; synthetic: number[] }[];
  did: { estimate: number };
  warnings: { code: string; en: string; zh: string }[];
  verdict: Words;
  indicator: { code: string; names: Words; unit: string };
  city: { slug: string; names: Words };
  names: Record<string, Words>;
}

export const impactApi = {
  /** One member city's indicator, from the cooperation's start year (or `start`). */
  cooperation: async (id: string, city: string, indicator: string, signal?: AbortSignal): Promise<CityImpact> => {
    const q = new URLSearchParams({ city, indicator });
    const res = await fetch(`/api/v1/cooperations/${encodeURIComponent(id)}/impact?${q}`, { headers: { accept: "application/json" }, signal });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, body && typeof body === "object" ? (body as Problem) : { status: res.status, title: res.statusText });
    return body as CityImpact;
  },
};

/** An indicator a city has yearly values of, with its years before and from a start year. */
export interface ImpactIndicatorYears {
  code: string;
  names: Words;
  unit: string;
  years: number[];
  preYears: number;
  postYears: number;
  evaluable: boolean;
  enough: boolean;
}

export type ProgrammeImpactStatus = "evaluated" | "no_start" | "no_data" | "no_pre_years" | "no_post_years" | "not_evaluable";

export interface ProgrammeImpactRow {
  cooperation: { id: string; names: { en: string; zh: string | null } };
  city: { slug: string; names: Words; country: string };
  indicator: { code: string; names: Words; unit: string };
  start: number | null;
  status: ProgrammeImpactStatus;
  reason: Words | null;
  /** For `not_evaluable`: the engine's problem as a code with its params (src/problem-codes.ts). */
  problem?: { code: string; params: Record<string, string | number> };
  preYears: number;
  postYears: number;
  effectShare: number | null;
  meanPostGap: number | null;
  pValue: number | null;
  rank: number | null;
  of: number | null;
  preRmspe: number | null;
  preFitShare: number | null;
  preFit: "good" | "poor" | "few_years" | "interpolated" | null;
  donors: number | null;
  warnings: { code: string; en: string; zh: string }[];
  verdict: Words | null;
}

export interface ProgrammeImpact {
  programme: { id: string; names: { en: string; zh: string | null } };
  indicators: string[];
  rows: ProgrammeImpactRow[];
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body && typeof body === "object" ? (body as Problem) : { status: res.status, title: res.statusText });
  return body as T;
}

export const impactListsApi = {
  /** The city's indicators with yearly values, and how many years fall before and from `start`. */
  indicators: (slug: string, start: number, signal?: AbortSignal) =>
    getJson<{ city: string; start: number; indicators: ImpactIndicatorYears[] }>(`/api/v1/cities/${encodeURIComponent(slug)}/impact/indicators?start=${start}`, signal),
  /** Every member city × indicator of a programme's cooperations. */
  programme: (id: string, indicators: string[], signal?: AbortSignal) =>
    getJson<ProgrammeImpact>(`/api/v1/programmes/${encodeURIComponent(id)}/impact?${new URLSearchParams({ indicator: indicators.join(",") })}`, signal),
};
