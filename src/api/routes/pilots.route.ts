import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { RecordIdSchema } from "../../domain/organisation.js";
import { FundApplicationSchema, FundApplicationUpdateSchema, NewFundApplicationSchema, NewPilotSchema, PilotSchema, PilotUpdateSchema } from "../../domain/pilot.js";
import type { AppContext } from "../../services/context.js";
import { addFundApplication, cooperationPilots, createPilot, getPilot, updateFundApplication, updatePilot } from "../../services/pilots.js";
import { actorOf } from "../authorize.js";

const Id = z.object({ id: RecordIdSchema });

/** Pilot projects of cooperations and their applications to competitive follow-up funds. */
export function pilotsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilots"];
    app.get(
      "/cooperations/:id/pilots",
      { schema: { tags, summary: "A cooperation's pilot projects with partners, KPIs (read-only) and fund applications", params: Id, response: { 200: z.object({ items: z.array(PilotSchema) }) } } },
      async (req) => ({ items: await cooperationPilots(ctx, req.params.id) }),
    );
    app.post(
      "/cooperations/:id/pilots",
      { schema: { tags, summary: "Add a pilot project in a member city (budget needs a currency)", params: Id, body: NewPilotSchema, response: { 201: PilotSchema } } },
      async (req, reply) => reply.code(201).send(await createPilot(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.get("/pilots/:id", { schema: { tags, summary: "One pilot project", params: Id, response: { 200: PilotSchema } } }, async (req) => getPilot(ctx, req.params.id));
    app.patch(
      "/pilots/:id",
      { schema: { tags, summary: "Change a pilot project; 409 with `current` if `version` is not the current one", params: Id, body: PilotUpdateSchema, response: { 200: PilotSchema } } },
      async (req) => updatePilot(ctx, req.params.id, req.body),
    );
    app.post(
      "/pilots/:id/fund-applications",
      { schema: { tags, summary: "Record an application to a follow-up fund (score 0–100; decision rules apply)", params: Id, body: NewFundApplicationSchema, response: { 201: FundApplicationSchema } } },
      async (req, reply) => reply.code(201).send(await addFundApplication(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.patch(
      "/fund-applications/:id",
      {
        schema: {
          tags,
          summary: "Record a score or decision: a decision date needs a decision, an amount awarded needs an award and is at most the amount requested; 409 on a stale version",
          params: Id,
          body: FundApplicationUpdateSchema,
          response: { 200: FundApplicationSchema },
        },
      },
      async (req) => updateFundApplication(ctx, req.params.id, req.body),
    );
  };
}
