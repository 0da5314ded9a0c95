/** Typed client for the district vision and readiness endpoints of `/api/v1`. */
import { request } from "../api";

export type ParticipantGroup = "residents" | "housing-developers" | "city-departments" | "businesses" | "others";
export const PARTICIPANT_GROUPS: ParticipantGroup[] = ["residents", "housing-developers", "city-departments", "businesses", "others"];
export type Aspect = "physical" | "social" | "mental";
export type Kind = "strength" | "problem" | "wish";
export type VoteName = "agree" | "disagree" | "pass";
export type Confidence = "low" | "medium" | "high";
type Names = { en: string; zh: string | null };

export interface VisionProcess { id: string; district: string; question: Names; startsOn: string; endsOn: string | null; status: "open" | "closed"; version: number }
export type ProcessSummary = VisionProcess & { participants: number; statements: number; votes: number };
export interface District { id: string; city: string; names: Names; boundary: unknown; version: number; processes: ProcessSummary[] }
export interface Participant { id: string; process: string; name: string; group: ParticipantGroup; joinedAt: string }
export interface Statement {
  id: string; process: string; author: string; authorGroup: ParticipantGroup; text: string; language: "en" | "zh"; aspect: Aspect; kind: Kind;
  status: "pending" | "accepted" | "hidden"; reason: string | null; createdAt: string; version: number;
}
export interface VoteRecord { statement: string; participant: string; vote: VoteName; votedAt: string }
export interface AgreementCount { agree: number; disagree: number; pass: number; votes: number; agreement: number }
export interface Finding { statement: string; text: string; agreement: number; spread: number; groups: number[]; votes: number; density: number; confidence: Confidence; aspect: Aspect; kind: Kind }
export interface VisionResults {
  process: { id: string; question: Names; district: string; status: string };
  participants: number; statements: number; votes: number; k: number; silhouette: number; density: number; explained: [number, number];
  thresholds: { consensusAgreement: number; minGroupVotes: number; divisiveSpread: number; minVotes: number; seed: number };
  map: { participant: string; name: string; participantGroup: ParticipantGroup; x: number; y: number; group: number; votes: number; sparse: boolean }[];
  groups: { id: number; size: number; participantGroups: Partial<Record<ParticipantGroup, number>> }[];
  breakdown: { statement: string; text: string; total: AgreementCount; groups: AgreementCount[]; participantGroups: Partial<Record<ParticipantGroup, AgreementCount>> }[];
  consensus: Finding[]; divisive: Finding[];
}
export interface VisionDocument { id: string; process: string; title: Names; text: Names; statements: string[]; targets: string[]; actions: string[]; version: number }

export type Prerequisite = "trust" | "participation" | "shared-goals" | "governance" | "funding" | "procurement" | "skills" | "data" | "monitoring" | "knowledge-sharing";
export type CityRole = "project-partner" | "facilitator" | "enabler" | "orchestrator";
export interface Partner { id: string; name: string; sector: "public" | "private" | "people"; interests: string | null }
export interface Tension { between: [string, string]; description: string }
export interface Assessment {
  id: string; pilot: string | null; action: string | null; title: string | null;
  scores: Partial<Record<Prerequisite, { score: number | null; evidence: string | null }>>;
  role: CityRole | null; roleNote: string | null; partners: Partner[]; tensions: Tension[]; version: number;
}
export interface ReadinessResult {
  radar: { prerequisite: Prerequisite; dimension: string; score: number | null }[];
  dimensions: { dimension: string; mean: number | null; scored: number }[];
  gaps: { prerequisite: Prerequisite; dimension: string; score: number; evidence: string | null; keywords: string[]; practices: { id: string; title: { en: string | null; zh: string | null }; city: string; matched: string[] }[] }[];
  unscored: Prerequisite[];
}
export interface AssessmentView { assessment: Assessment; subject: { kind: "pilot" | "action"; id: string; title: Names; cooperation: string } | null; result: ReadinessResult }
export interface Framework {
  source: string;
  dimensions: { key: string; names: { en: string; zh: string }; prerequisites: { key: Prerequisite; names: { en: string; zh: string }; keywords: string[] }[] }[];
  scale: { score: number; en: string; zh: string }[];
  gapMaxScore: number;
  roles: { key: CityRole; names: { en: string; zh: string } }[];
}

