import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";

let dir: string;

const run = cliRunner(60_000);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("citybridge match assign", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-match-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the least-total pairing by row label as JSON, and the greatest with --maximize", () => {
    const costs = file("costs.csv", ",Wuhan,Chengdu,Xiamen\nLyon,4,1,3\nMilan,2,0,5\nGdansk,3,2,2\n");
    const min = run("match", "assign", "--costs", costs, "--json");
    expect(min.code, min.stderr).toBe(0);
    expect(JSON.parse(min.stdout)).toEqual({
      total: 5,
      pairs: [{ row: "Lyon", col: "Chengdu", value: 1 }, { row: "Milan", col: "Wuhan", value: 2 }, { row: "Gdansk", col: "Xiamen", value: 2 }],
    });
    const max = run("match", "assign", "--costs", costs, "--maximize", "--json");
    expect(JSON.parse(max.stdout).total).toBe(11);
  });

  it("pairs min(rows, cols) of a wide matrix and prints a table without --json", () => {
    const r = run("match", "assign", "--costs", file("wide.csv", ",a,b,c\nx,5,1,9\n"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("x  b  1\ntotal 1\n");
  });

  it("exits 2 naming the row of a ragged row, a non-number, or an empty matrix", () => {
    const ragged = run("match", "assign", "--costs", file("ragged.csv", ",a,b\nx,1,2\ny,1\n"));
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toContain("row 3: has 1 value(s), expected 2");
    const nan = run("match", "assign", "--costs", file("nan.csv", ",a,b\nx,1,two\n"), "--json");
    expect(nan.code).toBe(2);
    expect(JSON.parse(nan.stdout)).toEqual([{ row: 2, column: "b", value: "two", message: "is not a number" }]);
    const empty = run("match", "assign", "--costs", file("empty.csv", ",a,b\n"));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("row 2");
    expect(run("match", "assign", "--costs", join(dir, "missing.csv")).code).toBe(2);
  });
});

describe("citybridge match counterparts", () => {
  let dbDir: string;
  let db: string;
  beforeAll(() => {
    dbDir = mkdtempSync(join(tmpdir(), "citybridge-match-db-"));
    db = join(dbDir, "match.db");
    const seeded = run("db", "seed", "--db", db);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it("prints the family as {city, results: [{city, score, confidence, reasons: [{factor, share, detail}]}]} sorted by score, as the API does", () => {
    const r = run("match", "counterparts", "wuhan-cn", "--top", "5", "--region", "Western Europe", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { city: string; results: { city: string; score: number; confidence: number; reasons: { factor: string; share: number; detail: string }[] }[] };
    expect(Object.keys(body)).toEqual(["city", "results"]);
    expect(body.city).toBe("wuhan-cn");
    expect(body.results).toHaveLength(5);
    for (const x of body.results) {
      expect(Object.keys(x)).toEqual(["city", "score", "confidence", "reasons"]);
      for (const reason of x.reasons) expect(Object.keys(reason)).toEqual(["factor", "share", "detail"]);
    }
    const scores = body.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("prints reasons as text, and exits 2 for an unknown city or theme", () => {
    const r = run("match", "counterparts", "wuhan-cn", "--top", "2", "--theme", "ghg", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/score 0\.\d{3}\s+confidence 0\.\d{2}/);
    expect(run("match", "counterparts", "atlantis-xx", "--db", db).code).toBe(2);
    expect(run("match", "counterparts", "wuhan-cn", "--theme", "bikes", "--db", db).code).toBe(2);
  });
});
