import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { loadCooperationFixture } from "../../test/support/vision-fixture.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { createAssessment, updateAssessment } from "./readiness-assessments.js";
import { readinessResult } from "./readiness-result.js";
import { DATA_DIR } from "./seed.js";
import { seedPractices } from "./seed-practices.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("innovation readiness on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await seedPractices(ctx, DATA_DIR);
    await loadCooperationFixture(ctx);
  });

  it("starts an assessment for a pilot or an action by id, and refuses an unknown one", async () => {
    const a = await createAssessment(ctx, { pilot: "pilot-solar-roofs", scores: {}, partners: [], tensions: [] }, "test");
    expect(a).toMatchObject({ pilot: "pilot-solar-roofs", action: null, version: 1, scores: {} });
    expect((await createAssessment(ctx, { action: "action-retrofit", scores: {}, partners: [], tensions: [] }, "test")).action).toBe("action-retrofit");
    await expect(createAssessment(ctx, { pilot: "nope", scores: {}, partners: [], tensions: [] }, "test")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("scores prerequisites, lists the gaps lowest first and suggests practices for them", async () => {
    const a = await createAssessment(ctx, { pilot: "pilot-solar-roofs", scores: {}, partners: [], tensions: [] }, "test");
    const scored = await updateAssessment(ctx, a.id, {
      version: 1,
      scores: { trust: { score: 3, evidence: "school boards on board" }, participation: { score: 1, evidence: "one info evening" }, funding: { score: 2 }, data: { score: 4 } },
      role: "facilitator",
      partners: [
        { id: "city", name: "City of Prague", sector: "public" },
        { id: "pv", name: "Solar installer", sector: "private", interests: "volume of roofs" },
        { id: "parents", name: "Parents' association", sector: "people" },
      ],
      tensions: [{ between: ["pv", "parents"], description: "installation during term time" }],
    });
    expect(scored).toMatchObject({ version: 2, role: "facilitator", scores: { participation: { score: 1, evidence: "one info evening" } } });
    const r = await readinessResult(ctx, scored);
    expect(r.radar).toHaveLength(10);
    expect(r.gaps.map((g) => [g.prerequisite, g.score])).toEqual([["participation", 1], ["funding", 2]]);
    expect(r.unscored).toHaveLength(6);
    expect(r.dimensions.find((d) => d.dimension === "social")).toMatchObject({ mean: 2, scored: 2 });
    expect(r.gaps[0]?.practices.length).toBeGreaterThan(0);
    expect(r.gaps[0]?.practices[0]?.matched.length).toBeGreaterThan(0);
    await expect(updateAssessment(ctx, a.id, { version: 1, scores: {}, partners: [], tensions: [] })).rejects.toBeInstanceOf(VersionConflictError);
  });

  it("refuses a tension between partners that are not on the map", async () => {
    const a = await createAssessment(ctx, { action: "action-retrofit", scores: {}, partners: [], tensions: [] }, "test");
    await expect(updateAssessment(ctx, a.id, { version: 1, scores: {}, partners: [{ id: "a", name: "A", sector: "public" }], tensions: [{ between: ["a", "b"], description: "x" }] })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
