import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CountryCodeSchema } from "../../domain/city.js";
import { SlugSchema } from "../../domain/city.js";
import { PracticeIdSchema, PracticeRecordSchema, PracticeSchema, PracticeSearchResultSchema, PracticesForCitySchema, PracticeThemeSchema } from "../../domain/practice.js";
import { InvalidInputError, notFound } from "../../errors.js";
import type { AppContext } from "../../services/context.js";
import { exportPractices } from "../../services/export-practices.js";
import { importPractices } from "../../services/import-practices.js";
import { practicesForCity } from "../../services/practices-for-city.js";
import { savePractice } from "../../services/save-practice.js";
import { searchPractices } from "../../services/search-practices.js";
import { problem, sendProblem } from "../problem.js";
import { actorOf } from "../authorize.js";

const ImportResultSchema = z.object({ practices: z.number(), created: z.number(), updated: z.number() });

export function practicesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Imports take the CSV as text (the practice library is small; the body limit applies).
    for (const type of ["text/csv", "application/csv"]) app.addContentTypeParser(type, { parseAs: "string" }, (_req, body, done) => done(null, body));

    app.get(
      "/practices",
      {
        schema: {
          tags: ["practices"],
          summary: "Search the good-practice library (English and Chinese), with facets",
          description:
            "Every word of `q` must occur, as a word prefix (`congest` finds congestion), in either language's fields. Practices with measured outcomes rank higher. " +
            "`facets` count the matches by theme, country, region and measured; `suggestions` gives close spellings when nothing matches.",
          querystring: z.object({
            q: z.string().max(200).optional(),
            theme: PracticeThemeSchema.optional(),
            country: z.string().transform((s) => s.toUpperCase()).pipe(CountryCodeSchema).optional(),
            region: z.string().min(1).max(100).optional(),
            measured: z.enum(["true", "false"]).optional(),
            lang: z.enum(["en", "zh"]).optional().describe("the reader's language: the summary snippet shown when no query word matches"),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            offset: z.coerce.number().int().min(0).max(10000).default(0),
          }),
          response: { 200: PracticeSearchResultSchema },
        },
      },
      async (req) => searchPractices(ctx, { ...req.query, measured: req.query.measured === undefined ? undefined : req.query.measured === "true" }),
    );

    app.get(
      "/practices/export",
      { schema: { tags: ["practices"], summary: "Every practice in the import format, as JSON or CSV", querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }) } },
      async (req, reply) =>
        reply
          .type(req.query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
          .header("content-disposition", `attachment; filename="practices.${req.query.format}"`)
          .send(await exportPractices(ctx, req.query.format)),
    );

    app.post(
      "/practices/import",
      {
        schema: {
          tags: ["practices"],
          summary: "Import practices from JSON or CSV (all or none)",
          description: "Body: `application/json` (an array of practices in the export format) or `text/csv`. If any record is wrong the answer is 422 listing every problem by row and field, and nothing is written.",
          response: { 200: ImportResultSchema },
        },
      },
      async (req) => {
        if (typeof req.body === "string") return importPractices(ctx, { text: req.body, format: "csv", importedBy: actorOf(req) });
        if (req.body === undefined || req.body === null) throw new InvalidInputError("send practices as application/json or text/csv", [{ column: "body", message: "is empty" }], undefined, { code: "request.empty_body" });
        return importPractices(ctx, { text: JSON.stringify(req.body), format: "json", importedBy: actorOf(req) });
      },
    );

    app.get(
      "/practices/:id",
      { schema: { tags: ["practices"], summary: "One practice with outcomes, measures, transferability and sources", params: z.object({ id: PracticeIdSchema }), response: { 200: PracticeSchema } } },
      async (req, reply) => {
        const p = await ctx.practices.get(req.params.id);
        if (!p) throw notFound("practice", req.params.id);
        void reply.header("etag", `"${p.updatedAt}"`);
        return p;
      },
    );

    app.post(
      "/practices",
      { schema: { tags: ["practices"], summary: "Create a practice", body: PracticeRecordSchema, response: { 201: PracticeSchema } } },
      async (req, reply) => reply.code(201).send(await savePractice(ctx, { record: req.body, mode: "create", by: actorOf(req) })),
    );

    app.put(
      "/practices/:id",
      {
        schema: {
          tags: ["practices"],
          summary: "Replace a practice; send the ETag of the version you edited in If-Match (428 without it, 409 with the current practice if someone saved first)",
          params: z.object({ id: PracticeIdSchema }),
          headers: z.object({ "if-match": z.string().min(1).optional() }),
          body: PracticeRecordSchema,
          response: { 200: PracticeSchema },
        },
      },
      async (req, reply) => {
        const ifMatch = req.headers["if-match"];
        if (!ifMatch) return sendProblem(reply, problem(428, 'send the ETag of the practice you edited in the If-Match header (GET /practices/{id} returns it)'));
        const saved = await savePractice(ctx, { record: req.body, mode: "update", id: req.params.id, by: actorOf(req), basedOn: ifMatch.replace(/^W\//, "").replace(/^"|"$/g, "") });
        void reply.header("etag", `"${saved.updatedAt}"`);
        return saved;
      },
    );

    app.get(
      "/cities/:slug/practices",
      {
        schema: {
          tags: ["practices"],
          summary: "Practices that fit a city's gaps",
          description: "The indicators where the city is furthest from its reference values (or the median of other cities), and practices whose outcomes or themes match them, each with its reasons.",
          params: z.object({ slug: SlugSchema }),
          response: { 200: PracticesForCitySchema },
        },
      },
      async (req) => practicesForCity(ctx, req.params.slug),
    );

    app.delete(
      "/practices/:id",
      { schema: { tags: ["practices"], summary: "Delete a practice", params: z.object({ id: PracticeIdSchema }) } },
      async (req, reply) => {
        if (!(await ctx.practices.delete(req.params.id))) throw notFound("practice", req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
