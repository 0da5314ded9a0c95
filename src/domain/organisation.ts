import { z } from "zod";

/** The five parties of a public–private–people partnership (DOMAIN.md, SASUI 2016). */
export const ORGANISATION_KINDS = ["public", "private", "academic", "civil_society", "residents"] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** Text in English with an optional Chinese version, as people write it. */
export const BilingualInputSchema = z.object({
  en: z.string().trim().min(1).max(300),
  zh: z.string().trim().max(300).nullable().optional(),
});
/** Longer optional text in both languages (descriptions, commitments). */
export const BilingualTextInputSchema = z.object({
  en: z.string().trim().max(4000).nullable().optional(),
  zh: z.string().trim().max(4000).nullable().optional(),
});
export const BilingualSchema = z.object({ en: z.string(), zh: z.string().nullable() });
export const BilingualTextSchema = z.object({ en: z.string().nullable(), zh: z.string().nullable() });

/** A web address people may follow: http or https only (never javascript: or file:). */
export const WebUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http or https address" }).max(2000);
export const IsoDateSchema = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
/** ISO 3166-1 alpha-2, upper case. */
export const CountrySchema = z.string().trim().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CN or DE");
/** ISO 4217, upper case. */
export const CurrencySchema = z.string().trim().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR or CNY");
export const RecordIdSchema = z.string().trim().min(1).max(200);

export const NewOrganisationSchema = z.object({
  names: BilingualInputSchema,
  kind: OrganisationKindSchema,
  country: CountrySchema.nullable().optional(),
  sector: z.string().trim().max(200).nullable().optional(),
  citySlug: z.string().trim().min(1).max(120).nullable().optional(),
  website: WebUrlSchema.nullable().optional(),
});
export type NewOrganisation = z.infer<typeof NewOrganisationSchema>;
export const OrganisationUpdateSchema = NewOrganisationSchema.partial().extend({ version: z.number().int().positive() });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

/** A partner organisation: company, university, NGO, residents' group or public body. */
export const OrganisationSchema = z.object({
  id: z.string(),
  names: BilingualSchema,
  kind: OrganisationKindSchema,
  country: z.string().nullable(),
  sector: z.string().nullable(),
  citySlug: z.string().nullable(),
  website: z.string().nullable(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** How an activity or commitment names an organisation. */
export const OrganisationRefSchema = OrganisationSchema.pick({ id: true, names: true, kind: true, country: true, sector: true });
export type OrganisationRef = z.infer<typeof OrganisationRefSchema>;

export const NewCommitmentSchema = z.object({
  organisationId: RecordIdSchema,
  /** Set when the commitment is to one pilot project of the cooperation. */
  pilotId: RecordIdSchema.nullable().optional(),
  role: z.string().trim().min(1).max(200),
  commitment: BilingualTextInputSchema.nullable().optional(),
});
export type NewCommitment = z.infer<typeof NewCommitmentSchema>;
export const CommitmentUpdateSchema = NewCommitmentSchema.omit({ organisationId: true }).partial().extend({ version: z.number().int().positive() });
export type CommitmentUpdate = z.infer<typeof CommitmentUpdateSchema>;

/** An organisation's role and commitment in a cooperation, or in one of its pilot projects. */
export const CommitmentSchema = z.object({
  id: z.string(),
  organisation: OrganisationRefSchema,
  cooperationId: z.string(),
  pilotId: z.string().nullable(),
  role: z.string(),
  commitment: BilingualTextSchema,
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const OrganisationDetailSchema = OrganisationSchema.extend({ commitments: z.array(CommitmentSchema) });
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;
