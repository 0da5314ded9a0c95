import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../services/context.js";
import { errorHandler, problem, ProblemSchema, sendProblem } from "./problem.js";
import { airRoutes } from "./routes/air.route.js";
import { citiesRoutes } from "./routes/cities.route.js";
import { climateRoutes } from "./routes/climate.route.js";
import { indicatorsRoutes } from "./routes/indicators.route.js";
import { observationsRoutes } from "./routes/observations.route.js";
import { MULTIPART_LIMITS, sweepUploadSpools } from "./upload.js";
import { counterpartsRoutes } from "./routes/counterparts.route.js";
import { practicesRoutes } from "./routes/practices.route.js";
import { programmesRoutes } from "./routes/programmes.route.js";
import { cooperationsRoutes } from "./routes/cooperations.route.js";
import { cooperationWorkRoutes } from "./routes/cooperation-work.route.js";
import { monitoringRoutes } from "./routes/monitoring.route.js";
import { impactRoutes } from "./routes/impact.route.js";
import { pairingRoutes } from "./routes/pairing.route.js";
import { visionRoutes } from "./routes/vision.route.js";
import { authRoutes } from "./routes/auth.route.js";
import { usersRoutes } from "./routes/users.route.js";
import { permissionsRoutes } from "./routes/permissions.route.js";
import { registerAuth } from "./auth.js";
import { registerSecurity } from "./security.js";
import { registerTextGuard } from "./text-guard.js";
import { registerAccessControl } from "./access-control.js";
import { WRITE_POLICY } from "./write-policy.js";
import { registerReadCache } from "./read-cache.js";
import { RuntimeStateRepository } from "../db/repositories/runtime-state.repository.js";
import { spaShell, uiLang } from "./spa-shell.js";

/** Public reads of the city page and the map, answered from memory until the data changes. */
const CACHED_READS = new Set([
  "/api/v1/cities/:slug", "/api/v1/cities/:slug/observations", "/api/v1/indicators", "/api/v1/sources", "/api/v1/indicators/:code/latest", "/api/v1/cities/points",
  // The city page's profile (~0.25 s to compute: every indicator's standing among all cities) and its counterparts tab.
  "/api/v1/cities/:slug/profile", "/api/v1/cities/:slug/counterparts",
]);

const STARTING = "the server is starting: the database is being migrated or its reference data loaded";

