import { isIP } from "node:net";
import { z } from "zod";

/** proxy-addr's named ranges, usable in CITYBRIDGE_TRUST_PROXY besides addresses and CIDR ranges. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Whose X-Forwarded-For / X-Forwarded-Proto to believe: `true` (any hop — only when nothing but
 * the proxy can reach the server), `false` (nobody: the default), or a comma-separated list of the
 * proxies' addresses, CIDR ranges or loopback/linklocal/uniquelocal.
 */
export function parseTrustProxy(value: string): boolean | string[] {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "on") return true;
  if (v === "false" || v === "no" || v === "off" || v === "") return false;
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e !== "");
  for (const e of entries) {
    const [address, bits, ...rest] = e.split("/");
    const ok =
      NAMED_RANGES.has(e) ||
      (rest.length === 0 && address !== undefined && isIP(address) !== 0 && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128))));
    if (!ok) throw new Error(`"${e}" is not true, false, an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`);
  }
  return entries;
}

/** The only place that reads process.env: validated once, frozen. */
const EnvSchema = z.object({
  CITYBRIDGE_DB: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  CITYBRIDGE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CITYBRIDGE_HOST: z.string().min(1).optional(),
  CITYBRIDGE_TRUST_PROXY: z.string().optional(),
  CITYBRIDGE_INSTANCE: z.string().min(1).max(100).optional(),
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
  /** Fastify's trustProxy (see parseTrustProxy): decides the client address rate limits key on, and whether a request came over TLS. */
  readonly trustProxy: boolean | string[];
  /** The name this server writes on its audit rows (e.g. the container's replica name); null: host:pid. */
  readonly instanceName: string | null;
}

export interface ConfigOverrides {
  db?: string;
  port?: number;
  host?: string;
  /** --trust-proxy: `true` when given without a value. */
  trustProxy?: string | boolean;
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
  let trustProxy: boolean | string[];
  try {
    const wanted = overrides.trustProxy ?? e.CITYBRIDGE_TRUST_PROXY ?? false;
    trustProxy = typeof wanted === "boolean" ? wanted : parseTrustProxy(wanted);
  } catch (err) {
    throw new Error(`invalid ${overrides.trustProxy !== undefined ? "--trust-proxy" : "environment variable CITYBRIDGE_TRUST_PROXY"}: ${(err as Error).message}`);
  }
  return Object.freeze({
    databaseUrl: overrides.db ? null : (e.DATABASE_URL ?? null),
    sqlitePath: overrides.db ?? e.CITYBRIDGE_DB ?? "./citybridge.db",
    port: overrides.port ?? e.CITYBRIDGE_PORT ?? 8080,
    host: overrides.host ?? e.CITYBRIDGE_HOST ?? "127.0.0.1",
    logLevel: e.CITYBRIDGE_LOG ?? "warn",
    trustProxy,
    instanceName: e.CITYBRIDGE_INSTANCE ?? null,
  });
}
