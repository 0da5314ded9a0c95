import { editDistance } from "./edit-distance.js";

/** A word of the index and the number of documents that contain it. */
export interface VocabularyTerm {
  term: string;
  documents: number;
}

/** The edit distance allowed for a word of this many characters: 1 up to 5 characters, then 2. */
export function allowedDistance(term: string): number {
  return [...term].length <= 5 ? 1 : 2;
}

/**
 * Words of the index close to a query word that found nothing ("did you mean"): within the
 * allowed edit distance, closest first, then the most common.
 *
 * @param vocabulary candidate words with document counts (e.g. from FTS5's fts5vocab table)
 * @param limit how many to return (default 3)
 * @example suggestTerms("congestoin", [{ term: "congestion", documents: 12 }]) //=> ["congestion"]
 * Reference: Levenshtein distance (see editDistance).
 */
export function suggestTerms(word: string, vocabulary: readonly VocabularyTerm[], limit = 3): string[] {
  const max = allowedDistance(word);
  return vocabulary
    .filter((v) => v.term !== word)
    .map((v) => ({ ...v, d: editDistance(word, v.term, max) }))
    .filter((v) => v.d <= max)
    .sort((a, b) => a.d - b.d || b.documents - a.documents || a.term.localeCompare(b.term))
    .slice(0, limit)
    .map((v) => v.term);
}
