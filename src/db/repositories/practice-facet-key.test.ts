import { describe, expect, it } from "vitest";
import { countryCode, countryOfCode, FACET_SPAN, facetKey, firstKey } from "./practice-facet-key.js";

describe("practice index keys", () => {
  it("numbers every two-letter country code 0–675 and reads it back", () => {
    expect(countryCode("AA")).toBe(0);
    expect(countryCode("CN")).toBe(2 * 26 + 13);
    expect(countryCode("ZZ")).toBe(675);
    for (const c of ["AA", "CN", "DE", "ES", "SE", "ZZ"]) expect(countryOfCode(countryCode(c))).toBe(c);
    expect(() => countryCode("cn")).toThrow(RangeError);
    expect(() => countryCode("CHN")).toThrow(RangeError);
  });

  it("keeps a practice's keys inside its own range, above 2^31 as well", () => {
    const doc = 3_000_000;
    const key = facetKey(doc, { country: "ZZ", themesMask: 127, measured: true });
    expect(key).toBeGreaterThanOrEqual(firstKey(doc));
    expect(key).toBeLessThan(firstKey(doc + 1));
    expect(Math.floor(key / FACET_SPAN)).toBe(doc);
    expect(key % FACET_SPAN).toBe(675 * 256 + 127 * 2 + 1);
    expect(Number.isSafeInteger(key)).toBe(true);
  });
});
