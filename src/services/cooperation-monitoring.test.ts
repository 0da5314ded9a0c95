import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../errors.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { loadMonitoringFixture, MON_TODAY } from "../../test/support/monitoring-fixture.js";
import type { AppContext } from "./context.js";
import { cooperationMonitoring } from "./cooperation-monitoring.js";
import { programmeMonitoring } from "./programme-monitoring.js";
import { showcaseCooperation, showcaseProgramme } from "./showcase.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("cooperation and programme monitoring on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await loadMonitoringFixture(ctx);
  });

  it("judges each KPI: 20 % of the change when the line expects 50 % is off track; no value is not yet reported", async () => {
    const m = await cooperationMonitoring(ctx, "mon-coop", { today: MON_TODAY });
    const pm = m.kpis.find((k) => k.id === "kpi-pm")!;
    expect(pm.status).toBe("off_track");
    expect(pm.statusWords).toEqual({ en: "off track", zh: "偏离" });
    expect(pm.progressPct).toBeCloseTo(20, 6);
    expect(pm.expectedPct).toBeCloseTo((1826 / 3651) * 100, 6);
    expect(pm.target.date).toBe("2027-12-31");
    const quiet = m.kpis.find((k) => k.id === "kpi-quiet")!;
    expect(quiet.status).toBe("no_data");
    expect(quiet.reason.zh).toBe("尚未报告");
    expect(m.kpiCounts).toEqual({ on_track: 0, at_risk: 0, off_track: 1, no_data: 1 });
  });

  it("counts actions by status and lists the overdue ones", async () => {
    const m = await cooperationMonitoring(ctx, "mon-coop", { today: MON_TODAY });
    expect(m.actionsByStatus).toEqual({ planned: 1, in_progress: 1, done: 1, delayed: 0, cancelled: 0 });
    expect(m.overdueActions.map((a) => a.id)).toEqual(["act-late"]);
  });

  it("puts transitions, activities, outputs and actions on one dated timeline", async () => {
    const m = await cooperationMonitoring(ctx, "mon-coop", { today: MON_TODAY });
    expect(m.timeline.map((i) => [i.date, i.kind, i.id])).toEqual([
      ["2017-06-01", "transition", "transition-1"],
      ["2018-01-01", "transition", "transition-2"],
      ["2018-03-01", "action", "act-rail"],
      ["2018-05-10", "activity", "actv-visit"],
      ["2018-05-12", "output", "out-mou"],
      ["2019-01-01", "action", "act-late"],
      ["2026-01-01", "action", "act-xss"],
    ]);
  });

  it("compares members' indicators before the start with the latest, direction-aware, with sources", async () => {
    const m = await cooperationMonitoring(ctx, "mon-coop", { today: MON_TODAY });
    const pm = m.indicatorChanges.find((c) => c.city === "chongqing-cn" && c.indicator === "air.pm25_annual")!;
    expect(pm.before).toMatchObject({ period: "2017", value: 45, source: { id: "who-aqg-2021" } });
    expect(pm.now).toMatchObject({ period: "2023", value: 36, source: { id: "gb-3095-2012" } });
    expect(pm.change).toBe(-9);
    expect(pm.changePct).toBeCloseTo(-20, 6);
    expect(pm.verdict).toBe("improved");
    const pt = m.indicatorChanges.find((c) => c.city === "mannheim-de")!;
    expect(pt).toMatchObject({ indicator: "transport.public_transport_share", change: -2, verdict: "worsened" });
    expect(m.indicatorChanges.some((c) => c.city === "prague-cz")).toBe(false);
  });

  it("throws NotFoundError for an unknown cooperation or programme", async () => {
    await expect(cooperationMonitoring(ctx, "nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(programmeMonitoring(ctx, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("draws lines side a ↔ side b, else lead ↔ others, and counts cooperations by status", async () => {
    const p = await programmeMonitoring(ctx, "mon-prog", { today: MON_TODAY });
    expect(p.lines.map((l) => `${l.from}>${l.to}`).sort()).toEqual(["chongqing-cn>mannheim-de", "chongqing-cn>prague-cz", "zhengzhou-cn>malaga-es"]);
    expect(p.countsByStatus).toMatchObject({ active: 1, agreed: 1, proposed: 0 });
    expect(p.cooperations.find((c) => c.id === "mon-coop")?.members[0]).toMatchObject({ slug: "chongqing-cn", lat: 29.56278 });
  });

  it("sums expected impact of all actions and achieved impact of done ones, per unit", async () => {
    const p = await programmeMonitoring(ctx, "mon-prog", { today: MON_TODAY });
    expect(p.impact.totals).toEqual([
      { unit: "tCO2e/yr", expected: 7000, achieved: 5000 },
      { unit: "µg/m³", expected: 1.5, achieved: 0 },
    ]);
    expect(p.impact.method.en).toContain("not measured");
  });

  it("flags overdue actions, KPIs without a value in 12 months and cooperations without an action plan", async () => {
    const p = await programmeMonitoring(ctx, "mon-prog", { today: MON_TODAY });
    expect(p.needsAttention.map((n) => `${n.kind}:${n.id}`).sort()).toEqual([
      "no_action_plan:mon-bare", "overdue_action:act-late", "stale_kpi:kpi-pm", "stale_kpi:kpi-quiet",
    ]);
    // a value recorded within the year clears the flag
    const fresh = await programmeMonitoring(ctx, "mon-prog", { today: "2023-06-30" });
    expect(fresh.needsAttention.some((n) => n.id === "kpi-pm")).toBe(false);
  });

  it("shows only public fields on showcase views: no contacts, budgets or funding sources", async () => {
    const sc = await showcaseCooperation(ctx, "mon-coop", { today: MON_TODAY });
    const sp = await showcaseProgramme(ctx, "mon-prog", { today: MON_TODAY });
    const text = JSON.stringify([sc, sp]);
    for (const secret of ["erika", "Erika Secret", "secret fund", "budget", "created_by"]) expect(text).not.toContain(secret);
    expect(sc.partners).toEqual([{ names: { en: "University of Mannheim", zh: null }, kind: "academic", country: "DE", role: "research partner" }]);
    expect(sp.activities.map((a) => a.id)).toEqual(["actv-decl"]);
    expect(sp.cooperations.find((c) => c.id === "mon-coop")?.activities[0]?.outputs[0]?.id).toBe("out-mou");
  });
});
