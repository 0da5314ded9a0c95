import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CooperationMonitoringSchema, ProgrammeMonitoringSchema, ShowcaseCooperationSchema, ShowcaseProgrammeSchema } from "../../domain/monitoring.js";
import type { AppContext } from "../../services/context.js";
import { cooperationMonitoring } from "../../services/cooperation-monitoring.js";
import { cooperationReport } from "../../services/cooperation-report.js";
import { programmeMonitoring } from "../../services/programme-monitoring.js";
import { showcaseCooperation, showcaseProgramme } from "../../services/showcase.js";

const Id = z.object({ id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, "must be an id of letters, digits, '.', '_' or '-'") });

/** Monitoring of cooperations and programmes, the public showcase views and the cooperation report. */
export function monitoringRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/cooperations/:id/monitoring",
      {
        schema: {
          tags: ["monitoring"],
          summary: "A cooperation's KPIs with status (on track / at risk / off track) and series, actions by status, overdue actions, timeline, member cities' indicator changes",
          params: Id,
          response: { 200: CooperationMonitoringSchema },
        },
      },
      async (req) => cooperationMonitoring(ctx, req.params.id),
    );
    app.get(
      "/programmes/:id/monitoring",
      {
        schema: {
          tags: ["monitoring"],
          summary: "A programme's cooperations with member coordinates and map lines, counts by status, expected vs achieved impact, what needs attention",
          params: Id,
          response: { 200: ProgrammeMonitoringSchema },
        },
      },
      async (req) => programmeMonitoring(ctx, req.params.id),
    );
    app.get(
      "/showcase/programmes/:id",
      { schema: { tags: ["showcase"], summary: "Public, read-only view of a programme (no applications or contacts)", params: Id, response: { 200: ShowcaseProgrammeSchema } } },
      async (req) => showcaseProgramme(ctx, req.params.id),
    );
    app.get(
      "/showcase/cooperations/:id",
      { schema: { tags: ["showcase"], summary: "Public, read-only view of a cooperation (no contacts or budgets)", params: Id, response: { 200: ShowcaseCooperationSchema } } },
      async (req) => showcaseCooperation(ctx, req.params.id),
    );
    app.get(
      "/cooperations/:id/report",
      {
        schema: {
          tags: ["monitoring"],
          summary: "The cooperation report: a self-contained print-ready HTML document (lang en or zh) or CSV of actions and KPIs (one row per KPI)",
          params: Id,
          querystring: z.object({ format: z.enum(["html", "csv"]).default("html"), lang: z.enum(["en", "zh"]).default("en") }),
        },
      },
      async (req, reply) => {
        const r = await cooperationReport(ctx, req.params.id, { format: req.query.format, lang: req.query.lang });
        const disposition = req.query.format === "csv" ? `attachment; filename="${req.params.id}-report.csv"` : "inline";
        return reply.type(r.contentType).header("content-disposition", disposition).send(r.body);
      },
    );
  };
}
