import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../services/context.js";
import { emissionFactorsRoutes } from "./emission-factors.route.js";
import { inventoriesRoutes } from "./inventories.route.js";
import { inventoryFilesRoutes } from "./inventory-files.route.js";
import { targetsRoutes } from "./targets.route.js";

/**
 * Climate accounting: the emission factor library, GPC inventories (with CSV import and CRF
 * export), targets, planned actions and pathways. A stale update answers 409 with the record's
 * current state as `current`.
 */
export function climateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(emissionFactorsRoutes(ctx));
    await app.register(inventoriesRoutes(ctx));
    await app.register(inventoryFilesRoutes(ctx));
    await app.register(targetsRoutes(ctx));
  };
}
