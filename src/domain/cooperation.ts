import { z } from "zod";
import { SlugSchema } from "./city.js";
import { IndicatorCodeSchema } from "./indicator.js";

/** Life of a cooperation (DOMAIN.md): proposed → agreed (MoU signed) → active → completed, or discontinued. */
export const COOPERATION_STATUSES = ["proposed", "agreed", "active", "completed", "discontinued"] as const;
export const CooperationStatusSchema = z.enum(COOPERATION_STATUSES);
export type CooperationStatus = z.infer<typeof CooperationStatusSchema>;

export const MEMBER_ROLES = ["lead", "partner", "mentor", "learner"] as const;
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const SideSchema = z.enum(["a", "b"]);
export const OriginSchema = z.enum(["manual", "pairing", "seed"]);
export const DateSchema = z.iso.date();

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const NamesSchema = z.object({ en: z.string(), zh: z.string().nullable() });
export const NamesInputSchema = z.object({ en: text(300), zh: z.string().trim().max(300).nullable().optional() });

export const CooperationMemberSchema = z.object({
  slug: z.string(),
  names: NamesSchema,
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  role: MemberRoleSchema,
  side: SideSchema.nullable(),
});
export type CooperationMember = z.infer<typeof CooperationMemberSchema>;

export const CooperationTransitionSchema = z.object({
  from: CooperationStatusSchema.nullable(),
  to: CooperationStatusSchema,
  date: z.string(),
  note: z.string().nullable(),
});
export type CooperationTransition = z.infer<typeof CooperationTransitionSchema>;

/** GET /api/v1/cooperations/:id — the same shape as `Cooperation` in src/web/cooperations/api.ts. */
export const CooperationSchema = z.object({
  id: z.string(),
  programmeId: z.string().nullable(),
  /** The programme's names, for links (added to the web contract). */
  programmeNames: NamesSchema.nullable(),
  names: NamesSchema,
  themes: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: CooperationStatusSchema,
  origin: OriginSchema,
  members: z.array(CooperationMemberSchema),
  transitions: z.array(CooperationTransitionSchema),
  allowedTransitions: z.array(CooperationStatusSchema),
  sources: z.array(z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() })),
  version: z.number().int(),
});
export type Cooperation = z.infer<typeof CooperationSchema>;

export const MemberInputSchema = z.object({ slug: SlugSchema, role: MemberRoleSchema, side: SideSchema.nullable().optional() });
export type MemberInput = z.infer<typeof MemberInputSchema>;

const Theme = text(60);

export const NewCooperationSchema = z.object({
  programmeId: z.string().trim().min(1).max(120).nullable().optional(),
  names: NamesInputSchema,
  themes: z.array(Theme).max(20).default([]),
  startDate: DateSchema.nullable().optional(),
  endDate: DateSchema.nullable().optional(),
  members: z.array(MemberInputSchema).min(2, "a cooperation needs at least two member cities").max(30),
  /** "seed" is reserved for the shipped, documented data. */
  origin: z.enum(["manual", "pairing"]).default("manual"),
});
export type NewCooperation = z.input<typeof NewCooperationSchema>;

export const CooperationUpdateSchema = z.object({
  version: z.number().int().positive(),
  names: NamesInputSchema.optional(),
  themes: z.array(Theme).max(20).optional(),
  startDate: DateSchema.nullable().optional(),
  endDate: DateSchema.nullable().optional(),
  members: z.array(MemberInputSchema).min(2, "a cooperation needs at least two member cities").max(30).optional(),
});
export type CooperationUpdate = z.infer<typeof CooperationUpdateSchema>;

export const TransitionInputSchema = z.object({
  to: CooperationStatusSchema,
  date: DateSchema,
  note: z.string().trim().max(2000).nullable().optional(),
  version: z.number().int().positive(),
});
export type TransitionInput = z.infer<typeof TransitionInputSchema>;

/**
 * The 14 thematic partnerships of the Urban Agenda for the EU (Pact of Amsterdam 2016: 12;
 * culture/cultural heritage and security in public spaces added in 2018).
 */
export const URBAN_AGENDA_SOURCE = "https://futurium.ec.europa.eu/en/urban-agenda";
export const URBAN_AGENDA_TOPICS = [
  "inclusion-of-migrants-and-refugees",
  "air-quality",
  "urban-poverty",
  "housing",
  "circular-economy",
  "jobs-and-skills-in-the-local-economy",
  "climate-adaptation",
  "energy-transition",
  "sustainable-use-of-land-and-nature-based-solutions",
  "urban-mobility",
  "digital-transition",
  "innovative-and-responsible-public-procurement",
  "culture-and-cultural-heritage",
  "security-in-public-spaces",
] as const;
export const UrbanAgendaTopicSchema = z.enum(URBAN_AGENDA_TOPICS);

