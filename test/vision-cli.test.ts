import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/services/context.js";
import { createDistrict } from "../src/services/vision-districts.js";
import { castVote, joinProcess, moderateStatement, submitStatement } from "../src/services/vision-participation.js";
import { createProcess } from "../src/services/vision-processes.js";
import { BIN, CLI_ENV } from "./support/cli.js";
import { createTestDatabase, type TestDatabase } from "./support/databases.js";
import { loadFixture } from "./support/fixture.js";
import { loadCooperationFixture } from "./support/vision-fixture.js";

let t: TestDatabase;
let processId: string;

/** Runs the CLI as a subprocess without blocking the test worker (several run in parallel). */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args, "--db", t.config.sqlitePath], { encoding: "utf8", env: CLI_ENV, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("citybridge vision", () => {
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const ctx = createContext(t.database);
    await loadFixture(ctx);
    await loadCooperationFixture(ctx);
    const d = await createDistrict(ctx, "mannheim-de", { names: { en: "Jungbusch" } }, "test");
    processId = (await createProcess(ctx, d.id, { question: { en: "Jungbusch in 2035?" }, startsOn: "2026-03-01" }, "test")).id;
    const tok = [];
    for (const [name, group] of [["A", "residents"], ["B", "residents"], ["C", "businesses"], ["D", "businesses"]] as const) tok.push((await joinProcess(ctx, processId, { name, group })).token);
    const ids: string[] = [];
    for (const [i, text] of ["Keep the harbour pubs", "Quiet nights", "More bars"].entries()) {
      const s = await submitStatement(ctx, processId, { token: tok[i] as string, text, language: "en", aspect: "social", kind: "wish" });
      await moderateStatement(ctx, s.id, { status: "accepted", version: 1 }, "test");
      ids.push(s.id);
    }
    const votes: [number, number, "agree" | "disagree"][] = [[1, 0, "agree"], [2, 0, "agree"], [3, 0, "agree"], [0, 1, "agree"], [2, 1, "disagree"], [3, 1, "disagree"], [0, 2, "disagree"], [1, 2, "disagree"], [3, 2, "agree"]];
    for (const [who, s, vote] of votes) await castVote(ctx, ids[s] as string, { token: tok[who] as string, vote });
  });
  afterAll(() => t.drop());

  it("lists processes, filtered by city, as text and JSON", async () => {
    const [text, json, unknown] = await Promise.all([run("vision", "list", "--city", "mannheim-de"), run("vision", "list", "--json"), run("vision", "list", "--city", "atlantis-xx")]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Jungbusch in 2035?");
    expect(JSON.parse(json.stdout).items[0].process.id).toBe(processId);
    expect(unknown.code).toBe(2);
  });

  it("prints the groups and the consensus statement; --json has the documented shape", async () => {
    const [text, r] = await Promise.all([run("vision", "results", processId), run("vision", "results", processId, "--json")]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/consensus[^\n]*\n\s+\d+%\s+Keep the harbour pubs/);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["process", "participants", "groups", "consensus", "divisive"]));
    expect(json.participants).toBe(4);
    expect(json.groups[0]).toHaveProperty("participantGroups");
    expect(json.consensus).toEqual([expect.objectContaining({ text: "Keep the harbour pubs", votes: 4 })]);
    expect(json.consensus[0].agreement).toBeGreaterThanOrEqual(0.6);
    expect(json.divisive.map((d: { text: string }) => d.text)).toContain("Quiet nights");
  });

  it("exits 2 for an unknown process or a bad option", async () => {
    const [unknown, badK, noSubject] = await Promise.all([run("vision", "results", "nope"), run("vision", "results", processId, "--k", "9"), run("vision", "readiness", "start")]);
    expect(unknown.code).toBe(2);
    expect(badK.code).toBe(2);
    expect(noSubject.code).toBe(2);
  });

  it("starts a readiness assessment for a pilot and shows it", async () => {
    const started = await run("vision", "readiness", "start", "--pilot", "pilot-solar-roofs");
    expect(started.code, started.stderr).toBe(0);
    const shown = await run("vision", "readiness", "show", started.stdout.trim());
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("not yet reported");
  });
});
