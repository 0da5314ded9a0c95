import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AQI_TABLES } from "../../../test/support/aqi.js";
import week from "./fixtures/in/dongsi-2017-01-week1.json" with { type: "json" };
import { dailyIndices } from "./daily-indices.js";
import { dailySummaries } from "./daily-summaries.js";
import { dailyValues, type DailyValues, type HourlyRecord, type PollutantDay } from "./daily-values.js";
import type { IndexResult } from "./types.js";

const RECORDS = (week as { records: HourlyRecord[] }).records;
const brief = (r: IndexResult) => ({ standard: r.standard.id, value: r.value, level: r.category?.level ?? null, primary: r.primary });
const expected = (d: DailyValues) => {
  const i = dailyIndices(d, AQI_TABLES);
  return { cn: brief(i.cn), us: brief(i.us), eu: brief(i.eu) };
};
const p = (mean: number | null, max1h: number | null = mean, max8h: number | null = null): PollutantDay => ({ hours: 24, mean, max1h, max8h });
const day = (date: string, o3: PollutantDay, more: Partial<DailyValues["pollutants"]> = {}): DailyValues => ({
  date,
  pollutants: { pm25: p(40), pm10: p(60), so2: p(10), no2: p(30), co: p(1, 2, 1.5), o3, ...more },
});

describe("dailySummaries", () => {
  it("gives the value, level and primary pollutants of dailyIndices for the one-week Beijing sample", () => {
    for (const d of dailyValues(RECORDS)) expect(dailySummaries(d, AQI_TABLES)).toEqual(expected(d));
  });
  it("follows the special cases of both HJ 633 editions, EPA's ozone and SO2 rules and the top of the tables", () => {
    const days = [
      day("2017-07-01", p(300, 900, 850)), // O3 8-hour above 800: the 1-hour O3 (2012); above 0.200 ppm (US)
      day("2026-07-01", p(300, 900, 850)), // HJ 633-2026: fixed at 300
      day("2017-07-01", p(100, 150, 90), { so2: p(400, 1200) }), // SO2 1-hour above 304 ppb: the 24-hour SO2 (US)
      day("2017-01-01", p(20, 40, 30), { pm25: p(600), co: p(70, 80, 65) }), // beyond the tables
      day("2017-01-01", p(null, null, null), { pm25: p(null), pm10: p(null), so2: p(null), no2: p(null), co: p(null) }), // nothing measured
    ];
    for (const d of days) expect(dailySummaries(d, AQI_TABLES)).toEqual(expected(d));
  });
  it("leaves out what a special case lacks, as dailyIndices does", () => {
    const d = day("2017-07-01", p(300, null, 850)); // 8-hour O3 above 800 µg/m³ without a 1-hour value
    expect(dailySummaries(d, AQI_TABLES)).toEqual(expected(d));
    expect(dailySummaries(d, AQI_TABLES).cn).toMatchObject({ value: 57, primary: ["pm25"] }); // O3 left out: PM2.5 40 µg/m³ sets it
  });
  it("refuses what dailyIndices refuses", () => {
    expect(() => dailySummaries(day("2017-07-01", p(-1)), AQI_TABLES)).toThrow(RangeError);
    expect(() => dailySummaries(day("2017-7-1", p(10)), AQI_TABLES)).toThrow(RangeError);
  });
  it("equals dailyIndices' value, level and primary pollutants for any measured day (property)", () => {
    const value = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: null, freq: 5 });
    const pollutant = (max: number) => fc.record({ hours: fc.constant(24), mean: value(max), max1h: value(max * 2), max8h: value(max) });
    const date = fc.constantFrom("2017-07-01", "2026-02-28", "2026-03-01", "2030-12-31");
    fc.assert(
      fc.property(date, pollutant(700), pollutant(900), pollutant(2000), pollutant(3000), pollutant(100), pollutant(1500), (d, pm25, pm10, so2, no2, co, o3) => {
        const values: DailyValues = { date: d, pollutants: { pm25, pm10, so2, no2, co, o3 } };
        let want: ReturnType<typeof expected> | Error;
        try {
          want = expected(values);
        } catch (e) {
          want = e as Error;
        }
        if (want instanceof Error) expect(() => dailySummaries(values, AQI_TABLES)).toThrow();
        else expect(dailySummaries(values, AQI_TABLES)).toEqual(want);
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });
});
