import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AirAnnualSchema, AirDaySchema, AirFormatSchema, AirImportResultSchema, AirOverviewSchema, AirStationSchema } from "../../domain/air.js";
import { SlugSchema } from "../../domain/city.js";
import { isPeriod } from "../../domain/observation.js";
import { InvalidInputError } from "../../errors.js";
import { cityAirAnnual, cityAirDaily, cityAirOverview } from "../../services/city-air.js";
import type { AppContext } from "../../services/context.js";
import { importAir } from "../../services/import-air.js";
import { airDailyCsv } from "../../services/air-daily-csv.js";
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

    const DailyQuery = z.object({
      from: DateSchema.optional(),
      to: DateSchema.optional(),
      station: StationSchema.optional(),
      after: DateSchema.optional().describe("the `next` of the previous page: days after this date"),
    });
    const checkRange = (q: { from?: string; to?: string }) => {
      if (q.from && q.to && q.from > q.to) throw new InvalidInputError(`from ${q.from} is after to ${q.to}`, [{ column: "from", value: q.from, message: `is after to (${q.to})` }], undefined, { code: "dates.end_before_start", params: { start: q.from, end: q.to } });
    };

    app.get(
      "/cities/:slug/air/daily",
      {
        schema: {
          tags: ["air"],
          summary: "Daily values and indices (China HJ 633, US EPA 2024, EEA 2024) of the city, or of one station; paged by `limit` and `after` when `limit` is given",
          params: SlugParams,
          querystring: DailyQuery.extend({ limit: z.coerce.number().int().min(1).max(1000).optional().describe("days per page (1–1000); without it, every day in the range") }),
          response: { 200: z.object({ city: z.string(), station: z.string().nullable(), items: z.array(AirDaySchema), next: z.string().nullable().describe("pass as `after` for the next page; null on the last") }) },
        },
      },
      async (req) => {
        const { from, to, station, after, limit } = req.query;
        checkRange(req.query);
        const days = await cityAirDaily(ctx, req.params.slug, { from, to, station, after, limit: limit === undefined ? undefined : limit + 1 });
        const items = limit === undefined ? days : days.slice(0, limit);
        return { city: req.params.slug, station: station ?? null, items, next: limit !== undefined && days.length > limit ? items.at(-1)!.date : null };
      },
    );

    app.get(
      "/cities/:slug/air/daily.csv",
      {
        schema: {
          tags: ["air"],
          summary: "The daily series as CSV: the index under each standard with the standard's id, daily concentrations (µg/m³, CO mg/m³) and the source ids",
          params: SlugParams,
          querystring: DailyQuery,
          produces: ["text/csv"],
        },
      },
      async (req, reply) => {
        checkRange(req.query);
        const days = await cityAirDaily(ctx, req.params.slug, req.query);
        const name = `citybridge-air-daily-${req.params.slug}${req.query.station ? `-${req.query.station}` : ""}${req.query.from ? `-from-${req.query.from}` : ""}${req.query.to ? `-to-${req.query.to}` : ""}.csv`;
        return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}"`).send(airDailyCsv(days));
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
