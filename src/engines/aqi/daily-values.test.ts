import { describe, expect, it } from "vitest";
import { dailyValues, type HourlyRecord, maxEightHourMean, maxEightHourValue } from "./daily-values.js";

const day = (date: string, hours: number[], value: (h: number) => number | null): HourlyRecord[] =>
  hours.map((hour) => ({ date, hour, values: { pm25: value(hour), o3: value(hour), co: value(hour) } }));

describe("maxEightHourMean", () => {
  it("takes the best of the 17 windows that lie inside the day", () => {
    expect(maxEightHourMean(Array.from({ length: 24 }, (_, h) => h))).toEqual({ value: 19.5, windows: 17 });
  });
  it("counts a window with 6 of its 8 hours, not one with 5", () => {
    const hourly: (number | null)[] = Array(24).fill(10);
    hourly[0] = hourly[1] = null;
    expect(maxEightHourMean(hourly).windows).toBe(17);
    hourly[2] = null;
    expect(maxEightHourMean(hourly).windows).toBe(16);
  });
  it("gives no maximum with fewer than 13 valid windows", () => {
    const hourly: (number | null)[] = Array(24).fill(10);
    for (let h = 0; h < 6; h++) hourly[h] = null; // windows starting 0–3 have ≤ 5 hours: 13 valid
    expect(maxEightHourMean(hourly)).toEqual({ value: 10, windows: 13 });
    hourly[6] = null; // now the window starting at 4 has 5 hours: 12 valid
    expect(maxEightHourMean(hourly)).toEqual({ value: null, windows: 12 });
  });
  it("reads NaN in a typed array as a gap, as null in an array", () => {
    const hourly: (number | null)[] = Array.from({ length: 24 }, (_, h) => (h % 5 === 0 ? null : h));
    const typed = Float64Array.from(hourly, (v) => v ?? Number.NaN);
    expect(maxEightHourMean(typed)).toEqual(maxEightHourMean(hourly));
    expect(maxEightHourValue(typed)).toBe(maxEightHourMean(hourly).value);
    expect(maxEightHourMean(hourly).value).not.toBeNull();
  });
});

describe("dailyValues", () => {
  it("averages a day with at least 20 valid hours and keeps its 1-hour maximum", () => {
    const [d] = dailyValues(day("2017-01-01", [...Array(24).keys()], (h) => (h < 20 ? 10 : null)));
    expect(d!.pollutants.pm25).toEqual({ hours: 20, mean: 10, max1h: 10, max8h: null });
  });
  it("treats gaps as missing hours and gives no mean with 19 valid hours", () => {
    const [d] = dailyValues(day("2017-01-01", [...Array(24).keys()], (h) => (h < 19 ? 10 : null)));
    expect(d!.pollutants.pm25).toEqual({ hours: 19, mean: null, max1h: null, max8h: null });
    expect(d!.pollutants.no2).toEqual({ hours: 0, mean: null, max1h: null, max8h: null });
  });
  it("computes the maximum 8-hour mean for O3 and CO only, and sorts the days", () => {
    const days = dailyValues([...day("2017-01-02", [...Array(24).keys()], (h) => h), ...day("2017-01-01", [...Array(24).keys()], () => 1)]);
    expect(days.map((d) => d.date)).toEqual(["2017-01-01", "2017-01-02"]);
    expect(days[1]!.pollutants.o3.max8h).toBe(19.5);
    expect(days[1]!.pollutants.co.max8h).toBe(19.5);
    expect(days[1]!.pollutants.pm25.max8h).toBeNull();
  });
  it("refuses an hour outside 0–23", () => {
    expect(() => dailyValues([{ date: "2017-01-01", hour: 24, values: {} }])).toThrow(RangeError);
  });
});
