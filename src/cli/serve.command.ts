import { Command, InvalidArgumentError } from "commander";
import { buildApp } from "../api/app.js";
import { openApp } from "../services/open.js";
import { addDbOption, configFrom } from "./run.js";

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be a port number 0–65535");
  return n;
}

export function serveCommand(): Command {
  return addDbOption(
    new Command("serve")
      .description("serve the web UI and the REST API (migrates the database, and seeds it on first start)")
      .option("-p, --port <port>", "port to listen on (default 8080 or $CITYBRIDGE_PORT)", parsePort)
      .option("--host <host>", "address to listen on (default 127.0.0.1 or $CITYBRIDGE_HOST)"),
  ).action(async (opts: { port?: number; host?: string; db?: string }) => {
    const config = configFrom(opts);
    const started = Date.now();
    const ctx = await openApp(config, { seedIfEmpty: true, onStep: (m) => process.stderr.write(`${m}\n`) });
    const app = await buildApp(ctx, { logLevel: config.logLevel });
    const address = await app.listen({ port: config.port, host: config.host });
    const db = ctx.database.dialect === "sqlite" ? `SQLite ${ctx.database.location}` : `PostgreSQL ${ctx.database.location}`;
    process.stderr.write(`citybridge is serving ${address} (database: ${db}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    const stop = async () => {
      await app.close();
      await ctx.database.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
