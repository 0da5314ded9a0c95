import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { AQI_TABLES } from "../../../test/support/aqi.js";
import { airQualityIndex } from "./air-quality-index.js";
import { cnEditionFor } from "./cn-edition.js";
import { cnIndex } from "./cn-index.js";
import { iaqi } from "./iaqi.js";

const T2012 = AQI_TABLES.cn["cn-2012"];
const T2026 = AQI_TABLES.cn["cn-2026"];

describe("iaqi (HJ 633)", () => {
  it("interpolates between breakpoints: PM2.5 95 µg/m³ is IAQI 125 (Table 1: 75→100, 115→150)", () => {
    expect(iaqi("pm25_24h", 95, T2012)).toBe(125);
  });
  it("gives the breakpoint's IAQI exactly at a breakpoint", () => {
    expect(iaqi("pm25_24h", 35, T2012)).toBe(50);
    expect(iaqi("pm25_24h", 75, T2012)).toBe(100);
    expect(iaqi("pm10_24h", 150, T2012)).toBe(100);
    expect(iaqi("co_24h", 4, T2012)).toBe(100);
    expect(iaqi("o3_1h", 200, T2012)).toBe(100);
  });
  it("rounds up: PM2.5 35.1 is 50.125 → 51, PM2.5 75.5 is 100.625 → 101", () => {
    expect(iaqi("pm25_24h", 35.1, T2012)).toBe(51);
    expect(iaqi("pm25_24h", 75.5, T2012)).toBe(101);
    expect(iaqi("pm25_24h", 30, T2012)).toBe(43); // 42.86
  });
  it("does not round 75.000000001-style float noise up a whole step", () => {
    expect(iaqi("pm25_24h", 55, T2012)).toBe(75); // 50 + 50/40 × 20 = 75 exactly
  });
  it("uses the 2026 breakpoints: PM2.5 60 is 100 (2012: 82), PM10 150 is 112 (2012: 100)", () => {
    expect(iaqi("pm25_24h", 60, T2026)).toBe(100);
    expect(iaqi("pm25_24h", 60, T2012)).toBe(82); // 50 + 50/40 × 25 = 81.25
    expect(iaqi("pm10_24h", 150, T2026)).toBe(112); // 100 + 50/130 × 30 = 111.54
  });
  it("returns null above the last breakpoint of a column", () => {
    expect(iaqi("pm25_24h", 500.1, T2012)).toBeNull();
    expect(iaqi("so2_1h", 801, T2012)).toBeNull();
  });
  it("refuses a negative concentration", () => {
    expect(() => iaqi("pm25_24h", -1, T2012)).toThrow(RangeError);
  });
});

describe("cnEditionFor", () => {
  it("applies HJ 633-2012 up to 2026-02-28 and HJ 633-2026 from 2026-03-01", () => {
    expect(cnEditionFor("2017-01-01")).toBe("cn-2012");
    expect(cnEditionFor("2026-02-28")).toBe("cn-2012");
    expect(cnEditionFor("2026-03-01")).toBe("cn-2026");
    expect(cnEditionFor("2030-12-31")).toBe("cn-2026");
  });
  it("refuses a date that is not YYYY-MM-DD", () => {
    expect(() => cnEditionFor("2026-3-1")).toThrow(RangeError);
  });
});

