import { highlight, type SnippetPart } from "../engines/search/highlight.js";
import { suggestTerms } from "../engines/search/suggest-terms.js";
import { isHanToken, queryTerms } from "../engines/search/tokenize.js";
import type { PracticeCard } from "../db/repositories/practice.repository.js";
import type { PracticeSearchResult, PracticeTheme } from "../domain/practice.js";
import type { AppContext } from "./context.js";
import { chineseSegmenter } from "./practice-segmenter.js";

export interface PracticeSearch {
  /** Words in English and/or Chinese; each must occur (as a word prefix). Empty lists everything. */
  q?: string;
  theme?: PracticeTheme;
  country?: string;
  region?: string;
  measured?: boolean;
  /** The language of the reader: the summary shown when no query word matches. */
  lang?: "en" | "zh";
  limit?: number;
  offset?: number;
}

/** The highlighted extract: the first field that contains a query term, else the start of a summary. */
function snippetOf(p: PracticeCard, terms: string[], lang: "en" | "zh"): { parts: SnippetPart[] | null; lang: "en" | "zh" | null } {
  const fields: [string | null, "en" | "zh"][] = [
    [p.summary.en, "en"], [p.summary.zh, "zh"], ...p.measures.map((m): [string, "en"] => [m, "en"]), [p.transferability, "en"], [p.title.en, "en"], [p.title.zh, "zh"],
  ];
  for (const [f, fieldLang] of fields) {
    const s = f && terms.length ? highlight(f, terms) : null;
    if (s) return { parts: s, lang: fieldLang };
  }
  // No query word in the text: the start of the summary in the asked language, else the other one.
  const other = lang === "zh" ? "en" : "zh";
  const firstLang = p.summary[lang] ? lang : p.summary[other] ? other : null;
  const first = firstLang ? p.summary[firstLang] : null;
  return first ? { parts: [{ text: first.length > 180 ? `${first.slice(0, 180)}…` : first, match: false }], lang: firstLang } : { parts: null, lang: null };
}

/**
 * Searches the practice library in the database's full-text index: the query is tokenized
 * like the documents (jieba for Chinese, folding for Latin text), every term must match as a
 * prefix, practices with measured outcomes are boosted, and facets count the matches. When
 * nothing matches, close spellings of the query words are suggested.
 */
export async function searchPractices(ctx: AppContext, s: PracticeSearch): Promise<PracticeSearchResult> {
  const terms = queryTerms(s.q ?? "", chineseSegmenter);
  const readerLang = s.lang ?? "en";
  const found = await ctx.practices.search({
    terms,
    theme: s.theme,
    country: s.country?.toUpperCase(),
    region: s.region,
    measured: s.measured,
    limit: s.limit ?? 20,
    offset: s.offset ?? 0,
  });
  const practices = await ctx.practices.cards(found.hits.map((h) => h.id));
  const places = await ctx.practices.places(practices.map((p) => ({ city: p.city, country: p.country })));
  const score = new Map(found.hits.map((h) => [h.id, h.score]));
  const suggestions: string[] = [];
  if (found.total === 0 && terms.length) {
    // Suggest per word that is not in the index, keeping the other words of the query.
    for (const term of terms) {
      if (isHanToken(term) || (await ctx.practices.hasPrefix(term))) continue;
      for (const alt of suggestTerms(term, await ctx.practices.vocabulary(term))) suggestions.push(terms.map((t) => (t === term ? alt : t)).join(" "));
    }
  }
  return {
    query: s.q ?? "",
    total: found.total,
    results: practices.map((p) => ({
      id: p.id,
      title: p.title,
      city: p.city,
      country: p.country,
      themes: p.themes,
      measured: p.measured,
      score: Math.round((score.get(p.id) ?? 0) * 1e6) / 1e6,
      ...(() => {
        const s = snippetOf(p, terms, readerLang);
        return { snippet: s.parts, snippetLang: s.lang };
      })(),
      cityZh: places.get(`${p.city}|${p.country}`)?.nameZh ?? null,
    })),
    facets: found.facets,
    suggestions: [...new Set(suggestions)].slice(0, 5),
  };
}
