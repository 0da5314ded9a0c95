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
