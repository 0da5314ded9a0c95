import { z } from "zod";
import { GwpSetIdSchema, InventorySchema, NotationKeySchema } from "./inventory.js";

const Tonnes = z.object({ CO2: z.number(), CH4: z.number(), N2O: z.number() });
const ByScope = z.object({ "1": z.number(), "2": z.number(), "3": z.number() });
const Scope = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** What the GPC engine computes for an inventory: tCO2e (by gas: tonnes of the gas), with its GWP set. */
export const InventoryResultSchema = z.object({
  gwp: GwpSetIdSchema,
  gwpValues: z.object({ CO2: z.number(), CH4: z.object({ fossil: z.number(), "non-fossil": z.number() }), N2O: z.number() }),
  total: z.object({ basic: z.number(), basicPlus: z.number(), all: z.number() }),
  bySector: z.record(z.string(), z.number()),
  bySubsector: z.record(z.string(), z.number()),
  byScope: ByScope,
  byGas: Tonnes,
  byGasCO2e: Tonnes,
  bySectorScope: z.record(z.string(), ByScope),
  byReference: z.record(z.string(), z.object({ scope: Scope, tCO2e: z.number(), gases: Tonnes })),
  perCapita: z.object({ basic: z.number().nullable(), basicPlus: z.number().nullable() }),
  notationKeys: z.record(z.string(), z.array(NotationKeySchema)),
  activities: z.array(
    z.object({
      index: z.number().int(),
      ref: z.string(),
      sector: z.string(),
      subsector: z.string(),
      scope: Scope,
      gases: Tonnes,
      gasesCO2e: Tonnes,
      tCO2e: z.number(),
      notationKey: NotationKeySchema.nullable(),
    }),
  ),
});

export const CompletenessSchema = z.object({
  rows: z.array(
    z.object({
      ref: z.string(),
      sector: z.string(),
      subsector: z.string(),
      scope: z.number().int(),
      basic: z.boolean(),
      basicPlus: z.boolean(),
      status: z.enum(["data", "notation-key", "missing"]),
      notationKeys: z.array(NotationKeySchema),
    }),
  ),
  missingBasic: z.array(z.string()),
  missingBasicPlus: z.array(z.string()),
  basicComplete: z.boolean(),
  basicPlusComplete: z.boolean(),
});

/** An inventory with its computed totals and what it still lacks. */
export const InventoryViewSchema = z.object({
  inventory: InventorySchema,
  result: InventoryResultSchema,
  completeness: CompletenessSchema,
});
export type InventoryView = z.infer<typeof InventoryViewSchema>;

/** One line of a city's list of inventories. */
export const InventorySummarySchema = InventorySchema.omit({ activities: true }).extend({
  total: z.object({ basic: z.number(), basicPlus: z.number() }),
  basicComplete: z.boolean(),
});
export type InventorySummary = z.infer<typeof InventorySummarySchema>;
