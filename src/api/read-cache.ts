import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * A cache of the serialized answers of the public read routes a city page calls (the city, its
 * observations, the indicator catalogue, the sources…). An entry is valid only while the
 * database's change token is unchanged: SQLite's `data_version` (bumped by commits of any other
 * connection — a CLI import while the server runs) together with this connection's
 * `total_changes()` (bumped by its own writes); on PostgreSQL a generation bumped by this process's
 * writes and by the commit notifications of every server's writes (db/change-listener.ts). While
 * there is no change token (PostgreSQL with its listening connection down) nothing is cached.
 */
export interface ReadCacheOptions {
  /** Route patterns (as registered, e.g. `/api/v1/cities/:slug`) whose GET answers may be cached. */
  routes: ReadonlySet<string>;
  /** The database's current change token, or null when it cannot tell. */
  changeToken: () => string | null;
  /** Most entries kept (oldest dropped first). */
  maxEntries?: number;
}

interface Entry {
  token: string;
  status: number;
  contentType: string;
  /** Encoded once: a hit writes these bytes as they are (no per-request UTF-8 encoding or length count). */
  body: Buffer;
}

declare module "fastify" {
  interface FastifyRequest {
    readCacheToken?: string;
  }
}

export function registerReadCache(app: FastifyInstance, opts: ReadCacheOptions): void {
  const entries = new Map<string, Entry>();
  const max = opts.maxEntries ?? 5000;
  const cacheable = (req: FastifyRequest) =>
    req.method === "GET" && opts.routes.has(req.routeOptions.url ?? "") && req.headers.authorization === undefined;

  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(req)) return;
    const token = opts.changeToken();
    if (token === null) return;
    const hit = entries.get(req.url);
    if (hit && hit.token === token) {
      // Refresh its place in the insertion order (least recently used goes first).
      entries.delete(req.url);
      entries.set(req.url, hit);
      // Served before the session is looked up: a caller who may be signed in gets the same
      // no-store as every answer to a signed-in caller (db-free; the answer itself is public).
      if (req.headers.cookie !== undefined) reply.header("cache-control", "no-store");
      return reply.code(hit.status).header("content-type", hit.contentType).header("x-cache", "hit").send(hit.body);
    }
    req.readCacheToken = token;
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const token = req.readCacheToken;
    if (token === undefined || reply.statusCode !== 200 || typeof payload !== "string") return payload;
    // Only keep the answer if nothing changed while it was being computed.
    if (opts.changeToken() !== token) return payload;
    entries.set(req.url, { token, status: 200, contentType: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"), body: Buffer.from(payload, "utf8") });
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
    return payload;
  });
}
