import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { useTestApp } from "../../../test/support/app.js";
import { loadFixture } from "../../../test/support/fixture.js";

const grid: [string, number][] = [["chongqing-cn", 620], ["zhengzhou-cn", 700], ["prague-cz", 420], ["mannheim-de", 350], ["malaga-es", 180]];

describe.each(DIALECTS)("counterparts API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await c.observations.upsert(grid.map(([city, value]) => ({ city, indicator: "energy.grid_intensity", period: "2024", value, source: "geonames", note: null, importedBy: "test", importedAt: "2026-01-01T00:00:00.000Z" })));
    },
    (s) => ({ app } = s),
  );

  it("returns the family of counterparts best first, with score, confidence and reasons, never the city itself", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?top=3" });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.city).toBe("chongqing-cn");
    expect(body.results).toHaveLength(3);
    const scores = body.results.map((x: { score: number }) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.results.map((x: { city: string }) => x.city)).not.toContain("chongqing-cn");
    const malaga = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?country=es" })).json();
    expect(malaga.results).toHaveLength(1);
    expect(malaga.results[0].reasons[0]).toMatchObject({ factor: "strength", detail: expect.stringContaining("180 vs 620 gCO2/kWh") });
    expect(malaga.results[0].reasons.at(-1)).toEqual({ factor: "interest", share: 0, detail: "no themes of interest declared yet", facts: { shared: null } });
  });

  it("gives the figures behind each reason, the counterpart's names and both cities' values on the indicators that drove the match", async () => {
    const body = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?country=es" })).json();
    expect(body.coverage).toEqual({ indicators: 1, context: 2 });
    const [m] = body.results;
    expect(m.names).toEqual({ en: "Málaga", zh: null });
    expect(m.reasons[0].facts).toMatchObject({ indicator: "energy.grid_intensity", counterpart: 180, city: 620, unit: "gCO2/kWh", period: "2024" });
    expect(m.compare).toEqual([
      {
        code: "energy.grid_intensity", names: expect.objectContaining({ en: expect.any(String), zh: expect.any(String) }), theme: "energy", unit: "gCO2/kWh", direction: "lower",
        city: { value: 620, period: "2024", source: "geonames" }, counterpart: { value: 180, period: "2024", source: "geonames" },
        standing: { city: 0.3, counterpart: 0.9 },
      },
    ]);
    expect(body.method.weights).toMatchObject({ strength: 0.5, similarity: 0.3, interest: 0.2 });
    const ids = body.method.sources.map((s: { id: string }) => s.id);
    for (const r of body.method.rationale) {
      expect(r.en.length * r.zh.length).toBeGreaterThan(0);
      for (const id of r.sources) expect(ids).toContain(id);
    }
  });

  it("filters by region and theme", async () => {
    const eu = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?region=Europe" })).json();
    expect(eu.results.map((x: { city: string }) => x.city).sort()).toEqual(["malaga-es", "mannheim-de", "prague-cz"]);
    const air = (await app.inject({ method: "GET", url: "/api/v1/cities/chongqing-cn/counterparts?theme=air" })).json();
    expect(air.results).toEqual([]);
  });

  it("answers 404 for an unknown city and 400 naming a bad parameter", async () => {
    expect((await app.inject({ method: "GET", url: "/api/v1/cities/atlantis-xx/counterparts" })).statusCode).toBe(404);
    for (const [q, name] of [["top=0", "top"], ["theme=bikes", "theme"], ["size=huge", "size"]]) {
      const r = await app.inject({ method: "GET", url: `/api/v1/cities/chongqing-cn/counterparts?${q}` });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].path).toBe(name);
    }
  });
});
