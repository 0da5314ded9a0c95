import { beforeAll, describe, expect, it } from "vitest";
import { useTestContext } from "../../../test/support/context.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadWorkFixture } from "../../../test/support/work-fixture.js";
import type { AppContext } from "../../services/context.js";

const at = "2026-02-01T00:00:00.000Z";
const meta = { version: 1, createdBy: "test", createdAt: at, updatedAt: at };

describe.each(DIALECTS)("CooperationWorkRepository on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadWorkFixture(ctx);
    for (const [id, en, kind, sector] of [["org-port", "Port of Mannheim 100%", "private", "logistics"], ["org-uni", "Chongqing University", "academic", "research"]] as const) {
      await ctx.work.insertOrganisation({ id, names: { en, zh: null }, kind, country: "DE", sector, citySlug: null, website: null, ...meta });
    }
  });

  it("finds a cooperation's programme and member cities, and nothing for an unknown id", async () => {
    expect(await ctx.work.cooperation("coop-cq-ma")).toEqual({ id: "coop-cq-ma", programmeId: "prog-iuc", members: ["chongqing-cn", "mannheim-de"] });
    expect(await ctx.work.cooperation("nope")).toBeNull();
  });

  it("searches organisations by name or sector ignoring case, with % taken literally, and by kind", async () => {
    expect((await ctx.work.listOrganisations({ q: "CHONGQING" })).map((o) => o.id)).toEqual(["org-uni"]);
    expect((await ctx.work.listOrganisations({ q: "logist" })).map((o) => o.id)).toEqual(["org-port"]);
    expect((await ctx.work.listOrganisations({ q: "100%" })).map((o) => o.id)).toEqual(["org-port"]);
    expect((await ctx.work.listOrganisations({ q: "0%x" })).map((o) => o.id)).toEqual([]);
    expect((await ctx.work.listOrganisations({ kind: "academic" })).map((o) => o.id)).toEqual(["org-uni"]);
  });

  it("stores an activity with organisations and outputs, and lists programme-wide ones with the programme", async () => {
    await ctx.work.insertActivity({
      id: "act-visit", cooperationId: "coop-cq-ma", programmeId: "prog-iuc", kind: "study_visit", titles: { en: "Visit", zh: "考察访问" },
      descriptions: { en: null, zh: null }, startDate: "2018-04-10", endDate: "2018-04-12", place: "Mannheim", organisationIds: ["org-port", "org-uni"],
      sourceIds: [], ...meta,
    });
    await ctx.work.insertOutput({ id: "out-mou", activityId: "act-visit", kind: "mou", titles: { en: "MoU", zh: null }, date: "2018-04-12", url: "https://example.org/mou.pdf", pilotId: null, createdBy: "test", createdAt: at });
    const a = await ctx.work.getActivity("act-visit");
    expect(a?.organisations.map((o) => o.id)).toEqual(["org-port", "org-uni"]);
    expect(a?.outputs).toEqual([expect.objectContaining({ id: "out-mou", kind: "mou", url: "https://example.org/mou.pdf" })]);
    expect((await ctx.work.activitiesOfCooperation("coop-cq-ma")).map((x) => x.id)).toEqual(["act-visit"]);
    const all = await ctx.work.activitiesOfProgramme("prog-iuc");
    expect(all.map((x) => x.id)).toEqual(["act-declaration", "act-visit"]);
    expect(all[0]).toMatchObject({ cooperationId: null, sources: [{ id: "geonames", citation: "GeoNames" }] });
  });

  it("replaces only at the expected version and bumps it", async () => {
    const rec = await ctx.work.activityRecord("act-visit");
    if (!rec) throw new Error("missing");
    expect(await ctx.work.replaceActivity({ ...rec, place: "Mannheim harbour" }, 1)).toBe(true);
    expect(await ctx.work.replaceActivity({ ...rec, place: "stale" }, 1)).toBe(false);
    expect(await ctx.work.getActivity("act-visit")).toMatchObject({ place: "Mannheim harbour", version: 2 });
  });

  it("hydrates a pilot with partners, fund applications and the KPIs that point at it, with their latest value", async () => {
    await ctx.work.insertPilot({
      id: "pil-rail", cooperationId: "coop-cq-ma", titles: { en: "Freight rail link", zh: null }, descriptions: { en: null, zh: null }, citySlug: "chongqing-cn",
      startDate: "2018-01-01", endDate: null, budget: 1.5e6, currency: "EUR", status: "in_progress", ...meta,
    });
    await ctx.work.insertCommitment({ id: "com-1", organisationId: "org-port", cooperationId: "coop-cq-ma", pilotId: "pil-rail", role: "operator", commitment: { en: "Runs the terminal", zh: null }, ...meta });
    await ctx.work.insertFundApplication({ id: "fa-1", pilotId: "pil-rail", fund: "IUC fund", submittedOn: "2019-01-10", amountRequested: 200000, currency: "EUR", score: 81.5, decision: "pending", decidedOn: null, amountAwarded: null, ...meta });
    const db = ctx.database.db;
    await db.insertInto("kpis").values({
      id: "kpi-1", cooperation_id: "coop-cq-ma", action_id: null, pilot_id: "pil-rail", indicator_code: null, city_slug: "chongqing-cn", name_en: "Containers by rail",
      name_zh: null, unit: "TEU", baseline_value: 0, baseline_date: "2018-01-01", target_value: 5000, target_year: 2020, version: 1, created_by: "test", created_at: at, updated_at: at,
    }).execute();
    for (const [on, v] of [["2019-01-01", 800], ["2019-12-31", 2100]] as const) {
      await db.insertInto("kpi_values").values({ kpi_id: "kpi-1", on_date: on, value: v, note: null, recorded_by: "test", recorded_at: at }).execute();
    }
    const [p] = await ctx.work.pilotsOfCooperation("coop-cq-ma");
    expect(p).toMatchObject({ id: "pil-rail", budget: 1.5e6, partners: [{ id: "com-1", organisation: { id: "org-port", kind: "private" } }], fundApplications: [{ id: "fa-1", score: 81.5 }] });
    expect(p?.kpis).toEqual([expect.objectContaining({ id: "kpi-1", unit: "TEU", target: { value: 5000, year: 2020 }, latest: { value: 2100, date: "2019-12-31" } })]);
    expect((await ctx.work.commitments({ organisationId: "org-port" })).map((c) => c.id)).toEqual(["com-1"]);
  });
});
