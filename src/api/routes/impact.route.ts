import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import { CityImpactSchema, ImpactIndicatorYearsSchema, ProgrammeImpactSchema } from "../../domain/impact.js";
import { IndicatorCodeSchema } from "../../domain/indicator.js";
import { InvalidInputError, notFound } from "../../errors.js";
import { namedParam } from "../../problem-codes.js";
import type { AppContext } from "../../services/context.js";
import { type DonorRule, evaluateCityImpact } from "../../services/impact-evaluation.js";
import { evaluateProgrammeImpact, impactIndicatorsForCity } from "../../services/impact-programme.js";

const Year = z.coerce.number().int().min(1000).max(9999);
const Donors = z
  .string()
  .min(1)
  .max(4000)
  .transform((v): DonorRule => (v === "country" || v === "family" ? { kind: v } : { kind: "list", slugs: v.split(",").map((s) => s.trim()).filter(Boolean) }))
  .describe("country (default: cities of the same country), family (the city's counterpart family in its country) or a comma-separated list of city slugs");

const IndicatorList = z
  .string()
  .min(1)
  .max(400)
  .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(IndicatorCodeSchema).min(1).max(6))
  .describe("one to six indicator codes, comma-separated, e.g. ghg.co2_total,air.pm25_annual");

const METHOD =
  "Synthetic control (Abadie, Diamond & Hainmueller 2010) on the indicator's yearly values: donor weights w ≥ 0, Σw = 1 minimising the squared pre-period gap, solved exactly; " +
  "in-space placebos (each donor against the others) ranked by post/pre RMSPE, p = rank / (donors + 1); leave-one-out over the weighted donors; difference in differences against the donors' average. " +
  "Donors must have the indicator in every year of the window; with the country or family rule, cities in a cooperation of the same programme and members of cooperations that started within the window are excluded and listed. " +
  "`placebo.runs[].gaps` and `leaveOneOut[].synthetic` are per year of `years`. Warnings and the verdict come in English and Chinese.";

export function impactRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/cooperations/:id/impact",
      {
        schema: {
          tags: ["monitoring"],
          summary: "Did the cooperation move a member city's indicator? Synthetic-control evaluation for one member and indicator",
          description: `${METHOD} \`start\` defaults to the year the cooperation started.`,
          params: z.object({ id: z.string().min(1).max(200) }),
          querystring: z.object({ city: SlugSchema, indicator: IndicatorCodeSchema, start: Year.optional(), preFrom: Year.optional(), donors: Donors.optional() }),
          response: { 200: CityImpactSchema },
        },
      },
      async (req) => {
        const c = await ctx.cooperations.get(req.params.id);
        if (!c) throw notFound("cooperation", req.params.id);
        const { city, indicator, preFrom, donors } = req.query;
        if (!c.members.some((m) => m.slug === city)) {
          throw new InvalidInputError(`${city} is not a member of ${c.id}`, [{ column: "city", value: city, message: `is not a member of the cooperation (members: ${c.members.map((m) => m.slug).join(", ")})` }], undefined, { code: "impact.not_a_member", params: { ...namedParam("city", city, (await ctx.cities.get(city))?.names), ...namedParam("cooperation", c.id, c.names) } });
        }
        const start = req.query.start ?? (c.startDate ? Number(c.startDate.slice(0, 4)) : undefined);
        if (start === undefined) throw new InvalidInputError("the cooperation has no start date: give start", [{ column: "start", message: "is required (the cooperation has no start date)" }], undefined, { code: "impact.no_start" });
        return evaluateCityImpact(ctx, { city, indicator, start, preFrom, donors });
      },
    );
    app.get(
      "/cities/:slug/impact",
      {
        schema: {
          tags: ["monitoring"],
          summary: "Synthetic-control evaluation of a city's indicator from a start year",
          description: METHOD,
          params: z.object({ slug: SlugSchema }),
          querystring: z.object({ indicator: IndicatorCodeSchema, start: Year, preFrom: Year.optional(), donors: Donors.optional() }),
          response: { 200: CityImpactSchema },
        },
      },
      async (req) => evaluateCityImpact(ctx, { city: req.params.slug, ...req.query }),
    );
    app.get(
      "/cities/:slug/impact/indicators",
      {
        schema: {
          tags: ["monitoring"],
          summary: "The indicators a city has yearly values of, with their years before and from a start year (what an impact evaluation can use)",
          params: z.object({ slug: SlugSchema }),
          querystring: z.object({ start: Year }),
          response: { 200: z.object({ city: z.string(), start: z.number().int(), indicators: z.array(ImpactIndicatorYearsSchema) }) },
        },
      },
      async (req) => ({ city: req.params.slug, start: req.query.start, indicators: await impactIndicatorsForCity(ctx, req.params.slug, req.query.start) }),
    );
    app.get(
      "/programmes/:id/impact",
      {
        schema: {
          tags: ["monitoring"],
          summary: "Every member city × indicator of a programme's cooperations, evaluated by synthetic control from the cooperation's start: effect, placebo p-value, pre-period fit, warnings",
          description: `${METHOD} Each row uses the country donor rule and the automatic pre-period; a row without an evaluation says why (no start date, no data, no year before or from the start). Evaluations are kept while the database is unchanged.`,
          params: z.object({ id: z.string().min(1).max(200) }),
          querystring: z.object({ indicator: IndicatorList }),
          response: { 200: ProgrammeImpactSchema },
        },
      },
      async (req) => evaluateProgrammeImpact(ctx, req.params.id, req.query.indicator),
    );
  };
}
