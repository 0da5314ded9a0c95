import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormulaText } from "../ingest/csv-cells.js";
import { toCsv } from "./csv-output.js";

describe("CSV formula guard", () => {
  it("puts an apostrophe before text a spreadsheet would run, and leaves numbers and other text alone", () => {
    const csv = toCsv([["=1+2", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "\tx", "\rx", -5, "-5", "+3.5e2", "-.5", "a=b", "", "'=kept"]]);
    expect(parse(csv)).toEqual([["'=1+2", "'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'-2+3", "'\tx", "'\rx", "-5", "-5", "+3.5e2", "-.5", "a=b", "", "'=kept"]]);
  });

  it("round-trips through the import side", () => {
    for (const s of ["=1+2", "@SUM(1+1)", "-x", "plain", "-5", "'plain", "'"]) expect(restoreFormulaText(neutraliseFormula(s))).toBe(s);
  });

  it("is the only writer of CSV: no other source file imports csv-stringify", () => {
    const root = new URL("../", import.meta.url).pathname;
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [join(dir, f)] : []));
    const writers = files(root).filter((f) => /from "csv-stringify/.test(readFileSync(f, "utf8")));
    expect(writers.map((f) => f.slice(root.length))).toEqual(["services/csv-output.ts"]);
  });
});
