import { describe, expect, it } from "vitest";
import { AQI_TABLES } from "../../../test/support/aqi.js";
import { eaqiBand, euIndex } from "./eu-index.js";

const EU = AQI_TABLES.eu;

describe("eaqiBand (EEA 2024)", () => {
  it("treats each band's upper bound as inclusive", () => {
    expect(eaqiBand("pm25", 5, EU)).toBe(1);
    expect(eaqiBand("pm25", 5.1, EU)).toBe(2);
    expect(eaqiBand("pm25", 15, EU)).toBe(2);
    expect(eaqiBand("pm25", 140, EU)).toBe(5);
    expect(eaqiBand("pm25", 141, EU)).toBe(6);
  });
  it("uses each pollutant's own bands", () => {
    expect([60, 100, 120, 160, 180, 181].map((c) => eaqiBand("o3", c, EU))).toEqual([1, 2, 3, 4, 5, 6]);
    expect([10, 25, 60, 100, 150, 151].map((c) => eaqiBand("no2", c, EU))).toEqual([1, 2, 3, 4, 5, 6]);
    expect([15, 45, 120, 195, 270, 271].map((c) => eaqiBand("pm10", c, EU))).toEqual([1, 2, 3, 4, 5, 6]);
    expect([20, 40, 125, 190, 275, 276].map((c) => eaqiBand("so2", c, EU))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("euIndex", () => {
  it("takes the worst band and names the pollutant(s) in it", () => {
    expect(euIndex({ pm25: 20, no2: 8 }, EU, "hour")).toMatchObject({
      scale: "band",
      value: 3,
      primary: ["pm25"],
      subIndices: { pm25: 3, no2: 1 },
      category: { en: "Moderate", zh: "中等", color: "#f0e641" },
      standard: { id: "eu-eaqi-2024", version: "2024" },
    });
  });
  it("names no pollutant when every band is Good", () => {
    expect(euIndex({ pm25: 3, no2: 5 }, EU, "hour")).toMatchObject({ value: 1, primary: [] });
  });
  it("ignores CO and 8-hour O3, which the index does not cover, with a note", () => {
    const r = euIndex({ co: 9, o3_8h: 200, pm10: 50 }, EU, "hour");
    expect(r.subIndices).toEqual({ pm10: 3 });
    expect(r.notes.join()).toMatch(/ignored: co, o3_8h/);
  });
  it("reads o3_1h as the hourly O3", () => {
    expect(euIndex({ o3_1h: 170 }, EU, "hour").subIndices).toEqual({ o3: 5 });
  });
});
