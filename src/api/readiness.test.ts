import { hostname } from "node:os";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { openDatabase } from "../db/index.js";
import { RuntimeStateRepository } from "../db/repositories/runtime-state.repository.js";
import { withStartupLock } from "../db/startup-lock.js";
import { createAdmin } from "../services/accounts.js";
import { type AppContext, createContext } from "../services/context.js";
import { buildApp } from "./app.js";

describe.each(DIALECTS)("readiness, shared rate limits and the client address on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: AppContext;
  /** A second context on the same database: another server. */
  let other: AppContext;
  let prepared = false;
  let app: FastifyInstance;
  let app2: FastifyInstance;
  let trusting: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = createContext(t.database);
    other = createContext(openDatabase(t.config));
    await loadFixture(ctx);
    app = await buildApp(ctx, { webDir: null, logLevel: "silent", prepared: () => prepared });
    app2 = await buildApp(other, { webDir: null, logLevel: "silent" });
    trusting = await buildApp(other, { webDir: null, logLevel: "silent", trustProxy: ["127.0.0.1"] });
  });
  afterAll(async () => {
    await Promise.all([app.close(), app2.close(), trusting.close()]);
    await other.database.close();
    await t.drop();
  });

  it("is live at once but ready, and serves the API, only once the database is prepared", async () => {
    expect((await app.inject("/api/health")).statusCode).toBe(200);
    for (const url of ["/api/health/ready", "/api/v1/cities", "/api/v1/auth/me"]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(503);
      expect(r.headers["content-type"]).toContain("application/problem+json");
      expect(r.headers["retry-after"]).toBe("2");
    }
    prepared = true;
    const ready = await app.inject("/api/health/ready");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: dialect, version: expect.any(String) });
    expect(ready.headers["cache-control"]).toBe("no-store");
    expect((await app.inject("/api/v1/cities")).statusCode).toBe(200);
  });

  it("is not ready while some server is (re)loading the reference data", async () => {
    const state = new RuntimeStateRepository(ctx.database.db);
    await state.setSeedState("started");
    expect((await app2.inject("/api/health/ready")).statusCode).toBe(503);
    await state.setSeedState("completed");
    expect((await app2.inject("/api/health/ready")).statusCode).toBe(200);
  });

  it("counts sign-in attempts to two servers in one window per client address", async () => {
    const attempt = (a: FastifyInstance, remoteAddress: string) =>
      a.inject({ method: "POST", url: "/api/v1/auth/sign-in", remoteAddress, payload: { email: "x@example.org", password: "nope-nope-nope" } }).then((r) => r.statusCode);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push(await attempt(i % 2 ? app : app2, "203.0.113.40"));
    expect(codes).toEqual([...Array<number>(10).fill(401), 429, 429]);
    expect(await attempt(app2, "203.0.113.41")).toBe(401);
  });

  it("restarts a window once it has passed, and keeps buckets apart", async () => {
    const state = new RuntimeStateRepository(ctx.database.db);
    const t0 = 1_800_000_000_000;
    expect(await state.hitRateLimit("b", "k", 60_000, t0)).toEqual({ hits: 1, windowStart: t0 });
    expect(await state.hitRateLimit("b", "k", 60_000, t0 + 59_999)).toEqual({ hits: 2, windowStart: t0 });
    expect(await state.hitRateLimit("other", "k", 60_000, t0 + 59_999)).toEqual({ hits: 1, windowStart: t0 + 59_999 });
    expect(await state.hitRateLimit("b", "k", 60_000, t0 + 60_000)).toEqual({ hits: 1, windowStart: t0 + 60_000 });
    expect(await state.readRateLimit("b", "k", 60_000, t0 + 61_000)).toEqual({ hits: 1, windowStart: t0 + 60_000 });
    expect(await state.readRateLimit("b", "k", 60_000, t0 + 120_000)).toBeNull();
    // Concurrent hits from two connections all count.
    const other2 = new RuntimeStateRepository(other.database.db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? state : other2).hitRateLimit("c", "k", 60_000, t0)));
    expect((await state.readRateLimit("c", "k", 60_000, t0))?.hits).toBe(20);
    expect(await state.pruneRateLimits(t0 + 1)).toBeGreaterThanOrEqual(2);
  });

  it("keys on the forwarded client address and sees TLS only through a trusted proxy", async () => {
    const { password } = await createAdmin(ctx, "proxy-admin@example.org", "Proxy test");
    const signIn = (a: FastifyInstance, headers: Record<string, string>, pw = "nope-nope-nope") =>
      a.inject({ method: "POST", url: "/api/v1/auth/sign-in", remoteAddress: "127.0.0.1", headers, payload: { email: "proxy-admin@example.org", password: pw } });
    const tls = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" };
    const secure = (r: { cookies: { name: string; secure?: boolean }[] }) => r.cookies.map((c) => c.secure === true);
    const viaTrusted = await signIn(trusting, tls, password);
    expect(viaTrusted.statusCode).toBe(200);
    expect(secure(viaTrusted)).toEqual([true, true]);
    const direct = await signIn(app2, tls, password);
    expect(direct.statusCode).toBe(200);
    expect(secure(direct)).toEqual([false, false]);
    // Untrusted: X-Forwarded-For is ignored, so every "client" shares 127.0.0.1's window.
    for (let i = 0; i < 9; i++) expect((await signIn(app2, { "x-forwarded-for": `198.51.100.${i}` })).statusCode).toBe(401);
    expect((await signIn(app2, { "x-forwarded-for": "198.51.100.99" })).statusCode).toBe(429);
    // Trusted: each forwarded address has its own window.
    expect((await signIn(trusting, { "x-forwarded-for": "198.51.100.99" })).statusCode).toBe(401);
  });

  it("names the writing instance on audit rows", async () => {
    const named = createContext(ctx.database, { instance: "replica-7" });
    await named.audit.append({ at: new Date().toISOString(), actor: "t", action: "create", entity: "probe", entityId: "p1", before: null, after: { a: 1 } });
    await ctx.audit.append({ at: new Date().toISOString(), actor: "t", action: "update", entity: "probe", entityId: "p1", before: null, after: { a: 2 } });
    const rows = await ctx.audit.list({ entity: "probe", entityId: "p1" });
    expect(rows.map((r) => r.instance)).toEqual(["replica-7", `${hostname()}:${process.pid}`]);
  });

  it.runIf(dialect === "postgres")("lets one holder of the startup lock run at a time", async () => {
    const order: string[] = [];
    let entered: () => void = () => {};
    const aInside = new Promise<void>((r) => (entered = r));
    const body = (name: string) => async () => {
      order.push(`${name} in`);
      if (name === "a") entered();
      await new Promise((r) => setTimeout(r, 200));
      order.push(`${name} out`);
    };
    let waited = false;
    // b asks for the lock only once a holds it.
    await Promise.all([withStartupLock(ctx.database, body("a")), aInside.then(() => withStartupLock(other.database, body("b"), () => (waited = true)))]);
    expect(order).toEqual(["a in", "a out", "b in", "b out"]);
    expect(waited).toBe(true);
  });
});
