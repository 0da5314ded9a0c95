import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import { InventoryUpdateSchema, NewInventorySchema } from "../../domain/inventory.js";
import { InventoryResultSchema, InventorySummarySchema, InventoryViewSchema } from "../../domain/inventory-result.js";
import { climateTables } from "../../services/climate-tables.js";
import { computeInventoryFile, InventoryFileSchema } from "../../services/compute-inventory-file.js";
import type { AppContext } from "../../services/context.js";
import { createInventory } from "../../services/create-inventory.js";
import { deleteInventory, finaliseInventory, reopenInventory } from "../../services/finalise-inventory.js";
import { cityInventories, inventoryView } from "../../services/inventory-view.js";
import { updateInventory } from "../../services/update-inventory.js";
import { actorOf } from "../authorize.js";

const IdParams = z.object({ id: z.uuid() });
const VersionBody = z.object({ version: z.number().int().positive() });

export function inventoriesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/gpc",
      {
        schema: {
          tags: ["climate"],
          summary: "The GPC reference table (sectors, subsectors, reference numbers with scope and BASIC / BASIC+), notation keys and GWP sets",
          response: { 200: z.object({ reference: z.unknown(), gwp: z.unknown(), crf: z.unknown() }) },
        },
      },
      async () => {
        const t = climateTables();
        return { reference: t.reference, gwp: Object.values(t.gwp), crf: t.crf };
      },
    );

    app.get(
      "/cities/:slug/inventories",
      {
        schema: {
          tags: ["climate"],
          summary: "A city's GHG inventories by year, with BASIC and BASIC+ totals",
          params: z.object({ slug: SlugSchema }),
          response: { 200: z.object({ city: z.string(), items: z.array(InventorySummarySchema) }) },
        },
      },
      async (req) => ({ city: req.params.slug, items: await cityInventories(ctx, req.params.slug) }),
    );

    app.post(
      "/cities/:slug/inventories",
      {
        schema: {
          tags: ["climate"],
          summary: "Start a draft inventory for a year (one per city and year)",
          params: z.object({ slug: SlugSchema }),
          body: NewInventorySchema,
          response: { 201: InventoryViewSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createInventory(ctx, req.params.slug, req.body, actorOf(req))),
    );

    app.get(
      "/inventories/:id",
      { schema: { tags: ["climate"], summary: "An inventory with its totals and completeness", params: IdParams, response: { 200: InventoryViewSchema } } },
      async (req) => inventoryView(ctx, req.params.id),
    );

    app.put(
      "/inventories/:id",
      {
        schema: {
          tags: ["climate"],
          summary: "Change a draft inventory (activities replace the list); 409 with `current` if `version` is not the current one",
          params: IdParams,
          body: InventoryUpdateSchema,
          response: { 200: InventoryViewSchema },
        },
      },
      async (req) => updateInventory(ctx, req.params.id, req.body),
    );

    app.delete("/inventories/:id", { schema: { tags: ["climate"], summary: "Delete a draft inventory", params: IdParams } }, async (req, reply) => {
      await deleteInventory(ctx, req.params.id);
      return reply.code(204).send();
    });

    app.post(
      "/inventories/:id/finalise",
      {
        schema: {
          tags: ["climate"],
          summary: "Finalise: needs every BASIC source covered and a population; writes the city's ghg.total and ghg.per_capita for the year",
          params: IdParams,
          body: VersionBody,
          response: { 200: InventoryViewSchema },
        },
      },
      async (req) => finaliseInventory(ctx, req.params.id, req.body.version, actorOf(req)),
    );

    app.post(
      "/inventories/:id/reopen",
      { schema: { tags: ["climate"], summary: "Return a final inventory to draft (withdraws its observations)", params: IdParams, body: VersionBody, response: { 200: InventoryViewSchema } } },
      async (req) => reopenInventory(ctx, req.params.id, req.body.version),
    );

    app.post(
      "/inventories/compute",
      {
        schema: {
          tags: ["climate"],
          summary: "Compute an inventory without storing it (the body of `citybridge inventory compute`)",
          querystring: z.object({ gwp: z.enum(["ar5", "ar6"]).optional() }),
          body: InventoryFileSchema,
          response: { 200: InventoryResultSchema },
        },
      },
      async (req) => computeInventoryFile(req.body, await ctx.emissionFactors.all(), req.query.gwp),
    );
  };
}
