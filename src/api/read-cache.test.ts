import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import pg from "pg";
import { openDatabase } from "../db/index.js";
import { createContext } from "../services/context.js";
import { buildApp } from "./app.js";
import { adminToken } from "../../test/support/app.js";

describe("the read cache of the city page's routes", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ctx: ReturnType<typeof createContext>;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ctx = createContext(t.database);
    await loadFixture(ctx);
    app = await buildApp(ctx, { webDir: null, logLevel: "silent" });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const sources = () => app.inject({ method: "GET", url: "/api/v1/sources" });

  it("answers a repeated read from the cache with the same body", async () => {
    const first = await sources();
    const second = await sources();
    expect(first.headers["x-cache"]).toBeUndefined();
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(second.headers["content-security-policy"]).toBeDefined();
  });

  it("sees a write by another process (a CLI import while the server runs) at once", async () => {
    await sources();
    const other = new Database(t.config.sqlitePath);
    other.prepare("insert into sources (id, citation, url, licence, created_at) values (?, ?, null, null, ?)").run("written-elsewhere", "Written by another connection", new Date().toISOString());
    other.close();
    const after = await sources();
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.body).toContain("written-elsewhere");
  });

  it("sees the server's own writes at once", async () => {
    const before = await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/observations" });
    await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/observations" });
    await t.database.db.insertInto("observations").values({ city_slug: "chongqing-cn", indicator_code: "air.pm25_annual", period: "2031", value: 12.5, source_id: "written-elsewhere", note: null, imported_by: "test", imported_at: new Date().toISOString() }).execute();
    const after = await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/observations" });
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.body).not.toBe(before.body);
    expect(after.body).toContain("2031");
  });

  it("answers a caller with a session cookie from the cache too, with no-store", async () => {
    await sources();
    const r = await app.inject({ method: "GET", url: "/api/v1/sources", headers: { cookie: "cb_session=not-looked-up-for-a-hit" } });
    expect(r.headers["x-cache"]).toBe("hit");
    expect(r.headers["cache-control"]).toBe("no-store");
  });

  it("an API token used again within a minute writes nothing, so the cache stays", async () => {
    const token = await adminToken(ctx);
    const me = () => app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200); // first use: recorded
    await sources();
    expect((await sources()).headers["x-cache"]).toBe("hit");
    expect((await me()).statusCode).toBe(200);
    expect((await sources()).headers["x-cache"]).toBe("hit");
  });

  it("never caches answers that depend on who asks", async () => {
    await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    const again = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(again.headers["x-cache"]).toBeUndefined();
  });
});

describe("the read cache on PostgreSQL, with two servers on one database", () => {
  let t: TestDatabase;
  let a: FastifyInstance;
  let bDatabase: ReturnType<typeof openDatabase>;
  let ctx: ReturnType<typeof createContext>;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    ctx = createContext(t.database);
    await loadFixture(ctx);
    a = await buildApp(ctx, { webDir: null, logLevel: "silent" });
    bDatabase = openDatabase(t.config);
  });
  afterAll(async () => {
    await a.close();
    await bDatabase.close();
    await t.drop();
  });

  const sources = () => a.inject({ method: "GET", url: "/api/v1/sources" });
  /** Reads until the answer is cached (the listening connection opens on the first read). */
  async function cached() {
    for (let i = 0; i < 100; i++) {
      const r = await sources();
      if (r.headers["x-cache"] === "hit") return r;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error("never cached");
  }

  it("caches, and drops the answer once another server's write commits", async () => {
    await cached();
    const at = Date.now();
    await bDatabase.db.insertInto("sources").values({ id: "written-on-b", citation: "Written by the other server", url: null, licence: null, created_at: new Date().toISOString() }).execute();
    let seenAfter = -1;
    for (let i = 0; i < 200; i++) {
      const r = await sources();
      if (r.body.includes("written-on-b")) {
        seenAfter = Date.now() - at;
        expect(r.headers["x-cache"]).toBeUndefined();
        break;
      }
      await new Promise((res) => setTimeout(res, 5));
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(1000);
    expect((await cached()).body).toContain("written-on-b");
  });

  it("keeps its answers through a sign-in's and an API token's writes (tables no cached answer shows)", async () => {
    const token = await adminToken(ctx);
    await cached();
    // The token's first use records it (an update of api_tokens); a session is a row of sessions.
    expect((await a.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    await ctx.accounts.insertSession({ idHash: "read-cache-test", userId: (await ctx.accounts.findByEmail("test-admin@example.org"))?.user.id ?? "", csrfToken: "x", createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await sources()).headers["x-cache"]).toBe("hit");
    // A data write by this server still drops it at once.
    await ctx.database.db.insertInto("sources").values({ id: "written-on-a", citation: "Written by this server", url: null, licence: null, created_at: new Date().toISOString() }).execute();
    const after = await sources();
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.body).toContain("written-on-a");
  });

  it("does not cache a change that is not committed yet, and sees it once it is", async () => {
    await cached();
    await bDatabase.inTransaction(async () => {
      await bDatabase.db.insertInto("sources").values({ id: "in-flight", citation: "Not committed yet", url: null, licence: null, created_at: new Date().toISOString() }).execute();
      const during = await sources();
      expect(during.body).not.toContain("in-flight");
    });
    let seen = false;
    for (let i = 0; i < 200 && !seen; i++) {
      seen = (await sources()).body.includes("in-flight");
      if (!seen) await new Promise((res) => setTimeout(res, 5));
    }
    expect(seen).toBe(true);
  });

  it("caches nothing while its listening connection is down, and again once it is back", async () => {
    await cached();
    const admin = new pg.Client({ connectionString: t.config.databaseUrl ?? "" });
    await admin.connect();
    try {
      const killed = await admin.query("select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and query = 'listen citybridge_changes'");
      expect(killed.rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((res) => setTimeout(res, 100));
    expect((await sources()).headers["x-cache"]).toBeUndefined();
    expect((await sources()).headers["x-cache"]).toBeUndefined();
    await new Promise((res) => setTimeout(res, 1500));
    expect((await cached()).headers["x-cache"]).toBe("hit");
  });
});
