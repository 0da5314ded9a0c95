import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { ConflictError, InvalidInputError } from "../errors.js";
import type { AppContext } from "./context.js";
import { createDistrict, cityDistricts } from "./vision-districts.js";
import { createVisionDocument, updateVisionDocument } from "./vision-documents.js";
import { castVote, joinProcess, moderateStatement, submitStatement } from "./vision-participation.js";
import { createProcess, updateProcess } from "./vision-processes.js";
import { visionResults } from "./vision-results.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

describe.each(DIALECTS)("district vision process on %s", (dialect) => {
  let ctx: AppContext;
  let processId: string;
  const tokens: Record<string, string> = {};
  const statements: Record<string, string> = {};

  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    const d = await createDistrict(ctx, "prague-cz", { names: { en: "Holešovice", zh: "霍莱肖维采" }, boundary: { type: "Polygon", coordinates: [[[14.43, 50.1], [14.45, 50.1], [14.45, 50.11], [14.43, 50.1]]] } }, "test");
    processId = (await createProcess(ctx, d.id, { question: { en: "What should Holešovice be like in 2035?" }, startsOn: "2026-03-01", endsOn: "2026-06-30" }, "test")).id;
    for (const [name, group] of [["Ana", "residents"], ["Bo", "residents"], ["Cy", "housing-developers"], ["Di", "housing-developers"]] as const) {
      tokens[name] = (await joinProcess(ctx, processId, { name, group })).token;
    }
    const say = async (who: string, key: string, text: string) => {
      const s = await submitStatement(ctx, processId, { token: tokens[who] as string, text, language: "en", aspect: "physical", kind: "wish" });
      statements[key] = s.id;
    };
    await say("Ana", "trees", "More trees along the river");
    await say("Bo", "carfree", "A car-free centre");
    await say("Cy", "parking", "More parking for new homes");
    await say("Di", "towers", "Taller residential blocks");
  });

  it("refuses votes on pending statements until the moderator accepts them", async () => {
    await expect(castVote(ctx, statements.trees as string, { token: tokens.Bo as string, vote: "agree" })).rejects.toThrow(/waiting for the moderator/);
    for (const key of ["trees", "carfree", "parking", "towers"]) await moderateStatement(ctx, statements[key] as string, { status: "accepted", version: 1 }, "test");
    expect((await castVote(ctx, statements.trees as string, { token: tokens.Bo as string, vote: "agree" })).vote).toBe("agree");
  });

  it("keeps one vote per participant and statement: voting again replaces it", async () => {
    await castVote(ctx, statements.carfree as string, { token: tokens.Cy as string, vote: "agree" });
    await castVote(ctx, statements.carfree as string, { token: tokens.Cy as string, vote: "disagree" });
    const votes = (await ctx.visionParticipation.votes(processId)).filter((v) => v.statement === statements.carfree);
    expect(votes).toHaveLength(1);
    expect(votes[0]?.vote).toBe("disagree");
  });

  it("refuses a vote on one's own statement and on a hidden one, with the reason", async () => {
    await expect(castVote(ctx, statements.trees as string, { token: tokens.Ana as string, vote: "agree" })).rejects.toThrow(/own statements/);
    await expect(castVote(ctx, statements.trees as string, { token: "x".repeat(32), vote: "agree" })).rejects.toBeInstanceOf(InvalidInputError);
    const hidden = await submitStatement(ctx, processId, { token: tokens.Bo as string, text: "Developers are crooks", language: "en", aspect: "social", kind: "problem" });
    const h = await moderateStatement(ctx, hidden.id, { status: "hidden", reason: "personal attack", version: 1 }, "test");
    expect(h).toMatchObject({ status: "hidden", reason: "personal attack", moderatedBy: "test", version: 2 });
    await expect(castVote(ctx, hidden.id, { token: tokens.Ana as string, vote: "agree" })).rejects.toThrow(/hidden by the moderator: personal attack/);
    await expect(moderateStatement(ctx, hidden.id, { status: "accepted", version: 1 }, "test")).rejects.toBeInstanceOf(VersionConflictError);
  });

  it("finds the shared statement as the common vision and the opposed ones as divisive", async () => {
    const plan: Record<string, Record<string, "agree" | "disagree">> = {
      Ana: { carfree: "agree", parking: "disagree", towers: "disagree" },
      Bo: { parking: "disagree", towers: "disagree" },
      Cy: { trees: "agree", towers: "agree" },
      Di: { trees: "agree", carfree: "disagree", parking: "agree" },
    };
    for (const [who, votes] of Object.entries(plan)) for (const [key, vote] of Object.entries(votes)) await castVote(ctx, statements[key] as string, { token: tokens[who] as string, vote });
    const r = await visionResults(ctx, processId);
    expect(r).toMatchObject({ participants: 4, statements: 4, k: 2 });
    expect(r.consensus.map((c) => c.text)).toEqual(["More trees along the river"]);
    expect(r.divisive.map((d) => d.text).sort()).toEqual(["A car-free centre", "More parking for new homes", "Taller residential blocks"]);
    expect(r.groups.map((g) => g.participantGroups).sort((a, b) => Object.keys(a)[0]!.localeCompare(Object.keys(b)[0]!))).toEqual([{ "housing-developers": 2 }, { residents: 2 }]);
    expect(r.breakdown.find((b) => b.statement === statements.trees)?.participantGroups.residents).toMatchObject({ agree: 2, votes: 2 });
    expect(await visionResults(ctx, processId)).toEqual(r);
  });

  it("turns consensus statements into a versioned vision document linked to the city's targets", async () => {
    const doc = await createVisionDocument(ctx, processId, { title: { en: "Green Holešovice" }, text: { en: "A district of trees by the river." }, statements: [statements.trees as string], targets: [], actions: [] }, "test");
    expect(doc.version).toBe(1);
    await expect(createVisionDocument(ctx, processId, { title: { en: "x" }, text: { en: "y" }, statements: ["nope"], targets: ["no-target"], actions: [] }, "test")).rejects.toBeInstanceOf(InvalidInputError);
    const v2 = await updateVisionDocument(ctx, doc.id, { title: { en: "Green Holešovice", zh: "绿色霍莱肖维采" }, text: doc.text, statements: doc.statements, targets: [], actions: [], version: 1 });
    expect(v2).toMatchObject({ version: 2, title: { zh: "绿色霍莱肖维采" } });
    await expect(updateVisionDocument(ctx, doc.id, { title: doc.title, text: doc.text, statements: doc.statements, targets: [], actions: [], version: 1 })).rejects.toBeInstanceOf(VersionConflictError);
  });

  it("lists the city's districts with their processes and counts; a closed process takes no more votes", async () => {
    const [d] = await cityDistricts(ctx, "prague-cz");
    expect(d?.processes[0]).toMatchObject({ id: processId, participants: 4, statements: 5 });
    const p = d?.processes[0];
    await updateProcess(ctx, processId, { question: { en: p!.question.en }, startsOn: p!.startsOn, endsOn: p!.endsOn, status: "closed", version: p!.version });
    await expect(castVote(ctx, statements.trees as string, { token: tokens.Bo as string, vote: "pass" })).rejects.toBeInstanceOf(ConflictError);
  });
});