const V = "/api/v1";
const e = encodeURIComponent;
export const visionApi = {
  districts: (city: string, signal?: AbortSignal) => request<{ items: District[] }>("GET", `${V}/cities/${e(city)}/districts`, undefined, signal),
  updateDistrict: (d: District, body: { names: { en: string; zh?: string | null }; boundary: unknown }) => request<District>("PUT", `${V}/districts/${e(d.id)}`, { ...body, version: d.version }),
  createDistrict: (city: string, body: { names: { en: string; zh?: string | null }; boundary?: unknown }) => request<District>("POST", `${V}/cities/${e(city)}/districts`, body),
  district: (id: string, signal?: AbortSignal) => request<District>("GET", `${V}/districts/${e(id)}`, undefined, signal),
  createProcess: (district: string, body: { question: { en: string; zh?: string | null }; startsOn: string; endsOn?: string | null }) => request<VisionProcess>("POST", `${V}/districts/${e(district)}/processes`, body),
  updateProcess: (p: VisionProcess, status: VisionProcess["status"]) =>
    request<VisionProcess>("PUT", `${V}/vision-processes/${e(p.id)}`, { question: p.question, startsOn: p.startsOn, endsOn: p.endsOn, status, version: p.version }),
  join: (process: string, body: { name: string; group: ParticipantGroup }) => request<{ participant: Participant; token: string }>("POST", `${V}/vision-processes/${e(process)}/participants`, body),
  me: (process: string, token: string) => request<{ participant: Participant; votes: VoteRecord[] }>("POST", `${V}/vision-processes/${e(process)}/me`, { token }),
  statements: (process: string, signal?: AbortSignal) => request<{ items: Statement[] }>("GET", `${V}/vision-processes/${e(process)}/statements`, undefined, signal),
  submit: (process: string, body: { token: string; text: string; language?: "en" | "zh"; aspect: Aspect; kind: Kind }) => request<Statement>("POST", `${V}/vision-processes/${e(process)}/statements`, body),
  moderate: (statement: string, body: { status: "accepted" | "hidden"; reason?: string | null; version: number }) => request<Statement>("POST", `${V}/vision-statements/${e(statement)}/moderation`, body),
  vote: (statement: string, body: { token: string; vote: VoteName }) => request<VoteRecord>("PUT", `${V}/vision-statements/${e(statement)}/vote`, body),
  results: (process: string, signal?: AbortSignal) => request<VisionResults>("GET", `${V}/vision-processes/${e(process)}/results`, undefined, signal),
  documents: (process: string, signal?: AbortSignal) => request<{ items: VisionDocument[] }>("GET", `${V}/vision-processes/${e(process)}/documents`, undefined, signal),
  createDocument: (process: string, body: { title: { en: string; zh?: string | null }; text: { en: string; zh?: string | null }; statements: string[]; targets: string[]; actions: string[] }) =>
    request<VisionDocument>("POST", `${V}/vision-processes/${e(process)}/documents`, body),
  updateDocument: (id: string, body: { title: { en: string; zh?: string | null }; text: { en: string; zh?: string | null }; statements: string[]; targets: string[]; actions: string[]; version: number }) =>
    request<VisionDocument>("PUT", `${V}/vision-documents/${e(id)}`, body),
  targets: (city: string, signal?: AbortSignal) => request<{ items: { id: string; names: Names | null; targetYear: number; type: string }[] }>("GET", `${V}/cities/${e(city)}/targets`, undefined, signal),
  framework: (signal?: AbortSignal) => request<Framework>("GET", `${V}/readiness/framework`, undefined, signal),
  assessments: (subject: { pilot: string } | { action: string } | { cooperation: string }, signal?: AbortSignal) =>
    request<{ items: Assessment[] }>("GET", `${V}/readiness-assessments?${new URLSearchParams(subject)}`, undefined, signal),
  assessment: (id: string, signal?: AbortSignal) => request<AssessmentView>("GET", `${V}/readiness-assessments/${e(id)}`, undefined, signal),
  startAssessment: (body: { pilot?: string; action?: string }) => request<AssessmentView>("POST", `${V}/readiness-assessments`, body),
  saveAssessment: (id: string, body: Omit<Assessment, "id" | "pilot" | "action">) => request<AssessmentView>("PUT", `${V}/readiness-assessments/${e(id)}`, body),
};

/** The participant token of a process, kept in this browser (accounts come later). */
export const tokenStore = {
  key: (process: string) => `citybridge.vision.${process}.token`,
  get: (process: string): string | null => window.localStorage.getItem(tokenStore.key(process)),
  set: (process: string, token: string) => window.localStorage.setItem(tokenStore.key(process), token),
  clear: (process: string) => window.localStorage.removeItem(tokenStore.key(process)),
};

export const pickName = (n: { en: string; zh: string | null } | { en: string; zh: string }, lang: "en" | "zh") => (lang === "zh" ? n.zh ?? n.en : n.en);
