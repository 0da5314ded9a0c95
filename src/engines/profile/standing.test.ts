import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { standing, timesReference } from "./standing.js";

describe("standing", () => {
  it("counts the cities a value is better than, ties half", () => {
    expect(standing(30, "lower", [10, 40, 50, 30])).toEqual({ better: 0.625, of: 4 });
    expect(standing(30, "higher", [10, 40, 50, 30])).toEqual({ better: 0.375, of: 4 });
  });

  it("has no standing without a direction or without others", () => {
    expect(standing(1, null, [2])).toBeNull();
    expect(standing(1, "lower", [])).toBeNull();
    expect(standing(557.5, "lower", [557.5, 557.5])).toBeNull();
  });

  it("is the mirror image when the direction flips (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }), (v, others) => {
        fc.pre(others.some((o) => o !== v));
        const lo = standing(v, "lower", others)!;
        const hi = standing(v, "higher", others)!;
        expect(lo.better + hi.better).toBeCloseTo(1, 12);
        expect(lo.better).toBeGreaterThanOrEqual(0);
        expect(lo.better).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("gives the ratio to a reference value", () => {
    expect(timesReference(37.5, 5)).toBe(7.5);
    expect(timesReference(1, 0)).toBeNull();
  });
});
