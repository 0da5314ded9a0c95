import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { addBeijing, UCI_SAMPLE } from "../../test/support/air.js";
import { DIALECTS } from "../../test/support/databases.js";
import { useTestApp } from "../../test/support/app.js";
import { loadFixture } from "../../test/support/fixture.js";

const SAMPLE = readFileSync(UCI_SAMPLE, "utf8");

function multipart(text: string): { payload: string; headers: Record<string, string> } {
  const boundary = "----citybridge-air-test";
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hourly.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe.each(DIALECTS)("air API on %s", (dialect) => {
  let app: FastifyInstance;
  useTestApp(
    dialect,
    async (c) => {
      await loadFixture(c);
      await addBeijing(c);
    },
    (s) => ({ app } = s),
  );

  const get = (url: string) => app.inject({ method: "GET", url });
  const post = (url: string, payload: string, headers: Record<string, string> = { "content-type": "text/csv" }) => app.inject({ method: "POST", url, payload, headers });

  it("shows an empty air page for a city without data", async () => {
    const r = await get("/api/v1/cities/chongqing-cn/air");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ city: "chongqing-cn", stations: [], annual: [], firstDate: null, sources: [] });
    expect(r.json().standards.map((s: { id: string }) => s.id)).toEqual(["cn-2012", "cn-2026", "us-epa-2024", "eu-eaqi-2024"]);
  });

  it("imports an hourly CSV sent as text/csv, detecting its format", async () => {
    const r = await post("/api/v1/cities/beijing-cn/air/import", SAMPLE);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ format: "uci", city: "beijing-cn", rows: 168, stationDays: 7, cityDays: 7 });
    expect(r.json().rules.join(" ")).toMatch(/20 valid hourly values \(GB 3095-2012, Table 4\)/);
  });

  it("imports a multipart upload (the UI's)", async () => {
    const { payload, headers } = multipart(SAMPLE);
    const r = await post("/api/v1/cities/beijing-cn/air/import?format=uci", payload, headers);
    expect(r.statusCode).toBe(200);
    expect(r.json().stations).toEqual([{ id: "uci-dongsi", name: "Dongsi", days: 7, firstDate: "2017-01-01", lastDate: "2017-01-07" }]);
  });

  it("answers 422 with every problem for a malformed file and stores nothing", async () => {
    const before = (await get("/api/v1/cities/beijing-cn/air/daily")).json().items;
    const bad = SAMPLE.replace(/^(\d+,2017,1,1,5,)\d+/m, "$1abc").replace(/^(\d+,2017,1,2,)7,/m, "$125,");
    const r = await post("/api/v1/cities/beijing-cn/air/import", bad);
    expect(r.statusCode).toBe(422);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(r.json().errors).toEqual([
      { row: 7, column: "PM2.5", value: "abc", message: "is not a number", code: "import.not_a_number", params: { row: 7, column: "PM2.5", field: "PM2.5", value: "abc" } },
      { row: 33, column: "hour", value: "25", message: "is not an hour 0–23", code: "item.invalid", params: { row: 33, column: "hour", field: "hour", value: "25" } },
    ]);
    expect(r.json().detail).toMatch(/nothing was imported/);
    expect((await get("/api/v1/cities/beijing-cn/air/daily")).json().items).toEqual(before);
  });

  it("answers 422 for a header of neither format, 404 for an unknown city, 415 without a CSV", async () => {
    expect((await post("/api/v1/cities/beijing-cn/air/import", "a,b\n1,2\n")).statusCode).toBe(422);
    expect((await post("/api/v1/cities/atlantis-xx/air/import", SAMPLE)).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url: "/api/v1/cities/beijing-cn/air/import", payload: { a: 1 } })).statusCode).toBe(415);
    expect((await post("/api/v1/cities/beijing-cn/air/import?format=xls", SAMPLE)).statusCode).toBe(400);
  });

  it("serves the air page: stations, annual summary, applicable limits and every source cited", async () => {
    const r = (await get("/api/v1/cities/beijing-cn/air")).json();
    expect(r.stations).toEqual([expect.objectContaining({ id: "uci-dongsi", name: "Dongsi", firstDate: "2017-01-01", lastDate: "2017-01-07", days: 7 })]);
    expect(r.annual).toEqual([expect.objectContaining({ year: 2017, aqiDays: 7, goodDays: 0 })]);
    expect(r.limitSets.filter((l: { applies: boolean }) => l.applies).map((l: { id: string }) => l.id)).toEqual(["who-2021-24h", "gb-3095-2012-grade-ii"]);
    expect(r.sources).toEqual(expect.arrayContaining(["uci-beijing-multisite", "hj-633-2012", "us-epa-aqi-2024", "eea-eaqi-2024", "who-aqg-2021", "gb-3095-2012"]));
    for (const id of r.sources) expect((await get(`/api/v1/sources/${id}`)).statusCode, id).toBe(200);
  });

  it("serves the daily series with the three indices, for the city or one station, within dates", async () => {
    const r = (await get("/api/v1/cities/beijing-cn/air/daily?from=2017-01-02&to=2017-01-03")).json();
    expect(r.items.map((d: { date: string }) => d.date)).toEqual(["2017-01-02", "2017-01-03"]);
    expect(r.items[0].indices.cn).toEqual({ standard: "cn-2012", value: 266, level: 5, primary: ["pm25"] });
    const s = (await get("/api/v1/cities/beijing-cn/air/daily?station=uci-dongsi")).json();
    expect(s).toMatchObject({ station: "uci-dongsi" });
    expect(s.items).toHaveLength(7);
    const a = (await get("/api/v1/cities/beijing-cn/air/annual?station=uci-dongsi")).json();
    expect(a.items.map((y: { year: number }) => y.year)).toEqual([2017]);
  });

  it.each([
    ["/api/v1/cities/beijing-cn/air/daily?from=2017-13-01", 400],
    ["/api/v1/cities/beijing-cn/air/daily?from=2017-01-05&to=2017-01-01", 400],
    ["/api/v1/cities/beijing-cn/air/daily?station=Not%20A%20Station", 400],
    ["/api/v1/cities/beijing-cn/air/daily?station=uci-nowhere", 404],
    ["/api/v1/cities/chongqing-cn/air/annual?station=uci-dongsi", 404],
    ["/api/v1/cities/atlantis-xx/air", 404],
    ["/api/v1/cities/atlantis-xx/air/daily", 404],
  ])("answers %s with %i, never 500", async (url, status) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
  });
});
