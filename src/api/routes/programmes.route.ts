import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApplicationSchema,
  ApplicationStatusSchema,
  CallSchema,
  CallUpdateSchema,
  DecisionSchema,
  NewApplicationSchema,
  NewCallSchema,
  NewProgrammeSchema,
  ProgrammeSchema,
  ProgrammeUpdateSchema,
  RecordIdSchema,
} from "../../domain/programme.js";
import { decideApplication, getApplication, listCallApplications, listProgrammeApplications, submitApplication } from "../../services/applications.js";
import type { AppContext } from "../../services/context.js";
import { PageFields, PageQuery } from "../paging.js";
import { createCall, createProgramme, getCall, getProgramme, listCalls, pageProgrammes, updateCall, updateProgramme } from "../../services/programmes.js";
import { actorOf, holds } from "../authorize.js";
import type { FastifyRequest } from "fastify";
import type { Application } from "../../domain/programme.js";

/**
 * An application's contact person is not public: only the programme's managers, the applying
 * city's editors and administrators see it; everyone else gets the application without it.
 */
function withContacts(req: FastifyRequest, programmeId: string, apps: Application[]): Application[] {
  const user = req.principal?.user;
  return apps.map((a) => (user && (holds(user, "programme_manager", programmeId) || holds(user, "city_editor", a.city.slug)) ? a : { ...a, contact: { name: null, email: null } }));
}

const Id = z.object({ id: RecordIdSchema });
const stale = "; 409 with `current` if `version` is not the current one";

/**
 * Cooperation programmes, their calls for applications and the cities' applications with their
 * screening. A stale update answers 409 with the record's current state as `current`.
 */
export function programmesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["programmes"];

    app.get(
      "/programmes",
      {
        schema: {
          tags,
          summary: "The programmes with their counts of calls, applications and cooperations, newest start first (ties by id), a page at a time read in the database (`limit`, `offset`; `total` counts them all)",
          querystring: z.object(PageQuery),
          response: { 200: z.object({ programmes: z.array(ProgrammeSchema), ...PageFields }) },
        },
      },
      async (req) => {
        const { limit, offset } = req.query;
        const { items, total } = await pageProgrammes(ctx, { limit, offset });
        return { programmes: items, total, limit, offset };
      },
    );
    app.post(
      "/programmes",
      { schema: { tags, summary: "Create a programme: names, period, themes, sides with their countries, funder, eligibility rules", body: NewProgrammeSchema, response: { 201: ProgrammeSchema } } },
      async (req, reply) => reply.code(201).send(await createProgramme(ctx, req.body, actorOf(req))),
    );
    app.get(
      "/programmes/:id",
      { schema: { tags, summary: "One programme with its counts and cited sources", params: Id, response: { 200: ProgrammeSchema } } },
      async (req) => getProgramme(ctx, req.params.id),
    );
    app.patch(
      "/programmes/:id",
      { schema: { tags, summary: `Change fields of a programme${stale}`, params: Id, body: ProgrammeUpdateSchema, response: { 200: ProgrammeSchema } } },
      async (req) => updateProgramme(ctx, req.params.id, req.body),
    );

    app.get(
      "/programmes/:id/calls",
      { schema: { tags, summary: "The calls for applications of a programme, each open or closed today", params: Id, response: { 200: z.object({ calls: z.array(CallSchema) }) } } },
      async (req) => ({ calls: await listCalls(ctx, req.params.id) }),
    );
    app.post(
      "/programmes/:id/calls",
      { schema: { tags, summary: "Open a call for applications with a deadline and rules overriding the programme's", params: Id, body: NewCallSchema, response: { 201: CallSchema } } },
      async (req, reply) => reply.code(201).send(await createCall(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.get(
      "/programmes/:id/applications",
      {
        schema: {
          tags,
          summary: "The applications to every call of a programme, optionally of one status",
          params: Id,
          querystring: z.object({ status: ApplicationStatusSchema.optional() }),
          response: { 200: z.object({ applications: z.array(ApplicationSchema) }) },
        },
      },
      async (req) => ({ applications: withContacts(req, req.params.id, await listProgrammeApplications(ctx, req.params.id, req.query.status)) }),
    );

    app.get("/calls/:id", { schema: { tags, summary: "One call for applications", params: Id, response: { 200: CallSchema } } }, async (req) => getCall(ctx, req.params.id));
    app.patch(
      "/calls/:id",
      { schema: { tags, summary: `Change fields of a call${stale}`, params: Id, body: CallUpdateSchema, response: { 200: CallSchema } } },
      async (req) => updateCall(ctx, req.params.id, req.body),
    );
    app.get(
      "/calls/:id/applications",
      { schema: { tags, summary: "The applications to a call, with status and each eligibility reason", params: Id, response: { 200: z.object({ applications: z.array(ApplicationSchema) }) } } },
      async (req) => ({ applications: withContacts(req, (await getCall(ctx, req.params.id)).programmeId, await listCallApplications(ctx, req.params.id)) }),
    );
    app.post(
      "/calls/:id/applications",
      {
        schema: {
          tags,
          summary: "Submit a city's application; checked against the rules at once (eligible/ineligible). 409 after the deadline or when the city has already applied",
          params: Id,
          body: NewApplicationSchema,
          response: { 201: ApplicationSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await submitApplication(ctx, req.params.id, req.body, actorOf(req))),
    );

    app.get("/applications/:id", { schema: { tags, summary: "One application", params: Id, response: { 200: ApplicationSchema } } }, async (req) => {
      const a = await getApplication(ctx, req.params.id);
      return withContacts(req, (await getCall(ctx, a.callId)).programmeId, [a])[0]!;
    });
    app.post(
      "/applications/:id/decision",
      {
        schema: {
          tags,
          summary: `Screen an application: re-check (eligible/ineligible), accept (only from eligible) or decline; an illegal move is 409 with the reason${stale}`,
          params: Id,
          body: DecisionSchema,
          response: { 200: ApplicationSchema },
        },
      },
      async (req) => decideApplication(ctx, req.params.id, req.body),
    );
  };
}
