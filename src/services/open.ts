import type { Config } from "../config.js";
import { migrateToLatest, openDatabase } from "../db/index.js";
import { RuntimeStateRepository } from "../db/repositories/runtime-state.repository.js";
import { withStartupLock } from "../db/startup-lock.js";
import { type AppContext, createContext } from "./context.js";
import { seed, type SeedSummary } from "./seed.js";

export interface PrepareOptions {
  seedIfEmpty?: boolean;
  onStep?: (message: string) => void;
}

/**
 * Applies pending migrations and, when the database holds no cities yet (first start) or a first
 * seed was cut short, seeds the shipped reference data — all under the startup lock, so of several
 * servers started at once on one PostgreSQL database one migrates and seeds while the others wait.
 */
export async function prepareDatabase(ctx: AppContext, opts: PrepareOptions = {}): Promise<void> {
  const state = new RuntimeStateRepository(ctx.database.db);
  await withStartupLock(
    ctx.database,
    async () => {
      await migrateToLatest(ctx.database.db);
      if (!opts.seedIfEmpty) return;
      const interrupted = (await state.seedState()) === "started";
      if (!interrupted && (await ctx.cities.count()) > 0) return;
      opts.onStep?.(
        interrupted
          ? "the first seed was cut short: loading the reference data again…"
          : "first start: loading the reference data (cities, indicators, observations)…",
      );
      await state.setSeedState("started");
      await seed(ctx, { onStep: opts.onStep });
      await state.setSeedState("completed");
    },
    () => opts.onStep?.("another server is migrating or seeding this database: waiting for it…"),
  );
}

/**
 * `citybridge db seed`: loads the shipped reference data again (it is idempotent), under the same
 * startup lock as the first seed, so that two commands, or a command and a starting server, never
 * seed one database at once — the second waits and then finds nothing left to add. On a database
 * whose first seed is not complete it is that first seed, marked as such for the readiness check;
 * a repeat on a complete one leaves the servers ready (they keep serving the data being refreshed).
 */
export async function reseedDatabase(ctx: AppContext, opts: Pick<PrepareOptions, "onStep"> = {}): Promise<SeedSummary> {
  const state = new RuntimeStateRepository(ctx.database.db);
  return withStartupLock(
    ctx.database,
    async () => {
      const first = (await state.seedState()) !== "completed";
      if (first) await state.setSeedState("started");
      const summary = await seed(ctx, { onStep: opts.onStep });
      if (first) await state.setSeedState("completed");
      return summary;
    },
    () => opts.onStep?.("another server or command is migrating or seeding this database: waiting for it…"),
  );
}

/** Opens the configured database and prepares it (see prepareDatabase). */
export async function openApp(config: Pick<Config, "databaseUrl" | "sqlitePath"> & Partial<Pick<Config, "instanceName">>, opts: PrepareOptions = {}): Promise<AppContext> {
  const database = openDatabase(config);
  try {
    const ctx = createContext(database, { instance: config.instanceName });
    await prepareDatabase(ctx, opts);
    return ctx;
  } catch (err) {
    await database.close();
    throw err;
  }
}
