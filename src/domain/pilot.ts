import { z } from "zod";
import {
  BilingualInputSchema, BilingualSchema, BilingualTextInputSchema, BilingualTextSchema, CommitmentSchema, CurrencySchema, IsoDateSchema,
} from "./organisation.js";

export const PILOT_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export const PilotStatusSchema = z.enum(PILOT_STATUSES);
export type PilotStatus = z.infer<typeof PilotStatusSchema>;
export const FUND_DECISIONS = ["pending", "awarded", "rejected", "withdrawn"] as const;
export const FundDecisionSchema = z.enum(FUND_DECISIONS);
export type FundDecision = z.infer<typeof FundDecisionSchema>;

const Money = z.number().min(0).max(1e13);

export const NewFundApplicationSchema = z.object({
  /** The competitive follow-up fund applied to, e.g. "IUC pilot project fund". */
  fund: z.string().trim().min(1).max(300),
  submittedOn: IsoDateSchema,
  amountRequested: Money.nullable().optional(),
  currency: CurrencySchema.nullable().optional(),
  /** The evaluators' score, 0–100. */
  score: z.number().min(0).max(100).nullable().optional(),
  decision: FundDecisionSchema.default("pending"),
  /** Needs a decision other than pending; on or after `submittedOn`. */
  decidedOn: IsoDateSchema.nullable().optional(),
  /** Only when awarded; at most `amountRequested`. */
  amountAwarded: Money.nullable().optional(),
});
export type NewFundApplication = z.input<typeof NewFundApplicationSchema>;
export const FundApplicationUpdateSchema = z.object({
  fund: NewFundApplicationSchema.shape.fund.optional(),
  submittedOn: IsoDateSchema.optional(),
  amountRequested: Money.nullable().optional(),
  currency: CurrencySchema.nullable().optional(),
  score: z.number().min(0).max(100).nullable().optional(),
  decision: FundDecisionSchema.optional(),
  decidedOn: IsoDateSchema.nullable().optional(),
  amountAwarded: Money.nullable().optional(),
  version: z.number().int().positive(),
});
export type FundApplicationUpdate = z.infer<typeof FundApplicationUpdateSchema>;

/** An application of a pilot project to a competitive follow-up fund, with its score and decision. */
export const FundApplicationSchema = z.object({
  id: z.string(),
  pilotId: z.string(),
  fund: z.string(),
  submittedOn: z.string(),
  amountRequested: z.number().nullable(),
  currency: z.string().nullable(),
  score: z.number().nullable(),
  decision: FundDecisionSchema,
  decidedOn: z.string().nullable(),
  amountAwarded: z.number().nullable(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FundApplication = z.infer<typeof FundApplicationSchema>;

/** A KPI of the pilot (kept by the action plan), shown read-only with its latest value. */
export const PilotKpiSchema = z.object({
  id: z.string(),
  names: BilingualSchema,
  unit: z.string(),
  indicatorCode: z.string().nullable(),
  citySlug: z.string().nullable(),
  baseline: z.object({ value: z.number(), date: z.string() }),
  target: z.object({ value: z.number(), year: z.number().int() }),
  latest: z.object({ value: z.number(), date: z.string() }).nullable(),
});
export type PilotKpi = z.infer<typeof PilotKpiSchema>;

export const NewPilotSchema = z.object({
  titles: BilingualInputSchema,
  descriptions: BilingualTextInputSchema.nullable().optional(),
  /** The member city where the pilot runs. */
  citySlug: z.string().trim().min(1).max(120).nullable().optional(),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
  budget: Money.nullable().optional(),
  currency: CurrencySchema.nullable().optional(),
  status: PilotStatusSchema.default("planned"),
});
export type NewPilot = z.input<typeof NewPilotSchema>;
export const PilotUpdateSchema = NewPilotSchema.extend({ status: PilotStatusSchema }).partial().extend({ version: z.number().int().positive() });
export type PilotUpdate = z.infer<typeof PilotUpdateSchema>;

/** A pilot project of a cooperation with its budget, partners, KPIs and follow-up funding. */
export const PilotSchema = z.object({
  id: z.string(),
  cooperationId: z.string(),
  titles: BilingualSchema,
  descriptions: BilingualTextSchema,
  citySlug: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  status: PilotStatusSchema,
  partners: z.array(CommitmentSchema),
  fundApplications: z.array(FundApplicationSchema),
  kpis: z.array(PilotKpiSchema),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pilot = z.infer<typeof PilotSchema>;
