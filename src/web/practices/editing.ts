/**
 * Typed client for the practice library's writes (`/api/v1/practices`): create, replace against
 * the ETag of the version read (If-Match; 409 with the current practice when someone saved
 * first), import a JSON or CSV file (all or nothing, every problem listed) and the export links.
 */
import { ApiError, type Problem } from "../api";
import type { Practice, PracticeTheme } from "../practices-api";

/** A practice in the import/export format (the body of create and replace). */
export interface PracticeRecord {
  id: string;
  title_en: string | null;
  title_zh: string | null;
  city: string;
  country: string;
  themes: PracticeTheme[];
  start_year: number | null;
  end_year: number | null;
  summary_en: string | null;
  summary_zh: string | null;
  measures: string[];
  outcomes: {
    metric: string; value: number | string; unit: string; baseline: number | null; year: number | null; note: string | null;
    source_url: string; indicator: string | null; kind: "measured" | "modelled" | "target";
  }[];
  cost: { amount: number; currency: string; note: string | null; source_url: string } | null;
  transferability: string | null;
  assessment: Practice["assessment"];
  sources: { title: string; url: string; publisher: string | null; year: number | null }[];
}

export interface PracticeImportResult { practices: number; created: number; updated: number }

/** The stored practice in the format the form edits and the API accepts (as the export writes it). */
export function recordOf(p: Practice): PracticeRecord {
  return {
    id: p.id, title_en: p.title.en, title_zh: p.title.zh, city: p.city, country: p.country, themes: p.themes,
    start_year: p.startYear, end_year: p.endYear, summary_en: p.summary.en, summary_zh: p.summary.zh, measures: p.measures,
    outcomes: p.outcomes.map((o) => ({
      metric: o.metric, value: o.valueMax === null ? o.value : `${o.value}-${o.valueMax}`, unit: o.unit, baseline: o.baseline, year: o.year,
      note: o.note, source_url: o.source.url ?? "", indicator: o.indicator, kind: o.kind,
    })),
    cost: p.cost ? { amount: p.cost.amount, currency: p.cost.currency, note: p.cost.note, source_url: p.cost.source.url ?? "" } : null,
    transferability: p.transferability,
    assessment: p.assessment,
    sources: p.sources.map((s) => ({ title: s.title, url: s.url ?? "", publisher: s.publisher, year: s.year })),
  };
}

async function send<T>(method: string, url: string, body: BodyInit, contentType: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method, headers: { accept: "application/json", "content-type": contentType, ...headers }, body });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (data as Problem | null) ?? { status: res.status, title: res.statusText });
  return data as T;
}

const enc = encodeURIComponent;

export const practiceEditing = {
  create: (r: PracticeRecord) => send<Practice>("POST", "/api/v1/practices", JSON.stringify(r), "application/json"),
  /** Replaces the practice if it is still the version `basedOn` (its updatedAt, sent as the ETag). */
  replace: (id: string, r: PracticeRecord, basedOn: string) =>
    send<Practice>("PUT", `/api/v1/practices/${enc(id)}`, JSON.stringify(r), "application/json", { "if-match": `"${basedOn}"` }),
  /** A JSON array or a CSV file as exported; all or nothing on the server. */
  importFile: (file: Blob, format: "json" | "csv") =>
    send<PracticeImportResult>("POST", "/api/v1/practices/import", file, format === "json" ? "application/json" : "text/csv"),
  exportUrl: (format: "json" | "csv") => `/api/v1/practices/export?format=${format}`,
};

/** The file's format from its name or type: .json / application/json is JSON, anything else CSV. */
export function formatOf(file: { name: string; type: string }): "json" | "csv" {
  return /\.json$/i.test(file.name) || file.type === "application/json" ? "json" : "csv";
}
