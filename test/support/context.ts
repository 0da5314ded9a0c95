import { afterAll, beforeAll } from "vitest";
import { type AppContext, createContext } from "../../src/services/context.js";
import { createTestDatabase, type DialectName } from "./databases.js";

/**
 * The lifecycle of a suite that works on a database: a fresh migrated database of `dialect` and
 * its context before the suite's own `beforeAll` hooks (register this first), dropped after it.
 * `bind` receives the context once it is ready.
 */
export function useTestContext(dialect: DialectName, bind: (ctx: AppContext) => void): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const t = await createTestDatabase(dialect);
    drop = t.drop;
    bind(createContext(t.database));
  });
  afterAll(async () => {
    await drop?.();
  });
}
