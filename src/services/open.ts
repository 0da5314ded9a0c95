import type { Config } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/index.js";
import { type AppContext, createContext } from "./context.js";
import { seed } from "./seed.js";

/**
 * Opens the configured database, applies pending migrations and, when the database holds no
 * cities yet (first start), seeds the shipped reference data.
 */
export async function openApp(
  config: Pick<Config, "databaseUrl" | "sqlitePath">,
  opts: { seedIfEmpty?: boolean; onStep?: (message: string) => void } = {},
): Promise<AppContext> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const ctx = createContext(database);
    if (opts.seedIfEmpty && (await ctx.cities.count()) === 0) {
      opts.onStep?.("first start: loading the reference data (cities, indicators, observations)…");
      await seed(ctx, { onStep: opts.onStep });
    }
    return ctx;
  } catch (err) {
    await database.close();
    throw err;
  }
}
