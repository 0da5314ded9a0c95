import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { type AppContext, createContext } from "../services/context.js";
import { buildApp } from "./app.js";

/** Any request the API gets must be answered without a 500, and errors must be problem+json. */
describe("API robustness against malformed input", () => {
  let t: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
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

  const junk = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.integer().map(String), fc.constantFrom("", "-1", "1e309", "NaN", "%", "重庆", "null", "[]"));

  it("answers random query parameters with 200 or 4xx problem+json", async () => {
    const routes = ["/api/v1/cities", "/api/v1/cities/chongqing-cn/observations", "/api/v1/observations/export", "/api/v1/indicators"];
    const params = ["q", "country", "min_population", "limit", "cursor", "indicator", "city", "format"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.dictionary(fc.constantFrom(...params), junk), async (route, query) => {
        const r = await app.inject({ method: "GET", url: route, query });
        expect(r.statusCode).toBeLessThan(500);
        if (r.statusCode >= 400) expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 300 },
    );
  });

  it("answers random path segments with 200, 400 or 404", async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (segment) => {
        for (const url of [`/api/v1/cities/${encodeURIComponent(segment)}`, `/api/v1/indicators/${encodeURIComponent(segment)}/latest`, `/api/v1/sources/${encodeURIComponent(segment)}`]) {
          const r = await app.inject({ method: "GET", url });
          expect([200, 400, 404]).toContain(r.statusCode);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("answers random CSV bodies with 200 or 4xx, and writes nothing unless the whole file is valid", async () => {
    const line = fc.array(fc.oneof(junk, fc.constantFrom("chongqing-cn", "air.pm25_annual", "2019", "12.5", "\"a,b\"", "\"")), { maxLength: 7 }).map((f) => f.join(","));
    const body = fc.array(line, { maxLength: 6 }).map((lines) => ["city,indicator,period,value,source", ...lines].join("\n"));
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, fc.string()), async (payload) => {
        const before = await ctx.observations.count();
        const r = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload });
        expect(r.statusCode).toBeLessThan(500);
        if (r.statusCode !== 200) expect(await ctx.observations.count()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
