import type { FastifyError } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PageFields, PageQuery } from "../paging.js";
import { z } from "zod";
import { SlugSchema } from "../../domain/city.js";
import {
  ActionPlanInputSchema,
  ActionPlanSchema,
  ActionUpdateSchema,
  CooperationActionSchema,
  CooperationSchema,
  CooperationStatusSchema,
  CooperationUpdateSchema,
  KpiSchema,
  KpiUpdateSchema,
  KpiValueInputSchema,
  KpiValueSchema,
  NewActionSchema,
  NewCooperationSchema,
  NewKpiSchema,
  TransitionInputSchema,
} from "../../domain/cooperation.js";
import { createAction, deleteAction, getAction, getActionPlan, listActions, saveActionPlan, updateAction } from "../../services/action-plans.js";
import type { AppContext } from "../../services/context.js";
import { createKpi, deleteKpi, kpiValues, listKpis, recordKpiValue, updateKpi } from "../../services/cooperation-kpis.js";
import {
  createCooperation,
  getCooperation,
  pageCooperations,
  TransitionRefusedError,
  transitionCooperation,
  updateCooperation,
} from "../../services/cooperations.js";
import { errorHandler, problem, type ProblemBody, sendProblem } from "../problem.js";
import { actorOf } from "../authorize.js";

const Id = z.object({ id: z.string().min(1).max(200) });
const ActionOfCooperation = z.object({ id: z.string().min(1).max(200), actionId: z.string().min(1).max(200) });
const tags = ["cooperations"];

/**
 * Cooperations (pairs or clusters of cities), their dated status changes, the Urban Cooperation
 * Action Plan with its actions, and KPIs with recorded values. A stale update answers 409 with the
 * record's current state as `current`; a refused status change answers 400 with `reason` {en, zh}.
 * DELETE of an action is `/cooperations/:id/actions/:actionId`: `DELETE /actions/:id` belongs to
 * the climate routes (a city's planned climate actions).
 */
