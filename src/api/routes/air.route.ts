import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AirAnnualSchema, AirDaySchema, AirFormatSchema, AirImportResultSchema, AirOverviewSchema, AirStationSchema } from "../../domain/air.js";
import { SlugSchema } from "../../domain/city.js";
import { isPeriod } from "../../domain/observation.js";
import { InvalidInputError } from "../../errors.js";
import { cityAirAnnual, cityAirDaily, cityAirOverview } from "../../services/city-air.js";
import type { AppContext } from "../../services/context.js";
import { importAir } from "../../services/import-air.js";
import { problem, sendProblem } from "../problem.js";
import { MAX_IMPORT_BYTES } from "./observations.route.js";

class TooLargeError extends Error {}

/** Copies an upload to a temporary file (DuckDB reads files), refusing anything over the limit. */
async function spool(body: Readable, path: string): Promise<void> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) done(new TooLargeError());
      else done(null, chunk);
    },
  });
  await pipeline(body, limit, createWriteStream(path));
}

const SlugParams = z.object({ slug: SlugSchema });
const DateSchema = z.string().refine((s) => s.length === 10 && isPeriod(s), "must be a date YYYY-MM-DD");
const StationSchema = z.string().regex(/^[a-z0-9-]+$/, "must be a station id like uci-dongsi").max(120);

export function airRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Uploads are streamed to a temporary file, never held as a string.
    for (const type of ["text/csv", "application/csv", "text/plain"]) {
      app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    }

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
      async (req, reply) => {
        const dir = await mkdtemp(join(tmpdir(), "citybridge-air-"));
        const path = join(dir, "upload.csv");
        try {
          if (req.isMultipart()) {
            const file = await req.file();
            if (!file) throw new InvalidInputError("the form has no file", [{ column: "file", message: "is required" }]);
            await spool(file.file, path);
            if (file.file.truncated) throw new TooLargeError();
          } else if (req.body && typeof (req.body as Readable).pipe === "function") {
            await spool(req.body as Readable, path);
          } else {
            return sendProblem(reply, problem(415, "send the CSV as text/csv or as multipart/form-data with a field named file"));
          }
          return await importAir(ctx, { path, city: req.params.slug, format: req.query.format, source: req.query.source, importedBy: "api" });
        } catch (err) {
          if (err instanceof TooLargeError) return sendProblem(reply, problem(413, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
          throw err;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
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
