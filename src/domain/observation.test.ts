import { describe, expect, it } from "vitest";
import { isPeriod } from "./observation.js";

describe("isPeriod", () => {
  it("accepts a year and a real date", () => {
    expect(isPeriod("2019")).toBe(true);
    expect(isPeriod("2020-02-29")).toBe(true);
  });
  it("rejects dates that do not exist", () => {
    expect(isPeriod("2019-02-29")).toBe(false);
    expect(isPeriod("2019-13-01")).toBe(false);
  });
  it("rejects other shapes and implausible years", () => {
    for (const p of ["19", "2019-6-1", "2019/06/01", "20019", "1700", " 2019", "2019Q1"]) expect(isPeriod(p)).toBe(false);
  });
});