const Bi = z.object({ en: z.string().nullable(), zh: z.string().nullable() });
const BiInput = z.object({ en: optText(10000), zh: optText(10000) });

/** The Urban Cooperation Action Plan (UCAP) fields of a cooperation (DOMAIN.md). */
export const ActionPlanSchema = z.object({
  cooperationId: z.string(),
  keyFocus: Bi,
  challenges: Bi,
  objectives: Bi,
  expectedResults: Bi,
  benefits: Bi,
  /** UN Sustainable Development Goals, 1–17. */
  sdgs: z.array(z.number().int()),
  urbanAgenda: z.array(UrbanAgendaTopicSchema),
  /** 0 until the plan is first saved. */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

export const ActionPlanInputSchema = z.object({
  /** The version the edit was based on (0 for a plan never saved). */
  version: z.number().int().min(0),
  keyFocus: BiInput.optional(),
  challenges: BiInput.optional(),
  objectives: BiInput.optional(),
  expectedResults: BiInput.optional(),
  benefits: BiInput.optional(),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  urbanAgenda: z.array(UrbanAgendaTopicSchema).max(14).default([]),
});
export type ActionPlanInput = z.infer<typeof ActionPlanInputSchema>;

export const ACTION_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** An expected impact: a figure with its unit, e.g. 1200 "tCO2e/yr" or 3 "µg/m³". */
export const ImpactSchema = z.object({ value: z.number(), unit: text(30), label: z.string().trim().max(300).nullable().optional() });
export type Impact = z.infer<typeof ImpactSchema>;

const ActionFields = {
  titles: NamesInputSchema,
  theme: z.string().trim().max(60).nullable().optional(),
  ownerCity: SlugSchema.nullable().optional(),
  partnerIds: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  startDate: DateSchema.nullable().optional(),
  endDate: DateSchema.nullable().optional(),
  budget: z.number().nonnegative().nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR").nullable().optional(),
  fundingSource: z.string().trim().max(300).nullable().optional(),
  status: ActionStatusSchema.default("planned"),
  completionPct: z.number().int().min(0).max(100).default(0),
  impact: z.array(ImpactSchema).max(20).default([]),
  practiceId: z.string().trim().min(1).max(120).nullable().optional(),
};
export const NewActionSchema = z.object(ActionFields);
export type NewAction = z.infer<typeof NewActionSchema>;
export const ActionUpdateSchema = z.object({ ...ActionFields, version: z.number().int().positive() });
export type ActionUpdate = z.infer<typeof ActionUpdateSchema>;

export const CooperationActionSchema = z.object({
  id: z.string(),
  cooperationId: z.string(),
  titles: NamesSchema,
  theme: z.string().nullable(),
  ownerCity: z.string().nullable(),
  partnerIds: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  fundingSource: z.string().nullable(),
  status: ActionStatusSchema,
  completionPct: z.number().int(),
  impact: z.array(z.object({ value: z.number(), unit: z.string(), label: z.string().nullable() })),
  practiceId: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CooperationAction = z.infer<typeof CooperationActionSchema>;

const KpiFields = {
  actionId: z.string().min(1).max(120).nullable().optional(),
  pilotId: z.string().min(1).max(120).nullable().optional(),
  indicator: IndicatorCodeSchema.nullable().optional(),
  city: SlugSchema.nullable().optional(),
  names: NamesInputSchema,
  unit: text(30),
  baselineValue: z.number(),
  baselineDate: DateSchema,
  targetValue: z.number(),
  targetYear: z.number().int().min(1990).max(2100),
};
export const NewKpiSchema = z.object(KpiFields);
export type NewKpi = z.infer<typeof NewKpiSchema>;
export const KpiUpdateSchema = z.object({ ...KpiFields, version: z.number().int().positive() });
export type KpiUpdate = z.infer<typeof KpiUpdateSchema>;

export const KpiSchema = z.object({
  id: z.string(),
  cooperationId: z.string(),
  actionId: z.string().nullable(),
  pilotId: z.string().nullable(),
  indicator: z.string().nullable(),
  city: z.string().nullable(),
  names: NamesSchema,
  unit: z.string(),
  baselineValue: z.number(),
  baselineDate: z.string(),
  targetValue: z.number(),
  targetYear: z.number().int(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const KpiValueInputSchema = z.object({ date: DateSchema, value: z.number(), note: z.string().trim().max(2000).nullable().optional() });
export type KpiValueInput = z.infer<typeof KpiValueInputSchema>;
export const KpiValueSchema = z.object({ date: z.string(), value: z.number(), note: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() });
export type KpiValue = z.infer<typeof KpiValueSchema>;
