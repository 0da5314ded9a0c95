import { describe, expect, it } from "vitest";
import { convertAmount } from "./convert-amount.js";
import { ratioUnit, unit } from "./units.js";

describe("convertAmount", () => {
  it("converts within energy: 1 MWh is 3.6 GJ and 1 TJ is 277,777.8 kWh", () => {
    expect(convertAmount(1, "MWh", "GJ")).toEqual({ value: 3.6 });
    expect((convertAmount(1, "TJ", "kWh") as { value: number }).value).toBeCloseTo(277_777.777_8, 3);
    expect(convertAmount(2500, "kWh", "MWh")).toEqual({ value: 2.5 });
  });

  it("converts within mass and volume", () => {
    expect(convertAmount(3, "t", "kg")).toEqual({ value: 3000 });
    expect(convertAmount(1500, "L", "m³")).toEqual({ value: 1.5 });
    expect(convertAmount(2, "m3", "L")).toEqual({ value: 2000 });
  });

  it("turns litres into kilograms with a density, and tonnes into TJ with a calorific value", () => {
    expect(convertAmount(1000, "L", "kg", { densityKgPerM3: 840 })).toEqual({ value: 840 });
    // 1 t of natural gas at 48 MJ/kg (IPCC 2006 NCV 48.0 TJ/Gg) = 48 GJ = 0.048 TJ
    expect((convertAmount(1, "t", "TJ", { mjPerKg: 48 }) as { value: number }).value).toBeCloseTo(0.048, 12);
    // 1000 m³ of gas at 38 MJ/m³ = 38 GJ
    expect(convertAmount(1000, "m³", "GJ", { mjPerM3: 38 })).toEqual({ value: 38 });
    // volume → energy through density and calorific value: 1000 L × 0.84 kg/L × 43 MJ/kg = 36,120 MJ
    expect((convertAmount(1000, "L", "MJ", { densityKgPerM3: 840, mjPerKg: 43 }) as { value: number }).value).toBeCloseTo(36_120, 9);
  });

  it("says what is missing when dimensions differ and no bridge is given", () => {
    expect(convertAmount(1, "L", "TJ")).toEqual({ reason: expect.stringContaining("without a calorific value per volume") });
    expect(convertAmount(1, "kg", "kWh")).toEqual({ reason: expect.stringContaining("calorific value") });
    expect(convertAmount(1, "barrel", "L")).toEqual({ reason: 'unit "barrel" is not known' });
  });
});

describe("units", () => {
  it("knows common spellings and compound units", () => {
    expect(unit("m3")?.symbol).toBe("m³");
    expect(unit("tonnes")?.symbol).toBe("t");
    expect(unit("furlong")).toBeNull();
    expect(ratioUnit("kg/TJ")?.denominator.symbol).toBe("TJ");
    expect(ratioUnit("kg")).toBeNull();
    expect(ratioUnit("kg/parsec")).toBeNull();
  });
});
