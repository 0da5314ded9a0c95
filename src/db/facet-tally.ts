import { randomUUID } from "node:crypto";
import type SQLite from "better-sqlite3";

/**
 * Facet counting in the same pass as the ranked search on SQLite: the search statement calls
 * `cb_facet_tally(token, code)` for every match that passes the filters (before the sort and the
 * LIMIT), and the function appends the match's facet code to the tally of that token. One scan of
 * the full-text matches then gives both the top hits and the counts — instead of a second MATCH
 * for the facets. Tallies are keyed by a per-query token, so concurrent searches never mix.
 */
const tallies = new Map<string, string[]>();

export function registerFacetTally(sqlite: SQLite.Database): void {
  sqlite.function("cb_facet_tally", { deterministic: false, directOnly: true }, (token: unknown, code: unknown) => {
    const t = tallies.get(String(token));
    if (t && typeof code === "string") t.push(code);
    return 1;
  });
}

/** Opens a tally; `take` returns the concatenated codes and closes it. */
export function openTally(): { token: string; take: () => string } {
  const token = randomUUID();
  tallies.set(token, []);
  return {
    token,
    take: () => {
      const codes = tallies.get(token) ?? [];
      tallies.delete(token);
      return codes.join("");
    },
  };
}
