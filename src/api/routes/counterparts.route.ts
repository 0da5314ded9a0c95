import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CountryCodeSchema, SlugSchema } from "../../domain/city.js";
import { CounterpartsDetailSchema, SIZE_FILTERS } from "../../domain/counterpart.js";
import { PracticeThemeSchema } from "../../domain/practice.js";
import type { AppContext } from "../../services/context.js";
import { counterpartsForCity } from "../../services/counterparts-for-city.js";

export function counterpartsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/cities/:slug/counterparts",
      {
        schema: {
          tags: ["matching"],
          summary: "Counterpart cities for a city, explained",
          description:
            "The family of counterparts (top N, best first): cities strong where this city is weak (better, improving, practices with measured outcomes), similar in context (population, density, income, latitude, stage of climate work) and interested in the same themes. " +
            "Each result has a score (0–1), a confidence (0–1; missing data lowers it and is never read as zero) and its main reasons with their share of the score. `size`: population band small < 100,000 ≤ medium < 1 M ≤ large < 5 M ≤ megacity. " +
            "Beyond the CLI's shape, each reason carries `facts` (the figures behind its English `detail`, for other languages), each result the counterpart's names and `compare` (the indicators that drove the match with both cities' values, per person where the indicator is per capita, with period and source), and `method` gives the weights with what each stands for and its sources.",
          params: z.object({ slug: SlugSchema }),
          querystring: z.object({
            top: z.coerce.number().int().min(1).max(100).default(10),
            region: z.string().min(1).max(100).optional(),
            country: z.string().transform((s) => s.toUpperCase()).pipe(CountryCodeSchema).optional(),
            theme: PracticeThemeSchema.optional(),
            size: z.enum(SIZE_FILTERS).optional(),
          }),
          response: { 200: CounterpartsDetailSchema },
        },
      },
      async (req) => counterpartsForCity(ctx, req.params.slug, req.query),
    );
  };
}
