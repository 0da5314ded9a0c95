import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import { ClimateActionSchema, NewClimateActionSchema, NewTargetSchema, TargetSchema, TargetUpdateSchema } from "../../domain/target.js";
import { cityPathway } from "../../services/city-pathway.js";
import type { AppContext } from "../../services/context.js";
import { cityActions, cityTargets, createAction, createTarget, deleteAction, deleteTarget, getTarget, updateTarget } from "../../services/targets.js";
import { actorOf } from "../authorize.js";

const Slug = z.object({ slug: SlugSchema });
const Id = z.object({ id: z.uuid() });
const Series = z.array(z.object({ year: z.number().int(), tCO2e: z.number() }));
const Bilingual = z.object({ en: z.string(), zh: z.string() });
const Budget = z.object({ cumulative: z.number(), budget: z.number(), remaining: z.number(), exceededIn: z.number().int().nullable() });

export const PathwayViewSchema = z.object({
  city: z.string(),
  target: TargetSchema,
  targetEmissions: z.number(),
  history: z.array(z.object({ indicator: z.string(), unit: z.string(), source: z.string(), points: Series })),
  trajectory: Series,
  bau: Series,
  wedges: z.array(z.object({ action: ClimateActionSchema, series: Series })),
  planned: Series,
  gap: Series,
  referenceLines: z.array(z.object({ id: z.string(), names: Bilingual, source: z.string(), series: Series, available: z.boolean(), reason: z.string().nullable() })),
  ndc: z
    .object({
      id: z.string(),
      names: Bilingual,
      source: z.string(),
      checks: z.array(z.object({ commitment: z.record(z.string(), z.unknown()), status: z.enum(["meets", "falls-short", "not-comparable"]), detail: z.string() })),
    })
    .nullable(),
  cumulative: z.object({ trajectory: z.number(), planned: z.number() }),
  budget: z.object({ source: z.string(), trajectory: Budget, planned: Budget }).nullable(),
});

export function targetsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["climate"];
    app.get(
      "/cities/:slug/targets",
      { schema: { tags, summary: "A city's emission targets", params: Slug, response: { 200: z.object({ city: z.string(), items: z.array(TargetSchema) }) } } },
      async (req) => ({ city: req.params.slug, items: await cityTargets(ctx, req.params.slug) }),
    );
    app.post(
      "/cities/:slug/targets",
      {
        schema: {
          tags,
          summary: "Set a target: base-year, fixed-level, baseline-scenario or intensity (GCoM CRF), with net-zero year, sectors and gases",
          params: Slug,
          body: NewTargetSchema,
          response: { 201: TargetSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createTarget(ctx, req.params.slug, req.body, actorOf(req))),
    );
    app.get("/targets/:id", { schema: { tags, summary: "One target", params: Id, response: { 200: TargetSchema } } }, async (req) => getTarget(ctx, req.params.id));
    app.put(
      "/targets/:id",
      { schema: { tags, summary: "Replace a target; 409 with `current` if `version` is not the current one", params: Id, body: TargetUpdateSchema, response: { 200: TargetSchema } } },
      async (req) => updateTarget(ctx, req.params.id, req.body),
    );
    app.delete("/targets/:id", { schema: { tags, summary: "Delete a target", params: Id } }, async (req, reply) => {
      await deleteTarget(ctx, req.params.id);
      return reply.code(204).send();
    });

    app.get(
      "/cities/:slug/actions",
      { schema: { tags, summary: "A city's planned actions and their expected reductions", params: Slug, response: { 200: z.object({ city: z.string(), items: z.array(ClimateActionSchema) }) } } },
      async (req) => ({ city: req.params.slug, items: await cityActions(ctx, req.params.slug) }),
    );
    app.post(
      "/cities/:slug/actions",
      { schema: { tags, summary: "Add a planned action (a wedge on the pathway)", params: Slug, body: NewClimateActionSchema, response: { 201: ClimateActionSchema } } },
      async (req, reply) => reply.code(201).send(await createAction(ctx, req.params.slug, req.body, actorOf(req))),
    );
    app.delete("/climate-actions/:id", { schema: { tags, summary: "Delete a planned climate action (a wedge)", params: Id } }, async (req, reply) => {
      await deleteAction(ctx, req.params.id);
      return reply.code(204).send();
    });

    app.get(
      "/cities/:slug/pathway",
      {
        schema: {
          tags,
          summary: "A target's pathway: history, trajectory, BAU, wedges, planned pathway, gap, reference lines, NDC comparison, budget",
          params: Slug,
          querystring: z.object({ target: z.uuid() }),
          response: { 200: PathwayViewSchema },
        },
      },
      async (req) => cityPathway(ctx, req.params.slug, req.query.target),
    );
  };
}
