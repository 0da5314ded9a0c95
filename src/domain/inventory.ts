import { z } from "zod";
import { GasValueSchema } from "./emission-factor.js";

export const NotationKeySchema = z.enum(["NO", "IE", "NE", "C"]);
export const GwpSetIdSchema = z.enum(["ar5", "ar6"]);
export const InventoryStatusSchema = z.enum(["draft", "final"]);

const UnitValueSchema = z.object({ value: z.number().finite(), unit: z.string().trim().min(1).max(20) });

/**
 * One line of activity data (see the GPC engine): `amount` + `unit` with a library `factor`
 * and/or inline `factors`; or `emissions` already calculated; or a `notationKey`.
 */
export const ActivitySchema = z
  .object({
    gpc: z.string().trim().min(1).max(20),
    description: z.string().trim().max(500).optional(),
    amount: z.number().finite().optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    factor: z.string().trim().min(1).max(120).optional(),
    factors: z.array(GasValueSchema).max(3).optional(),
    emissions: z.array(GasValueSchema).max(3).optional(),
    notationKey: NotationKeySchema.optional(),
    ch4Origin: z.enum(["fossil", "non-fossil"]).optional(),
    density: UnitValueSchema.optional(),
    calorificValue: UnitValueSchema.optional(),
    source: z.string().trim().max(300).optional(),
  })
  .strict();
export type ActivityInput = z.infer<typeof ActivitySchema>;

/** The most activities one inventory holds. */
export const MAX_ACTIVITIES = 5000;

export const InventorySchema = z.object({
  id: z.string(),
  city: z.string(),
  year: z.number().int(),
  status: InventoryStatusSchema,
  gwp: GwpSetIdSchema,
  /** Residents within the inventory boundary, for per-capita figures. */
  population: z.number().positive().nullable(),
  populationSource: z.string().nullable(),
  notes: z.string().nullable(),
  /** Incremented by every change; an update must name the version it was based on. */
  version: z.number().int().positive(),
  activities: z.array(ActivitySchema),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalisedAt: z.string().nullable(),
});
export type Inventory = z.infer<typeof InventorySchema>;

/** Fields a user may set when creating an inventory. */
export const NewInventorySchema = z.object({
  year: z.number().int().min(1990).max(2100),
  gwp: GwpSetIdSchema.default("ar5"),
  population: z.number().positive().nullable().optional(),
  populationSource: z.string().trim().min(1).max(300).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
  activities: z.array(ActivitySchema).max(MAX_ACTIVITIES).default([]),
});
export type NewInventory = z.infer<typeof NewInventorySchema>;

/** An update: the version it is based on, and what changes (activities replace the list). */
export const InventoryUpdateSchema = z.object({
  version: z.number().int().positive(),
  gwp: GwpSetIdSchema.optional(),
  population: z.number().positive().nullable().optional(),
  populationSource: z.string().trim().min(1).max(300).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
  activities: z.array(ActivitySchema).max(MAX_ACTIVITIES).optional(),
});
export type InventoryUpdate = z.infer<typeof InventoryUpdateSchema>;
