import { createHash } from "node:crypto";
import type { PracticeDraft, PracticeWrite } from "../db/repositories/practice.repository.js";
import { tokenize } from "../engines/search/tokenize.js";
import { PRACTICE_THEME_NAMES, type PracticeRecord } from "../domain/practice.js";
import type { Source } from "../domain/source.js";
import { InvalidInputError, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { chineseSegmenter } from "./practice-segmenter.js";
import { sourceIdFrom } from "./resolve-sources.js";

/** Stable source id for a cited URL: readable prefix plus a short hash, so different pages never collide. */
export function practiceSourceId(url: string): string {
  return `${sourceIdFrom(url).slice(0, 48).replace(/-+$/, "")}-${createHash("sha1").update(url).digest("hex").slice(0, 6)}`;
}

function citation(s: PracticeRecord["sources"][number]): string {
  const by = s.publisher ?? new URL(s.url).hostname;
  return `${by} (${s.year ?? "n.d."}): ${s.title}`;
}

/** "20-25" → [20, 25]; a number → [n, null]. */
function range(v: number | string): [number, number | null] {
  if (typeof v === "number") return [v, null];
  const m = /^(-?\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(v)!;
  return [Number(m[1]), Number(m[2])];
}

/** Title tokens and body tokens of a practice, both languages, plus its theme names in both languages. */
function tokensOf(r: PracticeRecord): PracticeWrite["tokens"] {
  const body = [
    r.summary_en,
    r.summary_zh,
    r.city,
    ...r.themes.flatMap((t) => [PRACTICE_THEME_NAMES[t].en, PRACTICE_THEME_NAMES[t].zh]),
    ...r.measures,
    ...r.outcomes.map((o) => o.metric),
    r.transferability,
  ];
  return {
    title: tokenize([r.title_en, r.title_zh].filter(Boolean).join("\n"), chineseSegmenter),
    body: tokenize(body.filter(Boolean).join("\n"), chineseSegmenter),
  };
}

/**
 * Checks validated records against the database (indicator codes exist) and turns them into
 * what the repository stores: sources by id, the catalogue city and region where one matches,
 * and the search tokens. Throws InvalidInputError listing every problem, with `row` = the
 * record's 1-based position (or the CSV line given in `rows`).
 */
export async function preparePractices(ctx: AppContext, records: PracticeRecord[], rows?: number[]): Promise<PracticeWrite[]> {
  const known = new Set((await ctx.indicators.list()).map((i) => i.code));
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const row = rows?.[i] ?? i + 1;
    if (seen.has(r.id)) problems.push({ row, column: "id", value: r.id, message: `repeats the id of row ${seen.get(r.id)}` });
    seen.set(r.id, row);
    r.outcomes.forEach((o, k) => {
      if (o.indicator && !known.has(o.indicator)) problems.push({ row, column: `outcomes.${k}.indicator`, value: o.indicator, message: "is not an indicator code" });
    });
  });
  if (problems.length) throw new InvalidInputError(`${problems.length} problem(s) found; nothing was imported`, problems.slice(0, 1000), problems.length, { code: "import.nothing_imported", params: { count: problems.length } });

  const places = await ctx.practices.places(records.map((r) => ({ city: r.city, country: r.country })));
  return records.map((r) => {
    const cited: Source[] = r.sources.map((s) => ({ id: practiceSourceId(s.url), citation: citation(s), url: s.url, licence: null }));
    const place = places.get(`${r.city}|${r.country}`);
    const draft: PracticeDraft = {
      id: r.id,
      title: { en: r.title_en, zh: r.title_zh },
      summary: { en: r.summary_en, zh: r.summary_zh },
      city: r.city,
      citySlug: place?.slug ?? null,
      country: r.country,
      region: place?.region ?? null,
      themes: [...new Set(r.themes)],
      startYear: r.start_year,
      endYear: r.end_year,
      measures: r.measures,
      outcomes: r.outcomes.map((o) => {
        const [value, valueMax] = range(o.value);
        return { metric: o.metric, value, valueMax, unit: o.unit, baseline: o.baseline, year: o.year, note: o.note, indicator: o.indicator, kind: o.kind, sourceId: practiceSourceId(o.source_url) };
      }),
      cost: r.cost ? { amount: r.cost.amount, currency: r.cost.currency, note: r.cost.note, sourceId: practiceSourceId(r.cost.source_url) } : null,
      transferability: r.transferability,
      assessment: r.assessment,
      sources: r.sources.map((s) => ({ sourceId: practiceSourceId(s.url), title: s.title, publisher: s.publisher, year: s.year })),
      measured: r.outcomes.some((o) => o.kind === "measured"),
    };
    return { draft, tokens: tokensOf(r), citedSources: cited };
  });
}
