import { createReadStream } from "node:fs";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import { IndicatorCodeSchema } from "../../domain/indicator.js";
import { ImportResultSchema } from "../../domain/observation.js";
import { notFound } from "../../errors.js";
import type { AppContext } from "../../services/context.js";
import { exportObservations } from "../../services/export-observations.js";
import { importObservations } from "../../services/import-observations.js";
import { streamCsvBodies, withUploadedFile } from "../upload.js";
import { actorOf, holds } from "../authorize.js";

export function observationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    streamCsvBodies(app);

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
      async (req, reply) =>
        withUploadedFile(req, reply, (path) => importObservations(ctx, {
          open: () => createReadStream(path),
          importedBy: actorOf(req),
          // A city editor imports their own cities' figures; administrators any city's.
          mayWrite: (city) => !!req.principal && holds(req.principal.user, "city_editor", city),
        })),
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
        if (city && !(await ctx.cities.get(city))) throw notFound("city", city);
        if (indicator && !(await ctx.indicators.get(indicator))) throw notFound("indicator", indicator);
        const name = ["observations", city, indicator].filter(Boolean).join("-");
        return reply
          .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}.${format}"`)
          .send(exportObservations(ctx, { city, indicator }, format));
      },
    );
  };
}
