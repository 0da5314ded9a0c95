/** Typed client for the cooperation endpoints of `/api/v1` (see src/api/routes/cooperations.route.ts). */
import type { Bilingual } from "../api";

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
