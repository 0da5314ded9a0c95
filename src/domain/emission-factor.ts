import { z } from "zod";

/** Gases an inventory takes; masses are tonnes of the gas itself. */
export const GasSchema = z.enum(["CO2", "CH4", "N2O"]);
export type Gas = z.infer<typeof GasSchema>;

/** A factor per gas (`{gas: "CO2", value: 56100, unit: "kg/TJ"}`) or a mass of gas (`unit: "t"`). */
export const GasValueSchema = z.object({
  gas: GasSchema,
  value: z.number().finite(),
  unit: z.string().trim().min(1).max(20),
});
export type GasValue = z.infer<typeof GasValueSchema>;

/** `namespace:name[:more]`, e.g. `ipcc2006:natural-gas`, `cn-mee:grid:national:2022`, `ember:CHN`. */
export const FactorIdSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*(?::[A-Za-z0-9][A-Za-z0-9.-]*)+$/, "must be an id like ipcc2006:natural-gas or chongqing:district-heating");

/** Namespaces of the shipped library; users add factors under their own. */
export const BUILTIN_FACTOR_NAMESPACES = ["ipcc2006", "cn-mee", "ember"] as const;

export const FactorKindSchema = z.enum(["fuel", "grid", "other"]);

export const EmissionFactorSchema = z.object({
  id: FactorIdSchema,
  names: z.object({ en: z.string().min(1), zh: z.string().nullable() }),
  kind: FactorKindSchema,
  gases: z.array(GasValueSchema).min(1),
  /** Net calorific value, TJ/Gg (= MJ/kg): lets a mass of fuel be converted to energy. */
  ncvTjPerGg: z.number().positive().nullable(),
  /** The year the factor describes, when it is one year's value. */
  year: z.number().int().nullable(),
  /** Where it applies: ISO 3166 code, grid region or province, e.g. `CN`, `CN/East China`, `CHN`. */
  region: z.string().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  /** Shipped with the product (seeded), as opposed to added by a user. */
  builtin: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type EmissionFactor = z.infer<typeof EmissionFactorSchema>;

/** What a user sends to add a factor: the source is an existing source id or a citation. */
export const NewEmissionFactorSchema = z.object({
  id: FactorIdSchema,
  names: z.object({ en: z.string().trim().min(1).max(200), zh: z.string().trim().min(1).max(200).nullable().optional() }),
  kind: FactorKindSchema.default("other"),
  gases: z.array(GasValueSchema).min(1).max(3),
  ncvTjPerGg: z.number().positive().nullable().optional(),
  year: z.number().int().min(1800).max(2200).nullable().optional(),
  region: z.string().trim().min(1).max(100).nullable().optional(),
  source: z.string().trim().min(1).max(300),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type NewEmissionFactor = z.infer<typeof NewEmissionFactorSchema>;
