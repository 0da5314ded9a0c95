import { z } from "zod";
import { CountryCodeSchema, SlugSchema } from "./city.js";
import { PRACTICE_THEMES } from "./practice.js";
import { SourceSchema } from "./source.js";

/** Themes a programme, call or application can address (the practice themes). */
export const ProgrammeThemeSchema = z.enum(PRACTICE_THEMES);
export type ProgrammeTheme = z.infer<typeof ProgrammeThemeSchema>;

/** Record ids: readable text ids (slug plus a short random suffix, or a UUID). */
export const RecordIdSchema = z.string().trim().min(1).max(200);

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-01")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a calendar date");

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().max(5000);

/** A name in English (required) and Chinese (where given). */
export const NamesSchema = z.object({ en: z.string().min(1), zh: z.string().nullable() });
export const NamesInputSchema = z.object({ en: text(300), zh: text(300).nullable().optional() });
/** Long text in both languages; either may be missing ("not yet reported"). */
export const TextsSchema = z.object({ en: z.string().nullable(), zh: z.string().nullable() });
export const TextsInputSchema = z.object({ en: longText.nullable().optional(), zh: longText.nullable().optional() });

export const SIDE_KEYS = ["a", "b"] as const;
export const SideKeySchema = z.enum(SIDE_KEYS);
export type SideKey = z.infer<typeof SideKeySchema>;

/** One side of a programme (e.g. the EU side and the Chinese side) and the countries on it. */
export const ProgrammeSideSchema = z.object({
  key: SideKeySchema,
  names: NamesSchema,
  countries: z.array(CountryCodeSchema),
});
export type ProgrammeSide = z.infer<typeof ProgrammeSideSchema>;
export const ProgrammeSideInputSchema = z.object({
  key: SideKeySchema,
  names: NamesInputSchema,
  countries: z.array(CountryCodeSchema).max(60).default([]),
});

/**
 * Who may apply. Countries are per side (see `sides`); a call's rules override the programme's
 * where set. Population in inhabitants.
 */
export const EligibilityRulesSchema = z.object({
  minPopulation: z.number().int().nonnegative().optional(),
  requireInventory: z.boolean().optional(),
  requireTarget: z.boolean().optional(),
  requirePlan: z.boolean().optional(),
});
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;

export const ProgrammeCountsSchema = z.object({ calls: z.number().int(), applications: z.number().int(), cooperations: z.number().int() });
export type ProgrammeCounts = z.infer<typeof ProgrammeCountsSchema>;

