import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../src/db/index.js";
import { createContext } from "../src/services/context.js";
import { loadFixture } from "./support/fixture.js";
import { loadMonitoringFixture } from "./support/monitoring-fixture.js";
import { cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

describe("citybridge report", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-report-"));
    db = join(dir, "report.db");
    const database = openDatabase({ databaseUrl: null, sqlitePath: db });
    await migrateToLatest(database.db);
    const ctx = createContext(database);
    await loadFixture(ctx);
    await loadMonitoringFixture(ctx);
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the HTML report of a cooperation on stdout, escaped, in English or Chinese", () => {
    const en = run("report", "cooperation", "mon-coop", "--db", db);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^<!doctype html>/);
    expect(en.stdout).toContain("Freight railway link");
    expect(en.stdout).toContain("&lt;script&gt;");
    const zh = run("report", "cooperation", "mon-coop", "--lang", "zh", "--db", db);
    expect(zh.stdout).toContain("城市合作报告");
  });

  it("prints the CSV report with one row per KPI", () => {
    const r = run("report", "cooperation", "mon-coop", "--format", "csv", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^cooperation_id,action_id,/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("off_track");
  });

  it("exits 2 on a bad format and on an unknown cooperation", () => {
    const bad = run("report", "cooperation", "mon-coop", "--format", "pdf", "--db", db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("html or csv");
    const unknown = run("report", "cooperation", "nope", "--db", db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no cooperation nope");
    expect(unknown.stdout).toBe("");
  });
});
