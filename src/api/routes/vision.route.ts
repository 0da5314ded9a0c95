import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import {
  CastVoteSchema,
  DistrictSchema,
  DistrictUpdateSchema,
  JoinSchema,
  ModerationSchema,
  NewDistrictSchema,
  NewProcessSchema,
  NewStatementSchema,
  NewVisionDocumentSchema,
  ParticipantSchema,
  ProcessSchema,
  ProcessUpdateSchema,
  StatementSchema,
  StatementStatusSchema,
  TokenSchema,
  VisionDocumentSchema,
  VisionDocumentUpdateSchema,
  VoteRecordSchema,
} from "../../domain/vision.js";
import type { AppContext } from "../../services/context.js";
import { cityDistricts, createDistrict, getDistrict, updateDistrict } from "../../services/vision-districts.js";
import { createVisionDocument, getVisionDocument, processDocuments, updateVisionDocument } from "../../services/vision-documents.js";
import { castVote, joinProcess, moderateStatement, participantState, processStatements, submitStatement } from "../../services/vision-participation.js";
import { createProcess, getProcess, listProcesses, updateProcess } from "../../services/vision-processes.js";
import { visionResults } from "../../services/vision-results.js";
import { readinessRoutes } from "./readiness.route.js";
import { actorOf } from "../authorize.js";

const Slug = z.object({ slug: SlugSchema });
const Id = z.object({ id: z.string().min(1).max(100) });
const Counts = { participants: z.number().int(), statements: z.number().int(), votes: z.number().int() };
const DistrictWithProcesses = DistrictSchema.extend({ processes: z.array(ProcessSchema.extend(Counts)) });

/**
 * District vision processes: districts, processes, participants (an opaque token at join),
 * statements and their moderation, votes, results (opinion groups, consensus, divisive) and
 * vision documents; readiness assessments. A stale update answers 409 with `current`.
 */
