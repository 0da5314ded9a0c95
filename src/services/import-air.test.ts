import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { addBeijing, openAqCsv, SAMPLE_RECORDS, scratch, UCI_AOTIZHONGXIN, UCI_DONGSI, UCI_SAMPLE } from "../../test/support/air.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { type AppContext, createContext } from "./context.js";
import { importAir } from "./import-air.js";

const files = scratch();
afterAll(() => files.remove());

describe.each(DIALECTS)("importAir on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = createContext(t.database);
    await loadFixture(ctx);
    await addBeijing(ctx);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    for (const table of ["air_annual", "air_daily", "air_stations", "observations"] as const) await t.database.db.deleteFrom(table).execute();
  });

  const counts = async () => {
    const n = async (table: "air_daily" | "air_stations" | "air_annual" | "observations") =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.cast(eb.fn.countAll(), "integer").as("n")).executeTakeFirstOrThrow()).n);
    return { daily: await n("air_daily"), stations: await n("air_stations"), annual: await n("air_annual"), observations: await n("observations") };
  };

  it("imports hourly data with gaps: station and city days with indices under all three standards", async () => {
    const r = await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "test" });
    expect(r).toMatchObject({ format: "uci", city: "beijing-cn", source: "uci-beijing-multisite", rows: 168, stationDays: 7, cityDays: 7, years: [2017], observations: [] });
    expect(r.gaps).toBeGreaterThan(0);
    expect(r.stations).toEqual([{ id: "uci-dongsi", name: "Dongsi", days: 7, firstDate: "2017-01-01", lastDate: "2017-01-07" }]);
    const [day] = await ctx.airDaily.series("city", "beijing-cn", { from: "2017-01-01", to: "2017-01-01" });
    expect(day!.pollutants.pm25).toMatchObject({ hours: 24, max1h: 589 });
    expect(day!.pollutants.pm25.mean).toBeCloseTo(487.17, 2);
    expect(day!.indices).toEqual({
      cn: { standard: "cn-2012", value: 492, level: 6, primary: ["pm25"] },
      us: { standard: "us-epa-2024", value: 500, level: 6, primary: ["pm25"] },
      eu: { standard: "eu-eaqi-2024", value: 6, level: 6, primary: ["pm25", "pm10", "no2"] },
    });
    expect(day!.sources).toEqual(["uci-beijing-multisite"]);
    expect((await ctx.airStations.forCity("beijing-cn"))[0]).toMatchObject({ id: "uci-dongsi", format: "uci", days: 7, source: "uci-beijing-multisite", importedBy: "test" });
  });

  it("rejects a malformed file with every problem named, and changes nothing", async () => {
    await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "test" });
    const before = await counts();
    const series = await ctx.airDaily.series("city", "beijing-cn");
    const lines = openAqCsv(SAMPLE_RECORDS.slice(0, 3)).trim().split("\n");
    lines[2] = lines[2]!.replace(/,[^,]*$/, ",12,5"); // an extra field: 10 instead of 9
    lines[1] = lines[1]!.replace("µg/m³", "ppm"); // ppm cannot apply to PM2.5
    const err = await importAir(ctx, { path: files.file("bad.csv", lines.join("\n")), city: "beijing-cn", importedBy: "test" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).problems).toEqual([
      expect.objectContaining({ row: 2, column: "units", value: "ppm", message: expect.stringContaining("cannot be used for pm25") }),
      { row: 3, message: "has 10 fields, expected 9" },
    ]);
    expect(await counts()).toEqual(before);
    expect(await ctx.airDaily.series("city", "beijing-cn")).toEqual(series);
  });

  it("changes no figure when the same file is imported again", async () => {
    await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "first" });
    const before = { city: await ctx.airDaily.series("city", "beijing-cn"), station: await ctx.airDaily.series("station", "uci-dongsi"), annual: await ctx.airAnnual.forSubject("city", "beijing-cn"), counts: await counts() };
    await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "second" });
    expect({ city: await ctx.airDaily.series("city", "beijing-cn"), station: await ctx.airDaily.series("station", "uci-dongsi"), annual: await ctx.airAnnual.forSubject("city", "beijing-cn"), counts: await counts() }).toEqual(before);
  });

  it("averages the stations of a city into its daily values", async () => {
    await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "test" });
    const doubled = SAMPLE_RECORDS.map((r) => ({ ...r, values: { ...r.values, pm25: r.values.pm25 === null || r.values.pm25 === undefined ? null : r.values.pm25 * 2 } }));
    const r = await importAir(ctx, { path: files.file("openaq.csv", openAqCsv(doubled)), importedBy: "test" });
    expect(r).toMatchObject({ format: "openaq", city: "beijing-cn", source: "openaq", stations: [expect.objectContaining({ id: "openaq-42", name: "Station 42" })] });
    const [a] = await ctx.airDaily.series("station", "uci-dongsi", { from: "2017-01-02", to: "2017-01-02" });
    const [b] = await ctx.airDaily.series("station", "openaq-42", { from: "2017-01-02", to: "2017-01-02" });
    const [city] = await ctx.airDaily.series("city", "beijing-cn", { from: "2017-01-02", to: "2017-01-02" });
    expect(b!.pollutants.pm25.mean).toBeCloseTo(2 * a!.pollutants.pm25.mean!, 9);
    expect(city!.pollutants.pm25.mean).toBeCloseTo((a!.pollutants.pm25.mean! + b!.pollutants.pm25.mean!) / 2, 9);
    expect(city!.stations).toBe(2);
    expect(city!.sources).toEqual(["openaq", "uci-beijing-multisite"]);
  });

  it("applies HJ 633-2026 to days from 2026-03-01", async () => {
    const around = SAMPLE_RECORDS.slice(0, 48).map((r, i) => ({ ...r, date: i < 24 ? "2026-02-28" : "2026-03-01", values: { pm25: 70 } }));
    await importAir(ctx, { path: files.file("switch.csv", openAqCsv(around)), city: "beijing-cn", importedBy: "test" });
    const days = await ctx.airDaily.series("city", "beijing-cn");
    expect(days.map((d) => [d.date, d.indices.cn])).toEqual([
      ["2026-02-28", { standard: "cn-2012", value: 94, level: 2, primary: ["pm25"] }],
      ["2026-03-01", { standard: "cn-2026", value: 110, level: 3, primary: ["pm25"] }],
    ]);
  });

  it("needs a city for a UCI file and a known city slug", async () => {
    await expect(importAir(ctx, { path: UCI_SAMPLE, importedBy: "test" })).rejects.toThrow(/UCI files carry no coordinates/);
    await expect(importAir(ctx, { path: UCI_SAMPLE, city: "atlantis-xx", importedBy: "test" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a station already stored for another city", async () => {
    await importAir(ctx, { path: UCI_SAMPLE, city: "beijing-cn", importedBy: "test" });
    const before = await counts();
    await expect(importAir(ctx, { path: UCI_SAMPLE, city: "chongqing-cn", importedBy: "test" })).rejects.toThrow(/belongs to beijing-cn/);
    expect(await counts()).toEqual(before);
  });

  it("turns complete annual means of the two Beijing stations into the city's air observations", async () => {
    await importAir(ctx, { path: UCI_DONGSI, city: "beijing-cn", importedBy: "test" });
    const r = await importAir(ctx, { path: UCI_AOTIZHONGXIN, city: "beijing-cn", importedBy: "test" });
    expect(r.years).toEqual([2013, 2014, 2015, 2016, 2017]);
    const annual = await ctx.airAnnual.forSubject("city", "beijing-cn");
    expect(annual.map((a) => [a.year, a.pollutants.pm25.complete])).toEqual([[2013, false], [2014, true], [2015, true], [2016, true], [2017, false]]);
    const pm25 = await ctx.observations.forCity("beijing-cn", "air.pm25_annual");
    expect(pm25.map((o) => [o.period, o.source])).toEqual([["2014", "uci-beijing-multisite"], ["2015", "uci-beijing-multisite"], ["2016", "uci-beijing-multisite"]]);
    expect(pm25.map((o) => o.value)).toEqual(annual.filter((a) => a.pollutants.pm25.complete).map((a) => Math.round(a.pollutants.pm25.mean! * 10) / 10));
    expect(pm25[0]!.note).toMatch(/GB 3095-2012 Table 4.*Aotizhongxin, Dongsi/);
    const good = await ctx.observations.forCity("beijing-cn", "air.good_days_share");
    expect(good.map((o) => o.period)).toEqual(["2014", "2015", "2016"]);
    const y2015 = annual.find((a) => a.year === 2015)!;
    expect(good[1]!.value).toBe(Math.round((1000 * y2015.goodDays) / y2015.aqiDays) / 10);
    expect(y2015.exceedances["who-2021-24h"]!.pm25).toBeGreaterThan(300);
    expect(y2015.categoryDays.cn.reduce((a, b) => a + b, 0)).toBe(y2015.aqiDays);
    expect((await ctx.airStations.forCity("beijing-cn")).map((s) => s.name)).toEqual(["Aotizhongxin", "Dongsi"]);
  });
});
