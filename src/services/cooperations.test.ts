import { beforeAll, describe, expect, it } from "vitest";
import { loadActionPlanFixture } from "../../test/support/action-plan-fixture.js";
import { useTestContext } from "../../test/support/context.js";
import { DIALECTS } from "../../test/support/databases.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { createAction, updateAction } from "./action-plans.js";
import type { AppContext } from "./context.js";
import { createKpi } from "./cooperation-kpis.js";
import { createCooperation, TransitionRefusedError, transitionCooperation, updateCooperation } from "./cooperations.js";
import { VersionConflictError } from "./version-conflict.js";

const pair = { names: { en: "Longyan–Prague" }, members: [{ slug: "longyan-cn", role: "lead" as const }, { slug: "prague-cz", role: "partner" as const }] };

describe.each(DIALECTS)("cooperation use cases on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadActionPlanFixture(ctx);
  });

  it("forms a cooperation as proposed, dated the day it was created, with a readable id", async () => {
    const c = await createCooperation(ctx, pair, "alice", new Date("2026-03-01T10:00:00Z"));
    expect(c.id).toMatch(/^longyan-prague-[0-9a-f]{6}$/);
    expect(c).toMatchObject({ status: "proposed", transitions: [{ from: null, to: "proposed", date: "2026-03-01" }], allowedTransitions: ["agreed", "discontinued"] });
  });

  it("names an unknown city, a city listed twice, two leads, an unknown programme and an end before the start", async () => {
    await expect(createCooperation(ctx, { ...pair, members: [...pair.members, { slug: "atlantis-xx", role: "partner" }] }, "a")).rejects.toMatchObject({ name: "NotFoundError", message: 'no city with slug "atlantis-xx" (members.2.slug)', code: "not_found.city", params: { id: "atlantis-xx" } });
    await expect(createCooperation(ctx, { ...pair, members: [...pair.members, { slug: "prague-cz", role: "mentor" }] }, "a")).rejects.toThrow(/"prague-cz" is listed twice/);
    await expect(createCooperation(ctx, { ...pair, members: [pair.members[0]!, { slug: "prague-cz", role: "lead" }] }, "a")).rejects.toThrow(/at most one lead/);
    await expect(createCooperation(ctx, { ...pair, programmeId: "nope" }, "a")).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCooperation(ctx, { ...pair, startDate: "2020-01-01", endDate: "2019-01-01" }, "a")).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("refuses an illegal move with the reason in both languages and a stale version with the current record", async () => {
    const c = await createCooperation(ctx, pair, "alice", new Date("2026-03-01T10:00:00Z"));
    const refused = await transitionCooperation(ctx, c.id, { to: "active", date: "2026-03-02", version: 1 }, "alice").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransitionRefusedError);
    expect((refused as TransitionRefusedError).reason.zh).toMatch(/不能从“提议”变为“进行中”/);
    const agreed = await transitionCooperation(ctx, c.id, { to: "agreed", date: "2026-03-02", note: "MoU", version: 1 }, "alice");
    expect(agreed.version).toBe(2);
    const stale = await updateCooperation(ctx, c.id, { version: 1, themes: ["air"] }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect((stale as VersionConflictError<{ status: string }>).current.status).toBe("agreed");
  });

  it("keeps an action's owner among the members and a done action at 100 %; a KPI's city among the members", async () => {
    const c = await createCooperation(ctx, pair, "alice");
    const base = { titles: { en: "Hakka heritage route" }, partnerIds: [], status: "planned" as const, completionPct: 0, impact: [] };
    await expect(createAction(ctx, c.id, { ...base, ownerCity: "mannheim-de" }, "a")).rejects.toThrow(/not a member city/);
    const a = await createAction(ctx, c.id, { ...base, ownerCity: "longyan-cn" }, "a");
    await expect(updateAction(ctx, a.id, { ...base, status: "done", completionPct: 50, version: 1 })).rejects.toThrow(/must be 100 for a done action/);
    expect(await updateAction(ctx, a.id, { ...base, status: "done", completionPct: 100, version: 1 })).toMatchObject({ status: "done", version: 2 });
    const kpi = { actionId: a.id, names: { en: "Visitors" }, unit: "visitors/yr", baselineValue: 1000, baselineDate: "2025-12-31", targetValue: 2000, targetYear: 2028 };
    await expect(createKpi(ctx, c.id, { ...kpi, city: "malaga-es" }, "a")).rejects.toThrow(/not a member city/);
    await expect(createKpi(ctx, c.id, { ...kpi, targetYear: 2020 }, "a")).rejects.toThrow(/before the baseline date/);
    expect(await createKpi(ctx, c.id, { ...kpi, city: "longyan-cn" }, "a")).toMatchObject({ actionId: a.id, city: "longyan-cn", indicator: null, createdBy: "a" });
  });
});
