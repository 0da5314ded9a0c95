import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { type AppContext, createContext } from "./context.js";
import { counterpartsForCity } from "./counterparts-for-city.js";
import { InfeasiblePairingError, programmePairing } from "./programme-pairing.js";

const NOW = "2026-01-01T00:00:00.000Z";

describe.each(DIALECTS)("programmePairing on %s", (dialect) => {
  let ctx: AppContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase(dialect);
    drop = t.drop;
    ctx = createContext(t.database);
    await loadFixture(ctx);
    const grid: [string, number][] = [["chongqing-cn", 620], ["zhengzhou-cn", 700], ["mannheim-de", 350], ["malaga-es", 180]];
    await ctx.observations.upsert(grid.map(([city, value]) => ({ city, indicator: "energy.grid_intensity", period: "2024", value, source: "geonames", note: null, importedBy: "test", importedAt: NOW })));
    const db = ctx.database.db;
    await db.insertInto("programmes").values({ id: "p1", name_en: "P1", name_zh: null, description_en: null, description_zh: null, start_date: null, end_date: null, themes_json: "[]", sides_json: "[]", funder: null, eligibility_json: "{}", source_ids_json: "[]", version: 1, created_by: "test", created_at: NOW, updated_at: NOW }).execute();
    await db.insertInto("calls").values({ id: "c1", programme_id: "p1", title_en: "c1", title_zh: null, description_en: null, description_zh: null, side: null, opens_on: null, deadline: "2026-06-30", eligibility_json: "{}", version: 1, created_by: "test", created_at: NOW, updated_at: NOW }).execute();
    const application = (city_slug: string, themes: string[]) => ({
      id: `a-${city_slug}`, call_id: "c1", city_slug, themes_json: JSON.stringify(themes), challenges: null, strengths: null, has_inventory: 0, has_target: 0, has_plan: 0,
      contact_name: null, contact_email: null, status: "accepted", eligibility_json: "[]", decision_note: null, submitted_at: NOW, decided_at: null, version: 1, created_by: "test", updated_at: NOW,
    });
    await db.insertInto("applications").values([application("chongqing-cn", ["energy", "transport"]), application("malaga-es", ["energy"])]).execute();
  });
  afterAll(async () => drop());

  it("scores a cell as the mean of both directions with its two main reasons, themes declared in applications counting as shared interest", async () => {
    const r = await programmePairing(ctx, "p1", { sideA: ["chongqing-cn"], sideB: ["malaga-es"], capacityA: 3, capacityB: 1, fixed: [], forbidden: [] });
    const cell = r.scores[0]![0]!;
    // Málaga's grid is cleaner: it is a better counterpart for Chongqing than the reverse.
    expect(cell.ab).toBeGreaterThan(cell.ba);
    expect(cell.score).toBeCloseTo((cell.ab + cell.ba) / 2, 4);
    expect(cell.reasons.map((x) => [x.factor, x.learner])).toEqual([["climate", null], ["interest", null]]);
    expect(cell.reasons[1]!.facts).toEqual({ shared: ["energy"] });
    const finder = await counterpartsForCity(ctx, "chongqing-cn", { country: "ES" });
    expect(finder.results[0]!.reasons).toContainEqual(expect.objectContaining({ factor: "interest", facts: { shared: ["energy"] } }));
    expect(r.pairs).toEqual([{ a: "chongqing-cn", b: "malaga-es", score: cell.score, fixed: false, cooperationId: null }]);
  });

  it("reports contradicting constraints as infeasible, naming the cities", async () => {
    const req = { sideA: ["chongqing-cn", "zhengzhou-cn"], sideB: ["malaga-es"], capacityA: 1, capacityB: 1, fixed: [["chongqing-cn", "malaga-es"], ["zhengzhou-cn", "malaga-es"]] as [string, string][], forbidden: [] };
    await expect(programmePairing(ctx, "p1", req)).rejects.toThrow(InfeasiblePairingError);
    await expect(programmePairing(ctx, "p1", req)).rejects.toThrow("infeasible: sideB malaga-es has more fixed pairs than its capacity 1");
  });
});
