import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { parseCostMatrix } from "./cost-matrix.js";

/** One cell parsed by the matrix reader: a 1 × 1 matrix around it. */
const cell = (text: string) => parseCostMatrix(`,a\nx,${text}\n`).matrix.data[0];

/** A decimal as people and programs write them: sign, digits, fraction, exponent. */
const decimal = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^[0-9]{0,20}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,20}$/), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "-", "+"), fc.integer({ min: 0, max: 330 })), { nil: undefined }),
  )
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? "" : `.${frac}`}${exp === undefined ? "" : `${exp[0]}${exp[1]}${exp[2]}`}`)
  .filter((s) => Number.isFinite(Number(s)) && /[0-9]/.test(s.split(/[eE]/)[0]!));

describe("parseCostMatrix", () => {
  it("reads every decimal exactly as Number() does (sign, fraction, exponent, 17+ digits)", () => {
    fc.assert(fc.property(decimal, (s) => Object.is(cell(s), Number(s))), { numRuns: 20_000 });
    // 16–19 significant digits scaled by 10^-1 … 10^-22: the remainder check of the long path
    const long = fc.tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n - 1n }), fc.integer({ min: -22, max: -1 })).map(([m, e]) => `${m}e${e}`);
    fc.assert(fc.property(long, (s) => Object.is(cell(s), Number(s))), { numRuns: 50_000 });
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(cell(String(x)), Number(String(x)))), { numRuns: 20_000 });
    for (const s of ["1e-3", "-0.5", "-0", "0.1", "9007199254740993", "9007199254740992", "1e22", "1e23", "123456789012345678901234567890", " 7 ", ".5", "5.", "0x10", "2.2250738585072011e-308", "4.9e-324",
      // halfway between two doubles, and just either side (16–19 digits with a fraction: the long path)
      "900719925474099.3", "9007199254740993e-5", "1.8014398509481985", "1.8014398509481984", "1.8014398509481986", "4.5035996273704985", "0.9999999999999999", "0.99999999999999995", "9999999999999999999e-22"]) {
      expect(Object.is(cell(s), Number(s)), s).toBe(true);
    }
  });

  it("reads quoted labels (with commas and quotes), CRLF, a BOM and blank lines", () => {
    const m = parseCostMatrix('\uFEFF"",  "a, b" ,"say ""c"""\r\n\r\n"x\ny",1,2\r\nz ,"3",4e0\r\n');
    expect(m.colLabels).toEqual(["a, b", 'say "c"']);
    expect(m.rowLabels).toEqual(["x\ny", "z"]);
    expect(Array.from(m.matrix.data)).toEqual([1, 2, 3, 4]);
    expect(m.matrix).toMatchObject({ rows: 2, cols: 2 });
    expect(parseCostMatrix(Buffer.from(",a\nx,1.5")).matrix.data[0]).toBe(1.5);
  });

  it("names every ragged row, non-number and an empty matrix", () => {
    const problems = (text: string) => {
      try {
        parseCostMatrix(text);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        return { message: (e as InvalidInputError).message, problems: (e as InvalidInputError).problems };
      }
      throw new Error("no error");
    };
    expect(problems(",a,b\nx,1,2\ny,1\nz,1,2,3\nw,zz,3\n").problems).toEqual([
      { row: 3, message: "has 1 value(s), expected 2 (one per column label)" },
      { row: 4, message: "has 3 value(s), expected 2 (one per column label)" },
      { row: 5, column: "a", value: "zz", message: "is not a number" },
    ]);
    expect(problems(",a,b\nx,,Infinity\n").problems).toEqual([
      { row: 2, column: "a", value: "", message: "is not a number" },
      { row: 2, column: "b", value: "Infinity", message: "is not a number" },
    ]);
    expect(problems("c,a\nx,1\n").problems).toEqual([{ row: 1, column: "1", value: "c", message: "must be empty (the corner above the row labels)" }]);
    expect(problems(",a,b\n").problems).toEqual([{ row: 2, message: "is missing: the matrix has no rows" }]);
    expect(problems("").problems).toEqual([{ row: 1, message: "has no column labels" }]);
    expect(problems(',a\n"x,1\n').message).toMatch(/not a readable CSV file/);
  });
});
