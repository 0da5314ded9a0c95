import { foldText } from "../../domain/text.js";
import { isHanToken } from "./tokenize.js";

/** A piece of a snippet; `match` pieces are shown highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The folded text with, for each folded code unit, the index of the original code unit it came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (cp < 128) {
      // ASCII folds to itself in lower case: the common case, without a normalize call.
      folded += cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : text[i];
      from.push(i++);
      continue;
    }
    const ch = String.fromCodePoint(cp);
    const f = foldText(ch) || (ch.trim() === "" ? " " : "");
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += ch.length;
  }
  from.push(text.length);
  return { folded, from };
}

/** Ranges [start, end) of the original text where the terms occur (Latin terms as word prefixes, extended to the whole word). */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { folded, from } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      let end = at + term.length;
      if (!isHanToken(term)) {
        if (at > 0 && WORD_CHAR.test(folded[at - 1]!)) continue;
        while (end < folded.length && WORD_CHAR.test(folded[end]!)) end++;
      }
      ranges.push([from[at]!, from[end] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A short extract of `text` around the first place where a query term occurs, cut into plain and
 * highlighted parts. Matching follows the search: accent- and case-insensitive, Latin terms as
 * word prefixes (`congest` highlights "congestion"), Chinese terms anywhere. Returns null when
 * no term occurs in the text.
 *
 * @param terms query terms as returned by `queryTerms` (already folded)
 * @param maxChars length of the extract in UTF-16 code units (default 180); "…" marks cuts
 * @example highlight("Cordon charge around the inner city", ["charg"])
 * //=> [{text:"Cordon ",match:false},{text:"charge",match:true},{text:" around the inner city",match:false}]
 */
export function highlight(text: string, terms: readonly string[], maxChars = 180): SnippetPart[] | null {
  const ranges = matchRanges(text, terms);
  const first = ranges[0];
  if (!first) return null;
  let start = Math.max(0, first[0] - Math.floor(maxChars / 4));
  if (start > 0) {
    const space = text.lastIndexOf(" ", first[0]);
    start = space >= start ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > first[1]) end = space;
  }
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), match: false });
    parts.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < text.length) parts.push({ text: "…", match: false });
  return parts;
}
