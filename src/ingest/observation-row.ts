import { BASES, type Basis, isPeriod, type Provenance } from "../domain/observation.js";
import type { Problem } from "../errors.js";
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
      problems.push({ row: 1, column: raw, message: `is not a known column (expected ${OBSERVATION_COLUMNS.join(", ")})` });
    }
  });
  for (const c of REQUIRED_OBSERVATION_COLUMNS) {
    if (columns[c] === undefined) problems.push({ row: 1, column: c, message: "is missing from the header" });
  }
  return { columns, problems };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number written with "." and no thousands separators. */
export function parseValue(text: string): { value: number } | { message: string } {
  const t = text.trim();
  if (t === "") return { message: "is required" };
  if (/^[+-]?[\d.]*,[\d.,]*$/.test(t)) return { message: 'is not a number (use "." as decimal separator and no thousands separators)' };
  if (!NUMBER.test(t)) return { message: "is not a number" };
  const value = Number(t);
  if (!Number.isFinite(value)) return { message: "is not a finite number" };
  return { value };
}

/** Checks one data row; returns the parsed row, or every problem found in it. */
export function validateObservationRow(
  row: number,
  fields: string[],
  columns: ColumnMap,
  known: KnownKeys,
): { ok: ObservationRow } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const expected = Object.keys(columns).length;
  if (fields.length !== expected) {
    problems.push({ row, message: `has ${fields.length} fields, expected ${expected}` });
    return { problems };
  }
  // An export guards formula-like text with an apostrophe (csv-cells.ts); reading it back restores the text.
  const get = (c: Column): string => restoreFormulaText(columns[c] === undefined ? "" : (fields[columns[c]!] ?? "").trim());
  const bad = (column: Column, value: string, message: string) => problems.push({ row, column, value, message });

  const city = get("city");
  if (city === "") bad("city", city, "is required");
  else if (!known.cities.has(city)) bad("city", city, "is not a known city slug (find slugs with: citybridge cities search NAME)");

  const indicator = get("indicator");
  if (indicator === "") bad("indicator", indicator, "is required");
  else if (!known.indicators.has(indicator)) bad("indicator", indicator, "is not an indicator code (see GET /api/v1/indicators)");

  const period = get("period");
  if (!isPeriod(period)) bad("period", period, "must be a year (2019) or a date (2019-06-30)");

  const rawValue = get("value");
  const parsed = parseValue(rawValue);
  if ("message" in parsed) bad("value", rawValue, parsed.message);

  const source = get("source");
  if (source === "") bad("source", source, "is required");
  else if (source.length > 300) bad("source", `${source.slice(0, 40)}…`, "is longer than 300 characters");

  const note = get("note");
  if (note.length > 2000) bad("note", `${note.slice(0, 40)}…`, "is longer than 2000 characters");

  const provenance: Record<"place" | "match" | "quality", string> = { place: get("place"), match: get("match"), quality: get("quality") };
  for (const c of ["place", "match", "quality"] as const) {
    if (provenance[c].length > 500) bad(c, `${provenance[c].slice(0, 40)}…`, "is longer than 500 characters");
  }
  const basis = get("basis");
  if (basis !== "" && !(BASES as readonly string[]).includes(basis)) bad("basis", basis, `must be one of ${BASES.join(", ")} (or empty)`);

  if (problems.length > 0 || "message" in parsed) return { problems };
  const orNull = (s: string): string | null => (s === "" ? null : s);
  return {
    ok: {
      row, city, indicator, period, value: parsed.value, source, note: orNull(note),
      place: orNull(provenance.place), match: orNull(provenance.match), basis: orNull(basis) as Basis | null, quality: orNull(provenance.quality),
    },
  };
}
