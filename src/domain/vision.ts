import { z } from "zod";

/** Who a participant speaks for in a district vision process (ReCiDi: residents and developers in dialogue). */
export const PARTICIPANT_GROUPS = ["residents", "housing-developers", "city-departments", "businesses", "others"] as const;
export const ParticipantGroupSchema = z.enum(PARTICIPANT_GROUPS);
export type ParticipantGroup = z.infer<typeof ParticipantGroupSchema>;

/** An area's image as physical, social and mental factors (ReCiDi), and what a statement says of it. */
export const StatementAspectSchema = z.enum(["physical", "social", "mental"]);
export const StatementKindSchema = z.enum(["strength", "problem", "wish"]);
export const StatementStatusSchema = z.enum(["pending", "accepted", "hidden"]);
export const VoteSchema = z.enum(["agree", "disagree", "pass"]);
export type Vote = z.infer<typeof VoteSchema>;
export const ProcessStatusSchema = z.enum(["open", "closed"]);

const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.iso.date();
const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z
  .array(Position)
  .min(4)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], "a ring must end where it starts");

/** A district boundary: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude (RFC 7946). */
export const BoundarySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring).min(1).max(50) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring).min(1)).min(1).max(50) }),
]);
export type Boundary = z.infer<typeof BoundarySchema>;

const Names = z.object({ en: Text(200), zh: Text(200).nullable().optional() });
const Audit = { version: z.number().int().positive(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string() };

export const NewDistrictSchema = z.object({ names: Names, boundary: BoundarySchema.nullable().optional() });
export const DistrictUpdateSchema = NewDistrictSchema.extend({ version: z.number().int().positive() });
export const DistrictSchema = z.object({
  id: z.string(),
  city: z.string(),
  names: z.object({ en: z.string(), zh: z.string().nullable() }),
  boundary: BoundarySchema.nullable(),
  ...Audit,
});
export type District = z.infer<typeof DistrictSchema>;
export type NewDistrict = z.infer<typeof NewDistrictSchema>;

const ProcessFields = {
  question: z.object({ en: Text(500), zh: Text(500).nullable().optional() }),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().optional(),
};
export const NewProcessSchema = z.object(ProcessFields);
export const ProcessUpdateSchema = z.object({ ...ProcessFields, status: ProcessStatusSchema, version: z.number().int().positive() });
export const ProcessSchema = z.object({
  id: z.string(),
  district: z.string(),
  question: z.object({ en: z.string(), zh: z.string().nullable() }),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: ProcessStatusSchema,
  ...Audit,
});
export type VisionProcess = z.infer<typeof ProcessSchema>;
export type NewProcess = z.infer<typeof NewProcessSchema>;
export type ProcessUpdate = z.infer<typeof ProcessUpdateSchema>;

/** The opaque token a participant got when joining; it stands in for an account (accounts come later). */
export const TokenSchema = z.string().min(20).max(100);
export const JoinSchema = z.object({ name: Text(80), group: ParticipantGroupSchema });
export const ParticipantSchema = z.object({ id: z.string(), process: z.string(), name: z.string(), group: ParticipantGroupSchema, joinedAt: z.string() });
export type Participant = z.infer<typeof ParticipantSchema>;

/** The language of a statement's text when none is given: any Han character makes it Chinese. */
export function detectStatementLanguage(text: string): "en" | "zh" {
  return /\p{Script=Han}/u.test(text) ? "zh" : "en";
}

export const NewStatementSchema = z.object({
  token: TokenSchema,
  text: Text(280),
  /** Omitted: detected from the text's script (detectStatementLanguage). */
  language: z.enum(["en", "zh"]).optional(),
  aspect: StatementAspectSchema,
  kind: StatementKindSchema,
});
export type NewStatement = z.infer<typeof NewStatementSchema>;
export const ModerationSchema = z
  .object({ status: z.enum(["accepted", "hidden"]), reason: z.string().trim().max(300).nullable().optional(), version: z.number().int().positive() })
  .refine((m) => m.status !== "hidden" || (m.reason ?? "").length > 0, { message: "give a reason for hiding a statement", path: ["reason"] });
export type Moderation = z.infer<typeof ModerationSchema>;
export const StatementSchema = z.object({
  id: z.string(),
  process: z.string(),
  author: z.string(),
  authorGroup: ParticipantGroupSchema,
  text: z.string(),
  language: z.enum(["en", "zh"]),
  aspect: StatementAspectSchema,
  kind: StatementKindSchema,
  status: StatementStatusSchema,
  reason: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int().positive(),
});
export type Statement = z.infer<typeof StatementSchema>;

export const CastVoteSchema = z.object({ token: TokenSchema, vote: VoteSchema });
export const VoteRecordSchema = z.object({ statement: z.string(), participant: z.string(), vote: VoteSchema, votedAt: z.string() });
export type VoteRecord = z.infer<typeof VoteRecordSchema>;

const DocumentFields = {
  title: z.object({ en: Text(200), zh: Text(200).nullable().optional() }),
  text: z.object({ en: Text(20_000), zh: Text(20_000).nullable().optional() }),
  statements: z.array(z.string()).min(1).max(200),
  targets: z.array(z.string()).max(50).default([]),
  actions: z.array(z.string()).max(100).default([]),
};
export const NewVisionDocumentSchema = z.object(DocumentFields);
export const VisionDocumentUpdateSchema = z.object({ ...DocumentFields, version: z.number().int().positive() });
export const VisionDocumentSchema = z.object({
  id: z.string(),
  process: z.string(),
  title: z.object({ en: z.string(), zh: z.string().nullable() }),
  text: z.object({ en: z.string(), zh: z.string().nullable() }),
  statements: z.array(z.string()),
  targets: z.array(z.string()),
  actions: z.array(z.string()),
  ...Audit,
});
export type VisionDocument = z.infer<typeof VisionDocumentSchema>;
export type NewVisionDocument = z.infer<typeof NewVisionDocumentSchema>;
