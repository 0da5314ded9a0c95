import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { type Practice, type PracticeRecord, PracticeRecordSchema } from "../domain/practice.js";
import { InvalidInputError, type Problem } from "../errors.js";
import { restoreFormulaText } from "../ingest/csv-cells.js";
import { toCsv } from "./csv-output.js";

/** Columns of the practices CSV; lists and nested parts are JSON, themes are `;`-separated, measures one per line. */
export const PRACTICE_CSV_COLUMNS = [
  "id", "title_en", "title_zh", "city", "country", "themes", "start_year", "end_year", "summary_en", "summary_zh",
  "measures", "transferability", "outcomes", "cost", "assessment", "sources",
] as const;
const JSON_COLUMNS = new Set(["outcomes", "cost", "assessment", "sources"]);

function issuesToProblems(error: z.ZodError, row: number, value: (path: PropertyKey[]) => unknown): Problem[] {
  return error.issues.map((i) => {
    const v = value(i.path);
    return {
      row,
      column: i.path.map(String).join(".") || "record",
      ...(v === undefined || typeof v === "object" ? {} : { value: String(v).slice(0, 200) }),
      message: i.message,
    };
  });
}

const at = (obj: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k] : undefined), obj);

/** Validates raw records; every problem names the record (1-based `row`) and the field. */
export function validateRecords(raw: unknown[], rowOf: (i: number) => number = (i) => i + 1): { records: PracticeRecord[]; problems: Problem[] } {
  const records: PracticeRecord[] = [];
  const problems: Problem[] = [];
  raw.forEach((item, i) => {
    const r = PracticeRecordSchema.safeParse(item);
    if (r.success) records.push(r.data);
    else problems.push(...issuesToProblems(r.error, rowOf(i), (p) => at(item, p)));
  });
  return { records, problems };
}

/** Reads a JSON import: an array of practice records (or `{ "practices": [...] }`). */
export function recordsFromJson(text: string): { records: PracticeRecord[]; rows: number[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError("the file is not valid JSON", [{ row: 1, message: `is not valid JSON: ${(err as Error).message}` }], undefined, { code: "import.invalid_json" });
  }
  const list = Array.isArray(data) ? data : (data as { practices?: unknown })?.practices;
  if (!Array.isArray(list)) throw new InvalidInputError("expected a JSON array of practices", [{ row: 1, message: 'is not an array of practices (or {"practices": [...]})' }], undefined, { code: "import.not_practice_list" });
  const { records, problems } = validateRecords(list);
  if (problems.length) throw new InvalidInputError(`${problems.length} problem(s) found; nothing was imported`, problems.slice(0, 1000), problems.length, { code: "import.nothing_imported", params: { count: problems.length } });
  return { records, rows: records.map((_, i) => i + 1) };
}

/** Reads a CSV import (header row 1; `row` in problems is the CSV record number counting the header). */
export function recordsFromCsv(text: string): { records: PracticeRecord[]; rows: number[] } {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    throw new InvalidInputError("the file is not valid CSV", [{ row: 1, message: `is not valid CSV: ${(err as Error).message}` }], undefined, { code: "import.not_csv" });
  }
  const problems: Problem[] = [];
  const missing = ["id", "city", "country", "themes", "sources"].filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length) throw new InvalidInputError("the header lacks required columns", missing.map((c) => ({ row: 1, column: c, message: "is a required column" })), undefined, { code: "import.missing_columns", params: { columns: missing.join(", ") } });
  const raw = rows.map((r, i) => {
    const item: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      // An export guards formula-like text with an apostrophe; reading it back restores the text.
      const s = restoreFormulaText(v.trim());
      if (s === "") continue;
      if (JSON_COLUMNS.has(k)) {
        try {
          item[k] = JSON.parse(s);
        } catch {
          problems.push({ row: i + 2, column: k, value: s.slice(0, 200), message: "is not valid JSON" });
        }
      } else if (k === "themes") item[k] = s.split(/[;,]/).map((t) => t.trim()).filter(Boolean);
      else if (k === "measures") item[k] = s.split(/\r?\n/).map((t) => t.trim()).filter(Boolean);
      else if (k === "start_year" || k === "end_year") item[k] = /^\d+$/.test(s) ? Number(s) : s;
      else item[k] = s;
    }
    return item;
  });
  const v = validateRecords(raw, (i) => i + 2);
  problems.push(...v.problems);
  if (problems.length) throw new InvalidInputError(`${problems.length} problem(s) found; nothing was imported`, problems.slice(0, 1000), problems.length, { code: "import.nothing_imported", params: { count: problems.length } });
  return { records: v.records, rows: rows.map((_, i) => i + 2) };
}

/** A stored practice in the import/export format (round-trips through import). */
export function recordOf(p: Practice): PracticeRecord {
  return {
    id: p.id,
    title_en: p.title.en,
    title_zh: p.title.zh,
    city: p.city,
    country: p.country,
    themes: p.themes,
    start_year: p.startYear,
    end_year: p.endYear,
    summary_en: p.summary.en,
    summary_zh: p.summary.zh,
    measures: p.measures,
    outcomes: p.outcomes.map((o) => ({
      metric: o.metric,
      value: o.valueMax === null ? o.value : `${o.value}-${o.valueMax}`,
      unit: o.unit,
      baseline: o.baseline,
      year: o.year,
      note: o.note,
      source_url: o.source.url ?? "",
      indicator: o.indicator,
      kind: o.kind,
    })),
    cost: p.cost ? { amount: p.cost.amount, currency: p.cost.currency, note: p.cost.note, source_url: p.cost.source.url ?? "" } : null,
    transferability: p.transferability,
    assessment: p.assessment,
    sources: p.sources.map((s) => ({ title: s.title, url: s.url ?? "", publisher: s.publisher, year: s.year })),
  };
}

/** Practices as CSV in the import format. */
export function recordsToCsv(records: PracticeRecord[]): string {
  return toCsv(
    records.map((r) =>
      PRACTICE_CSV_COLUMNS.map((c) => {
        const v = r[c];
        if (v === null || v === undefined) return "";
        if (c === "themes") return r.themes.join(";");
        if (c === "measures") return r.measures.join("\n");
        return JSON_COLUMNS.has(c) ? JSON.stringify(v) : String(v);
      }),
    ),
    { header: true, columns: [...PRACTICE_CSV_COLUMNS] },
  );
}
