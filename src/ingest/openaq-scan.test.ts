import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aggregateAirFile } from "./air-duckdb.js";
import { readCsvHeader } from "./air-header.js";
import { scanOpenAq } from "./openaq-scan.js";

const dir = mkdtempSync(join(tmpdir(), "citybridge-openaq-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value";
let files = 0;
const write = (lines: string[], eol = "\n"): string => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, [HEADER, ...lines].join(eol) + eol);
  return path;
};

/**
 * A file of the fast path's form with what a real archive file has: two stations (listed out of id
 * order), every pollutant, gases in ppm on one station and µg/m³ on the other, a second unit for
 * the same pollutant on the same day, the pm2.5 spelling, gaps (empty, NA), negative values,
 * midnight stamps (the previous day's last hour), stamps within the hour (05:30), offsets +08:00,
 * -03:00, Z and none, a space instead of T, an ignored parameter, a first row without a name.
 */
function richLines(days = 4): string[] {
  const lines: string[] = [];
  const params = [["pm25", "µg/m³"], ["pm10", "µg/m³"], ["so2", "ppm"], ["no2", "ppb"], ["co", "ppm"], ["o3", "ppm"]] as const;
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let h = 1; h <= days * 24; h++) {
    const t = new Date(Date.UTC(2021, 0, 1, h % 7 === 0 ? h - 1 : h, h % 7 === 0 ? 30 : 0));
    const iso = t.toISOString().slice(0, 19);
    const stamp = h % 11 === 0 ? `${iso.replace("T", " ")}` : h % 13 === 0 ? `${iso}Z` : h % 17 === 0 ? `${iso}-03:00` : `${iso}+08:00`;
    for (const [st, name] of [[9001, h === 1 ? "" : "Zhongshan"], [801, "Dongsi"]] as const) {
      params.forEach(([p, unit], k) => {
        const u = st === 801 ? "µg/m³" : unit;
        const r = rand();
        const value = r < 0.03 ? "" : r < 0.05 ? "NA" : r < 0.07 ? `-${(r * 10).toFixed(1)}` : ((r * 150) / (u === "ppm" ? 1000 : 1)).toFixed(u === "ppm" ? 5 : 1);
        lines.push(`${st},${st * 10 + k},${name},${stamp},39.9${k},116.4,${p === "pm25" && h % 5 === 0 ? "pm2.5" : p},${u},${value}`);
      });
      if (st === 9001 && h % 6 === 0) lines.push(`${st},0,${name},${stamp},39.9,116.4,o3,µg/m³,${(h % 50) + 0.25}`);
      if (h % 9 === 0) lines.push(`${st},,${name},${stamp},NA,NA,temperature,c,${h % 30}`);
    }
  }
  return lines;
}

const both = async (path: string, threads = 1) => {
  const header = readCsvHeader(path);
  const fast = await aggregateAirFile(path, "openaq", header, { threads });
  const duck = await aggregateAirFile(path, "openaq", header, { threads: 1, engine: "duckdb" });
  return { fast, duck };
};

