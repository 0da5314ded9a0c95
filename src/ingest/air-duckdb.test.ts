import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DailyValues, dailyValues, type HourlyRecord, mixingRatio } from "../engines/aqi/index.js";
import { completeDay } from "../services/air-days.js";
import { aggregateAirFile } from "./air-duckdb.js";
import { detectAirFormat, readCsvHeader } from "./air-header.js";
import { locateAirProblems } from "./air-problems.js";

const SAMPLE = new URL("./fixtures/sample-dongsi-2017-01-week1.csv", import.meta.url).pathname;
const RECORDS = (JSON.parse(readFileSync(new URL("../engines/aqi/fixtures/in/dongsi-2017-01-week1.json", import.meta.url), "utf8")) as { records: HourlyRecord[] }).records;
const dir = mkdtempSync(join(tmpdir(), "citybridge-air-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Same dates, hours and values (to 1e-6: sums in another order differ in the last bits). */
function expectSameDays(days: DailyValues[], reference: DailyValues[]): void {
  expect(days.map((d) => d.date)).toEqual(reference.map((d) => d.date));
  days.forEach((d, i) => {
    for (const [p, v] of Object.entries(d.pollutants)) {
      const r = reference[i]!.pollutants[p as keyof typeof d.pollutants];
      expect(v.hours, `${d.date} ${p}`).toBe(r.hours);
      for (const k of ["mean", "max1h", "max8h"] as const) {
        if (r[k] === null) expect(v[k], `${d.date} ${p} ${k}`).toBeNull();
        else expect(v[k], `${d.date} ${p} ${k}`).toBeCloseTo(r[k]!, 6);
      }
    }
  });
}

const OPENAQ_HEADER = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value";

const aggregate = (path: string) => {
  const header = readCsvHeader(path);
  return aggregateAirFile(path, detectAirFormat(header)!, header);
};

/** The sample as OpenAQ rows: datetime is the end of the hour, gases in ppm at odd hours. */
function asOpenAqMixedUnits(records: HourlyRecord[], extra: string[] = []): string {
  const lines = ["location_id,sensors_id,location,datetime,lat,lon,parameter,units,value"];
  for (const r of records) {
    const end = new Date(Date.parse(`${r.date}T00:00:00Z`) + (r.hour + 1) * 3_600_000).toISOString().slice(0, 19);
    for (const [p, v] of Object.entries(r.values)) {
      const gas = p === "so2" || p === "no2" || p === "o3" || p === "co";
      const ppm = gas && r.hour % 2 === 1;
      const value = v === null || v === undefined ? "" : ppm ? String(mixingRatio(p as "so2", p === "co" ? v : v / 1000)) : String(p === "co" ? v * 1000 : v);
      lines.push(`42,${p.length},Dongsi,${end}+08:00,39.929,116.417,${p},${ppm ? "ppm" : "µg/m³"},${value}`);
    }
  }
  return [...lines, ...extra].join("\n");
}

describe("aggregateAirFile", () => {
  it("gives the same daily values as the engine's reference for the one-week Beijing sample (UCI format)", async () => {
    const a = await aggregate(SAMPLE);
    expect(a.problems).toEqual({ rejected: 0, badDatetime: 0, badUnit: 0, badStation: 0, notFinite: 0 });
    expect(a.stations).toEqual([{ externalId: "Dongsi", name: "Dongsi", lat: null, lon: null, firstDate: "2017-01-01", lastDate: "2017-01-07" }]);
    expectSameDays(a.days.map(completeDay), dailyValues(RECORDS));
    // Each day is its own: readDays refills one day object, aggregateAirFile keeps copies.
    expect(new Set(a.days.map((d) => d.pollutants.o3.hourly)).size).toBe(a.days.length);
    expect(new Set(a.days.map((d) => d.date)).size).toBe(a.days.length);
  });

  it("counts NA values as gaps, not errors", async () => {
    const a = await aggregate(SAMPLE);
    const nulls = RECORDS.reduce((n, r) => n + Object.values(r.values).filter((v) => v === null).length, 0);
    expect(nulls).toBeGreaterThan(0);
    expect(a.stats).toMatchObject({ rows: 168, gaps: nulls, values: 168 * 6 - nulls, negative: 0 });
  });

  it("reads OpenAQ's end-of-hour local times and converts ppm at 25 °C: the same days as the UCI file", async () => {
    const path = join(dir, "openaq.csv");
    writeFileSync(path, asOpenAqMixedUnits(RECORDS));
    const a = await aggregate(path);
    expect(a.stations).toEqual([{ externalId: "42", name: "Dongsi", lat: 39.929, lon: 116.417, firstDate: "2017-01-01", lastDate: "2017-01-07" }]);
    expectSameDays(a.days.map(completeDay), dailyValues(RECORDS));
  });

  it("treats negative values as gaps, ignores parameters it does not index, and counts both", async () => {
    const path = join(dir, "extra.csv");
    writeFileSync(path, asOpenAqMixedUnits(RECORDS.slice(0, 2), ["42,9,Dongsi,2017-01-01T03:00:00+08:00,39.929,116.417,temperature,c,-4", "42,1,Dongsi,2017-01-01T03:00:00+08:00,39.929,116.417,pm25,µg/m³,-3"]));
    const a = await aggregate(path);
    expect(a.stats).toMatchObject({ negative: 1, ignoredRows: 1, ignoredParameters: ["temperature"] });
    expect(a.days[0]!.pollutants.pm25.hours).toBe(2);
  });

  it("counts rows it cannot use instead of guessing: text values, impossible dates, units that cannot apply", async () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, asOpenAqMixedUnits(RECORDS.slice(0, 1), ["42,1,Dongsi,2017-01-01T03:00:00+08:00,39.929,116.417,pm25,µg/m³,abc", "42,1,Dongsi,2017-02-30T03:00:00+08:00,39.929,116.417,pm25,µg/m³,1", "42,1,Dongsi,2017-01-01T03:00:00+08:00,39.929,116.417,pm25,ppm,1"]));
    const a = await aggregate(path);
    expect(a.problems).toMatchObject({ rejected: 1, badDatetime: 1, badUnit: 1 });
    expect(a.days).toEqual([]);
  });

  it("reads date-times with T or a space, takes only hh:00:00 stamps as hour ends, and counts another separator as a bad date-time", async () => {
    const row = (datetime: string, value: number) => `42,1,Dongsi,${datetime},39.929,116.417,pm25,µg/m³,${value}`;
    const good = join(dir, "datetimes.csv");
    writeFileSync(good, [OPENAQ_HEADER, row("2017-01-01 03:00:00+08:00", 10), row("2017-01-02T00:00:00+08:00", 20), row("2017-01-01T05:30:00+08:00", 30)].join("\n"));
    const a = await aggregate(good);
    expect(a.problems.badDatetime).toBe(0);
    expect(a.days.map((d) => d.date)).toEqual(["2017-01-01"]);
    expect(a.days[0]!.pollutants.pm25).toMatchObject({ hours: 3, mean: 20, max1h: 30 });
    const bad = join(dir, "separator.csv");
    writeFileSync(bad, [OPENAQ_HEADER, row("2017-01-01X03:00:00+08:00", 10), row("2017-01-01T04:00:00+08:00", 10)].join("\n"));
    expect((await aggregate(bad)).problems.badDatetime).toBe(1);
  });

  it("agrees with the problem locator on which date-times are unreadable", async () => {
    const readable = ["2017-01-01T03:00:00+08:00", "2017-01-01 03:00:00", "2017-01-01T03:00:00Z", "2017-01-01T03:00:00.5+08:00", "2017-01-01T24:00:00+08:00", "2017-01-01T03:00:00+0800", "1901-01-01T01:00:00", "2199-12-31T23:00:00"];
    const unreadable = ["2017-01-01X03:00:00", "2017-02-30T03:00:00", "2017-01-01T13:61:00", "2017-01-01", "2017-01-01T03:00", "1850-01-01T03:00:00", "1900-06-01T03:00:00", "2017-01-01T03:00:00 junk", "2017-01-01T25:00:00", "2017-01-01T24:00:01"];
    for (const datetime of [...readable, ...unreadable]) {
      const path = join(dir, "one-datetime.csv");
      writeFileSync(path, [OPENAQ_HEADER, `42,1,Dongsi,${datetime},39.929,116.417,pm25,µg/m³,10`].join("\n"));
      const duck = (await aggregate(path)).problems.badDatetime;
      const located = (await locateAirProblems(path, "openaq")).problems.filter((p) => p.column === "datetime").length;
      expect([duck, located], datetime).toEqual(unreadable.includes(datetime) ? [1, 1] : [0, 0]);
    }
  });

  it("puts a value stamped at the end of the day (24:00 or the next 00:00) in the day's last hour", async () => {
    const row = (datetime: string, value: number) => `42,1,Dongsi,${datetime},39.929,116.417,o3,µg/m³,${value}`;
    const path = join(dir, "midnight.csv");
    writeFileSync(path, [OPENAQ_HEADER, row("2017-01-01T24:00:00+08:00", 10), row("2017-01-02T00:00:00+08:00", 30), row("2017-01-01T23:59:59+08:00", 50)].join("\n"));
    const [day] = (await aggregate(path)).days;
    expect(day!.date).toBe("2017-01-01");
    expect(day!.pollutants.o3.hourly![23]).toBe(30);
    expect(day!.pollutants.o3).toMatchObject({ hours: 1, mean: 30, max1h: 50 });
  });

  it("names every OpenAQ station, also one that appears only after the rows names are first read from", async () => {
    const row = (id: number, name: string, hour: number) => `${id},1,${name},2017-01-01T${String(hour).padStart(2, "0")}:00:00+08:00,39.929,116.417,pm25,µg/m³,10`;
    const path = join(dir, "late-station.csv");
    writeFileSync(path, [OPENAQ_HEADER, row(1, "Early", 1), row(1, "Early", 2), row(1, "Early", 3), row(2, "Late", 1)].join("\n"));
    const header = readCsvHeader(path);
    for (const nameRows of [1, 100_000]) {
      const a = await aggregateAirFile(path, "openaq", header, { nameRows });
      expect(a.stations.map((s) => [s.externalId, s.name]), `names from ${nameRows} rows`).toEqual([["1", "Early"], ["2", "Late"]]);
    }
  });

  it("reads station coordinates from the rows names are read from, and counts a coordinate there that is not a number as a problem", async () => {
    const row = (id: number, lat: string, hour: number) => `${id},1,S${id},2017-01-01T${String(hour).padStart(2, "0")}:00:00+08:00,${lat},116.417,pm25,µg/m³,10`;
    const path = join(dir, "coordinates.csv");
    writeFileSync(path, [OPENAQ_HEADER, row(1, "39.9", 1), row(1, "39.9", 2), row(2, "40.1", 1)].join("\n"));
    const header = readCsvHeader(path);
    const a = await aggregateAirFile(path, "openaq", header, { nameRows: 1 });
    expect(a.stations.map((s) => [s.externalId, s.lat, s.lon])).toEqual([["1", 39.9, 116.417], ["2", 40.1, 116.417]]);
    writeFileSync(path, [OPENAQ_HEADER, row(1, "39.9", 1), row(1, "north", 2)].join("\n"));
    expect((await aggregateAirFile(path, "openaq", header)).problems.rejected).toBe(1);
  });
  it("adds a pollutant's groups of one day (one per parameter name and unit) in (parameter, units) order, whatever order DuckDB's groups come in", async () => {
    // 1 mg/m³ (1000 µg/m³) and twice half a unit in the last place of 1000: added in the order
    // mg/m³, ug/m3, µg/m³ the halves are lost (1000), added halves first they are not (1000 + 2⁻⁴³).
    const half = 2 ** -44;
    const row = (hour: number, unit: string, value: number) => `1,1,S,2017-01-01T0${hour}:00:00+08:00,39.9,116.4,pm25,${unit},${value}`;
    const path = join(dir, "units-order.csv");
    writeFileSync(path, [OPENAQ_HEADER, row(3, "µg/m³", half), row(2, "ug/m3", half), row(1, "mg/m³", 1)].join("\n"));
    for (const threads of [1, 2]) {
      const a = await aggregateAirFile(path, "openaq", readCsvHeader(path), { threads });
      expect(a.days[0]!.pollutants.pm25, `${threads} threads`).toMatchObject({ hours: 3, mean: 1000 / 3, max1h: 1000 });
    }
  });

  it("passes on the caller's failure while it checks the stations, after DuckDB's queries have ended", async () => {
    const failure = new Error("station belongs to another city");
    await expect(aggregateAirFile(SAMPLE, "uci", readCsvHeader(SAMPLE), {}, async () => Promise.reject(failure))).rejects.toBe(failure);
    // The connection and instance were closed cleanly: the next aggregation runs as usual.
    expect((await aggregate(SAMPLE)).days).toHaveLength(7);
  });
});
