import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { InvalidInputError } from "../errors.js";

/** One CSV record with the line it starts on (the header is line 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** A file that is not CSV: the line and what is wrong there. */
class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** Returned by the quoted-record reader when the buffer ends before the record does. */
const NEED_MORE = null;

/**
 * An RFC 4180 tokenizer (comma, double quotes, "" inside quotes; lines end with \n, \r\n or \r —
 * whichever the file uses first) that turns text chunks into records. Lines without a quote, the
 * common case, are split in one call; the others are read character by character and may span
 * lines and chunks. Empty lines are skipped; rows may have any number of fields.
 */
class CsvTokenizer {
  private buf = "";
  private line = 1;
  private eol: "\n" | "\r" | null = null;

  /** The complete records in `text` added to what was left over; the rest waits for the next chunk. */
  push(text: string, final: boolean, out: CsvRecord[]): void {
    const buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.eol === null) {
      const nl = buf.indexOf("\n");
      const cr = buf.indexOf("\r");
      if (cr !== -1 && (nl === -1 || cr < nl - 1)) this.eol = "\r";
      else if (nl !== -1 || cr !== -1) this.eol = "\n";
    }
    const eol = this.eol ?? "\n";
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      let end = buf.indexOf(eol, pos);
      if (end === -1) {
        if (!final) break;
        end = n;
      }
      const quote = buf.indexOf('"', pos);
      if (quote === -1 || quote >= end) {
        let stop = end;
        if (eol === "\n" && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--;
        if (stop > pos) out.push({ row: this.line, fields: buf.slice(pos, stop).split(",") });
        this.line++;
        pos = end + 1;
        continue;
      }
      const rec = this.quoted(buf, pos, eol, final);
      if (rec === NEED_MORE) break;
      out.push({ row: this.line, fields: rec.fields });
      this.line += rec.lines;
      pos = rec.next;
    }
    this.buf = pos >= n ? "" : buf.slice(pos);
  }

  /** Reads one record that holds a quote, from `pos`; NEED_MORE when the buffer ends inside it. */
  private quoted(buf: string, pos: number, eol: "\n" | "\r", final: boolean): { fields: string[]; next: number; lines: number } | typeof NEED_MORE {
    const n = buf.length;
    const fields: string[] = [];
    let lines = 1;
    let i = pos;
    for (;;) {
      if (buf.charCodeAt(i) === 34) {
        // A quoted field: up to the closing quote, "" standing for one quote.
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1 || (q === n - 1 && !final)) {
            if (!final) return NEED_MORE;
            throw new CsvSyntaxError(this.line, `Quote Not Closed: the file ends inside a quoted field opened at line ${this.line}`);
          }
          value += buf.slice(from, q);
          if (buf.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (let k = value.indexOf(eol); k !== -1; k = value.indexOf(eol, k + 1)) lines++;
        fields.push(value);
        if (i >= n) {
          if (!final) return NEED_MORE;
          return { fields, next: n, lines };
        }
        const c = buf.charCodeAt(i);
        if (c === 44) {
          i++;
          continue;
        }
        if (eol === "\n" && c === 13 && i + 1 < n && buf.charCodeAt(i + 1) === 10) i++;
        if (buf[i] === eol) return { fields, next: i + 1, lines };
        if (eol === "\n" && c === 13 && i + 1 >= n && !final) return NEED_MORE;
        throw new CsvSyntaxError(this.line + lines - 1, `Invalid Closing Quote: got "${buf[i]}" at line ${this.line + lines - 1} instead of a comma or the end of the line`);
      }
      // An unquoted field: up to the next comma or the end of the line; no quote inside.
      let end = buf.indexOf(eol, i);
      if (end === -1) {
        if (!final) return NEED_MORE;
        end = n;
      }
      const comma = buf.indexOf(",", i);
      const stop = comma !== -1 && comma < end ? comma : end;
      let value = buf.slice(i, stop);
      if (value.includes('"')) {
        throw new CsvSyntaxError(this.line + lines - 1, `Invalid Opening Quote: a quote is found inside field ${fields.length + 1} at line ${this.line + lines - 1}, value is "${value}"`);
      }
      if (stop === comma) {
        fields.push(value);
        i = comma + 1;
        continue;
      }
      if (eol === "\n" && value.endsWith("\r")) value = value.slice(0, -1);
      fields.push(value);
      return { fields, next: end + 1, lines };
    }
  }
}

/**
 * Streams the records of a CSV file, a batch per chunk read, without holding the file in memory.
 * A byte-order mark is dropped, blank lines are skipped, and rows may have any number of fields
 * (the caller checks). A malformed file (an unclosed quote, say) raises InvalidInputError naming
 * the line. `meter.bytes` counts the bytes read so far, for progress.
 */
export async function* csvRecordBatches(input: Readable, meter: { bytes: number } = { bytes: 0 }): AsyncGenerator<CsvRecord[]> {
  const tokenizer = new CsvTokenizer();
  const decoder = new StringDecoder("utf8");
  let first = true;
  const take = (text: string, final: boolean): CsvRecord[] => {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: CsvRecord[] = [];
    try {
      tokenizer.push(text, final, out);
    } catch (err) {
      if (err instanceof CsvSyntaxError) {
        throw new InvalidInputError("the file is not valid CSV; nothing was imported", [{ row: err.line, message: `is not valid CSV: ${err.message}`, code: "import.invalid_csv" }], 1, { code: "import.not_csv" });
      }
      throw err;
    }
    return out;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    meter.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    const out = take(typeof chunk === "string" ? chunk : decoder.write(chunk), false);
    if (out.length > 0) yield out;
  }
  const out = take(decoder.end(), true);
  if (out.length > 0) yield out;
}

/** The records of a CSV file one by one (see csvRecordBatches). */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(input)) yield* batch;
}
