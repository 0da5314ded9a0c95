import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.js";
import { suggestTerms } from "./suggest-terms.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(0 + 3);
    expect(editDistance("拥堵", "拥赌")).toBe(1);
  });

  it("stops at max + 1", () => {
    expect(editDistance("congestion", "transport", 2)).toBe(3);
  });
});

describe("suggestTerms", () => {
  const vocabulary = [
    { term: "congestion", documents: 12 },
    { term: "congested", documents: 2 },
    { term: "transport", documents: 30 },
    { term: "cycling", documents: 5 },
  ];

  it("suggests the closest spelling first", () => {
    expect(suggestTerms("congestoin", vocabulary)).toEqual(["congestion"]);
    expect(suggestTerms("transprot", vocabulary)).toEqual(["transport"]);
  });

  it("allows one edit for short words", () => {
    expect(suggestTerms("cyclng", vocabulary)).toEqual(["cycling"]);
    expect(suggestTerms("cyc", vocabulary)).toEqual([]);
  });
});