/** The built web UI (npm run build:web). */
export const WEB_DIR = fileURLToPath(new URL("../../dist/web/", import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export interface AppOptions {
  logLevel?: string;
  /**
   * Whether the database is migrated and seeded (the server listens before that, for liveness):
   * until it says so every /api/ request but /api/health answers 503. Default: ready.
   */
  prepared?: () => boolean;
  /** Fastify's trustProxy: whose X-Forwarded-For/-Proto to believe (see config.trustProxy). Default: nobody. */
  trustProxy?: boolean | string[];
  /** Serve the web UI from this folder; defaults to dist/web when it exists. */
  webDir?: string | null;
}

/** Builds the HTTP application: REST API under /api/v1, OpenAPI at /api/openapi.json, the web UI at /. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? "warn" },
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    // Requests Node cannot even parse (e.g. raw, unencoded UTF-8 in the URL) still get problem+json.
    clientErrorHandler: (_err, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify(problem(400, "the request could not be parsed; percent-encode non-ASCII characters in the URL", { code: "request.unparseable_url", params: {} }));
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const prepared = opts.prepared ?? (() => true);
  const runtime = new RuntimeStateRepository(ctx.database.db);
  app.addHook("onRequest", async (req, reply) => {
    if (prepared() || !req.url.startsWith("/api/") || req.url.startsWith("/api/health")) return;
    reply.header("retry-after", "2").header("cache-control", "no-store");
    return sendProblem(reply, problem(503, STARTING));
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "citybridge API",
        version: VERSION,
        description:
          "City profiles, indicators and observations, in English and Chinese. Every error is application/problem+json (components.schemas.Problem): `detail` in English, and a stable `code` with `params` to show it in the user's language.",
      },
      components: { schemas: { Problem: z.toJSONSchema(ProblemSchema, { io: "output", unrepresentable: "any" }) as Record<string, unknown> } },
    },
    transform: jsonSchemaTransform,
  });
  await registerSecurity(app, runtime);
  // Before the session lookup: the cached reads are public answers, the same for everyone, so a
  // hit needs no database round trip even for a signed-in caller (one with an Authorization
  // header is never served from the cache: an unknown token must still get 401).
  registerReadCache(app, { routes: CACHED_READS, changeToken: () => ctx.database.changeToken() });
  await registerAuth(app, ctx);
  registerTextGuard(app);
  registerAccessControl(app, ctx, WRITE_POLICY);
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  // Uploads spooled by a process that was killed mid-import.
  await sweepUploadSpools();

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get(
    "/api/health",
    { schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]), version: z.string() }) } } },
    async () => ({ status: "ok" as const, database: ctx.database.dialect, version: VERSION }),
  );
  app.get(
    "/api/health/ready",
    {
      schema: {
        tags: ["health"],
        summary: "Readiness: 200 once the database is migrated and its first seed is complete and it answers; 503 problem+json before (/api/health is liveness)",
        response: { 200: z.object({ status: z.literal("ready"), database: z.enum(["sqlite", "postgres"]), version: z.string() }) },
      },
    },
    async (_req, reply) => {
      reply.header("cache-control", "no-store");
      if (!prepared()) return sendProblem(reply.header("retry-after", "2"), problem(503, STARTING));
      let seed: string;
      try {
        seed = await runtime.seedState();
      } catch (err) {
        return sendProblem(reply, problem(503, `the database does not answer: ${(err as Error).message}`, { code: "server.database_unavailable", params: {} }));
      }
      if (seed === "started") return sendProblem(reply.header("retry-after", "2"), problem(503, "the reference data is being loaded by a server", { code: "server.seeding", params: {} }));
      return { status: "ready" as const, database: ctx.database.dialect, version: VERSION };
    },
  );
  await app.register(authRoutes(ctx), { prefix: "/api/v1" });
  await app.register(usersRoutes(ctx), { prefix: "/api/v1" });
  await app.register(permissionsRoutes(), { prefix: "/api/v1" });
  await app.register(citiesRoutes(ctx), { prefix: "/api/v1" });
  await app.register(indicatorsRoutes(ctx), { prefix: "/api/v1" });
  await app.register(observationsRoutes(ctx), { prefix: "/api/v1" });
  await app.register(airRoutes(ctx), { prefix: "/api/v1" });
  await app.register(climateRoutes(ctx), { prefix: "/api/v1" });
  await app.register(practicesRoutes(ctx), { prefix: "/api/v1" });
  await app.register(counterpartsRoutes(ctx), { prefix: "/api/v1" });
  for (const routes of [programmesRoutes, cooperationsRoutes, cooperationWorkRoutes, monitoringRoutes, impactRoutes, pairingRoutes, visionRoutes]) {
    await app.register(routes(ctx), { prefix: "/api/v1" });
  }

  const webDir = opts.webDir === undefined ? (existsSync(`${WEB_DIR}index.html`) ? WEB_DIR : null) : opts.webDir;
  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      // "/" is a page like any other: the fallback below serves it, with its preloads.
      index: false,
      // scripts/build.js writes x.js.br and x.js.gz beside each asset: sent to browsers that accept them.
      preCompressed: true,
      // Vite's build manifest is the server's (spa-shell.ts), not the browser's.
      allowedPath: (path) => !path.startsWith("/.vite/"),
      cacheControl: false,
      // Vite names every asset by its content hash: a browser keeps it for a year without asking again
      // (the world map's GeoJSON chunk, antd, ECharts); the page itself is checked every time (ETag) so a new build shows at once.
      setHeaders: (res, path) => {
        res.setHeader("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
        // The same address answers brotli, gzip or plain bytes as the browser accepts.
        res.setHeader("vary", "accept-encoding");
      },
    });
  }
  const shell = webDir ? spaShell(webDir) : null;
  const servePage = (req: FastifyRequest, reply: FastifyReply) => {
    if (!shell) return reply.code(404).type("text/plain").send("The web UI is not built. Run: npm run build:web\n");
    // The route's chunks and first API reads are preloaded in its <head> (src/api/spa-shell.ts).
    const page = shell(req.url, uiLang(req.headers.cookie, req.headers["accept-language"]));
    reply.header("cache-control", "no-cache").header("etag", page.etag).header("vary", "accept-language, cookie");
    if (req.headers["if-none-match"] === page.etag) return reply.code(304).send();
    return reply.type("text/html; charset=utf-8").send(page.html);
  };
  // The map's page: not a directory of the static files.
  app.get("/", { schema: { hide: true } }, servePage);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    // API routes, other methods and missing files (a stale asset name) are 404s, not the app shell.
    if (path.startsWith("/api/") || req.method !== "GET" || /\.[a-z0-9]+$/i.test(path)) {
      return sendProblem(reply, problem(404, `no route ${req.method} ${path}`, { code: "not_found.route", params: { method: req.method, path } }));
    }
    // Single-page app: every other GET is a page of the UI.
    return servePage(req, reply);
  });
  return app;
}
