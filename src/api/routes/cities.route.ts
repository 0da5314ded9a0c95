import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor } from "../../db/index.js";
import { CityPointSchema, CitySchema, SlugSchema } from "../../domain/city.js";
import { IndicatorCodeSchema, IndicatorSchema, ReferenceValueSchema, ThemeSchema } from "../../domain/indicator.js";
import { ObservationSchema, ProvenanceSchema } from "../../domain/observation.js";
import { SourceSchema } from "../../domain/source.js";
import { cityProfile } from "../../services/city-profile.js";
import { cityObservations, getCity, searchCities } from "../../services/cities.js";
import type { AppContext } from "../../services/context.js";

export const CitiesQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional().describe("Matches English, Chinese and local names: 重庆 and chongqing both find chongqing-cn"),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 code like CN")
    .transform((s) => s.toUpperCase())
    .optional(),
  min_population: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .refine((c) => decodeCursor(c) !== null, "is not a cursor returned by this API")
    .optional(),
});

const StandingSchema = z.object({ better: z.number().describe("share (0–1) of the other cities this value is better than, ties half"), of: z.number().int() }).nullable();
const CityProfileSchema = z.object({
  city: z.string(),
  country: z.string(),
  themes: z.array(
    z.object({
      theme: ThemeSchema,
      figures: z.array(
        z
          .object({
            indicator: IndicatorSchema.pick({ code: true, names: true, unit: true, direction: true, description: true }),
            value: z.number(),
            period: z.string(),
            source: SourceSchema,
            note: z.string().nullable(),
            reference: ReferenceValueSchema.extend({ citation: z.string().nullable() }).nullable(),
            standing: z.object({ country: StandingSchema, world: StandingSchema }),
            series: z.array(z.object({ period: z.string(), value: z.number() })),
          })
          .merge(ProvenanceSchema),
      ),
      missing: z.array(IndicatorSchema.pick({ code: true, names: true, unit: true })),
    }),
  ),
});

const CityPageSchema = z.object({ items: z.array(CitySchema), nextCursor: z.string().nullable() });
const SlugParams = z.object({ slug: SlugSchema });

export function citiesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/cities",
      { schema: { tags: ["cities"], summary: "Search cities", querystring: CitiesQuerySchema, response: { 200: CityPageSchema } } },
      async (req) =>
        searchCities(ctx, {
          q: req.query.q,
          country: req.query.country,
          minPopulation: req.query.min_population,
          limit: req.query.limit,
          cursor: req.query.cursor,
        }),
    );

    app.get(
      "/cities/points",
      { schema: { tags: ["cities"], summary: "Every city as a map point", response: { 200: z.object({ items: z.array(CityPointSchema) }) } } },
      async () => ({ items: await ctx.cities.points() }),
    );

    app.get(
      "/cities/:slug",
      { schema: { tags: ["cities"], summary: "One city", params: SlugParams, response: { 200: CitySchema } } },
      async (req) => getCity(ctx, req.params.slug),
    );

    app.get(
      "/cities/:slug/observations",
      {
        schema: {
          tags: ["observations"],
          summary: "A city's observations, optionally of one indicator",
          params: SlugParams,
          querystring: z.object({ indicator: IndicatorCodeSchema.optional() }),
          response: { 200: z.object({ city: z.string(), items: z.array(ObservationSchema) }) },
        },
      },
      async (req) => ({ city: req.params.slug, items: await cityObservations(ctx, req.params.slug, req.query.indicator) }),
    );

    app.get(
      "/cities/:slug/profile",
      {
        schema: {
          tags: ["cities"],
          summary: "A city's profile at a glance: per theme (air, transport, green, congestion, GHG, energy) each indicator's latest value with source, licence, measured/modelled, the reference value, its standing among the cities of its country and of the world, its series, and what is missing",
          params: SlugParams,
          response: { 200: CityProfileSchema },
        },
      },
      async (req) => cityProfile(ctx, req.params.slug),
    );
  };
}
