import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { type AppContext } from "../../services/context.js";
import { DATA_DIR } from "../../services/seed.js";
import { seedPractices } from "../../services/seed-practices.js";
import { Readable } from "node:stream";
import { importObservations } from "../../services/import-observations.js";

const practice = {
  id: "test-bus-lanes",
  title_en: "Bus lanes on the ring road",
  title_zh: "环路公交专用道",
  city: "Chongqing",
  country: "CN",
  themes: ["transport"],
  summary_en: "Dedicated bus lanes on the inner ring road.",
  outcomes: [{ metric: "Bus speed", value: 18, unit: "km/h", baseline: 12, year: 2021, source_url: "https://example.org/bus", indicator: null }],
  sources: [{ title: "Bus report", url: "https://example.org/bus", publisher: "Example", year: 2021 }],
};

describe.each(DIALECTS)("practices API on %s", (dialect) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await seedPractices(c, DATA_DIR);
    },
    (s) => ({ ctx, app } = s),
  );

  it("searches in both languages with facets", async () => {
    const r = await app.inject({ method: "GET", url: `/api/v1/practices?q=${encodeURIComponent("拥堵")}&theme=congestion` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.results.map((h: { id: string }) => h.id)).toContain("stockholm-congestion-tax");
    expect(body.facets.theme.find((f: { value: string }) => f.value === "congestion").count).toBe(body.total);
    expect(body.results[0]).toMatchObject({ title: { en: expect.any(String), zh: expect.any(String) }, score: expect.any(Number) });
  });

  it.each([
    ["/api/v1/practices?theme=bikes", "theme"],
    ["/api/v1/practices?country=Sweden", "country"],
    ["/api/v1/practices?measured=yes", "measured"],
    ["/api/v1/practices?limit=0", "limit"],
    ["/api/v1/practices/Not%20An%20Id", "id"],
  ])("answers 400 naming the parameter for %s", async (url, name) => {
    const r = await app.inject({ method: "GET", url });
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toContain("application/problem+json");
    expect(r.json().errors[0].path).toBe(name);
  });

  it("creates, reads, replaces and deletes a practice", async () => {
    const created = await app.inject({ method: "POST", url: "/api/v1/practices", payload: practice });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: "test-bus-lanes", citySlug: "chongqing-cn", measured: true });
    expect((await app.inject({ method: "POST", url: "/api/v1/practices", payload: practice })).statusCode).toBe(409);
    const found = await app.inject({ method: "GET", url: "/api/v1/practices?q=%E5%85%AC%E4%BA%A4" }); // 公交
    expect(found.json().results.map((h: { id: string }) => h.id)).toContain("test-bus-lanes");
    const etag = (await app.inject({ method: "GET", url: "/api/v1/practices/test-bus-lanes" })).headers.etag as string;
    expect((await app.inject({ method: "PUT", url: "/api/v1/practices/test-bus-lanes", payload: practice })).statusCode).toBe(428);
    const put = await app.inject({ method: "PUT", url: "/api/v1/practices/test-bus-lanes", headers: { "if-match": etag }, payload: { ...practice, title_en: "Bus priority lanes" } });
    expect(put.statusCode).toBe(200);
    expect(put.json().title.en).toBe("Bus priority lanes");
    // A second edit based on the same (now old) version loses nothing: 409 with the current practice.
    const stale = await app.inject({ method: "PUT", url: "/api/v1/practices/test-bus-lanes", headers: { "if-match": etag }, payload: { ...practice, title_en: "Other title" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.title.en).toBe("Bus priority lanes");
    expect((await app.inject({ method: "DELETE", url: "/api/v1/practices/test-bus-lanes" })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/v1/practices/test-bus-lanes" })).statusCode).toBe(404);
  });

  it("rejects a practice whose outcome cites no source of the practice", async () => {
    const bad = { ...practice, id: "bad-one", outcomes: [{ ...practice.outcomes[0], source_url: "https://example.org/other" }] };
    const r = await app.inject({ method: "POST", url: "/api/v1/practices", payload: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe("outcomes.0.source_url");
  });

  it("exports JSON and CSV that import back unchanged", async () => {
    const json = await app.inject({ method: "GET", url: "/api/v1/practices/export?format=json" });
    expect(json.json()).toHaveLength(38);
    const csv = await app.inject({ method: "GET", url: "/api/v1/practices/export?format=csv" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const back = await app.inject({ method: "POST", url: "/api/v1/practices/import", headers: { "content-type": "text/csv" }, payload: csv.body });
    expect(back.json()).toEqual({ practices: 38, created: 0, updated: 38 });
    const again = await app.inject({ method: "GET", url: "/api/v1/practices/export?format=json" });
    expect(again.json()).toEqual(json.json());
  });

  it("imports all or nothing, listing every problem by row and field", async () => {
    const records = [
      { ...practice, id: "ok-one" },
      { ...practice, id: "two", themes: ["bikes"] },
      { ...practice, id: "three", outcomes: [{ ...practice.outcomes[0], indicator: "air.nope" }] },
    ];
    const r = await app.inject({ method: "POST", url: "/api/v1/practices/import", payload: records });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toEqual([expect.objectContaining({ row: 2, column: "themes.0", value: "bikes" })]);
    const r2 = await app.inject({ method: "POST", url: "/api/v1/practices/import", payload: [records[0], records[2]] });
    expect(r2.statusCode).toBe(422);
    expect(r2.json().errors).toEqual([expect.objectContaining({ row: 2, column: "outcomes.0.indicator", value: "air.nope" })]);
    expect((await app.inject({ method: "GET", url: "/api/v1/practices/ok-one" })).statusCode).toBe(404);
  });

  it("suggests practices for a city's gaps, with the reasons", async () => {
    // Modelled PM2.5 stands in only where no measured mean exists: here it must not become a second gap.
    const csv = "city,indicator,period,value,source\nchongqing-cn,air.pm25_annual,2023,38,who-aqg-2021\nchongqing-cn,air.pm25_modelled,2014,48,who-aqg-2021\n";
    await importObservations(ctx, { open: () => Readable.from([Buffer.from(csv)]), importedBy: "test" });
    const r = await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/practices" });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.gaps[0]).toMatchObject({ indicator: { code: "air.pm25_annual" }, ratio: 7.6, reference: { value: 5, kind: "reference" } });
    expect(body.gaps.map((g: { indicator: { code: string } }) => g.indicator.code)).not.toContain("air.pm25_modelled");
    expect(body.practices[0]).toMatchObject({ id: "beijing-clean-air-action-plan", reasons: [expect.objectContaining({ indicator: "air.pm25_annual", match: "outcome" })] });
    expect((await app.inject({ method: "GET", url: "/api/v1/cities/nowhere-xx/practices" })).statusCode).toBe(404);
  });
});
