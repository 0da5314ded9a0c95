import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import type { AppContext } from "../../services/context.js";
import { useTestContext } from "../../../test/support/context.js";

const AT = "2026-03-01T10:00:00.000Z";

describe.each(DIALECTS)("vision repositories on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await ctx.vision.insertDistrict({ id: "d1", city: "malaga-es", names: { en: "Soho", zh: null }, boundary: null, version: 1, createdBy: "test", createdAt: AT, updatedAt: AT });
    await ctx.vision.insertProcess({ id: "p1", district: "d1", question: { en: "Soho in 2035?", zh: null }, startsOn: "2026-03-01", endsOn: null, status: "open", version: 1, createdBy: "test", createdAt: AT, updatedAt: AT });
    for (const id of ["a", "b"]) await ctx.visionParticipation.insertParticipant({ id, process: "p1", name: id.toUpperCase(), group: "residents", joinedAt: AT }, `hash-${id}`);
    await ctx.visionParticipation.insertStatement({ id: "s1", process: "p1", author: "a", authorGroup: "residents", text: "Keep the murals", language: "en", aspect: "mental", kind: "strength", status: "accepted", reason: null, moderatedBy: null, moderatedAt: null, createdAt: AT, version: 1 });
  });

  it("stores one vote per participant and statement, the last one winning", async () => {
    await ctx.visionParticipation.upsertVote({ process: "p1", statement: "s1", participant: "b", vote: "agree", votedAt: AT });
    await ctx.visionParticipation.upsertVote({ process: "p1", statement: "s1", participant: "b", vote: "pass", votedAt: "2026-03-02T00:00:00.000Z" });
    expect(await ctx.visionParticipation.votes("p1")).toEqual([{ statement: "s1", participant: "b", vote: "pass", votedAt: "2026-03-02T00:00:00.000Z" }]);
  });

  it("finds a participant by token hash only within its process, and counts per process", async () => {
    expect((await ctx.visionParticipation.participantByToken("p1", "hash-a"))?.name).toBe("A");
    expect(await ctx.visionParticipation.participantByToken("p2", "hash-a")).toBeNull();
    expect((await ctx.visionParticipation.counts(["p1"])).get("p1")).toEqual({ participants: 2, statements: 1, votes: 1 });
  });

  it("lists processes with their district, filtered by city", async () => {
    expect((await ctx.vision.listProcesses("malaga-es")).map((r) => [r.process.id, r.district.names.en])).toEqual([["p1", "Soho"]]);
    expect(await ctx.vision.listProcesses("prague-cz")).toEqual([]);
  });

  it("replaces a district only at the expected version", async () => {
    const d = (await ctx.vision.district("d1"))!;
    expect(await ctx.vision.replaceDistrict({ ...d, names: { en: "Soho", zh: "苏荷" } }, 2)).toBe(false);
    expect(await ctx.vision.replaceDistrict({ ...d, names: { en: "Soho", zh: "苏荷" } }, 1)).toBe(true);
    expect(await ctx.vision.district("d1")).toMatchObject({ version: 2, names: { zh: "苏荷" } });
  });
});
