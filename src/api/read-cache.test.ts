import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { createContext } from "../services/context.js";
import { buildApp } from "./app.js";

describe("the read cache of the city page's routes", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const ctx = createContext(t.database);
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

  it("never caches answers that depend on who asks", async () => {
    await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    const again = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(again.headers["x-cache"]).toBeUndefined();
  });
});
