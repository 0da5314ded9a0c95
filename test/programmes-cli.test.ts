import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

const AT = "2026-01-01T00:00:00.000Z";

describe("citybridge programmes", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-programmes-cli-"));
    db = join(dir, "cli.db");
    const migrated = run("db", "migrate", "--db", db);
    expect(migrated.code, migrated.stderr).toBe(0);
    const d = new Database(db);
    try {
      d.prepare(
        `insert into programmes (id, name_en, name_zh, start_date, end_date, themes_json, sides_json, funder, eligibility_json, version, created_by, created_at, updated_at)
         values ('cli-prog', 'CLI programme', 'CLI合作项目', '2026-01-01', null, '["transport","air"]', '[{"key":"a","name_en":"EU","name_zh":"欧盟","countries":["DE"]}]', 'EC', '{"minPopulation":50000}', 1, 'test', ?, ?)`,
      ).run(AT, AT);
      d.prepare(`insert into calls (id, programme_id, title_en, deadline, version, created_by, created_at, updated_at) values ('cli-call', 'cli-prog', 'Call one', '2020-01-31', 1, 'test', ?, ?)`).run(AT, AT);
    } finally {
      d.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists programmes as {programmes: [{id, names, period, themes, funder, counts}]} with --json", () => {
    const r = run("programmes", "list", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { programmes: Record<string, unknown>[] };
    const p = out.programmes.find((x) => x.id === "cli-prog");
    expect(p).toEqual({
      id: "cli-prog",
      names: { en: "CLI programme", zh: "CLI合作项目" },
      period: { start: "2026-01-01", end: null },
      themes: ["transport", "air"],
      funder: "EC",
      counts: { calls: 1, applications: 0, cooperations: 0 },
    });
  });

  it("prints a readable list, with not yet reported for a missing end date", () => {
    const r = run("programmes", "list", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("cli-prog  CLI programme · CLI合作项目");
    expect(r.stdout).toContain("2026-01-01 – not yet reported");
  });

  it("shows one programme with its sides, rules and calls", () => {
    const r = run("programmes", "show", "cli-prog", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("side a:      EU · 欧盟 (DE)");
    expect(r.stdout).toContain("population ≥ 50,000");
    expect(r.stdout).toContain("call cli-call: Call one — deadline 2020-01-31 (closed)");
    const j = JSON.parse(run("programmes", "show", "cli-prog", "--json", "--db", db).stdout) as { programme: { id: string; counts: unknown }; calls: { id: string; open: boolean }[] };
    expect(j.programme).toMatchObject({ id: "cli-prog", counts: { calls: 1, applications: 0, cooperations: 0 } });
    expect(j.calls).toMatchObject([{ id: "cli-call", open: false }]);
  });

  it("exits 2 for an unknown programme", () => {
    const r = run("programmes", "show", "nope", "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no programme with id "nope"');
  });
});
