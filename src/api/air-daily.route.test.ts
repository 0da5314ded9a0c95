import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { addBeijing, UCI_SAMPLE } from "../../test/support/air.js";
import { DIALECTS } from "../../test/support/databases.js";
import { useTestApp } from "../../test/support/app.js";
import { loadFixture } from "../../test/support/fixture.js";

/** The daily air series paged (limit/after) and as CSV, on the one-week UCI Beijing sample (2017-01-01 … 07). */
describe.each(DIALECTS)("daily air data, paged and as CSV, on %s", (dialect) => {
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
  const dates = (r: { items: { date: string }[] }) => r.items.map((d) => d.date);

  it("pages the days by `limit` and `after`, ending with next = null", async () => {
    const imported = await app.inject({ method: "POST", url: "/api/v1/cities/beijing-cn/air/import", payload: readFileSync(UCI_SAMPLE, "utf8"), headers: { "content-type": "text/csv" } });
    expect(imported.statusCode).toBe(200);
    const p1 = (await get("/api/v1/cities/beijing-cn/air/daily?limit=3")).json();
    expect(dates(p1)).toEqual(["2017-01-01", "2017-01-02", "2017-01-03"]);
    expect(p1.next).toBe("2017-01-03");
    const p2 = (await get(`/api/v1/cities/beijing-cn/air/daily?limit=3&after=${p1.next}`)).json();
    expect(dates(p2)).toEqual(["2017-01-04", "2017-01-05", "2017-01-06"]);
    const p3 = (await get(`/api/v1/cities/beijing-cn/air/daily?limit=3&after=${p2.next}`)).json();
    expect(dates(p3)).toEqual(["2017-01-07"]);
    expect(p3.next).toBeNull();
    // Exactly a page's worth left: no empty page after it.
    expect((await get("/api/v1/cities/beijing-cn/air/daily?limit=7")).json().next).toBeNull();
    // Within a range, and without a limit every day (the Air tab's year), with next = null.
    expect(dates((await get("/api/v1/cities/beijing-cn/air/daily?from=2017-01-02&to=2017-01-05&limit=2&after=2017-01-03")).json())).toEqual(["2017-01-04", "2017-01-05"]);
    const all = (await get("/api/v1/cities/beijing-cn/air/daily")).json();
    expect(all.items).toHaveLength(7);
    expect(all.next).toBeNull();
  });

  it("downloads the days as CSV with each standard's id, units in the column names and the sources", async () => {
    const r = await get("/api/v1/cities/beijing-cn/air/daily.csv?from=2017-01-02&to=2017-01-03");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/csv/);
    expect(r.headers["content-disposition"]).toBe('attachment; filename="citybridge-air-daily-beijing-cn-from-2017-01-02-to-2017-01-03.csv"');
    const lines = r.body.trim().split("\n");
    expect(lines[0]).toBe("date,stations,cn_aqi,cn_level,cn_primary,cn_standard,us_aqi,us_level,us_primary,us_standard,eu_band,eu_primary,eu_standard,pm25_24h_ug_m3,pm10_24h_ug_m3,so2_24h_ug_m3,no2_24h_ug_m3,co_24h_mg_m3,o3_8h_max_ug_m3,sources");
    expect(lines).toHaveLength(3);
    // The day the JSON reports as HJ 633-2012 AQI 266, level 5, driven by PM2.5.
    expect(lines[1]).toMatch(/^2017-01-02,1,266,5,pm25,cn-2012,\d+,\d,[a-z0-9;]*,us-epa-2024,\d,[a-z0-9;]*,eu-eaqi-2024,[\d.]+,/);
    expect(lines[1]!.split(",").at(-1)).not.toBe("");
    expect((await get("/api/v1/cities/beijing-cn/air/daily.csv")).body.trim().split("\n")).toHaveLength(8);
  });

  it.each([
    ["/api/v1/cities/beijing-cn/air/daily?limit=0", 400],
    ["/api/v1/cities/beijing-cn/air/daily?limit=5000", 400],
    ["/api/v1/cities/beijing-cn/air/daily?limit=ten", 400],
    ["/api/v1/cities/beijing-cn/air/daily?limit=3&after=yesterday", 400],
    ["/api/v1/cities/beijing-cn/air/daily.csv?from=2017-01-05&to=2017-01-01", 400],
    ["/api/v1/cities/beijing-cn/air/daily.csv?after=2017-02-30", 400],
    ["/api/v1/cities/beijing-cn/air/daily.csv?station=uci-nowhere", 404],
    ["/api/v1/cities/atlantis-xx/air/daily.csv", 404],
  ])("answers %s with %i problem+json, never 500", async (url, status) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/application\/problem\+json/);
  });
});
