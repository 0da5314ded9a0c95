import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AirAnnualSchema, AirDaySchema, AirFormatSchema, AirImportResultSchema, AirOverviewSchema, AirStationSchema } from "../../domain/air.js";
import { SlugSchema } from "../../domain/city.js";
import { isPeriod } from "../../domain/observation.js";
import { InvalidInputError } from "../../errors.js";
import { cityAirAnnual, cityAirDaily, cityAirOverview } from "../../services/city-air.js";
import type { AppContext } from "../../services/context.js";
import { importAir } from "../../services/import-air.js";
import { streamCsvBodies, withUploadedFile } from "../upload.js";
import { actorOf } from "../authorize.js";

const SlugParams = z.object({ slug: SlugSchema });
const DateSchema = z.string().refine((s) => s.length === 10 && isPeriod(s), "must be a date YYYY-MM-DD");
const StationSchema = z.string().regex(/^[a-z0-9-]+$/, "must be a station id like uci-dongsi").max(120);

export function airRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    streamCsvBodies(app);

    app.post(
      "/cities/:slug/air/import",
      {
        schema: {
          tags: ["air"],
          summary: "Import hourly air-quality data (OpenAQ archive CSV or UCI Beijing format), all rows or none",
          description:
            "Body: the CSV (`text/csv`) or a multipart form with the field `file`. The format is detected from the header unless `format` is given. " +
            "DuckDB aggregates the hours into daily values per station; the city's daily values, indices under China's, the US and the European index, " +
            "annual summaries and annual `air.*` observations are stored. Any problem row gives 422 with `errors: [{row, column, value, message}]` and nothing is written.",
          params: SlugParams,
          querystring: z.object({ format: AirFormatSchema.optional(), source: z.string().trim().min(1).max(300).optional() }),
          response: { 200: AirImportResultSchema },
        },
      },
      async (req, reply) =>
        withUploadedFile(req, reply, (path) =>
          importAir(ctx, { path, city: req.params.slug, format: req.query.format, source: req.query.source, importedBy: actorOf(req) }),
        ),
    );

    app.get(
      "/cities/:slug/air",
      {
        schema: {
          tags: ["air"],
          summary: "A city's air quality: stations, annual summaries, the standards, limits and rules used, and the sources",
          params: SlugParams,
          response: { 200: AirOverviewSchema },
        },
      },
      async (req) => cityAirOverview(ctx, req.params.slug),
    );

    app.get(
      "/cities/:slug/air/stations",
      { schema: { tags: ["air"], summary: "A city's air-quality stations", params: SlugParams, response: { 200: z.object({ city: z.string(), items: z.array(AirStationSchema) }) } } },
      async (req) => ({ city: req.params.slug, items: (await cityAirOverview(ctx, req.params.slug)).stations }),
    );

    app.get(
      "/cities/:slug/air/daily",
      {
        schema: {
          tags: ["air"],
          summary: "Daily values and indices (China HJ 633, US EPA 2024, EEA 2024) of the city, or of one station",
          params: SlugParams,
          querystring: z.object({ from: DateSchema.optional(), to: DateSchema.optional(), station: StationSchema.optional() }),
          response: { 200: z.object({ city: z.string(), station: z.string().nullable(), items: z.array(AirDaySchema) }) },
        },
      },
      async (req) => {
        const { from, to, station } = req.query;
        if (from && to && from > to) throw new InvalidInputError(`from ${from} is after to ${to}`, [{ column: "from", value: from, message: `is after to (${to})` }]);
        return { city: req.params.slug, station: station ?? null, items: await cityAirDaily(ctx, req.params.slug, { from, to, station }) };
      },
    );

    app.get(
      "/cities/:slug/air/annual",
      {
        schema: {
          tags: ["air"],
          summary: "Annual means, good-or-moderate days, category days and exceedance days of the city, or of one station",
          params: SlugParams,
          querystring: z.object({ station: StationSchema.optional() }),
          response: { 200: z.object({ city: z.string(), station: z.string().nullable(), items: z.array(AirAnnualSchema) }) },
        },
      },
      async (req) => ({ city: req.params.slug, station: req.query.station ?? null, items: await cityAirAnnual(ctx, req.params.slug, req.query.station) }),
    );
  };
}
