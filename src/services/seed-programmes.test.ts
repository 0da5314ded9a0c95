import { beforeAll, describe, expect, it } from "vitest";
import { useTestContext } from "../../test/support/context.js";
import { DIALECTS } from "../../test/support/databases.js";
import { FIXTURE_CITIES, loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "./context.js";
import { getActionPlan } from "./action-plans.js";
import { listCooperations } from "./cooperations.js";
import { DATA_DIR } from "./seed.js";
import { seedProgrammes, seedTransitions } from "./seed-programmes.js";

const extra = (slug: string, en: string, country: string, lat: number, lon: number) => ({ ...FIXTURE_CITIES[3]!, slug, names: { en, zh: null, local: null }, country, coordinates: { lat, lon } });

describe.each(DIALECTS)("IUC Asia seed on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await ctx.cities.upsertMany([extra("rome-it", "Rome", "IT", 41.89193, 12.51133), extra("agioi-anargyroi-gr", "Ágioi Anárgyroi", "GR", 38.03013, 23.72379)]);
  });

  it("seeds the programme, its calls and the three documented cooperations with members, sources and their documented status history", async () => {
    const r = await seedProgrammes(ctx, DATA_DIR, new Date("2026-01-01T00:00:00Z"));
    expect(r).toEqual({ programmes: 1, cooperations: 3, missingCities: ["nice-fr"] });
    const p = await ctx.database.db.selectFrom("programmes").selectAll().where("id", "=", "iuc-asia").executeTakeFirstOrThrow();
    expect(p).toMatchObject({ name_zh: "国际城市合作项目（亚洲）", start_date: "2017-03-15", created_by: "seed" });
    expect(JSON.parse(p.themes_json)).toEqual(["transport", "air", "green", "congestion"]);
    // Funded by the EU Partnership Instrument; China's NDRC is the counterpart, not a funder.
    expect(p.funder).toMatch(/^European Union, Partnership Instrument/);
    expect(p.funder).not.toMatch(/NDRC|Development and Reform/);
    expect(p.description_en).toMatch(/NDRC is the Chinese counterpart, not a funder/);
    expect(p.description_zh).toMatch(/中方对口单位，而非资助方/);
    expect(JSON.parse(p.sides_json).map((s: { key: string }) => s.key)).toEqual(["a", "b"]);
    const calls = await ctx.database.db.selectFrom("calls").select(["id", "deadline"]).where("programme_id", "=", "iuc-asia").orderBy("id").execute();
    expect(calls).toEqual([{ id: "iuc-asia-call-2018", deadline: "2018-03-08" }, { id: "iuc-asia-call-2019", deadline: "2019-03-08" }]);

    const coops = await listCooperations(ctx, { programme: "iuc-asia" });
    expect(coops.map((c) => [c.id, c.status, c.members.map((m) => `${m.slug}:${m.role}`)])).toEqual([
      ["iuc-asia-chongqing-mannheim", "active", ["chongqing-cn:lead", "mannheim-de:partner"]],
      ["iuc-asia-longyan-mannheim-prague", "completed", ["longyan-cn:lead", "mannheim-de:partner", "prague-cz:partner"]],
      ["iuc-asia-zhengzhou-cluster", "completed", ["zhengzhou-cn:lead", "agioi-anargyroi-gr:partner", "malaga-es:partner", "rome-it:partner"]],
    ]);
    for (const c of coops) {
      expect(c.origin).toBe("seed");
      expect(c.startDate).toBe("2017-03-15");
      expect(c.transitions[0]).toEqual({ from: null, to: "active", date: "2017-03-15", note: expect.any(String) });
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.sources.every((s) => s.citation.length > 0)).toBe(true);
    }
    // The U-CAP summaries give the periods of cooperation: Zhengzhou until November 2018, Longyan until April 2018.
    const byId = new Map(coops.map((c) => [c.id, c]));
    expect(byId.get("iuc-asia-chongqing-mannheim")).toMatchObject({ endDate: null, transitions: [expect.objectContaining({ to: "active" })] });
    expect(byId.get("iuc-asia-zhengzhou-cluster")).toMatchObject({ endDate: "2018-11-30", allowedTransitions: [] });
    expect(byId.get("iuc-asia-zhengzhou-cluster")!.transitions[1]).toEqual({ from: "active", to: "completed", date: "2018-11-30", note: expect.stringContaining("March 2017 until November 2018") });
    expect(byId.get("iuc-asia-longyan-mannheim-prague")).toMatchObject({ endDate: "2018-04-30", allowedTransitions: [] });
    expect(byId.get("iuc-asia-longyan-mannheim-prague")!.transitions[1]).toEqual({ from: "active", to: "completed", date: "2018-04-30", note: expect.stringContaining("March 2017 until April 2018") });
    const longyan = await getActionPlan(ctx, "iuc-asia-longyan-mannheim-prague");
    expect(longyan).toMatchObject({ sdgs: [3, 4, 9], urbanAgenda: ["culture-and-cultural-heritage", "digital-transition"], expectedResults: { en: null, zh: null }, version: 1 });
    expect((await getActionPlan(ctx, "iuc-asia-chongqing-mannheim")).version).toBe(0);
  });

  it("records the joint declaration and the action-plan workshop as programme-wide activities, and the Chongqing–Mannheim pilots", async () => {
    const db = ctx.database.db;
    const acts = await db.selectFrom("activities").select(["id", "start_date", "programme_id", "cooperation_id", "kind"]).orderBy("start_date").execute();
    expect(acts.filter((a) => a.programme_id === "iuc-asia" && a.cooperation_id === null).map((a) => [a.start_date, a.kind])).toEqual([
      ["2017-03-15", "other"],
      ["2017-05-31", "forum"],
      ["2017-10-23", "workshop"],
    ]);
    const decl = await db.selectFrom("outputs").selectAll().where("kind", "=", "joint_declaration").execute();
    expect(decl).toEqual([expect.objectContaining({ activity_id: "iuc-asia-joint-declaration-2017", on_date: "2017-05-31" })]);
    const pilots = await db.selectFrom("pilots").select(["id", "start_date", "end_date", "budget"]).where("cooperation_id", "=", "iuc-asia-chongqing-mannheim").orderBy("id").execute();
    expect(pilots).toEqual([
      // MoU City of Mannheim – Yuxinou Logistics signed 9 July 2018; the freight link opened 25 October 2018 (both cited).
      { id: "iuc-asia-chongqing-mannheim-freight-railway", start_date: "2018-07-09", end_date: "2018-10-25", budget: null },
      { id: "iuc-asia-chongqing-mannheim-innovation-conference", start_date: null, end_date: null, budget: null },
    ]);
    const coopActs = acts.filter((a) => a.cooperation_id === "iuc-asia-chongqing-mannheim").map((a) => [a.id, a.start_date]);
    expect(coopActs).toEqual([["iuc-asia-mannheim-yuxinou-mou-2018", "2018-07-09"], ["iuc-asia-mannheim-chongqing-railway-opening-2018", "2018-10-25"]]);
    const railOutputs = await db.selectFrom("outputs").select(["kind", "on_date", "pilot_id", "url"]).where("pilot_id", "=", "iuc-asia-chongqing-mannheim-freight-railway").orderBy("on_date").execute();
    expect(railOutputs).toEqual([
      { kind: "mou", on_date: "2018-07-09", pilot_id: "iuc-asia-chongqing-mannheim-freight-railway", url: expect.stringContaining("metropoljournal.com") },
      { kind: "pilot_project", on_date: "2018-10-25", pilot_id: "iuc-asia-chongqing-mannheim-freight-railway", url: "http://iuc.eu/index.php?id=351" },
    ]);
    const railSource = await ctx.sources.get("iuc-mannheim-chongqing-railway-2018");
    expect(railSource?.citation).toMatch(/25 October 2018/);
    expect((await ctx.sources.get("mannheim-yuxinou-mou-2018"))?.citation).toMatch(/9 July 2018/);
    expect(await db.selectFrom("actions").select("id").execute()).toEqual([]);
    expect(await db.selectFrom("kpis").select("id").execute()).toEqual([]);
  });

  it("refuses a seeded status history that a user could not have recorded", () => {
    const base = { id: "x", names: { en: "X", zh: null }, themes: [], startDate: "2017-03-15", members: [], sourceIds: [], pilots: [] };
    expect(() => seedTransitions({ ...base, status: "completed", transitions: [{ to: "active", date: "2017-03-15", note: "" }, { to: "completed", date: "2017-01-01", note: "" }] })).toThrow(/before the previous status change/);
    expect(() => seedTransitions({ ...base, status: "completed", transitions: [{ to: "proposed", date: "2017-03-15", note: "" }, { to: "completed", date: "2018-01-01", note: "" }] })).toThrow(/cannot move from proposed to completed/);
    expect(() => seedTransitions({ ...base, status: "active", transitions: [{ to: "active", date: "2017-03-15", note: "" }, { to: "completed", date: "2018-01-01", note: "" }] })).toThrow(/not at its status active/);
    expect(seedTransitions({ ...base, status: "active", transitionNote: "launched" })).toEqual([{ from: null, to: "active", date: "2017-03-15", note: "launched" }]);
  });

  it("runs again without changing anything", async () => {
    const before = await listCooperations(ctx, {});
    const r = await seedProgrammes(ctx, DATA_DIR, new Date("2026-02-01T00:00:00Z"));
    expect(r?.cooperations).toBe(0);
    expect(await listCooperations(ctx, {})).toEqual(before);
    const n = await ctx.database.db.selectFrom("activities").select("id").execute();
    expect(n).toHaveLength(6);
  });
});
