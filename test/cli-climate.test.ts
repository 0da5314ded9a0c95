import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRunner } from "./support/cli.js";

const EXAMPLE = new URL("../src/engines/gpc/fixtures/in/issue-example.json", import.meta.url).pathname;
const GOLDEN = new URL("../src/engines/pathway/fixtures/reduction-43-2019-2030.json", import.meta.url).pathname;
let dir: string;

const run = cliRunner();

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("citybridge inventory, pathway and factors", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-climate-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes the issue's example file: totals in tCO2e, by gas in tonnes, with the GWP set", () => {
    const r = run("inventory", "compute", EXAMPLE, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      gwp: "ar5",
      total: { basic: 232300, basicPlus: 232300 },
      bySector: { I: 56100, II: 148200, III: 28000, IV: 0, V: 0, VI: 0 },
      byScope: { "1": 232300, "2": 0, "3": 0 },
      byGas: { CO2: 204300, CH4: 1000, N2O: 0 },
      perCapita: { basic: 0.2323, basicPlus: 0.2323 },
    });
  });

  it("lets --gwp override the file's set: AR6 counts landfill methane at 27.0", () => {
    const r = run("inventory", "compute", EXAMPLE, "--gwp", "ar6", "--json");
    expect(JSON.parse(r.stdout)).toMatchObject({ gwp: "ar6", total: { basic: 231300 } });
    expect(run("inventory", "compute", EXAMPLE, "--gwp", "ar4").code).toBe(2);
  });

  it("prints a readable summary and computes the fictional tutorial file", () => {
    const r = run("inventory", "compute", new URL("../data/gpc/example-inventory.json", import.meta.url).pathname);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Exampleton (fictional)");
    expect(r.stdout).toContain("BASIC: every source has data or a notation key");
  });

  it("exits 2 naming each invalid activity's index and the reason", () => {
    const bad = file(
      "bad.json",
      JSON.stringify({
        activities: [
          { gpc: "I.1.1", amount: 1, unit: "TJ", factor: "ipcc2006:natural-gas" },
          { gpc: "VII.1.1", amount: 1, unit: "TJ", factor: "ipcc2006:natural-gas" },
          { gpc: "I.1.1", amount: 1, unit: "furlong", factor: "ipcc2006:natural-gas" },
          { gpc: "I.1.2", amount: 1, unit: "MWh", factor: "cn-mee:grid:atlantis:2022" },
          { gpc: "IV.1.1" },
        ],
      }),
    );
    const r = run("inventory", "compute", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "activities[1].gpc": value "VII.1.1" — is not a GPC reference number');
    expect(r.stderr).toContain('column "activities[2].unit": value "furlong" — is not a known unit');
    expect(r.stderr).toContain('column "activities[3].factor": value "cn-mee:grid:atlantis:2022" — is not an emission factor id');
    expect(r.stderr).toContain('column "activities[4].notationKey": is missing');
    const j = run("inventory", "compute", bad, "--json");
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).map((p: { column: string }) => p.column)).toEqual(["activities[1].gpc", "activities[2].unit", "activities[3].factor", "activities[4].notationKey"]);
    expect(run("inventory", "compute", join(dir, "missing.json")).code).toBe(2);
    expect(run("inventory", "compute", file("notjson.json", "{oops")).code).toBe(2);
  });

  it("prints the golden pathway series, one point per year, both methods", () => {
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, unknown>;
    for (const method of ["linear", "constant-rate"]) {
      const r = run("pathway", "--base-year", "2019", "--base-emissions", "1.2e7", "--target-year", "2030", "--reduction", "43", "--method", method, "--json");
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ series: golden[method === "linear" ? "linear" : "constant"] });
    }
  });

  it("exits 2 on pathway input it cannot honour", () => {
    expect(run("pathway", "--base-year", "2019", "--base-emissions", "1e6", "--target-year", "2050", "--reduction", "100", "--method", "constant-rate").code).toBe(2);
    expect(run("pathway", "--base-year", "2030", "--base-emissions", "1e6", "--target-year", "2020", "--reduction", "10").code).toBe(2);
    expect(run("pathway", "--base-year", "2019", "--base-emissions", "-5", "--target-year", "2030", "--reduction", "10").code).toBe(2);
    expect(run("pathway", "--base-year", "2019", "--target-year", "2030", "--reduction", "10").code).toBe(2);
  });

  it("lists the factor library and adds a user's factor that inventory compute --db then uses", () => {
    const db = join(dir, "factors.db");
    const list = run("factors", "list", "cn-mee:grid:province:chongqing", "--json", "--db", db);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((f: { id: string }) => f.id)).toEqual(["cn-mee:grid:province:chongqing:2021", "cn-mee:grid:province:chongqing:2022"]);
    const add = run("factors", "add", "--id", "exampleton:heat", "--name", "District heat", "--gas", "CO2=0.3", "--unit", "kg/kWh", "--source", "Exampleton heat utility (fictional)", "--db", db);
    expect(add.code, add.stderr).toBe(0);
    // Filters: the user's own, by year and gas; a bad year is a usage error.
    const own = run("factors", "list", "--own", "--gas", "CO2", "--unit", "KG/KWH", "--json", "--db", db);
    expect(JSON.parse(own.stdout).map((f: { id: string }) => f.id)).toEqual(["exampleton:heat"]);
    const y2022 = JSON.parse(run("factors", "list", "--year", "2022", "--region", "CN", "--kind", "grid", "--json", "--db", db).stdout) as { year: number; region: string }[];
    expect(y2022.length).toBeGreaterThan(0);
    expect(y2022.every((f) => f.year === 2022 && f.region === "CN")).toBe(true);
    expect(run("factors", "list", "--year", "soon", "--db", db).code).toBe(2);
    expect(run("factors", "add", "--id", "ember:XXX", "--name", "n", "--gas", "CO2=1", "--unit", "kg/kWh", "--source", "s", "--db", db).code).toBe(2);
    const inv = file("heat.json", JSON.stringify({ activities: [{ gpc: "I.1.2", amount: 1000, unit: "MWh", factor: "exampleton:heat" }] }));
    expect(JSON.parse(run("inventory", "compute", inv, "--json", "--db", db).stdout).total.basic).toBe(300);
    expect(run("inventory", "compute", inv).code).toBe(2); // the shipped library alone does not know it
  });
});
