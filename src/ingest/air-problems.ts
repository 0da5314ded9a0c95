import { createReadStream } from "node:fs";
import type { AirFormat } from "../domain/air.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { csvRecords } from "./csv-records.js";
import { OPENAQ_PARAMETERS, UNIT_SPELLINGS, unitFactor } from "./air-units.js";
import { parseValue } from "./observation-row.js";

const UCI_POLLUTANT_COLUMNS = ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"];
/** A local date-time as the DuckDB pass reads it: seconds required, optional fraction and offset (the offset is left aside). */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const isGap = (t: string): boolean => t.trim() === "" || t.trim() === "NA";

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Years 1901–2199, a real date, hours 0–23 (or 24:00:00, the end of the day), minutes and seconds 0–59. */
function validDateTime(text: string): boolean {
  const m = DATETIME.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y <= 1900 || y >= 2200 || !validDate(y, mo, d) || mi > 59 || s > 59) return false;
  return h < 24 || (h === 24 && mi === 0 && s === 0 && !m[7]);
}

/** A measured value: a gap (empty, NA) or a finite number. */
function valueProblem(text: string): string | null {
  if (isGap(text)) return null;
  const parsed = parseValue(text);
  return "message" in parsed ? parsed.message : null;
}

function wholeNumber(text: string): boolean {
  return /^[+-]?\d+$/.test(text.trim());
}

/** The problems of one OpenAQ row (header positions in `at`). */
function openaqRow(row: number, get: (c: string) => string): Problem[] {
  const problems: Problem[] = [];
  const bad = (column: string, message: string) => problems.push({ row, column, value: get(column), message });
  const id = get("location_id");
  if (isGap(id)) bad("location_id", "is required");
  else if (!wholeNumber(id)) bad("location_id", "is not a whole number");
  const sensor = get("sensors_id");
  if (!isGap(sensor) && !wholeNumber(sensor)) bad("sensors_id", "is not a whole number");
  for (const c of ["lat", "lon"]) {
    const v = get(c);
    if (!isGap(v) && "message" in parseValue(v)) bad(c, "is not a number");
  }
  if (!validDateTime(get("datetime"))) bad("datetime", "is not a local date-time like 2023-01-01T01:00:00+08:00");
  const pollutant = OPENAQ_PARAMETERS[get("parameter")];
  if (pollutant && unitFactor(pollutant, get("units")) === null) {
    const usable = Object.values(UNIT_SPELLINGS).map((spellings) => spellings[0]).filter((u) => unitFactor(pollutant, u) !== null);
    bad("units", `cannot be used for ${get("parameter")} (use ${usable.join(", ")})`);
  }
  const vp = valueProblem(get("value"));
  if (vp) bad("value", vp);
  return problems;
}

/** The problems of one UCI row. */
function uciRow(row: number, get: (c: string) => string): Problem[] {
  const problems: Problem[] = [];
  const bad = (column: string, message: string) => problems.push({ row, column, value: get(column), message });
  const parts = ["year", "month", "day", "hour"].map((c) => {
    const v = get(c);
    if (!wholeNumber(v)) bad(c, isGap(v) ? "is required" : "is not a whole number");
    return Number(v);
  });
  const [y, m, d, h] = parts as [number, number, number, number];
  if (problems.length === 0 && !validDate(y, m, d)) problems.push({ row, column: "day", value: `${y}-${m}-${d}`, message: "is not a date" });
  if (problems.length === 0 && (h < 0 || h > 23)) bad("hour", "is not an hour 0–23");
  for (const c of UCI_POLLUTANT_COLUMNS) {
    const vp = valueProblem(get(c));
    if (vp) bad(c, vp);
  }
  if (get("station").trim() === "") bad("station", "is required");
  return problems;
}

/**
 * Reads the file again, as a stream, to name every problem row with its column, value and reason
 * (the DuckDB pass only counts them). Used when an import is rejected, so it need not be fast.
 * Returns at most `max` problems and the total count.
 */
export async function locateAirProblems(path: string, format: AirFormat, max = 1000): Promise<{ problems: Problem[]; total: number }> {
  const problems: Problem[] = [];
  let total = 0;
  let header: string[] | null = null;
  const check = format === "openaq" ? openaqRow : uciRow;
  try {
    for await (const rec of csvRecords(createReadStream(path))) {
      if (header === null) {
        header = rec.fields.map((f) => f.trim());
        continue;
      }
      let found: Problem[];
      if (rec.fields.length !== header.length) found = [{ row: rec.row, message: `has ${rec.fields.length} fields, expected ${header.length}` }];
      else {
        const fields = rec.fields;
        const at = header;
        found = check(rec.row, (c) => (fields[at.indexOf(c)] ?? "").trim());
      }
      total += found.length;
      for (const p of found) if (problems.length < max) problems.push(p);
    }
  } catch (err) {
    // A broken quote ends the file for the reader: report it with what was found before.
    if (err instanceof InvalidInputError) {
      total += err.problems.length;
      for (const p of err.problems) if (problems.length < max) problems.push(p);
    } else throw err;
  }
  return { problems, total };
}
