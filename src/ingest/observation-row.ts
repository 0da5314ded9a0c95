import { BASES, type Basis, isPeriod, type Provenance } from "../domain/observation.js";
import type { Problem, ProblemCode, ProblemParams } from "../errors.js";
import { restoreFormulaText } from "./csv-cells.js";

export const OBSERVATION_COLUMNS = ["city", "indicator", "period", "value", "source", "note", "place", "match", "basis", "quality"] as const;
export const REQUIRED_OBSERVATION_COLUMNS = ["city", "indicator", "period", "value", "source"] as const;
type Column = (typeof OBSERVATION_COLUMNS)[number];

/** Positions of each column in the file, from its header row. */
export type ColumnMap = Partial<Record<Column, number>>;

/** A validated row of an observations file. */
export interface ObservationRow extends Provenance {
  row: number;
  city: string;
  indicator: string;
  period: string;
  value: number;
  /** As written in the file: a source id or a citation. */
  source: string;
  note: string | null;
}

/** What a row is checked against. */
export interface KnownKeys {
  cities: Set<string>;
  indicators: Set<string>;
}

/** Reads the header row; returns the column map or the problems that make the file unusable. */
export function readHeader(fields: string[]): { columns: ColumnMap; problems: Problem[] } {
  const columns: ColumnMap = {};
  const problems: Problem[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((OBSERVATION_COLUMNS as readonly string[]).includes(name)) {
      if (columns[name as Column] !== undefined) problems.push({ row: 1, column: name, message: "appears twice in the header" });
      columns[name as Column] = i;
    } else {
      problems.push({ row: 1, column: raw, message: `is not a known column (expected ${OBSERVATION_COLUMNS.join(", ")})`, code: "import.unknown_column", params: { expected: OBSERVATION_COLUMNS.join(", ") } });
    }
  });
  for (const c of REQUIRED_OBSERVATION_COLUMNS) {
    if (columns[c] === undefined) problems.push({ row: 1, column: c, message: "is missing from the header" });
  }
  return { columns, problems };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number written with "." and no thousands separators. */
export function parseValue(text: string): { value: number } | { message: string; code: ProblemCode } {
  const t = text.trim();
  if (t === "") return { message: "is required", code: "import.required" };
  if (/^[+-]?[\d.]*,[\d.,]*$/.test(t)) return { message: 'is not a number (use "." as decimal separator and no thousands separators)', code: "import.decimal_comma" };
  if (!NUMBER.test(t)) return { message: "is not a number", code: "import.not_a_number" };
  const value = Number(t);
  if (!Number.isFinite(value)) return { message: "is not a finite number", code: "import.not_finite" };
  return { value };
}

/** Bounded memo of isPeriod: an import's periods repeat (every series shares its dates). */
const periodChecks = new Map<string, boolean>();
function knownPeriod(text: string): boolean {
  let ok = periodChecks.get(text);
  if (ok === undefined) {
    if (periodChecks.size >= 100_000) periodChecks.clear();
    ok = isPeriod(text);
    periodChecks.set(text, ok);
  }
  return ok;
}

// An export guards formula-like text with an apostrophe (csv-cells.ts); reading it back restores the text.
const cell = (fields: string[], i: number): string => (i < 0 ? "" : restoreFormulaText((fields[i] ?? "").trim()));
const orNull = (s: string): string | null => (s === "" ? null : s);

/**
 * Checks the data rows of one file against its header (the column positions are looked up once):
 * `check` returns the parsed row, or every problem found in it.
 */
export class ObservationRowValidator {
  private readonly expected: number;
  private readonly at: Record<Column, number>;

  constructor(columns: ColumnMap, private readonly known: KnownKeys) {
    this.expected = Object.keys(columns).length;
    this.at = Object.fromEntries(OBSERVATION_COLUMNS.map((c) => [c, columns[c] ?? -1])) as Record<Column, number>;
  }

  check(row: number, fields: string[]): { ok: ObservationRow } | { problems: Problem[] } {
    if (fields.length !== this.expected) return { problems: [{ row, message: `has ${fields.length} fields, expected ${this.expected}`, code: "import.field_count", params: { found: fields.length, expected: this.expected } }] };
    const at = this.at;
    const known = this.known;
    let problems: Problem[] | null = null;
    const bad = (column: Column, value: string, message: string, code: ProblemCode, params?: ProblemParams) => (problems ??= []).push({ row, column, value, message, code, ...(params ? { params } : {}) });

    const city = cell(fields, at.city);
    if (city === "") bad("city", city, "is required", "import.required");
    else if (!known.cities.has(city)) bad("city", city, "is not a known city slug (find slugs with: citybridge cities search NAME)", "import.unknown_city");

    const indicator = cell(fields, at.indicator);
    if (indicator === "") bad("indicator", indicator, "is required", "import.required");
    else if (!known.indicators.has(indicator)) bad("indicator", indicator, "is not an indicator code (see GET /api/v1/indicators)", "import.unknown_indicator");

    const period = cell(fields, at.period);
    if (!knownPeriod(period)) bad("period", period, "must be a year (2019) or a date (2019-06-30)", "import.bad_period");

    const rawValue = cell(fields, at.value);
    let value = Number.NaN;
    if (rawValue !== "" && NUMBER.test(rawValue) && Number.isFinite((value = Number(rawValue)))) {
      // the common case: a plain finite number
    } else {
      const parsed = parseValue(rawValue);
      if ("message" in parsed) bad("value", rawValue, parsed.message, parsed.code);
      else value = parsed.value;
    }

    const source = cell(fields, at.source);
    if (source === "") bad("source", source, "is required", "import.required");
    else if (source.length > 300) bad("source", `${source.slice(0, 40)}…`, "is longer than 300 characters", "import.too_long", { max: 300 });

    const note = cell(fields, at.note);
    if (note.length > 2000) bad("note", `${note.slice(0, 40)}…`, "is longer than 2000 characters", "import.too_long", { max: 2000 });

    const place = cell(fields, at.place);
    const match = cell(fields, at.match);
    const quality = cell(fields, at.quality);
    if (place.length > 500) bad("place", `${place.slice(0, 40)}…`, "is longer than 500 characters", "import.too_long", { max: 500 });
    if (match.length > 500) bad("match", `${match.slice(0, 40)}…`, "is longer than 500 characters", "import.too_long", { max: 500 });
    if (quality.length > 500) bad("quality", `${quality.slice(0, 40)}…`, "is longer than 500 characters", "import.too_long", { max: 500 });
    const basis = cell(fields, at.basis);
    if (basis !== "" && !(BASES as readonly string[]).includes(basis)) bad("basis", basis, `must be one of ${BASES.join(", ")} (or empty)`, "import.bad_choice", { options: BASES.join(", ") });

    if (problems !== null) return { problems };
    return {
      ok: {
        row, city, indicator, period, value, source, note: orNull(note),
        place: orNull(place), match: orNull(match), basis: orNull(basis) as Basis | null, quality: orNull(quality),
      },
    };
  }
}

/** Checks one data row; returns the parsed row, or every problem found in it. */
export function validateObservationRow(
  row: number,
  fields: string[],
  columns: ColumnMap,
  known: KnownKeys,
): { ok: ObservationRow } | { problems: Problem[] } {
  return new ObservationRowValidator(columns, known).check(row, fields);
}
