import { describe, expect, it } from "vitest";
import type { DailyValues } from "./daily-values.js";
import { meanOverStations, meanOverStationsByDate, stationMeans } from "./station-mean.js";

const day = (pm25: number | null, hours: number, o3max8h: number | null = null): DailyValues => ({
  date: "2017-01-01",
  pollutants: {
    pm25: { hours, mean: pm25, max1h: pm25 === null ? null : pm25 + 10, max8h: null },
    pm10: { hours: 0, mean: null, max1h: null, max8h: null },
    so2: { hours: 0, mean: null, max1h: null, max8h: null },
    no2: { hours: 0, mean: null, max1h: null, max8h: null },
    co: { hours: 0, mean: null, max1h: null, max8h: null },
    o3: { hours: 0, mean: null, max1h: null, max8h: o3max8h },
  },
});

describe("meanOverStations", () => {
  it("averages the stations that have a valid value and sums their hours", () => {
    const c = meanOverStations([day(100, 24), day(50, 22), day(null, 12)]);
    expect(c.pollutants.pm25).toEqual({ hours: 58, mean: 75, max1h: 85, max8h: null });
    expect(c.stations).toBe(2);
  });
  it("counts a station with only an 8-hour ozone value", () => {
    expect(meanOverStations([day(null, 0, 80)]).stations).toBe(1);
  });
  it("refuses days of different dates", () => {
    expect(() => meanOverStations([day(1, 24), { ...day(1, 24), date: "2017-01-02" }])).toThrow(RangeError);
  });
});

describe("meanOverStationsByDate", () => {
  it("gives meanOverStations of each date's days, dates in order, the stations' days in any order", () => {
    const on = (date: string, d: DailyValues): DailyValues => ({ ...d, date });
    const days = [on("2017-01-02", day(100, 24)), on("2017-01-01", day(10, 20, 70)), on("2017-01-02", day(null, 3)), on("2017-01-01", day(30, 24)), on("2017-01-02", day(50, 22))];
    expect(meanOverStationsByDate(days)).toEqual([
      meanOverStations([days[1]!, days[3]!]),
      meanOverStations([days[0]!, days[2]!, days[4]!]),
    ]);
    expect(meanOverStationsByDate(days)[1]!.pollutants.pm25).toEqual({ hours: 49, mean: 75, max1h: 85, max8h: null });
  });
  it("gives nothing for no days", () => {
    expect(meanOverStationsByDate([])).toEqual([]);
  });
  it("adds days one by one as meanOverStationsByDate does, over more dates than its first sums hold", () => {
    const dates = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2017, 0, 1 + i)).toISOString().slice(0, 10));
    const days = [0, 1, 2].flatMap((station) => dates.map((date, i) => ({ ...day(i % 7 === station ? null : 10 + station + i / 3, 20 + station), date })));
    const means = stationMeans();
    days.forEach((d) => means.add(d));
    const byDate = means.days();
    expect(byDate).toHaveLength(200);
    expect(byDate).toEqual(meanOverStationsByDate(days));
    expect(byDate[150]).toEqual({ ...meanOverStations(days.filter((d) => d.date === dates[150])), date: dates[150] });
  });
});
