import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";
import { prop99Panel } from "./support/impact.js";

const run = cliRunner(120_000);
const KEYS = ["treated", "start", "weights", "series", "preRmspe", "postRmspe", "ratio", "placebo", "leaveOneOut", "did", "warnings"];

describe("citybridge impact evaluate --panel", () => {
  let dir: string;
  let panel: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-impact-"));
    panel = file("prop99.csv", `unit,year,value\n${prop99Panel().map((p) => `"${p.unit}",${p.year},${p.value}`).join("\n")}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the issue's JSON shape for California 1989 (Proposition 99)", () => {
    const r = run("impact", "evaluate", "--panel", panel, "--treated", "California", "--start", "1989", "--json");
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(KEYS);
    expect(body.treated).toBe("California");
    expect(body.start).toBe(1989);
    expect(body.weights[0]).toEqual({ unit: "Utah", weight: expect.closeTo(0.3939, 4) });
    expect(body.series).toHaveLength(31);
    expect(Object.keys(body.series[0])).toEqual(["year", "actual", "synthetic", "gap"]);
    expect(body.series[30].gap).toBeCloseTo(-26.6, 1);
    expect(body.preRmspe).toBeCloseTo(1.6564, 4);
    expect(body.placebo).toEqual({ rank: 3, of: 39, pValue: 3 / 39 });
    expect(body.leaveOneOut).toHaveLength(6);
    expect(Object.keys(body.did)).toEqual(["estimate"]);
    expect(body.warnings).toEqual([]);
  });

  it("honours --pre-from, and prints a readable table without --json", () => {
    const r = run("impact", "evaluate", "--panel", panel, "--treated", "California", "--start", "1989", "--pre-from", "1980");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("pre-period 1980–1988, 38 donor(s)");
    expect(r.stdout).toContain("1989");
    expect(r.stdout).toContain("← start");
    expect(r.stdout).toMatch(/placebo: rank \d+ of 39/);
    expect(r.stdout.split("\n").filter((l) => /^19[67]\d /.test(l))).toEqual([]); // 1970s left out of the window
  });

  it("exits 2 naming the problem: a unit not in the panel, a start with no pre-period, a non-numeric value, a missing file", () => {
    const unknown = run("impact", "evaluate", "--panel", panel, "--treated", "Atlantis", "--start", "1989");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('column "unit": value "Atlantis" — is not a unit of the panel');
    const early = run("impact", "evaluate", "--panel", panel, "--treated", "California", "--start", "1970");
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("no pre-period");
    const nan = run("impact", "evaluate", "--panel", file("nan.csv", "unit,year,value\na,2000,1\na,2001,x\nb,2000,2\nb,2001,3\n"), "--treated", "a", "--start", "2001", "--json");
    expect(nan.code).toBe(2);
    expect(JSON.parse(nan.stdout)).toEqual([{ row: 3, column: "value", value: "x", message: "is not a number" }]);
    const year = run("impact", "evaluate", "--panel", file("year.csv", "unit,year,value\na,20x0,1\n"), "--treated", "a", "--start", "2001");
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('row 2, column "year": value "20x0"');
    expect(run("impact", "evaluate", "--panel", join(dir, "missing.csv"), "--treated", "a", "--start", "2001").code).toBe(2);
    expect(run("impact", "evaluate", "--panel", panel, "--start", "1989").code).toBe(2);
    expect(run("impact", "evaluate", "--panel", panel, "--treated", "California", "--start", "89").code).toBe(2);
  });

  it("lists donors excluded for a missing year on stderr", () => {
    const p = file("gap.csv", "unit,year,value\nt,2000,1\nt,2001,2\nt,2002,3\na,2000,0\na,2001,1\na,2002,2\nb,2000,3\nb,2002,5\nc,2000,2\nc,2001,4\nc,2002,6\n");
    const r = run("impact", "evaluate", "--panel", p, "--treated", "t", "--start", "2002", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("b (2001)");
    expect(JSON.parse(r.stdout).warnings.map((w: { code: string }) => w.code)).toContain("few_donors");
  });
});

describe("citybridge impact evaluate --city (seeded CEADs data)", () => {
  let dbDir: string;
  let db: string;
  beforeAll(() => {
    dbDir = mkdtempSync(join(tmpdir(), "citybridge-impact-db-"));
    db = join(dbDir, "impact.db");
    const seeded = run("db", "seed", "--db", db);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it("evaluates Chongqing's CO2 from 2017 against Chinese cities, excluding the programme's other cities, with an explained answer", () => {
    const r = run("impact", "evaluate", "--city", "chongqing-cn", "--indicator", "ghg.co2_total", "--start", "2017", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(KEYS);
    expect(body.treated).toBe("chongqing-cn");
    expect(body.series.at(-1).year).toBe(2019);
    expect(body.series[0].year).toBe(2000);
    const total = body.weights.reduce((s: number, w: { weight: number }) => s + w.weight, 0);
    expect(total).toBeCloseTo(1, 9);
    for (const w of body.weights) expect(w.unit).toMatch(/-cn$/);
    expect(body.placebo.of).toBe(36);
    expect(body.placebo.pValue).toBeCloseTo(body.placebo.rank / 36, 12);
    // Longyan and Zhengzhou are IUC Asia cities too: never donors.
    expect(r.stderr).toMatch(/excluded \(same programme\): longyan-cn, zhengzhou-cn/);
    expect(body.weights.map((w: { unit: string }) => w.unit)).not.toContain("longyan-cn");
    for (const w of body.warnings) expect(Object.keys(w)).toEqual(["code", "en", "zh"]);
  });

  it("takes a chosen donor list, and exits 2 for an unknown city, indicator or donor", () => {
    const r = run("impact", "evaluate", "--city", "chongqing-cn", "--indicator", "ghg.co2_total", "--start", "2017", "--donors", "tianjin-cn,shanghai-cn,beijing-cn", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.placebo.of).toBe(4);
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain("few_donors");
    expect(run("impact", "evaluate", "--city", "atlantis-xx", "--indicator", "ghg.co2_total", "--start", "2017", "--db", db).code).toBe(2);
    expect(run("impact", "evaluate", "--city", "chongqing-cn", "--indicator", "ghg.nothing", "--start", "2017", "--db", db).code).toBe(2);
    const bad = run("impact", "evaluate", "--city", "chongqing-cn", "--indicator", "ghg.co2_total", "--start", "2017", "--donors", "tianjin-cn,nowhere-xx", "--db", db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('value "nowhere-xx" — is not a city slug');
  });
});
