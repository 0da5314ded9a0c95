import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, CLI_ENV, cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function observationCount(): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("select count(*) as n from observations").get() as { n: number }).n;
  } finally {
    d.close();
  }
}

describe("citybridge CLI", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-cli-"));
    db = join(dir, "cli.db");
    const seeded = run("db", "seed", "--db", db);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints help for the program and for each command, exit 0", () => {
    const top = run("--help");
    expect(top.code).toBe(0);
    for (const c of ["serve", "db", "cities", "import", "export"]) expect(top.stdout).toContain(c);
    const imp = run("import", "observations", "--help");
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain("city,indicator,period,value,source");
  });

  it("exits 2 on an unknown command or option", () => {
    expect(run("frobnicate").code).toBe(2);
    expect(run("cities", "search", "x", "--bogus").code).toBe(2);
    expect(run("serve", "--port", "70000").code).toBe(2);
  });

  it("migrates a new database", () => {
    const fresh = join(dir, "fresh.db");
    const r = run("db", "migrate", "--db", fresh);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("0001-foundation");
    expect(run("db", "migrate", "--db", fresh).stderr).toContain("up to date");
  });

  it("finds cities in both languages", () => {
    const zh = run("cities", "search", "重庆", "--json", "--db", db);
    expect(zh.code).toBe(0);
    expect(JSON.parse(zh.stdout)[0]).toMatchObject({ slug: "chongqing-cn", names: { zh: "重庆市" } });
    const en = run("cities", "search", "mannheim", "--db", db);
    expect(en.stdout).toMatch(/^mannheim-de\s+Mannheim/m);
  });

  it("rejects a malformed import with every problem named, exit 2, and leaves the database unchanged", () => {
    const before = observationCount();
    const path = file(
      "bad.csv",
      'city,indicator,period,value,source\nchongqing-cn,air.pm25_annual,2021,35,test\nchongqing-cn,air.pm25_annual,2022,"12,5",test\natlantis-xx,air.pm25_annual,2022,1,test\n',
    );
    const r = run("import", "observations", path, "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 3, column "value": value "12,5" — is not a number (use "." as decimal separator');
    expect(r.stderr).toContain('row 4, column "city": value "atlantis-xx" — is not a known city slug');
    expect(r.stderr).toContain("2 problems in the file; nothing was imported");
    expect(observationCount()).toBe(before);

    const j = run("import", "observations", path, "--json", "--db", db);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual([
      expect.objectContaining({ row: 3, column: "value", value: "12,5" }),
      expect.objectContaining({ row: 4, column: "city", value: "atlantis-xx" }),
    ]);
    expect(observationCount()).toBe(before);
  });

  it("exits 2 for a file that does not exist", () => {
    const r = run("import", "observations", join(dir, "nope.csv"), "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file");
  });

  it("imports a valid file once, changes nothing the second time, and exports it again", () => {
    const path = file("good.csv", "city,indicator,period,value,source,note\nlongyan-cn,air.pm25_annual,2021,24,Longyan environment bulletin 2021,annual mean\n");
    const first = run("import", "observations", path, "--json", "--db", db);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });
    const again = run("import", "observations", path, "--json", "--db", db);
    expect(JSON.parse(again.stdout)).toEqual({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });

    const out = run("export", "observations", "--city", "longyan-cn", "--indicator", "air.pm25_annual", "--db", db);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split("\n");
    expect(lines[0]).toBe("city,indicator,period,value,source,note,place,match,basis,quality,imported_by,imported_at");
    expect(lines.find((l) => l.includes(",2021,"))).toMatch(/^longyan-cn,air\.pm25_annual,2021,24,longyan-environment-bulletin-2021,annual mean,,,,,cli:/);

    const json = run("export", "observations", "--city", "chongqing-cn", "--indicator", "ghg.co2_total", "--format", "json", "--db", db);
    const series = JSON.parse(json.stdout) as { period: string; source: string }[];
    expect(series.length).toBeGreaterThanOrEqual(20);
    expect(series[0]).toMatchObject({ period: "1997", source: "ceads-2022" });
  });

  it("exports Chongqing's measured PM2.5 from WHO for each year, with WHO's own name for the place", () => {
    const out = run("export", "observations", "--city", "chongqing-cn", "--format", "csv", "--db", db);
    expect(out.code, out.stderr).toBe(0);
    const who = out.stdout.split("\n").filter((l) => l.startsWith("chongqing-cn,air.pm25_annual,") && l.includes(",who-aaq-2022,"));
    expect(who.map((l) => l.split(",")[2])).toEqual(["2014", "2015", "2016", "2017", "2018", "2019"]);
    expect(who.at(-1)).toContain(",Chongqing Shi,");
    expect(who.at(-1)).toContain(",measured,");
  });

  it("counts the cities with data per indicator and theme", () => {
    const r = run("indicators", "list", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as { items: { code: string; coverage: { cities: number } }[]; themes: { theme: string; cities: number }[] };
    const theme = (t: string) => c.themes.find((x) => x.theme === t)!.cities;
    expect(theme("air")).toBeGreaterThanOrEqual(1500);
    expect(Math.max(theme("transport"), theme("green"))).toBeGreaterThanOrEqual(2000);
    expect(c.items.find((i) => i.code === "air.pm25_annual")!.coverage.cities).toBeGreaterThan(900);
    expect(run("indicators", "list", "--db", db).stdout).toMatch(/green\.ndvi_popweighted\s+NDVI\s+\d+/);
  });

  it("exits 2 when exporting an unknown city", () => {
    const r = run("export", "observations", "--city", "atlantis-xx", "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no city with slug "atlantis-xx"');
  });

  it("stops quietly when the reader of its output goes away (`| head`)", async () => {
    // Our end of its stdout is closed before it writes: every write meets a closed pipe (EPIPE).
    const child = spawn(process.execPath, [BIN, "cities", "search", "a", "--limit", "500", "--db", db], { stdio: ["ignore", "pipe", "pipe"], env: CLI_ENV });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const [code] = (await once(child, "close")) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