export function visionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["vision"];

    app.get("/cities/:slug/districts", { schema: { tags, summary: "A city's districts with their vision processes", params: Slug, response: { 200: z.object({ city: z.string(), items: z.array(DistrictWithProcesses) }) } } }, async (req) => ({
      city: req.params.slug,
      items: await cityDistricts(ctx, req.params.slug),
    }));
    app.post("/cities/:slug/districts", { schema: { tags, summary: "Add a district (names en/zh, optional GeoJSON boundary)", params: Slug, body: NewDistrictSchema, response: { 201: DistrictSchema } } }, async (req, reply) =>
      reply.code(201).send(await createDistrict(ctx, req.params.slug, req.body, actorOf(req))),
    );
    app.get("/districts/:id", { schema: { tags, summary: "A district and its processes", params: Id, response: { 200: DistrictWithProcesses } } }, async (req) => getDistrict(ctx, req.params.id));
    app.put("/districts/:id", { schema: { tags, summary: "Change a district; 409 with `current` on a stale version", params: Id, body: DistrictUpdateSchema, response: { 200: DistrictSchema } } }, async (req) =>
      updateDistrict(ctx, req.params.id, req.body),
    );
    app.post("/districts/:id/processes", { schema: { tags, summary: "Open a vision process in a district", params: Id, body: NewProcessSchema, response: { 201: ProcessSchema } } }, async (req, reply) =>
      reply.code(201).send(await createProcess(ctx, req.params.id, req.body, actorOf(req))),
    );

    app.get("/vision-processes", { schema: { tags, summary: "Vision processes with their district, of one city if given", querystring: z.object({ city: SlugSchema.optional() }) } }, async (req) => ({
      items: await listProcesses(ctx, req.query.city),
    }));
    app.get("/vision-processes/:id", { schema: { tags, summary: "A vision process with its district", params: Id, response: { 200: ProcessSchema.extend({ districtInfo: DistrictSchema }) } } }, async (req) => getProcess(ctx, req.params.id));
    app.put("/vision-processes/:id", { schema: { tags, summary: "Change a process or open/close it; 409 with `current` on a stale version", params: Id, body: ProcessUpdateSchema, response: { 200: ProcessSchema } } }, async (req) =>
      updateProcess(ctx, req.params.id, req.body),
    );

    app.post("/vision-processes/:id/participants", { schema: { tags, summary: "Join a process: returns the participant and its token (keep it to vote)", params: Id, body: JoinSchema, response: { 201: z.object({ participant: ParticipantSchema, token: z.string() }) } } }, async (req, reply) =>
      reply.code(201).send(await joinProcess(ctx, req.params.id, req.body)),
    );
    app.get("/vision-processes/:id/participants", { schema: { tags, summary: "Who takes part (names and groups)", params: Id, response: { 200: z.object({ items: z.array(ParticipantSchema) }) } } }, async (req) => {
      await getProcess(ctx, req.params.id); // 404 for an unknown process
      return { items: await ctx.visionParticipation.participants(req.params.id) };
    });
    app.post("/vision-processes/:id/me", { schema: { tags, summary: "A participant's own record and votes, by token", params: Id, body: z.object({ token: TokenSchema }), response: { 200: z.object({ participant: ParticipantSchema, votes: z.array(VoteRecordSchema) }) } } }, async (req) =>
      participantState(ctx, req.params.id, req.body.token),
    );

    app.get(
      "/vision-processes/:id/statements",
      {
        schema: {
          tags,
          summary: "Statements of a process, optionally by moderation status",
          description: "Pending and hidden statements only for those who may moderate them (the write check of POST /vision-statements/:id/moderation); everyone else gets the accepted ones.",
          params: Id,
          querystring: z.object({ status: StatementStatusSchema.optional() }),
          response: { 200: z.object({ items: z.array(StatementSchema) }) },
        },
      },
      async (req, reply) => {
        const items = await processStatements(ctx, req.params.id, req.query.status);
        const unmoderated = items.find((x) => x.status !== "accepted");
        if (!unmoderated) return { items };
        // Per visitor from here: never from a shared cache.
        reply.header("cache-control", "private, no-store");
        const may = await app.decideWrite("POST /api/v1/vision-statements/:id/moderation", req.principal?.user, { params: { id: unmoderated.id }, body: {} });
        return { items: may.allowed ? items : items.filter((x) => x.status === "accepted") };
      },
    );
    app.post("/vision-processes/:id/statements", { schema: { tags, summary: "Submit a statement (en or zh, tagged); it waits for moderation", params: Id, body: NewStatementSchema, response: { 201: StatementSchema } } }, async (req, reply) =>
      reply.code(201).send(await submitStatement(ctx, req.params.id, req.body)),
    );
    app.post("/vision-statements/:id/moderation", { schema: { tags, summary: "Accept or hide (with a reason) a statement; 409 with `current` on a stale version", params: Id, body: ModerationSchema, response: { 200: StatementSchema } } }, async (req) =>
      moderateStatement(ctx, req.params.id, req.body, actorOf(req)),
    );
    app.put("/vision-statements/:id/vote", { schema: { tags, summary: "Vote agree/disagree/pass; voting again replaces the vote. Own, pending and hidden statements are refused (409)", params: Id, body: CastVoteSchema, response: { 200: VoteRecordSchema } } }, async (req) =>
      castVote(ctx, req.params.id, req.body),
    );

    app.get(
      "/vision-processes/:id/results",
      { schema: { tags, summary: "Opinion map, groups, consensus and divisive statements (Pol.is-style), with the participant-group breakdown", params: Id, querystring: z.object({ seed: z.coerce.number().int().optional(), k: z.coerce.number().int().min(1).max(5).optional() }) } },
      async (req) => visionResults(ctx, req.params.id, req.query),
    );

    app.get("/vision-processes/:id/documents", { schema: { tags, summary: "Vision documents of a process", params: Id, response: { 200: z.object({ items: z.array(VisionDocumentSchema) }) } } }, async (req) => ({
      items: await processDocuments(ctx, req.params.id),
    }));
    app.post("/vision-processes/:id/documents", { schema: { tags, summary: "Turn accepted (consensus) statements into a vision document linked to targets and actions", params: Id, body: NewVisionDocumentSchema, response: { 201: VisionDocumentSchema } } }, async (req, reply) =>
      reply.code(201).send(await createVisionDocument(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.get("/vision-documents/:id", { schema: { tags, summary: "A vision document", params: Id, response: { 200: VisionDocumentSchema } } }, async (req) => getVisionDocument(ctx, req.params.id));
    app.put("/vision-documents/:id", { schema: { tags, summary: "Change a vision document; 409 with `current` on a stale version", params: Id, body: VisionDocumentUpdateSchema, response: { 200: VisionDocumentSchema } } }, async (req) =>
      updateVisionDocument(ctx, req.params.id, req.body),
    );

    await app.register(readinessRoutes(ctx));
  };
}
