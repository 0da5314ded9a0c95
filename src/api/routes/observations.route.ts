import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import { IndicatorCodeSchema } from "../../domain/indicator.js";
import { ImportResultSchema } from "../../domain/observation.js";
import { InvalidInputError, NotFoundError } from "../../errors.js";
import type { AppContext } from "../../services/context.js";
import { exportObservations } from "../../services/export-observations.js";
import { importObservations } from "../../services/import-observations.js";
import { problem, sendProblem } from "../problem.js";

/** Largest CSV accepted by the import endpoint. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

class TooLargeError extends Error {}

/** Copies the upload to a temporary file (imports read a file twice), refusing anything over the limit. */
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

export function observationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The import reads the request body as a stream, never as a whole string.
    for (const type of ["text/csv", "application/csv", "text/plain"]) {
      app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    }

    app.post(
      "/observations/import",
      {
        schema: {
          tags: ["observations"],
          summary: "Import observations from CSV (all rows or none)",
          description:
            "Body: a CSV (`text/csv`) or a multipart form with the field `file`. Columns `city,indicator,period,value,source[,note]`. " +
            "Every row is validated; if any is wrong the answer is 422 with `errors: [{row, column, value, message}]` and nothing is written.",
          response: { 200: ImportResultSchema },
        },
      },
      async (req, reply) => {
        const dir = await mkdtemp(join(tmpdir(), "citybridge-import-"));
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
          return await importObservations(ctx, { open: () => createReadStream(path), importedBy: "api" });
        } catch (err) {
          if (err instanceof TooLargeError) return sendProblem(reply, problem(413, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
          throw err;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );

    app.get(
      "/observations/export",
      {
        schema: {
          tags: ["observations"],
          summary: "Export observations as CSV or JSON",
          querystring: z.object({
            city: SlugSchema.optional(),
            indicator: IndicatorCodeSchema.optional(),
            format: z.enum(["csv", "json"]).default("csv"),
          }),
        },
      },
      async (req, reply) => {
        const { city, indicator, format } = req.query;
        if (city && !(await ctx.cities.get(city))) throw new NotFoundError(`no city with slug "${city}"`);
        if (indicator && !(await ctx.indicators.get(indicator))) throw new NotFoundError(`no indicator with code "${indicator}"`);
        const name = ["observations", city, indicator].filter(Boolean).join("-");
        return reply
          .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}.${format}"`)
          .send(exportObservations(ctx, { city, indicator }, format));
      },
    );
  };
}
