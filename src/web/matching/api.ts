/** Typed client for the matchmaking endpoints of `/api/v1` (counterparts of a city, the programme pairing board). */
import { ApiError, type Problem } from "../api";
import type { Cooperation } from "../cooperations/api";

export const SIZES = ["small", "medium", "large", "megacity"] as const;
export type Size = (typeof SIZES)[number];

/** The figures behind a reason (see src/domain/counterpart.ts). */
export interface ReasonFacts {
  indicator?: string;
  theme?: string;
  counterpart?: number;
  city?: number;
  unit?: string;
  period?: string;
  betterThan?: number;
  trend?: number;
  measured?: boolean;
  shared?: string[] | null;
}

export interface Reason { factor: string; share: number; detail: string; facts: ReasonFacts }

export interface ComparedValue { value: number; period: string; source: string | null }

export interface ComparedIndicator {
  code: string;
  names: { en: string; zh: string };
  theme: string;
  unit: string;
  direction: "lower" | "higher";
  city: ComparedValue | null;
  counterpart: ComparedValue | null;
  standing: { city: number | null; counterpart: number | null };
}

export interface CounterpartResult {
  city: string;
  score: number;
  confidence: number;
  reasons: Reason[];
  names: { en: string; zh: string | null };
  country: string;
  region: string | null;
  population: number | null;
  compare: ComparedIndicator[];
}

export interface Counterparts {
  city: string;
  coverage: { indicators: number; context: number };
  results: CounterpartResult[];
  method: {
    weights: Record<string, number>;
    rationale: { weight: string; en: string; zh: string; sources: string[] }[];
    sources: { id: string; citation: string; url: string | null }[];
  };
}

export interface CounterpartQuery { top?: number; region?: string; country?: string; theme?: string; size?: Size }

export interface PairingCity { slug: string; names: { en: string; zh: string | null }; country: string }

/** How a city came onto the board: applicant (accepted or eligible), member of a live cooperation of the programme, or added by hand. */
export type CandidateStatus = "accepted" | "eligible" | "member" | "added";

/** A pair already joined by a live cooperation of the programme. */
export interface FormedPair { a: string; b: string; cooperationId: string; status: string; names: { en: string; zh: string | null } }

export interface PairingCandidates {
  programmeId: string;
  names: { en: string; zh: string | null };
  themes: string[];
  sides: { key: string; names: { en: string; zh: string | null }; countries: string[] }[];
  candidates: (PairingCity & { status: string; side: string | null })[];
  formed: FormedPair[];
}

export interface PairingReason extends Reason { learner: string | null }
export interface PairingCell { score: number; ab: number; ba: number; reasons: PairingReason[] }

export interface PairingRequest {
  sideA: string[];
  sideB: string[];
  capacityA: number;
  capacityB: number;
  fixed: [string, string][];
  forbidden: [string, string][];
}

export interface PairingResult {
  programmeId: string;
  sideA: (PairingCity & { status: CandidateStatus })[];
  sideB: (PairingCity & { status: CandidateStatus })[];
  capacityA: number;
  capacityB: number;
  method: string;
  scores: PairingCell[][];
  /** `cooperationId`: the pair is already a cooperation (kept as a fixed pair). */
  pairs: { a: string; b: string; score: number; fixed: boolean; cooperationId: string | null }[];
  formed: (FormedPair & { onBoard: boolean })[];
  total: number;
  unpaired: { a: string[]; b: string[] };
}

export interface PairingProposalResult {
  created: { id: string; names: { en: string; zh: string | null }; members: string[] }[];
  skipped: { a: string; b: string; cooperationId: string }[];
}

export interface NewCooperation {
  programmeId: string;
  names: { en: string; zh?: string };
  themes: string[];
  members: { slug: string; role: "lead" | "partner" | "mentor" | "learner"; side?: "a" | "b" }[];
  origin: "pairing";
}

async function send<T>(method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, parsed && typeof parsed === "object" ? (parsed as Problem) : { status: res.status, title: res.statusText });
  return parsed as T;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.size ? `?${q}` : "";
};

export const matchingApi = {
  counterparts: (slug: string, query: CounterpartQuery, signal?: AbortSignal) =>
    send<Counterparts>("GET", `/api/v1/cities/${encodeURIComponent(slug)}/counterparts${qs({ ...query })}`, undefined, signal),
  candidates: (programmeId: string, includeEligible: boolean, signal?: AbortSignal) =>
    send<PairingCandidates>("GET", `/api/v1/programmes/${encodeURIComponent(programmeId)}/pairing/candidates${qs({ includeEligible: includeEligible ? "true" : undefined })}`, undefined, signal),
  solve: (programmeId: string, req: PairingRequest) => send<PairingResult>("POST", `/api/v1/programmes/${encodeURIComponent(programmeId)}/pairing`, req),
  /** POST /api/v1/cooperations (the cooperations API). */
  createCooperation: (body: NewCooperation) => send<Cooperation>("POST", "/api/v1/cooperations", body),
  /** Pairs of the board as proposed cooperations; pairs already formed are skipped; `added`: cities proposed on purpose although they did not apply or were not accepted. */
  propose: (programmeId: string, body: { pairs: [string, string][]; added: string[] }) =>
    send<PairingProposalResult>("POST", `/api/v1/programmes/${encodeURIComponent(programmeId)}/pairing/proposals`, body),
};