export const ProgrammeSchema = z.object({
  id: RecordIdSchema,
  names: NamesSchema,
  descriptions: TextsSchema,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  themes: z.array(ProgrammeThemeSchema),
  sides: z.array(ProgrammeSideSchema),
  funder: z.string().nullable(),
  eligibility: EligibilityRulesSchema,
  sourceIds: z.array(z.string()),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: ProgrammeCountsSchema.optional(),
  /** The cited sources, resolved (on the detail only). */
  sources: z.array(SourceSchema).optional(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

const sidesInput = z
  .array(ProgrammeSideInputSchema)
  .max(2)
  .refine((s) => new Set(s.map((x) => x.key)).size === s.length, "each side key (a, b) may appear once");

export const NewProgrammeSchema = z.object({
  names: NamesInputSchema,
  descriptions: TextsInputSchema.optional(),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
  themes: z.array(ProgrammeThemeSchema).max(7).default([]),
  sides: sidesInput.default([]),
  funder: text(300).nullable().optional(),
  eligibility: EligibilityRulesSchema.default({}),
  sourceIds: z.array(z.string().min(1).max(120)).max(50).default([]),
});
export type NewProgramme = z.input<typeof NewProgrammeSchema>;

/** A change to a programme: any field of the new-programme form, and the version it was based on. */
export const ProgrammeUpdateSchema = z.object({
  names: NamesInputSchema.optional(),
  descriptions: TextsInputSchema.optional(),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
  themes: z.array(ProgrammeThemeSchema).max(7).optional(),
  sides: sidesInput.optional(),
  funder: text(300).nullable().optional(),
  eligibility: EligibilityRulesSchema.optional(),
  sourceIds: z.array(z.string().min(1).max(120)).max(50).optional(),
  version: z.number().int().positive(),
});
export type ProgrammeUpdate = z.input<typeof ProgrammeUpdateSchema>;

/** A call for applications of a programme (征集申请); `open` is computed from today's date. */
export const CallSchema = z.object({
  id: RecordIdSchema,
  programmeId: RecordIdSchema,
  titles: NamesSchema,
  descriptions: TextsSchema,
  side: SideKeySchema.nullable(),
  opensOn: z.string().nullable(),
  deadline: z.string(),
  eligibility: EligibilityRulesSchema,
  open: z.boolean(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  applicationCount: z.number().int().optional(),
});
export type Call = z.infer<typeof CallSchema>;
/** A call as stored: without the computed `open`. */
export type CallRecord = Omit<Call, "open" | "applicationCount">;

export const NewCallSchema = z.object({
  titles: NamesInputSchema,
  descriptions: TextsInputSchema.optional(),
  side: SideKeySchema.nullable().optional(),
  opensOn: IsoDateSchema.nullable().optional(),
  deadline: IsoDateSchema,
  eligibility: EligibilityRulesSchema.default({}),
});
export type NewCall = z.input<typeof NewCallSchema>;

export const CallUpdateSchema = z.object({
  titles: NamesInputSchema.optional(),
  descriptions: TextsInputSchema.optional(),
  side: SideKeySchema.nullable().optional(),
  opensOn: IsoDateSchema.nullable().optional(),
  deadline: IsoDateSchema.optional(),
  eligibility: EligibilityRulesSchema.optional(),
  version: z.number().int().positive(),
});
export type CallUpdate = z.input<typeof CallUpdateSchema>;

export const APPLICATION_STATUSES = ["submitted", "eligible", "ineligible", "accepted", "declined"] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ELIGIBILITY_RULES = ["country", "minPopulation", "requireInventory", "requireTarget", "requirePlan"] as const;
/** One eligibility rule as checked for an application, with the reason in both languages. */
export const EligibilityCheckSchema = z.object({
  rule: z.enum(ELIGIBILITY_RULES),
  ok: z.boolean(),
  reason: z.object({ en: z.string(), zh: z.string() }),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

/** Where a city's climate work stands: a GHG inventory, a target, a climate plan. */
export const StageSchema = z.object({ inventory: z.boolean(), target: z.boolean(), plan: z.boolean() });
export type Stage = z.infer<typeof StageSchema>;

export const ApplicantCitySchema = z.object({
  slug: SlugSchema,
  names: z.object({ en: z.string(), zh: z.string().nullable() }),
  country: CountryCodeSchema,
  /** Inhabitants, as held in the city profile; null when not reported. */
  population: z.number().nullable(),
});

/** A city's application to a call (申请). */
export const ApplicationSchema = z.object({
  id: RecordIdSchema,
  callId: RecordIdSchema,
  programmeId: RecordIdSchema,
  city: ApplicantCitySchema,
  themes: z.array(ProgrammeThemeSchema),
  challenges: z.string().nullable(),
  strengths: z.string().nullable(),
  stage: StageSchema,
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  status: ApplicationStatusSchema,
  eligibility: z.array(EligibilityCheckSchema),
  decisionNote: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const NewApplicationSchema = z.object({
  city: SlugSchema,
  themes: z.array(ProgrammeThemeSchema).max(7).default([]),
  challenges: longText.nullable().optional(),
  strengths: longText.nullable().optional(),
  stage: StageSchema.partial().default({}),
  contact: z.object({ name: text(200).nullable().optional(), email: z.email().max(300).nullable().optional() }).default({}),
});
export type NewApplication = z.input<typeof NewApplicationSchema>;

/** A screening decision by a manager: re-check (eligible/ineligible), accept or decline. */
export const DecisionSchema = z.object({
  status: z.enum(["eligible", "ineligible", "accepted", "declined"]),
  note: longText.nullable().optional(),
  version: z.number().int().positive(),
});
export type Decision = z.input<typeof DecisionSchema>;
