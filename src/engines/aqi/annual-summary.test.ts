import { describe, expect, it } from "vitest";
import { annualCounter, annualSummaries, type IndexedDay } from "./annual-summary.js";

/** Every day of a year (or the first `days` of it) with PM2.5 = pm25(i) and China's AQI = aqi(i). */
function year(y: number, pm25: (i: number) => number, aqi: (i: number) => number, skip: (d: Date) => boolean = () => false): IndexedDay[] {
  const out: IndexedDay[] = [];
  for (let t = Date.UTC(y, 0, 1), i = 0; new Date(t).getUTCFullYear() === y; t += 86_400_000, i++) {
    const d = new Date(t);
    if (skip(d)) continue;
    const none = { hours: 0, mean: null, max1h: null, max8h: null };
    out.push({
      date: d.toISOString().slice(0, 10),
      pollutants: { pm25: { hours: 24, mean: pm25(i), max1h: null, max8h: null }, pm10: none, so2: none, no2: none, co: none, o3: { hours: 24, mean: null, max1h: null, max8h: 50 } },
      cnAqi: aqi(i),
      levels: { cn: aqi(i) <= 50 ? 1 : aqi(i) <= 100 ? 2 : 3, us: 2, eu: 4 },
    });
  }
  return out;
}

const WHO = { id: "who-2021-24h", limits: { pm25: 15, o3_8h: 100 } };

describe("annualSummaries", () => {
  it("gives the annual mean, the good-or-moderate share (AQI ≤ 100) and the days per category", () => {
    const [a] = annualSummaries(year(2015, (i) => (i % 2 === 0 ? 10 : 30), (i) => (i % 4 === 0 ? 150 : 80)), [WHO]);
    expect(a!.year).toBe(2015);
    expect(a!.pollutants.pm25.mean).toBeCloseTo((183 * 10 + 182 * 30) / 365, 10);
    expect(a!.pollutants.pm25).toMatchObject({ days: 365, complete: true });
    expect(a!).toMatchObject({ aqiDays: 365, goodDays: 273, aqiComplete: true });
    expect(a!.goodDaysShare).toBeCloseTo((100 * 273) / 365, 10);
    expect(a!.categoryDays.cn).toEqual([0, 273, 92, 0, 0, 0]);
    expect(a!.categoryDays.eu).toEqual([0, 0, 0, 365, 0, 0]);
  });
  it("counts the days above each daily limit", () => {
    const [a] = annualSummaries(year(2015, (i) => (i < 100 ? 16 : 15), () => 40), [WHO]);
    expect(a!.exceedances).toEqual({ "who-2021-24h": { pm25: 100, o3_8h: 0 } });
  });
  it("marks a year incomplete below 324 days, or with a month under 27 days (25 in February)", () => {
    expect(annualSummaries(year(2015, () => 1, () => 1, (d) => d.getUTCMonth() === 11 && d.getUTCDate() > 27), [])[0]!.pollutants.pm25.complete).toBe(true); // 361 days, December 27
    expect(annualSummaries(year(2015, () => 1, () => 1, (d) => d.getUTCMonth() === 11 && d.getUTCDate() > 26), [])[0]!.pollutants.pm25.complete).toBe(false); // December 26
    expect(annualSummaries(year(2015, () => 1, () => 1, (d) => d.getUTCMonth() === 1 && d.getUTCDate() > 25), [])[0]!.aqiComplete).toBe(true); // February 25
    expect(annualSummaries(year(2015, () => 1, () => 1, (d) => d.getUTCDate() > 27), [])[0]!.pollutants.pm25).toMatchObject({ days: 324, complete: true }); // 27 a month
    expect(annualSummaries(year(2015, () => 1, () => 1, (d) => d.getUTCDate() > 26), [])[0]!.pollutants.pm25).toMatchObject({ days: 312, complete: false });
  });
  it("splits days into calendar years", () => {
    expect(annualSummaries([...year(2016, () => 1, () => 1), ...year(2015, () => 1, () => 1)], []).map((a) => a.year)).toEqual([2015, 2016]);
  });
});

describe("annualCounter", () => {
  it("gives annualSummaries of the days added, in any year order, with one object refilled for every day", () => {
    const days = [...year(2016, (i) => i % 7, (i) => 40 + (i % 90)), ...year(2015, (i) => i % 5, (i) => 30 + (i % 120)), ...year(2016, () => 3, () => 200).slice(0, 10)];
    const counter = annualCounter([WHO]);
    const one = { ...days[0]!, levels: { ...days[0]!.levels } };
    for (const d of days) counter.add(Object.assign(one, d, { levels: Object.assign(one.levels, d.levels) }));
    expect(counter.summaries()).toEqual(annualSummaries(days, [WHO]));
  });
});
