import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "../errors.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { decideApplication, getApplication, listProgrammeApplications, submitApplication } from "./applications.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";
import { createPilotProgramme } from "../../test/support/programme-fixture.js";

const NOW = new Date("2026-03-01T10:00:00Z");

describe.each(DIALECTS)("applications on %s", (dialect) => {
  let ctx: AppContext;
  let programmeId: string;
  let callId: string;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    ({ programmeId, callId } = await createPilotProgramme(ctx, NOW));
  });

  it("checks eligibility at submission and sets eligible or ineligible with the reasons", async () => {
    const ok = await submitApplication(ctx, callId, { city: "chongqing-cn", themes: ["transport"], stage: { inventory: true }, contact: { name: "Li", email: "li@example.org" } }, "test", NOW);
    expect(ok).toMatchObject({ status: "eligible", city: { slug: "chongqing-cn", country: "CN", population: 7457600 }, stage: { inventory: true, target: false, plan: false }, programmeId });
    expect(ok.eligibility.map((c) => c.rule)).toEqual(["country", "minPopulation"]);
    const small = await submitApplication(ctx, callId, { city: "mannheim-de" }, "test", NOW);
    expect(small.status).toBe("ineligible");
    expect(small.eligibility.find((c) => !c.ok)?.reason.en).toBe("population 307,960 is below the call's minimum of 400,000");
    const unknown = await submitApplication(ctx, callId, { city: "longyan-cn" }, "test", NOW);
    expect(unknown.eligibility.find((c) => c.rule === "minPopulation")).toMatchObject({ ok: false });
  });

  it("refuses a second application of a city to the same call, naming it", async () => {
    const err = await submitApplication(ctx, callId, { city: "chongqing-cn" }, "test", NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toMatch(/^Chongqing \(chongqing-cn\) has already applied to this call/);
  });

  it("refuses a submission after the deadline, and an unknown city", async () => {
    await expect(submitApplication(ctx, callId, { city: "prague-cz" }, "test", new Date("2026-04-01T00:00:00Z"))).rejects.toThrow("the call closed on 2026-03-31");
    await expect(submitApplication(ctx, callId, { city: "atlantis-xx" }, "test", NOW)).rejects.toThrow('no city with slug "atlantis-xx"');
  });

  it("accepts only an eligible application and refuses an illegal move with the reason", async () => {
    const [cq, mannheim] = await listProgrammeApplications(ctx, programmeId);
    await expect(decideApplication(ctx, mannheim!.id, { status: "accepted", version: 1 })).rejects.toThrow("only an eligible application can be accepted; this one is ineligible");
    const accepted = await decideApplication(ctx, cq!.id, { status: "accepted", note: "strong fit", version: 1 }, NOW);
    expect(accepted).toMatchObject({ status: "accepted", decisionNote: "strong fit", decidedAt: NOW.toISOString(), version: 2 });
    await expect(decideApplication(ctx, cq!.id, { status: "declined", version: 2 })).rejects.toThrow("a decision is final");
    await expect(decideApplication(ctx, cq!.id, { status: "declined", version: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    expect((await listProgrammeApplications(ctx, programmeId, "accepted")).map((a) => a.city.slug)).toEqual(["chongqing-cn"]);
  });

  it("lets a manager override the rules on a re-check only with a note, then decline", async () => {
    const m = (await listProgrammeApplications(ctx, programmeId)).find((a) => a.city.slug === "mannheim-de")!;
    await expect(decideApplication(ctx, m.id, { status: "eligible", version: m.version })).rejects.toThrow("give a note saying why");
    const over = await decideApplication(ctx, m.id, { status: "eligible", note: "metropolitan region counts", version: m.version });
    expect(over).toMatchObject({ status: "eligible", decidedAt: null });
    const declined = await decideApplication(ctx, m.id, { status: "declined", version: over.version });
    expect(declined.status).toBe("declined");
    expect((await getApplication(ctx, m.id)).decisionNote).toBe("metropolitan region counts");
  });
});
