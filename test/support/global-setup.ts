import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin connection string of the PostgreSQL server the tests run against. */
    pgAdminUrl: string;
  }
}

/**
 * Starts a real PostgreSQL server for the whole test run: the one named by
 * CITYBRIDGE_TEST_PG_URL when set, otherwise a fresh embedded-postgres cluster under /tmp
 * (as root it runs as the `postgres` user, which can write there).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.CITYBRIDGE_TEST_PG_URL;
  if (given) {
    project.provide("pgAdminUrl", given);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), "citybridge-pg-"));
  const pg = await startEmbeddedPostgres(dir);
  project.provide("pgAdminUrl", `${pg.adminUrl}/postgres`);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
