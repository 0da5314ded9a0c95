import { z } from "zod";

/** Target types of the GCoM Common Reporting Framework. */
export const TargetTypeSchema = z.enum(["base-year", "fixed-level", "baseline-scenario", "intensity"]);
export type TargetType = z.infer<typeof TargetTypeSchema>;
export const TrajectoryMethodSchema = z.enum(["linear", "constant-rate"]);

const Bilingual = z.object({ en: z.string().trim().min(1).max(300), zh: z.string().trim().min(1).max(300).nullable().optional() });

/** Business-as-usual growth, % per year: emissions follow population × GDP per person × intensity. */
export const BauSchema = z.object({
  populationGrowthPct: z.number().min(-10).max(20),
  gdpPerCapitaGrowthPct: z.number().min(-20).max(30),
  /** Yearly change in emissions per unit of GDP; 0 keeps today's technology ("frozen"). */
  intensityChangePct: z.number().min(-30).max(30).default(0),
});
export type Bau = z.infer<typeof BauSchema>;

const TargetFields = {
  type: TargetTypeSchema,
  names: Bilingual.optional(),
  baseYear: z.number().int().min(1990).max(2100),
  /** tCO2e in the base year (for intensity targets: the absolute emissions in the base year). */
  baseEmissions: z.number().positive(),
  targetYear: z.number().int().min(1991).max(2100),
  /** % below the base year (base-year), the BAU (baseline-scenario) or the base intensity (intensity). */
  reductionPct: z.number().min(0).max(100).nullable().optional(),
  /** tCO2e to reach in the target year (fixed-level). */
  targetLevel: z.number().min(0).nullable().optional(),
  /** Population in the base year (intensity targets per person). */
  basePopulation: z.number().positive().nullable().optional(),
  netZeroYear: z.number().int().min(2020).max(2100).nullable().optional(),
  method: TrajectoryMethodSchema.default("linear"),
  sectors: z.array(z.enum(["I", "II", "III", "IV", "V", "VI"])).min(1).default(["I", "II", "III"]),
  gases: z.array(z.enum(["CO2", "CH4", "N2O"])).min(1).default(["CO2", "CH4", "N2O"]),
  bau: BauSchema.nullable().optional(),
  /** A carbon budget for base year to target year, tCO2e, with its source. */
  budget: z.object({ tCO2e: z.number().positive(), source: z.string().trim().min(1).max(300) }).nullable().optional(),
  source: z.string().trim().max(300).nullable().optional(),
};

export const NewTargetSchema = z.object(TargetFields);
export type NewTarget = z.infer<typeof NewTargetSchema>;

export const TargetSchema = z.object({
  ...TargetFields,
  id: z.string(),
  city: z.string(),
  names: z.object({ en: z.string(), zh: z.string().nullable() }).nullable(),
  reductionPct: z.number().nullable(),
  targetLevel: z.number().nullable(),
  basePopulation: z.number().nullable(),
  netZeroYear: z.number().int().nullable(),
  bau: BauSchema.nullable(),
  budget: z.object({ tCO2e: z.number(), source: z.string() }).nullable(),
  source: z.string().nullable(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetUpdateSchema = NewTargetSchema.extend({ version: z.number().int().positive() });

/** A planned action and the reduction it is expected to deliver (a wedge on the pathway chart). */
export const NewClimateActionSchema = z.object({
  names: z.object({ en: z.string().trim().min(1).max(300), zh: z.string().trim().min(1).max(300).nullable().optional() }),
  sector: z.enum(["I", "II", "III", "IV", "V", "VI"]).nullable().optional(),
  startYear: z.number().int().min(1990).max(2100),
  /** The year from which the full reduction is delivered; it ramps up linearly before. */
  fullYear: z.number().int().min(1990).max(2100),
  /** tCO2e per year avoided at full effect. */
  reductionTCO2e: z.number().positive(),
  source: z.string().trim().max(300).nullable().optional(),
});
export type NewClimateAction = z.infer<typeof NewClimateActionSchema>;

export const ClimateActionSchema = NewClimateActionSchema.extend({
  id: z.string(),
  city: z.string(),
  names: z.object({ en: z.string(), zh: z.string().nullable() }),
  sector: z.string().nullable(),
  source: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ClimateAction = z.infer<typeof ClimateActionSchema>;
