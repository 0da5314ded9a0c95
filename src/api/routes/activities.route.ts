import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActivitySchema, ActivityUpdateSchema, NewActivitySchema, NewOutputSchema, OutputSchema } from "../../domain/activity.js";
import { RecordIdSchema } from "../../domain/organisation.js";
import { addOutput, cooperationActivities, createActivity, deleteActivity, deleteOutput, getActivity, programmeActivities, updateActivity } from "../../services/activities.js";
import type { AppContext } from "../../services/context.js";
import { actorOf } from "../authorize.js";

const Id = z.object({ id: RecordIdSchema });
const List = z.object({ items: z.array(ActivitySchema) });

/** Activities (study visits, roundtables, workshops…) of cooperations and programmes, and their outputs. */
export function activitiesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["activities"];
    app.get("/cooperations/:id/activities", { schema: { tags, summary: "A cooperation's activities by date, with organisations and outputs", params: Id, response: { 200: List } } }, async (req) => ({
      items: await cooperationActivities(ctx, req.params.id),
    }));
    app.post(
      "/cooperations/:id/activities",
      { schema: { tags, summary: "Record an activity of a cooperation (end date on or after the start; organisations must exist)", params: Id, body: NewActivitySchema, response: { 201: ActivitySchema } } },
      async (req, reply) => reply.code(201).send(await createActivity(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.get(
      "/programmes/:id/activities",
      { schema: { tags, summary: "A programme's activities: programme-wide ones and those of all its cooperations", params: Id, response: { 200: List } } },
      async (req) => ({ items: await programmeActivities(ctx, req.params.id) }),
    );
    app.get("/activities/:id", { schema: { tags, summary: "One activity", params: Id, response: { 200: ActivitySchema } } }, async (req) => getActivity(ctx, req.params.id));
    app.patch(
      "/activities/:id",
      { schema: { tags, summary: "Change an activity's fields; 409 with `current` if `version` is not the current one", params: Id, body: ActivityUpdateSchema, response: { 200: ActivitySchema } } },
      async (req) => updateActivity(ctx, req.params.id, req.body),
    );
    app.delete("/activities/:id", { schema: { tags, summary: "Delete an activity and its outputs", params: Id } }, async (req, reply) => {
      await deleteActivity(ctx, req.params.id);
      return reply.code(204).send();
    });
    app.post(
      "/activities/:id/outputs",
      { schema: { tags, summary: "Add an output (MoU, joint declaration, report, pilot project) with an http(s) link", params: Id, body: NewOutputSchema, response: { 201: OutputSchema } } },
      async (req, reply) => reply.code(201).send(await addOutput(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.delete("/outputs/:id", { schema: { tags, summary: "Delete an output", params: Id } }, async (req, reply) => {
      await deleteOutput(ctx, req.params.id);
      return reply.code(204).send();
    });
  };
}
