import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

describe("citybridge cooperations", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-cooperations-cli-"));
    db = join(dir, "cli.db");
    const seeded = run("db", "seed", "--db", db);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the seeded IUC Asia cooperations with member city slugs and status as JSON", () => {
    const r = run("cooperations", "list", "--programme", "iuc-asia", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { cooperations: { id: string; programme: string; status: string; endDate: string | null; members: { city: string; role: string }[] }[] };
    expect(out.cooperations.map((c) => c.id)).toEqual(["iuc-asia-chongqing-mannheim", "iuc-asia-longyan-mannheim-prague", "iuc-asia-zhengzhou-cluster"]);
    for (const c of out.cooperations) {
      expect(Object.keys(c)).toEqual(["id", "programme", "names", "status", "members", "themes", "startDate", "endDate"]);
      expect(c).toMatchObject({ programme: "iuc-asia", startDate: "2017-03-15" });
    }
    // Zhengzhou's and Longyan's U-CAP summaries end their periods of cooperation in November and April 2018.
    expect(out.cooperations.map((c) => [c.status, c.endDate])).toEqual([["active", null], ["completed", "2018-04-30"], ["completed", "2018-11-30"]]);
    expect(out.cooperations[0]!.members).toEqual([{ city: "chongqing-cn", role: "lead" }, { city: "mannheim-de", role: "partner" }]);
    expect(out.cooperations[2]!.members.map((m) => m.city)).toEqual(["zhengzhou-cn", "agioi-anargyroi-gr", "malaga-es", "nice-fr", "rome-it"]);
  });

  it("prints a table without --json and filters by city", () => {
    const r = run("cooperations", "list", "--city", "prague-cz", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("iuc-asia-longyan-mannheim-prague  [completed]");
    expect(r.stdout).not.toContain("chongqing");
    expect(r.stderr).toContain("1 cooperation(s)");
  });

  it("shows members, status history, the action plan and sources; unknown ids and bad options exit 2", () => {
    const r = run("cooperations", "show", "iuc-asia-longyan-mannheim-prague", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("longyan-cn (lead, side a)");
    expect(r.stdout).toContain("2017-03-15  — → active");
    expect(r.stdout).toContain("2018-04-30  active → completed");
    expect(r.stdout).toContain("SDGs: 3, 4, 9");
    expect(r.stdout).toContain("expected results: not yet reported");
    expect(r.stdout).toContain("https://docslib.org/doc/2370389/ucap-longyan-and-prague");
    const json = JSON.parse(run("cooperations", "show", "iuc-asia-chongqing-mannheim", "--json", "--db", db).stdout);
    expect(Object.keys(json)).toEqual(["cooperation", "plan", "actions", "pilotKpis"]);
    expect(json.cooperation.allowedTransitions).toEqual(["completed", "discontinued"]);
    expect(json.plan.version).toBe(0);
    const missing = run("cooperations", "show", "nope", "--db", db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no cooperation with id "nope"');
    expect(run("cooperations", "list", "--status", "sleeping", "--db", db).code).toBe(2);
  });
});
