import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "./context.js";
import { createCall, createProgramme, getCall, getProgramme, listCalls, listProgrammes, updateCall, updateProgramme } from "./programmes.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";
import { createPilotProgramme } from "../../test/support/programme-fixture.js";

const NOW = new Date("2026-03-01T10:00:00Z");

describe.each(DIALECTS)("programmes and calls on %s", (dialect) => {
  let ctx: AppContext;
  let programmeId: string;
  let callId: string;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    ({ programmeId, callId } = await createPilotProgramme(ctx, NOW));
  });

  it("creates a programme with a readable id, its counts and its sources", async () => {
    expect(programmeId).toMatch(/^eu-china-pilot-[a-z0-9]{6}$/);
    const p = await getProgramme(ctx, programmeId);
    expect(p).toMatchObject({ names: { en: "EU–China pilot", zh: "中欧试点" }, createdBy: "test", version: 1, counts: { calls: 1, applications: 0, cooperations: 0 } });
    expect(p.sources?.map((s) => s.id)).toEqual(["geonames"]);
    expect((await listProgrammes(ctx)).map((x) => x.id)).toContain(programmeId);
  });

  it("refuses an end before the start, an unknown source and an unknown side", async () => {
    await expect(createProgramme(ctx, { names: { en: "X" }, startDate: "2026-01-01", endDate: "2025-01-01" }, "test")).rejects.toThrow("comes before the start date");
    await expect(createProgramme(ctx, { names: { en: "X" }, sourceIds: ["nope"] }, "test")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createCall(ctx, programmeId, { titles: { en: "C" }, deadline: "2026-04-01", side: "b" }, "test")).resolves.toMatchObject({ side: "b" });
    const noSides = await createProgramme(ctx, { names: { en: "Y" } }, "test");
    await expect(createCall(ctx, noSides.id, { titles: { en: "C" }, deadline: "2026-04-01", side: "a" }, "test")).rejects.toThrow('has no side "a"');
  });

  it("updates a programme and a call with the current version, and refuses a stale one with the current record", async () => {
    const p = await updateProgramme(ctx, programmeId, { funder: "European Commission", version: 1 });
    expect(p).toMatchObject({ funder: "European Commission", version: 2, names: { en: "EU–China pilot" } });
    const stale = await updateProgramme(ctx, programmeId, { funder: "EU Partnership Instrument", version: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect((stale as VersionConflictError<{ funder: string }>).current.funder).toBe("European Commission");
    const c = await updateCall(ctx, callId, { descriptions: { en: "Open to cities of the EU and China" }, version: 1 }, NOW);
    expect(c).toMatchObject({ version: 2, descriptions: { en: "Open to cities of the EU and China", zh: null }, deadline: "2026-03-31" });
    await expect(updateCall(ctx, callId, { deadline: "2026-05-01", version: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(getProgramme(ctx, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("says whether a call is open from today's date", async () => {
    expect((await getCall(ctx, callId, NOW)).open).toBe(true);
    expect((await getCall(ctx, callId, new Date("2026-04-01T00:00:00Z"))).open).toBe(false);
    expect((await listCalls(ctx, programmeId, NOW)).find((c) => c.id === callId)?.open).toBe(true);
  });
});
