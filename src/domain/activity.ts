import { z } from "zod";
import {
  BilingualInputSchema, BilingualSchema, BilingualTextInputSchema, BilingualTextSchema, IsoDateSchema, OrganisationRefSchema, RecordIdSchema, WebUrlSchema,
} from "./organisation.js";

/** What happens in a cooperation (DOMAIN.md: the life of an IUC cooperation). */
export const ACTIVITY_KINDS = ["study_visit", "business_roundtable", "workshop", "webinar", "staff_exchange", "training", "conference", "forum", "other"] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;
/** What an activity produces. */
export const OUTPUT_KINDS = ["mou", "joint_declaration", "report", "pilot_project", "other"] as const;
export const OutputKindSchema = z.enum(OUTPUT_KINDS);
export type OutputKind = z.infer<typeof OutputKindSchema>;

export const NewOutputSchema = z.object({
  kind: OutputKindSchema,
  titles: BilingualInputSchema,
  date: IsoDateSchema.nullable().optional(),
  /** The document or its page: http/https only. */
  url: WebUrlSchema.nullable().optional(),
  /** The pilot project this output started, when it did. */
  pilotId: RecordIdSchema.nullable().optional(),
});
export type NewOutput = z.infer<typeof NewOutputSchema>;

export const OutputSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  kind: OutputKindSchema,
  titles: BilingualSchema,
  date: z.string().nullable(),
  url: z.string().nullable(),
  pilotId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Output = z.infer<typeof OutputSchema>;

export const NewActivitySchema = z.object({
  kind: ActivityKindSchema,
  titles: BilingualInputSchema,
  descriptions: BilingualTextInputSchema.nullable().optional(),
  startDate: IsoDateSchema,
  /** Last day (inclusive); on or after `startDate`. Empty for one-day activities. */
  endDate: IsoDateSchema.nullable().optional(),
  place: z.string().trim().max(300).nullable().optional(),
  /** Ids of the participating organisations. */
  organisationIds: z.array(RecordIdSchema).max(200).optional(),
});
export type NewActivity = z.infer<typeof NewActivitySchema>;
export const ActivityUpdateSchema = NewActivitySchema.partial().extend({ version: z.number().int().positive() });
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

/** A study visit, roundtable, workshop… of one cooperation, or programme-wide (cooperationId null). */
export const ActivitySchema = z.object({
  id: z.string(),
  cooperationId: z.string().nullable(),
  programmeId: z.string().nullable(),
  kind: ActivityKindSchema,
  titles: BilingualSchema,
  descriptions: BilingualTextSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  organisations: z.array(OrganisationRefSchema),
  outputs: z.array(OutputSchema),
  sources: z.array(z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() })),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof ActivitySchema>;
