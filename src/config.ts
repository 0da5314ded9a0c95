import { z } from "zod";

/** The only place that reads process.env: validated once, frozen. */
const EnvSchema = z.object({
  CITYBRIDGE_DB: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  CITYBRIDGE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CITYBRIDGE_HOST: z.string().min(1).optional(),
  CITYBRIDGE_LOG: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export interface Config {
  /** PostgreSQL connection string; when set, SQLite is not used. */
  readonly databaseUrl: string | null;
  /** SQLite database file (default ./citybridge.db). */
  readonly sqlitePath: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
}

export interface ConfigOverrides {
  db?: string;
  port?: number;
  host?: string;
}

/** Reads and validates the environment, with command-line flags taking precedence. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as shells and CI files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: overrides.db ? null : (e.DATABASE_URL ?? null),
    sqlitePath: overrides.db ?? e.CITYBRIDGE_DB ?? "./citybridge.db",
    port: overrides.port ?? e.CITYBRIDGE_PORT ?? 8080,
    host: overrides.host ?? e.CITYBRIDGE_HOST ?? "127.0.0.1",
    logLevel: e.CITYBRIDGE_LOG ?? "warn",
  });
}
