import { z } from "zod";

/**
 * Innovation readiness after SASUI (Aalto University and Tampere University of Technology,
 * 2014–15; report "Orchestrating sustainable urban development", 2016): the social, operational
 * and informational prerequisites of sustainable urban innovation, the city's role from project
 * partner to orchestrator, and public–private–people partnerships.
 */
export const READINESS_SOURCE = 'SASUI project (Aalto University, Tampere University of Technology): "Orchestrating sustainable urban development", 2016';

export const PREREQUISITES = {
  social: ["trust", "participation", "shared-goals"],
  operational: ["governance", "funding", "procurement", "skills"],
  informational: ["data", "monitoring", "knowledge-sharing"],
} as const;
export type ReadinessDimension = keyof typeof PREREQUISITES;
export const PREREQUISITE_KEYS = Object.values(PREREQUISITES).flat() as Prerequisite[];
export type Prerequisite = (typeof PREREQUISITES)[ReadinessDimension][number];
export const PrerequisiteSchema = z.enum(PREREQUISITE_KEYS as [Prerequisite, ...Prerequisite[]]);

type Words = { en: string; zh: string };

/** Names of the prerequisites and their dimensions. */
export const PREREQUISITE_NAMES: Record<Prerequisite | ReadinessDimension, Words> = {
  social: { en: "Social", zh: "社会" },
  operational: { en: "Operational", zh: "运营" },
  informational: { en: "Informational", zh: "信息" },
  trust: { en: "Trust", zh: "信任" },
  participation: { en: "Participation", zh: "参与" },
  "shared-goals": { en: "Shared goals", zh: "共同目标" },
  governance: { en: "Governance", zh: "治理" },
  funding: { en: "Funding", zh: "资金" },
  procurement: { en: "Procurement", zh: "采购" },
  skills: { en: "Skills", zh: "技能" },
  data: { en: "Data", zh: "数据" },
  monitoring: { en: "Monitoring", zh: "监测" },
  "knowledge-sharing": { en: "Knowledge sharing", zh: "知识共享" },
};

/** The scoring scale, 0–4 (our wording; a gap is a score of 2 or less). */
export const READINESS_SCALE: readonly (Words & { score: number })[] = [
  { score: 0, en: "absent", zh: "缺失" },
  { score: 1, en: "emerging", zh: "萌芽" },
  { score: 2, en: "partly in place", zh: "部分具备" },
  { score: 3, en: "largely in place", zh: "基本具备" },
  { score: 4, en: "fully in place", zh: "完全具备" },
];
export const GAP_MAX_SCORE = 2;

/** The city's role on SASUI's partner–orchestrator scale, from least to most steering. */
export const CITY_ROLES = ["project-partner", "facilitator", "enabler", "orchestrator"] as const;
export const CityRoleSchema = z.enum(CITY_ROLES);
export const CITY_ROLE_NAMES: Record<(typeof CITY_ROLES)[number], Words> = {
  "project-partner": { en: "Project partner", zh: "项目伙伴" },
  facilitator: { en: "Facilitator", zh: "促进者" },
  enabler: { en: "Enabler", zh: "赋能者" },
  orchestrator: { en: "Orchestrator", zh: "统筹者" },
};

/**
 * Words the practice library is searched with for each gap (each word separately; a practice
 * matching more of them ranks higher). Our mapping, stated here so it can be reviewed.
 */
export const GAP_KEYWORDS: Record<Prerequisite, string[]> = {
  trust: ["trust", "dialogue", "co-creation", "信任"],
  participation: ["participation", "residents", "engagement", "参与"],
  "shared-goals": ["vision", "strategy", "partnership", "愿景"],
  governance: ["governance", "coordination", "agency", "治理"],
  funding: ["funding", "investment", "finance", "资金"],
  procurement: ["procurement", "tender", "contract", "采购"],
  skills: ["training", "capacity", "skills", "培训"],
  data: ["data", "platform", "open", "数据"],
  monitoring: ["monitoring", "evaluation", "indicators", "监测"],
  "knowledge-sharing": ["knowledge", "network", "exchange", "交流"],
};

export const PartnerSectorSchema = z.enum(["public", "private", "people"]);
const Text = (max: number) => z.string().trim().max(max);

export const ScoreEntrySchema = z.object({ score: z.number().int().min(0).max(4).nullable(), evidence: Text(2000).nullable().optional() });
export const PartnerSchema = z.object({ id: z.string().trim().min(1).max(40), name: Text(200).min(1), sector: PartnerSectorSchema, interests: Text(1000).nullable().optional() });
export const TensionSchema = z.object({ between: z.tuple([z.string(), z.string()]), description: Text(1000).min(1) });

const AssessmentFields = {
  title: Text(200).nullable().optional(),
  scores: z.partialRecord(PrerequisiteSchema, ScoreEntrySchema).default({}),
  role: CityRoleSchema.nullable().optional(),
  roleNote: Text(1000).nullable().optional(),
  partners: z.array(PartnerSchema).max(50).default([]),
  tensions: z.array(TensionSchema).max(100).default([]),
};
export const NewAssessmentSchema = z
  .object({ pilot: z.string().min(1).optional(), action: z.string().min(1).optional(), ...AssessmentFields })
  .refine((a) => (a.pilot ? 1 : 0) + (a.action ? 1 : 0) === 1, { message: "give either a pilot or an action id", path: ["pilot"] });
export const AssessmentUpdateSchema = z.object({ ...AssessmentFields, version: z.number().int().positive() });
export type NewAssessment = z.infer<typeof NewAssessmentSchema>;
export type AssessmentUpdate = z.infer<typeof AssessmentUpdateSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  pilot: z.string().nullable(),
  action: z.string().nullable(),
  title: z.string().nullable(),
  scores: z.partialRecord(PrerequisiteSchema, z.object({ score: z.number().int().nullable(), evidence: z.string().nullable() })),
  role: CityRoleSchema.nullable(),
  roleNote: z.string().nullable(),
  partners: z.array(z.object({ id: z.string(), name: z.string(), sector: PartnerSectorSchema, interests: z.string().nullable() })),
  tensions: z.array(TensionSchema),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
