import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UCI_SAMPLE } from "./support/air.js";
import { cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

const json = (...args: string[]) => {
  const r = run(...args, "--json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

function count(table: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

describe("citybridge aqi index", () => {
  it("prints the issue's JSON shape, choosing the HJ 633 edition by date", () => {
    expect(json("aqi", "index", "--standard", "cn", "--date", "2026-02-28", "--pm25", "70", "--pm10", "40")).toEqual({
      standard: "cn-2012",
      aqi: 94,
      category: { en: "Good", zh: "良" },
      primary: ["pm25"],
      subIndices: { pm25: 94, pm10: 40 },
    });
    expect(json("aqi", "index", "--standard", "cn", "--date", "2026-03-01", "--pm25", "70")).toMatchObject({ standard: "cn-2026", aqi: 110, category: { zh: "轻度污染" } });
  });

  it("computes the hourly index with 1-hour limits", () => {
    expect(json("aqi", "index", "--standard", "cn-2012", "--period", "hour", "--so2", "500", "--no2", "200", "--co", "10", "--o3-1h", "200")).toMatchObject({ aqi: 100, subIndices: { so2: 100, no2: 100, co: 100, o3_1h: 100 } });
  });

  it("gives the US AQI and the European band of the same concentrations", () => {
    expect(json("aqi", "index", "--standard", "us-epa-2024", "--pm25", "35.45")).toEqual({ standard: "us-epa-2024", aqi: 100, category: { en: "Moderate", zh: "中等" }, primary: ["pm25"], subIndices: { pm25: 100 } });
    expect(json("aqi", "index", "--standard", "eu-eaqi-2024", "--pm25", "20", "--o3", "50")).toEqual({ standard: "eu-eaqi-2024", band: 3, category: { en: "Moderate", zh: "中等" }, primary: ["pm25"], subIndices: { pm25: 3, o3: 1 } });
  });

  it("says on stderr which pollutants a standard ignores, and prints a readable summary without --json", () => {
    const r = run("aqi", "index", "--standard", "eu-eaqi-2024", "--pm25", "3", "--co", "2");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ignored: co/);
    expect(r.stdout).toMatch(/band 1 — Good · 好/);
  });

  it.each([
    [["--standard", "us-epa-2024", "--pm25", "400"], /above the top of the US EPA AQI .* table/],
    [["--standard", "cn-2012", "--pm25", "-1"], /negative/],
    [["--standard", "cn-2012", "--pm25", "12,5"], /not a number/],
    [["--standard", "cn-2012", "--pm2.5", "12"], /unknown option/],
    [["--standard", "cn-2012"], /at least one pollutant/],
    [["--standard", "cn", "--date", "2026-02-30", "--pm25", "1"], /not a date/],
    [["--standard", "who", "--pm25", "1"], /Allowed choices/],
    [["--standard", "cn-2012", "--o3-8h", "900"], /1-hour value is needed/],
  ])("exits 2 with a clear message for %j", (args, message) => {
    const r = run("aqi", "index", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("citybridge air import", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-air-cli-"));
    db = join(dir, "air.db");
    expect(run("db", "migrate", "--db", db).code).toBe(0);
    const d = new Database(db);
    d.prepare("insert into cities (slug, name_en, name_zh, country, lat, lon, search_key) values ('beijing-cn', 'Beijing', '北京市', 'CN', 39.9075, 116.39723, 'beijing 北京市')").run();
    d.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("imports a UCI file for a city and prints what it stored", () => {
    const r = json("air", "import", UCI_SAMPLE, "--city", "beijing-cn", "--db", db);
    expect(r).toMatchObject({ format: "uci", city: "beijing-cn", rows: 168, stationDays: 7, cityDays: 7 });
    expect(count("air_daily")).toBe(14);
    const human = run("air", "import", UCI_SAMPLE, "--city", "beijing-cn", "--format", "uci", "--db", db);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/station uci-dongsi \(Dongsi\): 7 days, 2017-01-01 to 2017-01-07/);
    expect(count("air_daily")).toBe(14);
  });

  it("rejects a malformed file with row and reason, exit 2, and writes nothing", () => {
    const before = count("air_daily");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, readFileSync(UCI_SAMPLE, "utf8").replace(/^(\d+,2017,1,1,5,)\d+/m, "$1abc"));
    const r = run("air", "import", bad, "--city", "beijing-cn", "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 7, column "PM2.5": value "abc" — is not a number');
    expect(r.stderr).toMatch(/nothing was imported/);
    expect(count("air_daily")).toBe(before);
  });

  it("imports an OpenAQ archive file with its own scanner (worker threads), finds the city by the stations' position, and reads a bad file's problems with DuckDB", () => {
    // Station 9 reports PM2.5 1…24 µg/m³ for the hours of 2021-03-01 (OpenAQ stamps the end of
    // the hour: 01:00 … 24:00, the last written as 2021-03-02T00:00) and O3 in ppm.
    const lines = ["location_id,sensors_id,location,datetime,lat,lon,parameter,units,value"];
    for (let h = 1; h <= 24; h++) {
      const stamp = new Date(Date.UTC(2021, 2, 1, h)).toISOString().slice(0, 19);
      lines.push(`9,90,Dongcheng,${stamp}+08:00,39.93,116.42,pm25,µg/m³,${h}`);
      lines.push(`9,91,Dongcheng,${stamp}+08:00,39.93,116.42,o3,ppm,${(0.01 + h / 1000).toFixed(3)}`);
    }
    const file = join(dir, "openaq.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = json("air", "import", file, "--db", db);
    expect(r).toMatchObject({ format: "openaq", city: "beijing-cn", rows: 48, stationDays: 1 });
    const d = new Database(db, { readonly: true });
    const day = d.prepare("select pm25_hours, pm25_mean, pm25_max1h, o3_hours from air_daily where scope = 'station' and subject = 'openaq-9' and date = '2021-03-01'").get();
    d.close();
    expect(day).toEqual({ pm25_hours: 24, pm25_mean: 12.5, pm25_max1h: 24, o3_hours: 24 });
    // A value that is not a number: the file is read by DuckDB and refused, row and reason named.
    writeFileSync(file, `${[...lines.slice(0, 5), "9,90,Dongcheng,2021-03-02T03:00:00+08:00,39.93,116.42,pm25,µg/m³,n/a"].join("\n")}\n`);
    const bad = run("air", "import", file, "--db", db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/row 6, column "value": value "n\/a"/);
  });

  it.each([
    [[UCI_SAMPLE], /name the city/],
    [[UCI_SAMPLE, "--city", "atlantis-xx"], /no city with slug "atlantis-xx"/],
    [[UCI_SAMPLE, "--city", "Beijing"], /not a city slug/],
    [["/no/such/file.csv", "--city", "beijing-cn"], /no such file/],
    [[UCI_SAMPLE, "--city", "beijing-cn", "--format", "xlsx"], /Allowed choices/],
  ])("exits 2 for %j", (args, message) => {
    const r = run("air", "import", ...args, "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
