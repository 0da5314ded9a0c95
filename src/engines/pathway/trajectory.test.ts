import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { trajectory } from "./trajectory.js";

const round = (s: { year: number; tCO2e: number }[]) => s.map((p) => ({ year: p.year, tCO2e: Math.round(p.tCO2e * 1000) / 1000 }));

describe("trajectory", () => {
  it("removes the same tonnes every year on a linear path", () => {
    expect(trajectory({ fromYear: 2019, fromTCO2e: 100, toYear: 2021, toTCO2e: 50, method: "linear" })).toEqual([
      { year: 2019, tCO2e: 100 },
      { year: 2020, tCO2e: 75 },
      { year: 2021, tCO2e: 50 },
    ]);
  });

  it("removes the same percentage every year on a constant-rate path", () => {
    expect(trajectory({ fromYear: 2020, fromTCO2e: 100, toYear: 2022, toTCO2e: 25, method: "constant-rate" })).toEqual([
      { year: 2020, tCO2e: 100 },
      { year: 2021, tCO2e: 50 },
      { year: 2022, tCO2e: 25 },
    ]);
  });

  it("gives one point per year, ending exactly on the target", () => {
    const s = trajectory({ fromYear: 2019, fromTCO2e: 1.2e7, toYear: 2030, toTCO2e: 1.2e7 * 0.57, method: "constant-rate" });
    expect(s.map((p) => p.year)).toEqual(Array.from({ length: 12 }, (_, i) => 2019 + i));
    expect(s[11]!.tCO2e).toBe(1.2e7 * 0.57);
  });

  it("matches the golden series for −43 % from 2019 to 2030 (1.2e7 tCO2e), both methods", async () => {
    const linear = round(trajectory({ fromYear: 2019, fromTCO2e: 1.2e7, toYear: 2030, toTCO2e: 6.84e6, method: "linear" }));
    const constant = round(trajectory({ fromYear: 2019, fromTCO2e: 1.2e7, toYear: 2030, toTCO2e: 6.84e6, method: "constant-rate" }));
    // Hand check: linear steps of 5.16e6 / 11 = 469,090.909 t; constant rate 0.57^(1/11) = 0.950182 a year.
    expect(linear[1]!.tCO2e).toBeCloseTo(1.2e7 - 469_090.909, 2);
    expect(constant[1]!.tCO2e / 1.2e7).toBeCloseTo(0.950182, 6);
    await expect(`${JSON.stringify({ linear, constant }, null, 1)}\n`).toMatchFileSnapshot("./fixtures/reduction-43-2019-2030.json");
  });

  it("refuses a constant-rate path to zero and a target year before the base year", () => {
    expect(() => trajectory({ fromYear: 2019, fromTCO2e: 100, toYear: 2050, toTCO2e: 0, method: "constant-rate" })).toThrow(InvalidInputError);
    expect(() => trajectory({ fromYear: 2030, fromTCO2e: 100, toYear: 2020, toTCO2e: 50, method: "linear" })).toThrow(/after the base year/);
  });
});
