import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadWorkFixture } from "../../test/support/work-fixture.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { createCommitment, createOrganisation } from "./organisations.js";
import { addFundApplication, cooperationPilots, createPilot, getPilot, updateFundApplication, updatePilot } from "./pilots.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

async function problemsOf(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidInputError);
  return (err as InvalidInputError).problems;
}

describe.each(DIALECTS)("pilot projects and follow-up funding on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadWorkFixture(ctx);
  });

  it("adds a pilot in a member city with budget and partners", async () => {
    const p = await createPilot(ctx, "coop-cq-ma", { titles: { en: "Chongqing–Europe freight rail link", zh: "渝新欧铁路货运" }, citySlug: "chongqing-cn", startDate: "2018-03-01", budget: 250000, currency: "EUR" }, "test");
    expect(p).toMatchObject({ status: "planned", budget: 250000, currency: "EUR", partners: [], fundApplications: [], kpis: [], version: 1 });
    const org = await createOrganisation(ctx, { names: { en: "Port of Mannheim" }, kind: "public", country: "DE" }, "test");
    await createCommitment(ctx, "coop-cq-ma", { organisationId: org.id, pilotId: p.id, role: "terminal operator" }, "test");
    expect((await getPilot(ctx, p.id)).partners.map((c) => c.organisation.names.en)).toEqual(["Port of Mannheim"]);
    expect((await cooperationPilots(ctx, "coop-cq-ma")).map((x) => x.id)).toEqual([p.id]);
  });

  it("refuses a city outside the cooperation, an end before the start and a budget without currency", async () => {
    const problems = await problemsOf(createPilot(ctx, "coop-cq-ma", { titles: { en: "P" }, citySlug: "prague-cz", startDate: "2019-01-02", endDate: "2019-01-01", budget: 10 }, "test"));
    expect(problems.map((p) => p.column)).toEqual(["citySlug", "endDate", "currency"]);
    expect(problems[0]?.message).toContain("chongqing-cn, mannheim-de");
    await expect(createPilot(ctx, "nope", { titles: { en: "P" } }, "test")).rejects.toThrow(NotFoundError);
  });

  it("changes a pilot's status at the current version and refuses a stale one", async () => {
    const [p] = await cooperationPilots(ctx, "coop-cq-ma");
    const q = await updatePilot(ctx, p?.id ?? "", { version: 1, status: "in_progress" });
    expect(q).toMatchObject({ status: "in_progress", budget: 250000, version: 2 });
    const err = await updatePilot(ctx, q.id, { version: 1, status: "done" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionConflictError);
    expect((err as VersionConflictError<{ status: string }>).current.status).toBe("in_progress");
  });

  it("records a fund application, then its score and an award no larger than requested", async () => {
    const [p] = await cooperationPilots(ctx, "coop-cq-ma");
    const f = await addFundApplication(ctx, p?.id ?? "", { fund: "IUC pilot project fund", submittedOn: "2019-01-15", amountRequested: 100000, currency: "EUR" }, "test");
    expect(f).toMatchObject({ decision: "pending", score: null, decidedOn: null, amountAwarded: null, version: 1 });
    const too = await problemsOf(updateFundApplication(ctx, f.id, { version: 1, decision: "awarded", decidedOn: "2019-03-01", amountAwarded: 120000 }));
    expect(too).toEqual([{ column: "amountAwarded", value: "120000", message: "cannot exceed the amount requested (100000)" }]);
    const g = await updateFundApplication(ctx, f.id, { version: 1, score: 87, decision: "awarded", decidedOn: "2019-03-01", amountAwarded: 80000 });
    expect(g).toMatchObject({ score: 87, decision: "awarded", amountAwarded: 80000, version: 2 });
    await expect(updateFundApplication(ctx, f.id, { version: 1, score: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    expect((await getPilot(ctx, p?.id ?? "")).fundApplications.map((x) => x.decision)).toEqual(["awarded"]);
  });

  it("needs a decision for a decision date, and an award for an awarded amount", async () => {
    const [p] = await cooperationPilots(ctx, "coop-cq-ma");
    const base = { fund: "F", submittedOn: "2020-01-10", amountRequested: 5000, currency: "EUR" };
    expect((await problemsOf(addFundApplication(ctx, p?.id ?? "", { ...base, decidedOn: "2020-02-01" }, "test")))[0]).toMatchObject({ column: "decidedOn", message: "needs a decision: awarded, rejected or withdrawn" });
    expect((await problemsOf(addFundApplication(ctx, p?.id ?? "", { ...base, decision: "rejected", amountAwarded: 10 }, "test")))[0]).toMatchObject({ column: "amountAwarded", message: "is only for an awarded application, not a rejected one" });
    expect((await problemsOf(addFundApplication(ctx, p?.id ?? "", { ...base, decision: "rejected", decidedOn: "2020-01-01" }, "test")))[0]).toMatchObject({ column: "decidedOn" });
    await expect(addFundApplication(ctx, "nope", base, "test")).rejects.toThrow(NotFoundError);
  });
});
