import type { DenseMatrix } from "../engines/matching/linear-sum-assignment.js";
import { InvalidInputError, type Problem } from "../errors.js";

/** A labelled dense matrix read from CSV. */
export interface LabelledMatrix {
  rowLabels: string[];
  colLabels: string[];
  matrix: DenseMatrix;
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;
const ZERO = 0x30;
const NINE = 0x39;
const E_LOWER = 0x65;
const E_UPPER = 0x45;
const TWO_53 = 2 ** 53;
/** 10^0 … 10^22: every one exactly representable as a double. */
const POW10 = Float64Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** 5^0 … 5^22: exact doubles (5^22 < 2^53). */
const POW5 = Float64Array.from({ length: 23 }, (_, i) => 5 ** i);
/** 2^0 … 2^-22 (exact). */
const INV_POW2 = Float64Array.from({ length: 23 }, (_, i) => 2 ** -i);
/** A double and its two 32-bit halves (little-endian), to read and build exponents. */
const BITS_F = new Float64Array(1);
const BITS_U = new Uint32Array(BITS_F.buffer);
const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp's split)

const isBlank = (b: number) => b === SPACE || b === TAB;

/** The rounding error of the product `a * b` (which rounded to `p`), exactly (Dekker's TwoProduct; no overflow here). */
function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * hi · 10^t + lo divided by 10^k, correctly rounded, for 16–19 significant digits (hi < 10^15,
 * 1 ≤ t ≤ 4, lo < 10^t, 1 ≤ k ≤ 22), or NaN when too close to a tie to tell (the caller then
 * asks Number()). M / 10^k = (M / 5^k) · 2^-k: a candidate w for M / 5^k in doubles lies within
 * about one unit in the last place (ulp) of the truth; the exact remainder M − w · 5^k (Dekker's
 * TwoProduct, Sterbenz's lemma for the cancelling difference) says whether w, its successor or its
 * predecessor is the correctly rounded quotient. The final scaling by 2^-k is exact.
 */
function longDecimal(hi: number, t: number, lo: number, k: number): number {
  const pow = POW10[t]!;
  const P = hi * pow; // M = P + r0 exactly
  const r0 = productError(hi, pow, P) + lo;
  const D = POW5[k]!;
  let w = (P + r0) / D;
  BITS_F[0] = w;
  const high = BITS_U[1]!;
  if ((high & 0xfffff) === 0 && BITS_U[0] === 0) return NaN; // a power of two: the ulp below differs, leave it to Number()
  BITS_U[1] = (high & 0x7ff00000) - (52 << 20); // 2^(exponent of w − 52), w ≥ 4 here
  BITS_U[0] = 0;
  const ulp = BITS_F[0]!;
  const Q = w * D;
  const R = P - Q + (r0 - productError(w, D, Q)); // M − w · D, to within ~2^-37 absolute
  const half = (ulp * D) / 2;
  const margin = half * 2 ** -20;
  const a = Math.abs(R);
  if (a < half - margin) return w * INV_POW2[k]!;
  if (a > half + margin && a < 3 * half - margin) {
    w = R > 0 ? w + ulp : w - ulp;
    return w * INV_POW2[k]!;
  }
  return NaN;
}

/**
 * A CSV cursor over bytes. Fields are separated by commas, records by LF or CRLF; a field may be
 * quoted ("" inside quotes is one quote); blanks around a field are dropped (csv-parse's `trim`).
 * Only labels and problem values are ever decoded to strings.
 */
class Scanner {
  pos: number;
  /** Row number of the record being read, as in the file (1-based, counting skipped empty lines). */
  line = 1;
  constructor(readonly buf: Buffer, start: number) {
    this.pos = start;
  }

  /** Skips empty (or blank) lines; false at the end of the file. */
  nextRecord(): boolean {
    const { buf } = this;
    for (;;) {
      let p = this.pos;
      while (p < buf.length && (isBlank(buf[p]!) || buf[p] === CR)) p++;
      if (p >= buf.length) {
        this.pos = p;
        return false;
      }
      if (buf[p] !== LF) return true;
      this.pos = p + 1;
      this.line++;
    }
  }

  /**
   * Reads one field as text (quotes resolved, blanks trimmed) and stops after its comma or at the
   * end of its record; `this.atEnd` tells which.
   */
  atEnd = false;
  text(): string {
    const { buf } = this;
    let p = this.pos;
    while (p < buf.length && isBlank(buf[p]!)) p++;
    let value: string;
    if (buf[p] === QUOTE) {
      const parts: string[] = [];
      let s = ++p;
      for (;;) {
        if (p >= buf.length) throw new InvalidInputError(`not a readable CSV file: a quote opened in row ${this.line} is never closed`);
        if (buf[p] === QUOTE) {
          parts.push(buf.toString("utf8", s, p));
          if (buf[p + 1] === QUOTE) {
            parts.push('"');
            p += 2;
            s = p;
            continue;
          }
          p++;
          break;
        }
        if (buf[p] === LF) this.line++;
        p++;
      }
      value = parts.join("");
      while (p < buf.length && isBlank(buf[p]!)) p++;
      if (p < buf.length && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR) {
        throw new InvalidInputError(`not a readable CSV file: row ${this.line} has text after a closing quote`);
      }
    } else {
      const s = p;
      while (p < buf.length && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR) p++;
      let e = p;
      while (e > s && isBlank(buf[e - 1]!)) e--;
      value = buf.toString("utf8", s, e);
    }
    this.finishField(p);
    return value;
  }

  /** Moves past the comma (more fields follow) or the end of the record at `p`. */
  finishField(p: number): void {
    const { buf } = this;
    if (buf[p] === COMMA) {
      this.pos = p + 1;
      this.atEnd = false;
      return;
    }
    if (buf[p] === CR) p++;
    if (buf[p] === LF) {
      p++;
      this.line++;
    }
    this.pos = p;
    this.atEnd = true;
  }

  /** Counts (and skips) the remaining fields of the record. */
  skipRest(): number {
    let n = 0;
    while (!this.atEnd) {
      this.text();
      n++;
    }
    return n;
  }

  /**
   * Reads one numeric field straight from its bytes. Plain decimals ([+-]digits[.digits][e[+-]digits])
   * with at most 16 significant digits below 2^53, scaled by at most 10^±22, are exact here (one
   * correctly rounded IEEE multiplication or division of two exact doubles: Clinger's fast path);
   * anything else goes through Number() on the field's text, so the value is always Number()'s.
   * Returns NaN for an empty field or a non-number.
   */
  number(): number {
    const { buf } = this;
    const len = buf.length;
    let p = this.pos;
    while (p < len && isBlank(buf[p]!)) p++;
    const start = p;
    let b = buf[p]!;
    let negative = false;
    if (b === MINUS || b === PLUS) {
      negative = b === MINUS;
      b = buf[++p]!;
    }
    let mantissa = 0; // the first 15 significant digits
    let lo = 0; // the 16th to 19th
    let digits = 0; // significant digits taken into the mantissa (leading zeros not counted)
    let any = false;
    let scale = 0; // power of ten from the fraction's digits and the exponent
    while (b >= ZERO && b <= NINE) {
      any = true;
      if (mantissa !== 0 || b !== ZERO) {
        if (digits < 15) mantissa = mantissa * 10 + (b - ZERO);
        else if (digits < 19) lo = lo * 10 + (b - ZERO);
        digits++;
      }
      b = buf[++p]!;
    }
    if (b === DOT) {
      b = buf[++p]!;
      while (b >= ZERO && b <= NINE) {
        any = true;
        if (mantissa !== 0 || b !== ZERO) {
          if (digits < 15) mantissa = mantissa * 10 + (b - ZERO);
          else if (digits < 19) lo = lo * 10 + (b - ZERO);
          digits++;
        }
        scale--;
        b = buf[++p]!;
      }
    }
    let fast = any && digits <= 19;
    if (fast && (b === E_LOWER || b === E_UPPER)) {
      b = buf[++p]!;
      let expNegative = false;
      if (b === MINUS || b === PLUS) {
        expNegative = b === MINUS;
        b = buf[++p]!;
      }
      let exp = 0;
      let expDigits = 0;
      while (b >= ZERO && b <= NINE) {
        if (exp < 10_000) exp = exp * 10 + (b - ZERO);
        expDigits++;
        b = buf[++p]!;
      }
      if (expDigits === 0) fast = false;
      scale += expNegative ? -exp : exp;
    }
    while (p < len && isBlank(buf[p]!)) p++;
    if (fast && (p >= len || buf[p] === COMMA || buf[p] === LF || buf[p] === CR)) {
      let x = NaN;
      const t = digits - 15; // digits held in `lo`
      if (t > 0) {
        // Digits beyond the 15th: exact as an integer while below 2^53, else the long path.
        const m = mantissa * POW10[t]! + lo;
        if (m < TWO_53) mantissa = m;
        else {
          x = scale < 0 && scale >= -22 ? longDecimal(mantissa, t, lo, -scale) : NaN;
          mantissa = NaN; // handled here (or by Number() below)
        }
      }
      if (mantissa === 0) x = 0;
      else if (mantissa !== mantissa) {
        // x is the long path's
      } else if (scale >= 0 && scale <= 22) x = mantissa * POW10[scale]!;
      else if (scale < 0 && scale >= -22) x = mantissa / POW10[-scale]!;
      if (x === x) {
        this.finishField(p);
        return negative ? -x : x;
      }
    }
    // The general path: the field as text, then Number() (also "Infinity", hex, quoted numbers…).
    if (buf[start] !== QUOTE) {
      // Unquoted: the field ends at the next separator (more than 16 digits lands here).
      while (p < len && buf[p] !== COMMA && buf[p] !== LF && buf[p] !== CR) p++;
      let e = p;
      while (e > start && isBlank(buf[e - 1]!)) e--;
      this.finishField(p);
      return e === start ? NaN : Number(buf.toString("utf8", start, e));
    }
    this.pos = start;
    const text = this.text();
    return text === "" ? NaN : Number(text);
  }
}

/** The text of the field that begins at `pos` (for a problem report). */
function fieldAt(buf: Buffer, pos: number): string {
  const s = new Scanner(buf, pos);
  return s.text();
}

/**
 * Reads a cost (or score) matrix from CSV: the first row holds the column labels (its first cell
 * empty), each further row a row label and one number per column. Rows are numbered as in the
 * file (the header is row 1). Reads the bytes directly (numbers never become strings on the way).
 *
 * @throws InvalidInputError listing ragged rows, non-numbers (with the row and column label) and
 * an empty matrix; nothing is returned unless the whole file is valid.
 */
export function parseCostMatrix(input: string | Uint8Array): LabelledMatrix {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const sc = new Scanner(buf, bom);
  const header: string[] = [];
  let headerLine = 1;
  if (sc.nextRecord()) {
    headerLine = sc.line;
    do header.push(sc.text());
    while (!sc.atEnd);
  }
  if (header.length < 2) throw new InvalidInputError("empty matrix: the first row must hold the column labels after an empty cell", [{ row: 1, message: "has no column labels" }]);
  const colLabels = header.slice(1);
  const cols = colLabels.length;
  const problems: Problem[] = [];
  if (header[0] !== "") problems.push({ row: headerLine, column: "1", value: header[0], message: "must be empty (the corner above the row labels)" });
  // At most one record per remaining line break: room for all of them, trimmed at the end.
  let lines = 1;
  for (let p = buf.indexOf(LF, sc.pos); p !== -1; p = buf.indexOf(LF, p + 1)) lines++;
  let data = new Float64Array(lines * cols);
  const rowLabels: string[] = [];
  let rows = 0;
  while (sc.nextRecord()) {
    const row = sc.line;
    rowLabels.push(sc.text());
    const base = rows * cols;
    if (base + cols > data.length) {
      const grown = new Float64Array(Math.max(data.length * 2, base + cols));
      grown.set(data);
      data = grown;
    }
    let c = 0;
    let ragged = sc.atEnd;
    while (!sc.atEnd) {
      if (c === cols) {
        ragged = true;
        c += sc.skipRest();
        break;
      }
      const at = sc.pos;
      const x = sc.number();
      if (x - x !== 0) problems.push({ row, column: colLabels[c], value: fieldAt(buf, at), message: "is not a number" });
      else data[base + c] = x;
      c++;
    }
    if (ragged || c !== cols) {
      // Drop the cell problems of a ragged row: the row is reported once, as csv-parse's reader did.
      while (problems.length && problems.at(-1)!.row === row && problems.at(-1)!.column !== undefined) problems.pop();
      problems.push({ row, message: `has ${c} value(s), expected ${cols} (one per column label)` });
    }
    rows++;
  }
  if (rows === 0) throw new InvalidInputError("empty matrix: no rows after the column labels", [{ row: 2, message: "is missing: the matrix has no rows" }]);
  if (problems.length) throw new InvalidInputError(`the matrix has ${problems.length} problem(s)`, problems.slice(0, 20), problems.length);
  return { rowLabels, colLabels, matrix: { rows, cols, data: data.subarray(0, rows * cols) } };
}
