import type { FastifyError } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../services/context.js";
import { VersionConflictError } from "../../services/version-conflict.js";
import { errorHandler, problem, type ProblemBody, sendProblem } from "../problem.js";
import { activitiesRoutes } from "./activities.route.js";
import { partnersRoutes } from "./partners.route.js";
import { pilotsRoutes } from "./pilots.route.js";

/**
 * The work of cooperations: activities and outputs, partner organisations and commitments, pilot
 * projects and follow-up funding. A stale update answers 409 with the record's current state as `current`.
 */
export function cooperationWorkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof VersionConflictError) return sendProblem(reply, { ...problem(409, err.message), current: err.current } as ProblemBody);
      return errorHandler(err, req, reply);
    });
    await app.register(activitiesRoutes(ctx));
    await app.register(partnersRoutes(ctx));
    await app.register(pilotsRoutes(ctx));
  };
}
