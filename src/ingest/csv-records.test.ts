import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { type CsvRecord, csvRecords } from "./csv-records.js";

/** The records of `text` fed in chunks of `size` characters. */
async function records(text: string, size = text.length || 1): Promise<CsvRecord[]> {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(Readable.from(parts.length > 0 ? parts : [""]))) out.push(r);
  return out;
}

describe("csvRecords", () => {
  it("gives the same fields as csv-parse on random text, however the text is cut into chunks", async () => {
    const alphabet = ["a", "b", ",", '"', "\n", "x y", "中"];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 1500; t++) {
      let text = "";
      for (let i = Math.floor(rand() * 14); i > 0; i--) text += alphabet[Math.floor(rand() * alphabet.length)];
      let expected: unknown;
      try {
        expected = parse(text, { skip_empty_lines: true, relax_column_count: true });
      } catch {
        expected = "not CSV";
      }
      for (const size of [1, 2, 5, 100]) {
        const got = await records(text, size).then((rs) => rs.map((r) => r.fields), () => "not CSV");
        expect(got, `${JSON.stringify(text)} in chunks of ${size}`).toEqual(expected);
      }
    }
  });

  it("numbers each record by the line it starts on, skips blank lines, drops a BOM and reads CRLF", async () => {
    const text = '\ufeffcity,note\r\n\r\nprague-cz,"two\r\nlines"\r\nmalaga-es,"say ""hi"""\r\n';
    expect(await records(text, 3)).toEqual([
      { row: 1, fields: ["city", "note"] },
      { row: 3, fields: ["prague-cz", "two\r\nlines"] },
      { row: 5, fields: ["malaga-es", 'say "hi"'] },
    ]);
  });

  it("names the line of a quote left open, a stray quote and text after a closing quote", async () => {
    for (const [text, row] of [["a,b\n1,\"x\n2,3\n", 2], ["a,b\n1,2\n3,x\"y\n", 3], ["a,b\n\"1\"x,2\n", 2]] as const) {
      const err = await records(text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).problems[0]).toMatchObject({ row, message: expect.stringMatching(/^is not valid CSV: /) });
    }
  });
});
