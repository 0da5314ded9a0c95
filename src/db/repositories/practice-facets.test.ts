import { describe, expect, it } from "vitest";
import { facetKey, tallyKeyCodes } from "./practice-facet-key.js";
import { codesOfKeys, countFacetCodes, facetCountries, tallyCodes } from "./practice-facets.js";

// 48 + measured (bit 0) + themes (bit 1 transport, bit 2 air, bit 4 congestion, …).
const code = (country: string, measured: boolean, bits: number) => `${country}${String.fromCharCode(48 + (measured ? 1 : 0) + bits)}`;

describe("countFacetCodes", () => {
  it("counts countries, regions, measured and themes from the concatenated codes", () => {
    const codes = code("CN", true, 2 | 16) + code("CN", false, 2) + code("SE", true, 16);
    const { total, facets } = countFacetCodes(tallyCodes(codes), new Map([["CN", "Eastern Asia"], ["SE", "Northern Europe"]]));
    expect(total).toBe(3);
    expect(facets.country).toEqual([{ value: "CN", count: 2 }, { value: "SE", count: 1 }]);
    expect(facets.region).toEqual([{ value: "Eastern Asia", count: 2 }, { value: "Northern Europe", count: 1 }]);
    expect(facets.measured).toEqual([{ value: "true", count: 2 }, { value: "false", count: 1 }]);
    expect(facets.theme).toEqual([{ value: "congestion", count: 2 }, { value: "transport", count: 2 }]);
    expect(facetCountries(tallyCodes(codes))).toEqual(["CN", "SE"]);
  });

  it("gives zero and empty lists for no match", () => {
    expect(countFacetCodes(tallyCodes(""), new Map())).toEqual({ total: 0, facets: { theme: [], country: [], region: [], measured: [] } });
  });

  it("reads the same codes from index keys that carry the facets", () => {
    const keyChar = (key: number) => String.fromCodePoint(65536 + (key % 2 ** 18));
    const keys = [facetKey(1, { country: "CN", themesMask: 1 | 8, measured: true }), facetKey(2, { country: "CN", themesMask: 1, measured: false }), facetKey(3, { country: "SE", themesMask: 8, measured: true }), facetKey(2 ** 30, { country: "ZZ", themesMask: 127, measured: true })];
    const fromKeys = codesOfKeys(tallyKeyCodes(keys.map(keyChar).join("")));
    const expected = tallyCodes(code("CN", true, 2 | 16) + code("CN", false, 2) + code("SE", true, 16) + code("ZZ", true, 254));
    expect(fromKeys).toEqual(expected);
    // The tally's scratch counters are reset: a second count gives the same answer.
    expect(codesOfKeys(tallyKeyCodes(keys.map(keyChar).join("")))).toEqual(expected);
  });
});
