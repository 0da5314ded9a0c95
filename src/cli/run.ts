import { userInfo } from "node:os";
import { Command, CommanderError } from "commander";
import { type Config, type ConfigOverrides, loadConfig } from "../config.js";
import { InvalidInputError, NotFoundError, formatProblem } from "../errors.js";
import type { AppContext } from "../services/context.js";

/** Exit statuses: 0 success, 1 failure, 2 invalid input or usage. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

/** A failure the CLI reports with a message and a status, without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

export function addDbOption(cmd: Command): Command {
  return cmd.option("--db <path>", "SQLite database file (default ./citybridge.db or $CITYBRIDGE_DB; $DATABASE_URL selects PostgreSQL)");
}

export function configFrom(opts: ConfigOverrides): Config {
  return loadConfig(opts);
}

/** Opens the database (migrating it; seeding it on first use when asked), runs `fn`, closes it. */
export async function withApp<T>(opts: ConfigOverrides, fn: (ctx: AppContext) => Promise<T>, seedIfEmpty = true): Promise<T> {
  const { openApp } = await import("../services/open.js"); // the database and the services: only for commands that use them
  const ctx = await openApp(configFrom(opts), { seedIfEmpty, onStep: (m) => process.stderr.write(`${m}\n`) });
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

/** Maps an error to a message on stderr and an exit status. */
export function reportError(err: unknown, json = false): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  if (err instanceof CliError) {
    process.stderr.write(`citybridge: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof InvalidInputError) {
    if (json) process.stdout.write(`${JSON.stringify(err.problems, null, 2)}\n`);
    else for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
    const more = err.totalProblems > err.problems.length ? ` (the first ${err.problems.length} are listed)` : "";
    process.stderr.write(`citybridge: ${err.message}${more}\n`);
    return EXIT.invalid;
  }
  if (err instanceof NotFoundError) {
    process.stderr.write(`citybridge: ${err.message}\n`);
    return EXIT.invalid;
  }
  process.stderr.write(`citybridge: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.failure;
}

/** Who the audit trail names for a command-line write: the operating-system user. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

/** Records a command-line write in the audit trail (the API records its own). */
export async function auditCli(ctx: AppContext, entry: { action?: "create" | "update" | "delete"; entity: string; entityId: string; after: unknown }): Promise<void> {
  await ctx.audit.append({ at: new Date().toISOString(), actor: cliActor(), action: entry.action ?? "create", entity: entry.entity, entityId: entry.entityId, before: null, after: entry.after });
}
