import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/support/app.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "../services/context.js";

describe("request limits and upload checks", () => {
  let app: FastifyInstance;
  let ctx: AppContext;
  useTestApp("sqlite", (c) => loadFixture(c), (s) => ({ app, ctx } = s));

  it("refuses a binary file sent as CSV with 415 and imports nothing", async () => {
    const before = await ctx.observations.count();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 7)]);
    const r = await app.inject({ method: "POST", url: "/api/v1/observations/import", headers: { "content-type": "text/csv" }, payload: png });
    expect(r.statusCode).toBe(415);
    expect(r.json().detail).toContain("not a text (CSV) file");
    expect(await ctx.observations.count()).toBe(before);
  });

  it("refuses a JSON body over 1 MB with 413 problem+json", async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/emission-factors", headers: { "content-type": "application/json" }, payload: JSON.stringify({ id: "x", padding: "x".repeat(1_100_000) }) });
    expect(r.statusCode).toBe(413);
    expect(r.headers["content-type"]).toContain("application/problem+json");
  });

  it("refuses an unsupported content type with 415", async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/emission-factors", headers: { "content-type": "application/xml" }, payload: "<factor/>" });
    expect(r.statusCode).toBe(415);
  });
});
