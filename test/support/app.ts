import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { type AppContext, createContext } from "../../src/services/context.js";
import { createTestDatabase, type DialectName } from "./databases.js";

/**
 * The lifecycle of an in-process API suite: a fresh migrated database of `dialect`, loaded by
 * `prepare`, and the app on it (no web UI, silent); both closed after the suite. `bind` receives
 * the context and the app once they are ready.
 */
export function useTestApp(
  dialect: DialectName,
  prepare: (ctx: AppContext) => Promise<unknown>,
  bind: (s: { ctx: AppContext; app: FastifyInstance }) => void,
): void {
  let drop: (() => Promise<void>) | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    const t = await createTestDatabase(dialect);
    drop = t.drop;
    const ctx = createContext(t.database);
    await prepare(ctx);
    app = await buildApp(ctx, { webDir: null, logLevel: "silent" });
    bind({ ctx, app });
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });
}
