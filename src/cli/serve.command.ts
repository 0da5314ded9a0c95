import { Command, InvalidArgumentError } from "commander";
import { buildApp } from "../api/app.js";
import { openDatabase } from "../db/index.js";
import { createContext } from "../services/context.js";
import { prepareDatabase } from "../services/open.js";
import { addDbOption, configFrom } from "./run.js";

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be a port number 0–65535");
  return n;
}

export function serveCommand(): Command {
  return addDbOption(
    new Command("serve")
      .description(
        "serve the web UI and the REST API (migrates the database, and seeds it on first start; /api/health is liveness, /api/health/ready answers 200 once that is done)",
      )
      .option("-p, --port <port>", "port to listen on (default 8080 or $CITYBRIDGE_PORT)", parsePort)
      .option("--host <host>", "address to listen on (default 127.0.0.1 or $CITYBRIDGE_HOST)")
      .option(
        "--trust-proxy [proxies]",
        "believe X-Forwarded-For/-Proto from these proxies: true (any), or a comma-separated list of addresses, CIDR ranges, loopback (default: none, or $CITYBRIDGE_TRUST_PROXY)",
      ),
  ).action(async (opts: { port?: number; host?: string; db?: string; trustProxy?: string | boolean }) => {
    const config = configFrom(opts);
    const started = Date.now();
    const database = openDatabase(config);
    const ctx = createContext(database, { instance: config.instanceName });
    // Listen at once (liveness), answering 503 to the API until the database is migrated and seeded.
    let prepared = false;
    const app = await buildApp(ctx, { logLevel: config.logLevel, trustProxy: config.trustProxy, prepared: () => prepared });
    const stop = async (code = 0) => {
      await app.close();
      await ctx.database.close();
      process.exit(code);
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
    const address = await app.listen({ port: config.port, host: config.host });
    process.stderr.write(`citybridge is listening on ${address}: preparing the database…\n`);
    try {
      await prepareDatabase(ctx, { seedIfEmpty: true, onStep: (m) => process.stderr.write(`${m}\n`) });
    } catch (err) {
      process.stderr.write(`citybridge: the database could not be prepared: ${(err as Error).message}\n`);
      await stop(1);
      return;
    }
    prepared = true;
    const db = ctx.database.dialect === "sqlite" ? `SQLite ${ctx.database.location}` : `PostgreSQL ${ctx.database.location}`;
    process.stderr.write(`citybridge is serving ${address} (database: ${db}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  });
}