describe("the OpenAQ fast path (openaq-scan.ts)", () => {
  it("gives exactly DuckDB's stations, counts and station-days on a file with every case of the form", async () => {
    const path = write(richLines());
    expect((await scanOpenAq(path, 1)).bail).toBe("");
    const { fast, duck } = await both(path);
    expect(duck.problems).toEqual({ rejected: 0, badDatetime: 0, badUnit: 0, badStation: 0, notFinite: 0 });
    expect(fast.stations).toEqual(duck.stations);
    expect(fast.stats).toEqual(duck.stats);
    expect(fast.stats.negative).toBeGreaterThan(0);
    expect(fast.stats.ignoredParameters).toEqual(["temperature"]);
    expect(fast.problems).toEqual(duck.problems);
    expect(fast.days).toHaveLength(8);
    // Sums in the same order: equal to the last bit, hourly O3 and CO included.
    expect(fast.days).toEqual(duck.days);
  });

  it("reads Windows line ends and a last line without one the same way", async () => {
    const lines = richLines(2);
    const crlf = join(dir, "crlf.csv");
    writeFileSync(crlf, [HEADER, ...lines].join("\r\n"));
    expect((await scanOpenAq(crlf, 1)).bail).toBe("");
    const { fast, duck } = await both(crlf);
    expect(fast.stats).toEqual(duck.stats);
    expect(fast.days).toEqual(duck.days);
  });

  it("splits a file into parts for its threads and adds a station-day's parts up: the same stations, counts and days", async () => {
    const path = write(richLines(30));
    const one = await scanOpenAq(path, 1);
    const three = await scanOpenAq(path, 3, { minPartBytes: 4096 });
    expect(three.bail).toBe("");
    expect(three.stats).toEqual(one.stats);
    expect(three.stations).toEqual(one.stations);
    expect(Array.from(three.groups.n)).toEqual(Array.from(one.groups.n));
    expect(Array.from(three.groups.mask)).toEqual(Array.from(one.groups.mask));
    expect(Array.from(three.groups.mx)).toEqual(Array.from(one.groups.mx));
    // A sum of parts may differ from one sum in its last bit, as DuckDB's threads' sums do.
    Array.from(three.groups.s).forEach((s, i) => expect(s).toBeCloseTo(one.groups.s[i]!, 9));
    const hourly = (scan: typeof one) => Array.from(scan.groups.gid, (g) => {
      const slot = scan.hourly.slot[g]!;
      const [part, at] = [slot >>> 24, ((slot & 0xffffff) - 1) * 24];
      return slot === 0 ? null : [Array.from(scan.hourly.sum[part]!.subarray(at, at + 24)), Array.from(scan.hourly.count[part]!.subarray(at, at + 24))];
    });
    expect(hourly(three).filter(Boolean).length).toBeGreaterThan(100);
    expect(hourly(three)).toEqual(hourly(one));
  });

  it("names and places stations as DuckDB does: from the first rows when every station is there, else from all rows", async () => {
    const row = (id: number, name: string, lat: string, hour: number) => `${id},1,${name},2017-01-01T${String(hour).padStart(2, "0")}:00:00+08:00,${lat},116.4,pm25,µg/m³,10`;
    // Station 1's first rows have no name and no latitude; they come in its third row.
    const path = write([row(1, "", "NA", 1), row(2, "Two", "40.1", 1), row(1, "NA", "", 2), row(1, "Later", "39.9", 3)]);
    const header = readCsvHeader(path);
    const stations = async (nameRows: number, engine?: "duckdb") => (await aggregateAirFile(path, "openaq", header, { nameRows, threads: 1, engine })).stations;
    for (const nameRows of [1, 2, 3, 10_000]) expect(await stations(nameRows), `names from ${nameRows} rows`).toEqual(await stations(nameRows, "duckdb"));
    // Both stations are in the first 2 rows: names and places come from those rows only.
    expect((await stations(2))[0]).toMatchObject({ externalId: "1", name: "1", lat: null });
    // From the first row only station 2 is missing: all rows are read.
    expect((await stations(1))[0]).toMatchObject({ externalId: "1", name: "Later", lat: 39.9 });
    expect((await stations(10_000))[0]).toMatchObject({ externalId: "1", name: "Later", lat: 39.9 });
  });

  it.each([
    ["a quoted field", '801,8010,"Dongsi, east",2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12'],
    ["a datetime in another form", "801,8010,Dongsi,2021-01-01T01:00+08:00,39.9,116.4,pm25,µg/m³,12"],
    ["a date that does not exist", "801,8010,Dongsi,2021-02-30T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12"],
    ["a value that is not a plain decimal", "801,8010,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,1e3"],
    ["a value that is not a number", "801,8010,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,twelve"],
    ["a unit that cannot apply", "801,8010,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,ppm,12"],
    ["a row without a station", ",8010,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12"],
    ["two O3 readings of one hour", "801,8015,Dongsi,2021-01-01T01:30:00+08:00,39.9,116.4,o3,µg/m³,12"],
    ["a row with a field too many", "801,8010,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12,x"],
  ])("leaves a file with %s to DuckDB, which gives its own figures and problems", async (_case, line) => {
    const path = write([...richLines(1), line]);
    expect((await scanOpenAq(path, 1)).bail).not.toBe("");
    const { fast, duck } = await both(path);
    expect(fast).toEqual(duck);
  });

  it("leaves a file with a lone CR inside a name to DuckDB, and fails as DuckDB does", async () => {
    const path = write([...richLines(1), "801,8010,Don\rgsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12"]);
    expect((await scanOpenAq(path, 1)).bail).toBe("a control character in a text");
    const header = readCsvHeader(path);
    const duck = await aggregateAirFile(path, "openaq", header, { threads: 1, engine: "duckdb" }).then(() => "read", (e: Error) => e.message);
    await expect(aggregateAirFile(path, "openaq", header, { threads: 1 })).rejects.toThrow(duck);
  });

  it("leaves a file with its columns in another order to DuckDB", async () => {
    const path = join(dir, "reordered.csv");
    writeFileSync(path, "sensors_id,location_id,location,datetime,lat,lon,parameter,units,value\n8010,801,Dongsi,2021-01-01T01:00:00+08:00,39.9,116.4,pm25,µg/m³,12\n");
    const { fast, duck } = await both(path);
    expect(fast).toEqual(duck);
    expect(fast.days).toHaveLength(1);
  });
});
