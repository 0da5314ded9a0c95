import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EmissionFactorSchema, FactorIdSchema, FactorKindSchema, GasSchema, NewEmissionFactorSchema } from "../../domain/emission-factor.js";
import type { AppContext } from "../../services/context.js";
import { addEmissionFactor, getEmissionFactor, listEmissionFactors } from "../../services/emission-factors.js";
import { actorOf } from "../authorize.js";

export function emissionFactorsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/emission-factors",
      {
        schema: {
          tags: ["climate"],
          summary: "The emission factor library: IPCC 2006 fuels, China MEE grid factors, Ember countries and users' own",
          querystring: z.object({
            q: z.string().trim().min(1).max(100).optional().describe("part of the id or the English or Chinese name: diesel, cn-mee:grid, 天然气"),
            kind: FactorKindSchema.optional().describe("fuel (stationary and mobile energy), grid (electricity) or other"),
            gas: GasSchema.optional().describe("has a value for this gas"),
            unit: z.string().trim().min(1).max(20).optional().describe("has a value in this unit: kg/TJ, kg/kWh, t/t …"),
            year: z.coerce.number().int().min(1800).max(2200).optional(),
            region: z.string().trim().min(1).max(100).optional().describe("exactly: CN, CN/East China, CHN …"),
            source: z.string().trim().min(1).max(300).optional().describe("a source id, exactly"),
            builtin: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("shipped with the product (true) or added by users (false)"),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            after: z.string().max(120).optional().describe("the `next` of the previous page"),
          }),
          response: { 200: z.object({ items: z.array(EmissionFactorSchema), next: z.string().nullable() }) },
        },
      },
      async (req) => listEmissionFactors(ctx, req.query),
    );

    app.get(
      "/emission-factors/:id",
      { schema: { tags: ["climate"], summary: "One emission factor", params: z.object({ id: FactorIdSchema }), response: { 200: EmissionFactorSchema } } },
      async (req) => getEmissionFactor(ctx, req.params.id),
    );

    app.post(
      "/emission-factors",
      {
        schema: {
          tags: ["climate"],
          summary: "Add your own emission factor (with a source: an existing source id or a citation)",
          body: NewEmissionFactorSchema,
          response: { 201: EmissionFactorSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await addEmissionFactor(ctx, req.body, actorOf(req))),
    );
  };
}
