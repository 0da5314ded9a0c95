import { describe, expect, it } from "vitest";
import { AQI_TABLES } from "../../../test/support/aqi.js";
import { massConcentration, mixingRatio } from "./gas-conversion.js";
import { truncate, usIndex } from "./us-index.js";

const US = AQI_TABLES.us;
const aqi = (input: Parameters<typeof usIndex>[0]) => usIndex(input, US, "day");

describe("gas conversion at 25 °C", () => {
  it("converts µg/m³ to ppb with 24.45 L/mol: 100 µg/m³ NO2 is 53.15 ppb", () => {
    expect(mixingRatio("no2", 100)).toBeCloseTo(53.15, 2);
    expect(massConcentration("o3", 1)).toBeCloseTo(1.963, 3);
    expect(massConcentration("so2", 1)).toBeCloseTo(2.62, 2);
    expect(massConcentration("co", 1)).toBeCloseTo(1.146, 3); // mg/m³ per ppm
  });
});

describe("truncate", () => {
  it("cuts digits instead of rounding", () => {
    expect(truncate(35.49, 1)).toBe(35.4);
    expect(truncate(0.0709, 3)).toBe(0.07);
    expect(truncate(154.9, 0)).toBe(154);
    expect(truncate(35.4, 1)).toBe(35.4);
  });
});

describe("usIndex (EPA 2024)", () => {
  it("truncates PM2.5 to 0.1 µg/m³ before the lookup: 35.45 → 35.4 → AQI 100", () => {
    expect(aqi({ pm25: 35.45 })).toMatchObject({ value: 100, category: { en: "Moderate", zh: "中等" }, primary: ["pm25"] });
  });
  it("uses the May 2024 PM2.5 breakpoints: 9.0 is 50, 9.1 is 51", () => {
    expect(aqi({ pm25: 9.0 }).value).toBe(50);
    expect(aqi({ pm25: 9.09 }).value).toBe(50);
    expect(aqi({ pm25: 9.1 }).value).toBe(51);
    expect(aqi({ pm25: 55.5 })).toMatchObject({ value: 151, category: { en: "Unhealthy", zh: "不健康" } });
  });
  it("rounds the AQI to the nearest integer: PM2.5 12 → 56.40 → 56", () => {
    expect(aqi({ pm25: 12 }).value).toBe(56);
  });
  it("truncates PM10 to whole µg/m³: 154.9 → 154 → 100", () => {
    expect(aqi({ pm10: 154.9 }).value).toBe(100);
  });
  it("converts O3 to ppm and truncates to 0.001: 140 µg/m³ (0.0713 ppm) → 0.071 → 101", () => {
    expect(aqi({ o3_8h: 140 })).toMatchObject({ value: 101, category: { en: "Unhealthy for Sensitive Groups", zh: "对敏感人群不健康" } });
  });
  it("converts CO mg/m³ to ppm: 10 mg/m³ (8.73 ppm) → 8.7 → 93", () => {
    expect(aqi({ co: 10 }).value).toBe(93);
  });
  it("converts SO2 and NO2 to whole ppb: SO2 100 µg/m³ → 38 ppb → 54; NO2 100 µg/m³ → 53 ppb → 50", () => {
    expect(aqi({ so2: 100, no2: 100 }).subIndices).toEqual({ so2: 54, no2: 50 });
  });
  it("takes the 1-hour O3 when the 8-hour O3 is above 0.200 ppm", () => {
    const r = aqi({ o3_8h: 450, o3_1h: 900 }); // 0.229 ppm 8-h; 0.458 ppm 1-h → 301 + 199/0.199 × 0.053
    expect(r.subIndices).toEqual({ o3_1h: 354 });
    expect(r.category?.en).toBe("Hazardous");
    expect(r.notes.join()).toMatch(/above 0\.200 ppm/);
    expect(() => aqi({ o3_8h: 450 })).toThrow(/1-hour value is needed/);
  });
  it("gives no 1-hour O3 index below 0.125 ppm", () => {
    const r = aqi({ o3_1h: 200, o3_8h: 100 }); // 0.101 ppm 1-h; 0.050 ppm 8-h
    expect(r.subIndices).toEqual({ o3_8h: 46 });
    expect(r.notes.join()).toMatch(/below 0\.125 ppm/);
  });
  it("takes AQI 200 and above from the 24-hour SO2 when the 1-hour SO2 is above 304 ppb", () => {
    expect(aqi({ so2: 1000, so2_24h: 1000 }).subIndices).toEqual({ so2: 226 }); // 381 ppb 24-h → 201 + 99/299 × 76
    expect(aqi({ so2: 1000, so2_24h: 500 }).subIndices).toEqual({ so2: 200 }); // 24-h 190 ppb < 305
    expect(() => aqi({ so2: 1000 })).toThrow(/24-hour mean is needed/);
  });
  it("caps a value beyond the table at 500 and says so", () => {
    expect(aqi({ pm25: 400 })).toMatchObject({ value: 500, beyondTable: ["pm25"], category: { en: "Hazardous" } });
  });
  it("names the pollutant with the highest AQI only above 50", () => {
    expect(aqi({ pm25: 5, pm10: 20 }).primary).toEqual([]);
    expect(aqi({ pm25: 40, pm10: 20 }).primary).toEqual(["pm25"]);
    expect(aqi({ pm25: 40 }).standard).toEqual({ id: "us-epa-2024", name: "US EPA AQI (EPA-454/B-24-002, May 2024)", version: "2024" });
  });
});
