import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";

/**
 * Security headers and a content security policy fit for the single-page app: scripts, data and
 * fonts only from this origin; inline styles allowed because Ant Design injects its CSS at run
 * time; no framing; no plugins. Rate limiting is per route (sign-in and token creation opt in).
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
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
    // What this returns is thrown; the one error handler turns it into problem+json.
    errorResponseBuilder: (_req, context) => Object.assign(new Error(`too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
}

/** Sign-in: 10 attempts per minute per client address. */
export const SIGN_IN_LIMIT = { max: 10, timeWindow: "1 minute" } as const;
/** Token creation: 20 per hour per client address. */
export const TOKEN_LIMIT = { max: 20, timeWindow: "1 hour" } as const;
