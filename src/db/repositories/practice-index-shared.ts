import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Dialect } from "../database.js";
import type { DatabaseSchema } from "../schema.js";
import { tallyCodes } from "./practice-facets.js";
import type { IndexSearch, SearchFilter } from "./practice-index.js";
import { themeBit } from "./practice-rows.js";

/** Measured practices rank this much higher than unmeasured ones with the same text match. */
export const MEASURED_BOOST = 1.5;

/**
 * Search by joining matches to the narrow practice_facets table (PostgreSQL, and every dialect
 * when there are no terms): the ranked page in one statement, and one string of 3-character
 * facet codes (country, then 48 + measured + 2 × themes) of every match in a second one,
 * counted here — cheaper than a GROUP BY that sorts every match.
 */
export async function joinedSearch(
  db: Kysely<DatabaseSchema>,
  sources: { matches: RawBuilder<{ doc: number; rank: number }>; docs: RawBuilder<{ doc: number }> },
  dialect: Dialect,
  filter: SearchFilter,
  limit: number,
  offset: number,
): Promise<IndexSearch> {
  const conditions = [sql`1 = 1`];
  if (filter.theme) conditions.push(sql`(f.themes_mask & ${themeBit(filter.theme)}) <> 0`);
  if (filter.country) conditions.push(sql`f.country = ${filter.country}`);
  if (filter.region) conditions.push(sql`f.region = ${filter.region}`);
  if (filter.measured !== undefined) conditions.push(sql`f.measured = ${filter.measured ? 1 : 0}`);
  const where = sql.join(conditions, sql` and `);
  const hits = await sql<{ doc: number; score: number }>`
    select x.doc, cast(x.rank * (case when f.measured = 1 then ${MEASURED_BOOST} else 1.0 end) as double precision) as score
    from (${sources.matches}) x join practice_facets f on f.doc = x.doc
    where ${where}
    order by score desc, x.doc limit ${limit} offset ${offset}`.execute(db);
  const codes = await sql<{ codes: string | null }>`
    select ${dialect === "postgres" ? sql`string_agg(f.country || chr(48 + f.measured + 2 * f.themes_mask), '')` : sql`group_concat(f.country || char(48 + f.measured + 2 * f.themes_mask), '')`} as codes
    from (${sources.docs}) x join practice_facets f on f.doc = x.doc
    where ${where}`.execute(db);
  return { hits: hits.rows.map((h) => ({ doc: Number(h.doc), score: Number(h.score) })), counts: tallyCodes(codes.rows[0]?.codes ?? "") };
}

/** Every practice, for a search without terms (rank 1 for all). */
export const allDocs = { matches: sql<{ doc: number; rank: number }>`select doc, 1.0 as rank from practice_facets`, docs: sql<{ doc: number }>`select doc from practice_facets` };

/** Tokens contain only letters and digits (see tokenize), but quote them anyway. */
const fts5Phrase = (t: string) => `"${t.replace(/"/g, '""')}"*`;

/** FTS5 MATCH expression: every term as a prefix. `congest` → `"congest"*`. */
export function fts5Match(terms: string[]): string {
  return terms.map(fts5Phrase).join(" AND ");
}

/** tsquery text: every term as a prefix. `congest` → `congest:*`. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `'${t.replace(/[\\']/g, (c) => `\\${c}`)}':*`).join(" & ");
}

export const lengthWindow = (word: string) => {
  const n = [...word].length;
  return [Math.max(1, n - 2), n + 2] as const;
};

