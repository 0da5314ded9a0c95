import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AssessmentSchema, AssessmentUpdateSchema, CITY_ROLE_NAMES, CITY_ROLES, GAP_KEYWORDS, GAP_MAX_SCORE, NewAssessmentSchema, PREREQUISITE_NAMES, PREREQUISITES, READINESS_SCALE, READINESS_SOURCE } from "../../domain/readiness.js";
import type { Assessment } from "../../domain/readiness.js";
import type { AppContext } from "../../services/context.js";
import { createAssessment, getAssessment, listAssessments, updateAssessment } from "../../services/readiness-assessments.js";
import { readinessResult } from "../../services/readiness-result.js";
import { actorOf } from "../authorize.js";

const Id = z.object({ id: z.string().min(1).max(100) });

/** Innovation readiness (SASUI): the framework, and assessments of pilots and actions with their result. */
export function readinessRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["readiness"];
    const view = async (a: Assessment) => {
      const subject = await ctx.readiness.subject(a.pilot ? "pilot" : "action", (a.pilot ?? a.action) as string);
      return { assessment: a, subject: subject ? { kind: a.pilot ? "pilot" : "action", ...subject } : null, result: await readinessResult(ctx, a) };
    };
    app.get("/readiness/framework", { schema: { tags, summary: "Prerequisites, the 0–4 scale, the city roles and the gap keywords, in English and Chinese, with the source" } }, async () => ({
      source: READINESS_SOURCE,
      dimensions: Object.entries(PREREQUISITES).map(([d, ps]) => ({ key: d, names: PREREQUISITE_NAMES[d as keyof typeof PREREQUISITES], prerequisites: ps.map((p) => ({ key: p, names: PREREQUISITE_NAMES[p], keywords: GAP_KEYWORDS[p] })) })),
      scale: READINESS_SCALE,
      gapMaxScore: GAP_MAX_SCORE,
      roles: CITY_ROLES.map((r) => ({ key: r, names: CITY_ROLE_NAMES[r] })),
    }));
    app.get("/readiness-assessments", { schema: { tags, summary: "Assessments, newest first: of one pilot or action if given, or of every pilot and action of a cooperation (`cooperation`, one request for a cooperation page)", querystring: z.object({ pilot: z.string().max(100).optional(), action: z.string().max(100).optional(), cooperation: z.string().max(200).optional() }), response: { 200: z.object({ items: z.array(AssessmentSchema) }) } } }, async (req) => ({
      items: await listAssessments(ctx, req.query),
    }));
    app.post("/readiness-assessments", { schema: { tags, summary: "Start an assessment for a pilot or an action (by id)", body: NewAssessmentSchema } }, async (req, reply) =>
      reply.code(201).send(await view(await createAssessment(ctx, req.body, actorOf(req)))),
    );
    app.get("/readiness-assessments/:id", { schema: { tags, summary: "An assessment with its subject, radar data, gaps and suggested practices", params: Id } }, async (req) => view(await getAssessment(ctx, req.params.id)));
    app.put("/readiness-assessments/:id", { schema: { tags, summary: "Change scores, role and stakeholder map; 409 with `current` on a stale version", params: Id, body: AssessmentUpdateSchema } }, async (req) =>
      view(await updateAssessment(ctx, req.params.id, req.body)),
    );
  };
}
