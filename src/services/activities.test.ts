import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadWorkFixture } from "../../test/support/work-fixture.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { addOutput, cooperationActivities, createActivity, deleteActivity, deleteOutput, programmeActivities, updateActivity } from "./activities.js";
import type { AppContext } from "./context.js";
import { createOrganisation } from "./organisations.js";
import { createPilot } from "./pilots.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("activities on %s", (dialect) => {
  let ctx: AppContext;
  let orgId: string;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadWorkFixture(ctx);
    orgId = (await createOrganisation(ctx, { names: { en: "Mannheim Chamber of Commerce" }, kind: "private", country: "DE" }, "test")).id;
  });

  it("records a study visit with its organisations and an MoU with a link, under a readable id", async () => {
    const a = await createActivity(ctx, "coop-cq-ma", { kind: "study_visit", titles: { en: "Study visit to Mannheim", zh: "曼海姆考察访问" }, startDate: "2018-04-10", endDate: "2018-04-12", place: "Mannheim", organisationIds: [orgId] }, "test");
    expect(a).toMatchObject({ id: expect.stringMatching(/^study-visit-to-mannheim-[0-9a-f]{8}$/), cooperationId: "coop-cq-ma", programmeId: "prog-iuc", version: 1, createdBy: "test" });
    expect(a.organisations).toEqual([expect.objectContaining({ id: orgId, kind: "private" })]);
    const mou = await addOutput(ctx, a.id, { kind: "mou", titles: { en: "MoU on freight logistics" }, date: "2018-04-12", url: "https://example.org/mou.pdf" }, "test");
    expect((await cooperationActivities(ctx, "coop-cq-ma"))[0]?.outputs).toEqual([mou]);
  });

  it("refuses an end date before the start, naming endDate", async () => {
    const err = await createActivity(ctx, "coop-cq-ma", { kind: "workshop", titles: { en: "W" }, startDate: "2018-05-02", endDate: "2018-05-01" }, "test").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems).toEqual([{ column: "endDate", value: "2018-05-01", message: "must be on or after the startDate 2018-05-02", code: "dates.end_before_start", params: { start: "2018-05-02", end: "2018-05-01" } }]);
  });

  it("answers not found for an unknown cooperation, programme or organisation", async () => {
    await expect(createActivity(ctx, "nope", { kind: "webinar", titles: { en: "W" }, startDate: "2018-05-02" }, "test")).rejects.toThrow(NotFoundError);
    await expect(createActivity(ctx, "coop-cq-ma", { kind: "webinar", titles: { en: "W" }, startDate: "2018-05-02", organisationIds: ["ghost"] }, "test")).rejects.toThrow('no organisation with id "ghost"');
    await expect(programmeActivities(ctx, "nope")).rejects.toThrow(NotFoundError);
  });

  it("lists a programme's programme-wide activities together with its cooperations' ones", async () => {
    await createActivity(ctx, "coop-zz-ml", { kind: "business_roundtable", titles: { en: "Logistics roundtable" }, startDate: "2017-11-20" }, "test");
    const items = await programmeActivities(ctx, "prog-iuc");
    expect(items.map((a) => [a.startDate, a.cooperationId])).toEqual([["2017-05-31", null], ["2017-11-20", "coop-zz-ml"], ["2018-04-10", "coop-cq-ma"]]);
  });

  it("updates the given fields at the current version and refuses a stale one with the current activity", async () => {
    const a = await createActivity(ctx, "coop-cq-ma", { kind: "webinar", titles: { en: "Webinar" }, startDate: "2019-02-01" }, "test");
    const b = await updateActivity(ctx, a.id, { version: 1, place: "online", endDate: "2019-02-01" });
    expect(b).toMatchObject({ place: "online", endDate: "2019-02-01", titles: { en: "Webinar" }, version: 2 });
    const err = await updateActivity(ctx, a.id, { version: 1, place: "stale" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VersionConflictError);
    expect((err as VersionConflictError<{ place: string }>).current.place).toBe("online");
    await expect(updateActivity(ctx, a.id, { version: 2, startDate: "2019-03-01" })).rejects.toThrow(/endDate "2019-02-01" must be on or after/);
    await deleteActivity(ctx, a.id);
    await expect(deleteActivity(ctx, a.id)).rejects.toThrow(NotFoundError);
  });

  it("links an output to a pilot of the same cooperation only", async () => {
    const [visit] = await cooperationActivities(ctx, "coop-cq-ma");
    const other = await createPilot(ctx, "coop-zz-ml", { titles: { en: "Zhengzhou hub" } }, "test");
    const err = await addOutput(ctx, visit?.id ?? "", { kind: "pilot_project", titles: { en: "Pilot" }, pilotId: other.id }, "test").catch((e: unknown) => e);
    expect((err as InvalidInputError).problems[0]).toMatchObject({ column: "pilotId" });
    const own = await createPilot(ctx, "coop-cq-ma", { titles: { en: "Rail link" } }, "test");
    const out = await addOutput(ctx, visit?.id ?? "", { kind: "pilot_project", titles: { en: "Pilot" }, pilotId: own.id }, "test");
    await deleteOutput(ctx, out.id);
    await expect(deleteOutput(ctx, out.id)).rejects.toThrow(NotFoundError);
  });
});
