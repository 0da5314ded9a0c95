import { describe, expect, it } from "vitest";
import { countFacetCodes, facetCountries } from "./practice-facets.js";

// 48 + measured (bit 0) + themes (bit 1 transport, bit 2 air, bit 4 congestion, …).
const code = (country: string, measured: boolean, bits: number) => `${country}${String.fromCharCode(48 + (measured ? 1 : 0) + bits)}`;

describe("countFacetCodes", () => {
  it("counts countries, regions, measured and themes from the concatenated codes", () => {
    const codes = code("CN", true, 2 | 16) + code("CN", false, 2) + code("SE", true, 16);
    const { total, facets } = countFacetCodes(codes, new Map([["CN", "Eastern Asia"], ["SE", "Northern Europe"]]));
    expect(total).toBe(3);
    expect(facets.country).toEqual([{ value: "CN", count: 2 }, { value: "SE", count: 1 }]);
    expect(facets.region).toEqual([{ value: "Eastern Asia", count: 2 }, { value: "Northern Europe", count: 1 }]);
    expect(facets.measured).toEqual([{ value: "true", count: 2 }, { value: "false", count: 1 }]);
    expect(facets.theme).toEqual([{ value: "congestion", count: 2 }, { value: "transport", count: 2 }]);
    expect(facetCountries(codes)).toEqual(["CN", "SE"]);
  });

  it("gives zero and empty lists for no match", () => {
    expect(countFacetCodes("", new Map())).toEqual({ total: 0, facets: { theme: [], country: [], region: [], measured: [] } });
  });
});
