import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IndicatorCodeSchema, IndicatorSchema, ThemeSchema } from "../../domain/indicator.js";
import { catalogueCoverage } from "../../services/indicator-coverage.js";
import { SourceSchema } from "../../domain/source.js";
import type { AppContext } from "../../services/context.js";
import { notFound } from "../../errors.js";

const CoverageSchema = z.object({
  cities: z.number().int().describe("cities with at least one value"),
  observations: z.number().int(),
  first: z.string().nullable().describe("earliest period"),
  last: z.string().nullable().describe("latest period"),
});

const LatestSchema = z.object({
  indicator: z.string(),
  items: z.array(z.object({ city: z.string(), period: z.string(), value: z.number(), source: z.string() })),
});

export function indicatorsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/indicators",
      {
        schema: {
          tags: ["indicators"],
          summary: "The indicator catalogue, with how many cities have data on each indicator and on each theme",
          response: {
            200: z.object({
              items: z.array(IndicatorSchema.extend({ coverage: CoverageSchema })),
              themes: z.array(CoverageSchema.extend({ theme: ThemeSchema })),
            }),
          },
        },
      },
      async () => catalogueCoverage(ctx),
    );

    app.get(
      "/indicators/:code/latest",
      {
        schema: {
          tags: ["indicators"],
          summary: "Each city's latest observation of an indicator",
          params: z.object({ code: IndicatorCodeSchema }),
          response: { 200: LatestSchema },
        },
      },
      async (req) => {
        if (!(await ctx.indicators.get(req.params.code))) throw notFound("indicator", req.params.code);
        return { indicator: req.params.code, items: await ctx.observations.latest(req.params.code) };
      },
    );

    app.get(
      "/sources",
      { schema: { tags: ["sources"], summary: "Every source cited by the data", response: { 200: z.object({ items: z.array(SourceSchema) }) } } },
      async () => ({ items: await ctx.sources.list() }),
    );

    app.get(
      "/sources/:id",
      { schema: { tags: ["sources"], summary: "One source", params: z.object({ id: z.string().min(1).max(120) }), response: { 200: SourceSchema } } },
      async (req) => {
        const s = await ctx.sources.get(req.params.id);
        if (!s) throw notFound("source", req.params.id);
        return s;
      },
    );
  };
}