describe("cnIndex", () => {
  it("takes the highest IAQI as AQI and names the primary pollutant with its category in both languages", () => {
    const r = cnIndex({ pm25: 95, pm10: 80, no2: 40 }, T2012, "day");
    expect(r).toMatchObject({ value: 125, primary: ["pm25"], subIndices: { pm25: 125, pm10: 65, no2: 50 }, scale: "aqi" });
    expect(r.category).toMatchObject({ level: 3, en: "Lightly polluted", zh: "轻度污染" });
    expect(r.standard).toEqual({ id: "cn-2012", name: "HJ 633-2012", version: "2012" });
  });
  it("names no primary pollutant when AQI ≤ 50, and names it from 51", () => {
    expect(cnIndex({ pm25: 35, pm10: 20 }, T2012, "day")).toMatchObject({ value: 50, primary: [], category: { zh: "优" } });
    expect(cnIndex({ pm25: 35.1, pm10: 20 }, T2012, "day")).toMatchObject({ value: 51, primary: ["pm25"], category: { zh: "良" } });
  });
  it("names every pollutant tied at the maximum", () => {
    expect(cnIndex({ pm25: 75, pm10: 150 }, T2012, "day").primary).toEqual(["pm25", "pm10"]);
  });
  it("reads SO2, NO2 and CO against 24-hour limits for a day and 1-hour limits for an hour", () => {
    expect(cnIndex({ so2: 150, no2: 80, co: 4 }, T2012, "day").subIndices).toEqual({ so2: 100, no2: 100, co: 100 });
    expect(cnIndex({ so2: 500, no2: 200, co: 10 }, T2012, "hour").subIndices).toEqual({ so2: 100, no2: 100, co: 100 });
  });
  it("reads hourly PM2.5 and PM10 against the 24-hour breakpoints", () => {
    expect(cnIndex({ pm25: 115, pm10: 250 }, T2012, "hour").subIndices).toEqual({ pm25: 150, pm10: 150 });
  });
  it("reports the 1-hour O3 IAQI when the 8-hour O3 exceeds 800 µg/m³ (HJ 633-2012)", () => {
    const r = cnIndex({ o3_8h: 850, o3_1h: 900 }, T2012, "day");
    expect(r.subIndices).toEqual({ o3_1h: 350 }); // 300 + 100/200 × 100
    expect(r.value).toBe(350);
    expect(r.notes.join()).toMatch(/1-hour O3 IAQI is reported/);
  });
  it("needs the 1-hour O3 for an 8-hour O3 above 800 µg/m³ under HJ 633-2012", () => {
    expect(() => cnIndex({ o3_8h: 850 }, T2012, "day")).toThrow(InvalidInputError);
  });
  it("fixes the O3 IAQI at 300 when the 8-hour O3 exceeds 800 µg/m³ (HJ 633-2026 note c)", () => {
    expect(cnIndex({ o3_8h: 850 }, T2026, "day")).toMatchObject({ value: 300, subIndices: { o3_8h: 300 }, category: { zh: "重度污染" } });
  });
  it("uses the 24-hour SO2 IAQI when the 1-hour SO2 exceeds 800 µg/m³ (HJ 633-2012), and 200 under HJ 633-2026", () => {
    expect(cnIndex({ so2: 900, so2_24h: 300 }, T2012, "hour").subIndices).toEqual({ so2: 124 }); // 100 + 50/325 × 150 = 123.08
    expect(() => cnIndex({ so2: 900 }, T2012, "hour")).toThrow(/24-hour mean is needed/);
    expect(cnIndex({ so2: 900 }, T2026, "hour").subIndices).toEqual({ so2: 200 });
  });
  it("caps a value beyond the top of the table at 500 and says so", () => {
    const r = cnIndex({ pm25: 600, pm10: 300 }, T2012, "day");
    expect(r).toMatchObject({ value: 500, beyondTable: ["pm25"], primary: ["pm25"], category: { zh: "严重污染", en: "Severely polluted" } });
    expect(r.notes[0]).toMatch(/above the top of the table \(500\)/);
  });
  it("reads o3 as the 1-hour O3", () => {
    expect(cnIndex({ o3: 200 }, T2012, "hour").subIndices).toEqual({ o3_1h: 100 });
  });
  it("returns no value when no pollutant is given", () => {
    expect(cnIndex({}, T2012, "day")).toMatchObject({ value: null, category: null, primary: [] });
  });
});

describe("airQualityIndex with the cn standard", () => {
  it("applies HJ 633-2026 to days from 2026-03-01", () => {
    const before = airQualityIndex("cn", { pm25: 70 }, AQI_TABLES, { period: "day", date: "2026-02-28" });
    const after = airQualityIndex("cn", { pm25: 70 }, AQI_TABLES, { period: "day", date: "2026-03-01" });
    expect(before).toMatchObject({ standard: { id: "cn-2012" }, value: 94, category: { zh: "良" } }); // 50 + 50/40 × 35 = 93.75
    expect(after).toMatchObject({ standard: { id: "cn-2026" }, value: 110, category: { zh: "轻度污染" } }); // 100 + 50/55 × 10 = 109.09
  });
  it("uses the edition the caller names, whatever the date", () => {
    expect(airQualityIndex("cn-2012", { pm25: 70 }, AQI_TABLES, { period: "day", date: "2026-06-01" }).value).toBe(94);
  });
  it("needs a date to choose the edition", () => {
    expect(() => airQualityIndex("cn", { pm25: 70 }, AQI_TABLES, { period: "day" })).toThrow(RangeError);
  });
});