export function cooperationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof TransitionRefusedError) {
        return sendProblem(reply, { ...problem(400, err.message, { errors: [{ path: "to", message: err.message, code: "cooperation.transition_refused", params: { field: "to", ...err.reason } }], code: "cooperation.transition_refused", params: { ...err.reason } }), reason: err.reason } as ProblemBody);
      }
      return errorHandler(err, req, reply);
    });

    app.get(
      "/cooperations",
      {
        schema: {
          tags,
          summary: "Cooperations, filtered by programme, member city or status, by English name (ties by id), a page at a time read in the database (`limit`, `offset`; `total` counts every match)",
          querystring: z.object({ programme: z.string().min(1).max(200).optional(), city: SlugSchema.optional(), status: CooperationStatusSchema.optional(), ...PageQuery }),
          response: { 200: z.object({ cooperations: z.array(CooperationSchema), ...PageFields }) },
        },
      },
      async (req) => {
        const { limit, offset, ...filter } = req.query;
        const { items, total } = await pageCooperations(ctx, filter, { limit, offset });
        return { cooperations: items, total, limit, offset };
      },
    );
    app.post(
      "/cooperations",
      {
        schema: {
          tags,
          summary: "Form a cooperation of two or more member cities (status proposed); unknown cities are 404",
          body: NewCooperationSchema,
          response: { 201: CooperationSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await createCooperation(ctx, req.body, actorOf(req))),
    );
    app.get("/cooperations/:id", { schema: { tags, summary: "One cooperation", params: Id, response: { 200: CooperationSchema } } }, async (req) =>
      getCooperation(ctx, req.params.id),
    );
    app.patch(
      "/cooperations/:id",
      { schema: { tags, summary: "Change names, themes, dates or members; 409 with `current` if `version` is stale", params: Id, body: CooperationUpdateSchema, response: { 200: CooperationSchema } } },
      async (req) => updateCooperation(ctx, req.params.id, req.body),
    );
    app.post(
      "/cooperations/:id/transitions",
      {
        schema: {
          tags,
          summary: "Move the status: proposed → agreed → active → completed, or discontinued; a refused move is 400 with `reason` {en, zh}",
          params: Id,
          body: TransitionInputSchema,
          response: { 200: CooperationSchema },
        },
      },
      async (req) => transitionCooperation(ctx, req.params.id, req.body, actorOf(req)),
    );

    app.get("/cooperations/:id/plan", { schema: { tags, summary: "The Urban Cooperation Action Plan (version 0 if never saved)", params: Id, response: { 200: ActionPlanSchema } } }, async (req) =>
      getActionPlan(ctx, req.params.id),
    );
    app.put(
      "/cooperations/:id/plan",
      { schema: { tags, summary: "Replace the action plan's fields; 409 with `current` if `version` is stale", params: Id, body: ActionPlanInputSchema, response: { 200: ActionPlanSchema } } },
      async (req) => saveActionPlan(ctx, req.params.id, req.body, actorOf(req)),
    );

    app.get(
      "/cooperations/:id/actions",
      { schema: { tags, summary: "The actions of the action plan", params: Id, response: { 200: z.object({ actions: z.array(CooperationActionSchema) }) } } },
      async (req) => ({ actions: await listActions(ctx, req.params.id) }),
    );
    app.post(
      "/cooperations/:id/actions",
      { schema: { tags, summary: "Add an action (owner must be a member city)", params: Id, body: NewActionSchema, response: { 201: CooperationActionSchema } } },
      async (req, reply) => reply.code(201).send(await createAction(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.get("/actions/:id", { schema: { tags, summary: "One action of an action plan", params: Id, response: { 200: CooperationActionSchema } } }, async (req) =>
      getAction(ctx, req.params.id),
    );
    app.patch(
      "/actions/:id",
      { schema: { tags, summary: "Replace an action; 409 with `current` if `version` is stale", params: Id, body: ActionUpdateSchema, response: { 200: CooperationActionSchema } } },
      async (req) => updateAction(ctx, req.params.id, req.body),
    );
    app.delete("/cooperations/:id/actions/:actionId", { schema: { tags, summary: "Delete an action (and its KPIs)", params: ActionOfCooperation } }, async (req, reply) => {
      const a = await getAction(ctx, req.params.actionId);
      if (a.cooperationId !== req.params.id) return sendProblem(reply, problem(404, `no action "${req.params.actionId}" in cooperation "${req.params.id}"`));
      await deleteAction(ctx, a.id);
      return reply.code(204).send();
    });

    app.get(
      "/cooperations/:id/kpis",
      {
        schema: {
          tags,
          summary: "KPIs of the cooperation's actions and pilots",
          params: Id,
          querystring: z.object({ action: z.string().min(1).max(200).optional() }),
          response: { 200: z.object({ kpis: z.array(KpiSchema) }) },
        },
      },
      async (req) => ({ kpis: await listKpis(ctx, req.params.id, req.query.action) }),
    );
    app.post(
      "/cooperations/:id/kpis",
      { schema: { tags, summary: "Add a KPI to an action or a pilot (indicator optional; city must be a member)", params: Id, body: NewKpiSchema, response: { 201: KpiSchema } } },
      async (req, reply) => reply.code(201).send(await createKpi(ctx, req.params.id, req.body, actorOf(req))),
    );
    app.patch(
      "/kpis/:id",
      { schema: { tags, summary: "Replace a KPI; 409 with `current` if `version` is stale", params: Id, body: KpiUpdateSchema, response: { 200: KpiSchema } } },
      async (req) => updateKpi(ctx, req.params.id, req.body),
    );
    app.delete("/kpis/:id", { schema: { tags, summary: "Delete a KPI and its values", params: Id } }, async (req, reply) => {
      await deleteKpi(ctx, req.params.id);
      return reply.code(204).send();
    });
    app.get(
      "/kpis/:id/values",
      { schema: { tags, summary: "The KPI's recorded values, oldest first", params: Id, response: { 200: z.object({ values: z.array(KpiValueSchema) }) } } },
      async (req) => ({ values: await kpiValues(ctx, req.params.id) }),
    );
    app.post(
      "/kpis/:id/values",
      { schema: { tags, summary: "Record a value of the KPI on a date (the same date again replaces it)", params: Id, body: KpiValueInputSchema, response: { 201: KpiValueSchema } } },
      async (req, reply) => reply.code(201).send(await recordKpiValue(ctx, req.params.id, req.body, actorOf(req))),
    );
  };
}
