import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { RuntimeStateRepository } from "../db/repositories/runtime-state.repository.js";

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** Windows older than this are removed now and then (the longest limit is one hour). */
const PRUNE_AFTER_MS = 24 * 3600_000;

/**
 * @fastify/rate-limit's store interface over the `rate_limits` table, so every server on one
 * database counts into the same windows (SQLite: the same table, one mechanism for both). The
 * bucket is the route; the key is the client address (as seen through a trusted proxy).
 */
export function databaseRateLimitStore(runtime: RuntimeStateRepository) {
  let hitsSincePrune = 0;
  return class DatabaseRateLimitStore {
    constructor(
      _params: unknown,
      private readonly bucket = "global",
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      if (++hitsSincePrune >= 500) {
        hitsSincePrune = 0;
        runtime.pruneRateLimits(now - PRUNE_AFTER_MS).catch(() => {});
      }
      runtime.hitRateLimit(this.bucket, key, timeWindow, now).then(
        (hit) => cb(null, { current: hit.hits, ttl: Math.max(0, hit.windowStart + timeWindow - now) }),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      runtime.readRateLimit(this.bucket, key, timeWindow, now).then(
        (hit) => cb(null, hit ? { current: hit.hits, ttl: Math.max(0, hit.windowStart + timeWindow - now) } : { current: 0, ttl: 0 }),
        (err: Error) => cb(err),
      );
    }

    // Called with the route's merged rate-limit options, whose routeInfo is the route.
    child(routeOptions: object): DatabaseRateLimitStore {
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(routeOptions, r?.url ? `${String(r.method)} ${r.url}` : this.bucket);
    }
  };
}

/**
 * Security headers and a content security policy fit for the single-page app: scripts, data and
 * fonts only from this origin; inline styles allowed because Ant Design injects its CSS at run
 * time; no framing; no plugins. Rate limiting is per route (sign-in and token creation opt in),
 * counted in the database so that it holds across servers.
 */
export async function registerSecurity(app: FastifyInstance, runtime: RuntimeStateRepository): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is same-origin; nothing here is meant to be embedded elsewhere.
    crossOriginResourcePolicy: { policy: "same-origin" },
    // HSTS only makes sense behind TLS, which a deployment's proxy terminates; leave it to the proxy.
    strictTransportSecurity: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(runtime),
    // What this returns is thrown; the one error handler turns it into problem+json.
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
}

/** Sign-in: 10 attempts per minute per client address. */
export const SIGN_IN_LIMIT = { max: 10, timeWindow: "1 minute" } as const;
/** Token creation: 20 per hour per client address. */
export const TOKEN_LIMIT = { max: 20, timeWindow: "1 hour" } as const;
