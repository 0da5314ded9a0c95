import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../services/context.js";
import { activitiesRoutes } from "./activities.route.js";
import { partnersRoutes } from "./partners.route.js";
import { pilotsRoutes } from "./pilots.route.js";

/**
 * The work of cooperations: activities and outputs, partner organisations and commitments, pilot
 * projects and follow-up funding. A stale update answers 409 with the record's current state as `current`.
 */
export function cooperationWorkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(activitiesRoutes(ctx));
    await app.register(partnersRoutes(ctx));
    await app.register(pilotsRoutes(ctx));
  };
}
