import { foldText } from "../../domain/text.js";

/**
 * Splits a run of Chinese characters into words (e.g. jieba's `cutForSearch`). Passed in by the
 * caller so that the engine stays pure; it may return overlapping words (公共交通 → 公共, 交通,
 * 公共交通) and punctuation, which `tokenize` drops.
 */
export type Segmenter = (run: string) => string[];

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_WORD = /^\p{Script=Han}+$/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

function latinTokens(text: string, out: string[]): void {
  for (const w of foldText(text).split(NOT_WORD)) if (w) out.push(w);
}

/**
 * Search tokens of a text in English, Chinese or both, in order of appearance (repeats kept,
 * so term frequency counts). Chinese runs are segmented into words by `segment`; all other
 * text is accent-folded (NFKD, marks dropped), case-folded and split on anything that is not a
 * letter or a digit — the same split as SQLite FTS5's `unicode61` tokenizer, so the stored token
 * text is not cut again differently. The same function tokenizes documents and queries.
 *
 * @param text any text (titles, summaries, a user's query)
 * @param segment Chinese word segmenter, e.g. `(s) => jieba.cutForSearch(s, true)`
 * @example tokenize("Stockholm congestion tax 斯德哥尔摩拥堵税", jiebaSearch)
 * //=> ["stockholm", "congestion", "tax", "斯德哥尔摩", "拥堵", "税"]
 * Reference: jieba "search engine mode" (cutForSearch), https://github.com/fxsjy/jieba;
 * SQLite FTS5 unicode61 tokenizer, https://sqlite.org/fts5.html#unicode61_tokenizer.
 */
export function tokenize(text: string, segment: Segmenter): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    latinTokens(text.slice(last, m.index), out);
    for (const w of segment(m[0])) {
      const t = w.trim();
      if (HAN_WORD.test(t)) out.push(t);
    }
    last = m.index + m[0].length;
  }
  latinTokens(text.slice(last), out);
  return out;
}

/**
 * The distinct tokens of a query, in order of first appearance: what every result must contain
 * (each as a prefix, so `congest` finds "congestion").
 * @example queryTerms("Congestion congestion 拥堵", jiebaSearch) //=> ["congestion", "拥堵"]
 */
export function queryTerms(query: string, segment: Segmenter): string[] {
  return [...new Set(tokenize(query, segment))];
}

/** True when a token is Chinese (matched as a word, not folded). */
export function isHanToken(token: string): boolean {
  return HAN_WORD.test(token);
}
