import { describe, expect, it } from "vitest";
import { foldText } from "./text.js";

describe("foldText", () => {
  it("drops accents and case", () => {
    expect(foldText("Málaga")).toBe("malaga");
    expect(foldText("KÖLN")).toBe("koln");
    expect(foldText("Kraków")).toBe("krakow");
  });
  it("folds letters that do not decompose", () => {
    expect(foldText("Łódź")).toBe("lodz");
    expect(foldText("Straße")).toBe("strasse");
  });
  it("keeps Chinese characters", () => {
    expect(foldText("重庆市")).toBe("重庆市");
  });
});
