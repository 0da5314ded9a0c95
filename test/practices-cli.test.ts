import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

const practice = {
  id: "cli-test-practice",
  title_en: "Night bus network",
  title_zh: "夜间公交网络",
  city: "Zhengzhou",
  country: "CN",
  themes: ["transport"],
  sources: [{ title: "Night buses", url: "https://example.org/night", publisher: "Example", year: 2022 }],
};

describe("citybridge practices", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-practices-cli-"));
    db = join(dir, "cli.db");
    const seeded = run("db", "seed", "--db", db);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints exactly {results: [{id, title {en, zh}, city, themes, score}]} with --json", () => {
    const r = run("practices", "search", "拥堵", "--theme", "congestion", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
    expect(out.results.map((h) => h.id)).toContain("stockholm-congestion-tax");
    for (const h of out.results) {
      expect(Object.keys(h)).toEqual(["id", "title", "city", "themes", "score"]);
      expect(Object.keys(h.title as object)).toEqual(["en", "zh"]);
      expect(h.themes).toContain("congestion");
    }
  });

  it("finds London's charge by congestion charge and suggests a spelling for a typo", () => {
    expect(run("practices", "search", "congestion charge", "--db", db).stdout).toContain("london-congestion-charge");
    const typo = run("practices", "search", "congestoin", "--db", db);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain("did you mean: congestion");
  });

  it("exits 2 for an unknown theme", () => {
    expect(run("practices", "search", "x", "--theme", "bikes", "--db", db).code).toBe(2);
  });

  it("imports a JSON file, and refuses a bad one with every problem and exit 2", () => {
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify([practice]));
    const r = run("practices", "import", good, "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ practices: 1, created: 1, updated: 0 });
    expect(run("practices", "search", "夜间公交", "--json", "--db", db).stdout).toContain("cli-test-practice");

    const bad = join(dir, "bad.csv");
    writeFileSync(bad, 'id,city,country,themes,sources\nBad Id,X,China,bikes,"[]"\n');
    const b = run("practices", "import", bad, "--db", db);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('row 2, column "id"');
    expect(b.stderr).toContain('column "country"');
    expect(b.stderr).toContain('column "themes.0"');
  });
});
