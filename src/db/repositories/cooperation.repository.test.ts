import { beforeAll, describe, expect, it } from "vitest";
import { loadActionPlanFixture } from "../../../test/support/action-plan-fixture.js";
import { useTestContext } from "../../../test/support/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import type { AppContext } from "../../services/context.js";
import type { CooperationWrite } from "./cooperation.repository.js";

const AT = "2026-01-01T00:00:00.000Z";
const write = (id: string, members: CooperationWrite["members"]): CooperationWrite => ({
  id, programmeId: null, names: { en: id, zh: null }, themes: ["air"], startDate: "2020-01-01", endDate: null, status: "proposed", origin: "manual", sourceIds: ["geonames"], members,
});
const first = { from: null, to: "proposed" as const, date: "2020-01-01", note: null, recordedBy: "test", recordedAt: AT };

describe.each(DIALECTS)("CooperationRepository on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadActionPlanFixture(ctx);
    await ctx.cooperations.insert(write("a-pair", [{ slug: "mannheim-de", role: "partner", side: "b" }, { slug: "chongqing-cn", role: "lead", side: "a" }]), first, "test", AT);
    await ctx.cooperations.insert(write("b-cluster", [{ slug: "longyan-cn", role: "lead", side: "a" }, { slug: "prague-cz", role: "partner", side: "b" }]), first, "test", AT);
  });

  it("reads members with city names and places, lead first, and resolves sources", async () => {
    const c = await ctx.cooperations.get("a-pair");
    expect(c?.members.map((m) => [m.slug, m.role, m.names.en, m.lat])).toEqual([["chongqing-cn", "lead", "Chongqing", 29.56278], ["mannheim-de", "partner", "Mannheim", 49.4891]]);
    expect(c?.sources).toEqual([{ id: "geonames", citation: "GeoNames", url: "https://www.geonames.org/" }]);
    expect(c?.transitions).toEqual([{ from: null, to: "proposed", date: "2020-01-01", note: null }]);
    expect(c?.programmeNames).toBeNull();
  });

  it("filters by member city and status", async () => {
    expect((await ctx.cooperations.list({ city: "prague-cz" })).map((c) => c.id)).toEqual(["b-cluster"]);
    expect((await ctx.cooperations.list({ status: "proposed" })).map((c) => c.id)).toEqual(["a-pair", "b-cluster"]);
    expect(await ctx.cooperations.list({ status: "active" })).toEqual([]);
  });

  it("moves the status only from the expected version and numbers transitions in order", async () => {
    const next = { from: "proposed" as const, to: "agreed" as const, date: "2021-01-01", note: "MoU", recordedBy: "test", recordedAt: AT };
    expect(await ctx.cooperations.transition("a-pair", next, 2)).toBe(false);
    expect(await ctx.cooperations.transition("a-pair", next, 1)).toBe(true);
    const c = await ctx.cooperations.get("a-pair");
    expect(c).toMatchObject({ status: "agreed", version: 2 });
    expect(c?.transitions.map((x) => x.to)).toEqual(["proposed", "agreed"]);
    expect(await ctx.cooperations.update(write("a-pair", [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "malaga-es", role: "partner", side: "b" }]), 1, AT)).toBe(false);
    expect(await ctx.cooperations.update(write("a-pair", [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "malaga-es", role: "partner", side: "b" }]), 2, AT)).toBe(true);
    expect((await ctx.cooperations.get("a-pair"))?.members.map((m) => m.slug)).toEqual(["chongqing-cn", "malaga-es"]);
  });

  it("creates the plan once at version 0 and updates it only from the stored version", async () => {
    const plan = { cooperationId: "b-cluster", keyFocus: { en: "Culture", zh: "文化" }, challenges: { en: null, zh: null }, objectives: { en: null, zh: null },
      expectedResults: { en: null, zh: null }, benefits: { en: null, zh: null }, sdgs: [3, 4], urbanAgenda: ["digital-transition" as const], version: 0, updatedBy: null, updatedAt: null };
    expect(await ctx.cooperations.savePlan(plan, 0, "test", AT)).toBe(true);
    expect(await ctx.cooperations.savePlan(plan, 0, "test", AT)).toBe(false);
    expect(await ctx.cooperations.savePlan({ ...plan, sdgs: [4] }, 1, "test", AT)).toBe(true);
    expect(await ctx.cooperations.getPlan("b-cluster")).toMatchObject({ sdgs: [4], keyFocus: { zh: "文化" }, version: 2, updatedBy: "test" });
  });

  it("keeps one KPI value per date (a second one replaces it) and tells which organisations and practices exist", async () => {
    const kpi = { id: "k1", cooperationId: "b-cluster", actionId: null, pilotId: null, indicator: "air.pm25_annual", city: "longyan-cn", names: { en: "PM2.5", zh: null }, unit: "µg/m³",
      baselineValue: 30, baselineDate: "2020-12-31", targetValue: 25, targetYear: 2025, version: 1, createdBy: "test", createdAt: AT, updatedAt: AT };
    await ctx.cooperations.kpis.insert(kpi);
    await ctx.cooperations.kpis.recordValue("k1", { date: "2021-12-31", value: 29, note: null, recordedBy: "test", recordedAt: AT });
    await ctx.cooperations.kpis.recordValue("k1", { date: "2021-12-31", value: 28.5, note: "corrected", recordedBy: "test", recordedAt: AT });
    expect(await ctx.cooperations.kpis.values("k1")).toEqual([{ date: "2021-12-31", value: 28.5, note: "corrected", recordedBy: "test", recordedAt: AT }]);
    expect(await ctx.cooperations.existing("organisations", ["org-mannheim-uni", "nope"])).toEqual(new Set(["org-mannheim-uni"]));
    expect(await ctx.cooperations.existing("practices", ["stockholm-congestion-tax"])).toEqual(new Set(["stockholm-congestion-tax"]));
  });
});
