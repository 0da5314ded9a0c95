import { describe, expect, it } from "vitest";
import { highlight, matchRanges } from "./highlight.js";

const marked = (parts: { text: string; match: boolean }[] | null) => parts?.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

describe("highlight", () => {
  it("highlights whole words for a prefix term", () => {
    expect(marked(highlight("Cordon charge around the inner city", ["charg"]))).toBe("Cordon [charge] around the inner city");
  });

  it("matches accent- and case-insensitively and keeps the original spelling", () => {
    expect(marked(highlight("Madrid and Málaga", ["malaga"]))).toBe("Madrid and [Málaga]");
  });

  it("does not match inside a word", () => {
    expect(highlight("Bicycle lanes", ["cycle"])).toBeNull();
  });

  it("highlights Chinese words anywhere in a run", () => {
    expect(marked(highlight("斯德哥尔摩拥堵税", ["拥堵"]))).toBe("斯德哥尔摩[拥堵]税");
  });

  it("cuts long texts around the first match with an ellipsis", () => {
    const text = `${"lorem ".repeat(60)}congestion charge ${"ipsum ".repeat(60)}`;
    const s = marked(highlight(text, ["congestion"], 80))!;
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("[congestion]");
    expect(s.length).toBeLessThan(100);
  });

  it("merges overlapping matches", () => {
    expect(matchRanges("公共交通", ["公共", "交通", "公共交通"])).toEqual([[0, 4]]);
  });
});
