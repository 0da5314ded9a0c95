import type { Outcome, Practice, PracticeTheme } from "../../domain/practice.js";
import { PRACTICE_THEMES } from "../../domain/practice.js";
import type { Source } from "../../domain/source.js";
import type { PracticesTable } from "../schema.js";

/** A practice ready to store: sources by id (the sources themselves travel in `citedSources`). */
export interface PracticeDraft extends Omit<Practice, "outcomes" | "cost" | "sources" | "updatedAt"> {
  outcomes: (Omit<Outcome, "source"> & { sourceId: string })[];
  cost: { amount: number; currency: string; note: string | null; sourceId: string } | null;
  sources: { sourceId: string; title: string; publisher: string | null; year: number | null }[];
}

/** A theme's bit in themes_mask (PRACTICE_THEMES order). */
export const themeBit = (t: PracticeTheme) => 1 << PRACTICE_THEMES.indexOf(t);

type SourceRow = { id: string; citation: string; url: string | null; licence: string | null };
export const sourceOf = (r: SourceRow): Source => ({ id: r.id, citation: r.citation, url: r.url, licence: r.licence });

export function toRow(d: PracticeDraft, doc: number, createdBy: string, createdAt: string, now: string): PracticesTable {
  return {
    id: d.id,
    doc,
    title_en: d.title.en,
    title_zh: d.title.zh,
    summary_en: d.summary.en,
    summary_zh: d.summary.zh,
    city: d.city,
    city_slug: d.citySlug,
    country: d.country,
    region: d.region,
    start_year: d.startYear,
    end_year: d.endYear,
    measures_json: JSON.stringify(d.measures),
    cost_json: d.cost ? JSON.stringify(d.cost) : null,
    transferability: d.transferability,
    assessment_json: d.assessment ? JSON.stringify(d.assessment) : null,
    measured: d.measured ? 1 : 0,
    themes_mask: d.themes.reduce((m, t) => m | themeBit(t), 0),
    created_by: createdBy,
    created_at: createdAt,
    updated_at: now,
  };
}

export function toPractice(r: PracticesTable, themes: PracticeTheme[], sources: Practice["sources"], outcomes: Outcome[], sourceById: Map<string, Source>): Practice {
  const cost = r.cost_json ? (JSON.parse(r.cost_json) as PracticeDraft["cost"]) : null;
  const costSource = cost ? sourceById.get(cost.sourceId) : undefined;
  return {
    id: r.id,
    title: { en: r.title_en, zh: r.title_zh },
    summary: { en: r.summary_en, zh: r.summary_zh },
    city: r.city,
    citySlug: r.city_slug,
    country: r.country,
    region: r.region,
    themes,
    startYear: r.start_year === null ? null : Number(r.start_year),
    endYear: r.end_year === null ? null : Number(r.end_year),
    measures: JSON.parse(r.measures_json) as string[],
    outcomes,
    cost: cost && costSource ? { amount: cost.amount, currency: cost.currency, note: cost.note, source: costSource } : null,
    transferability: r.transferability,
    assessment: r.assessment_json ? (JSON.parse(r.assessment_json) as Practice["assessment"]) : null,
    sources,
    measured: Number(r.measured) === 1,
    updatedAt: r.updated_at,
  };
}
