import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DatabaseSchema } from "../schema.js";
import { countryCode, FACET_BITS, FACET_SPAN, facetKey, firstKey, tallyKeyCodes } from "./practice-facet-key.js";
import { codesOfKeys } from "./practice-facets.js";
import type { FullTextIndex, IndexTerm, SearchFilter } from "./practice-index.js";
import { fts5Match, lengthWindow, MEASURED_BOOST } from "./practice-index-shared.js";
import { themeBit } from "./practice-rows.js";

/** The rowid conditions of a filter (see practice-facet-key.ts): bit 0 measured, bits 1–7 themes, bits 8–17 country. */
async function keyConditions(db: Kysely<DatabaseSchema>, filter: SearchFilter): Promise<RawBuilder<unknown>> {
  const conditions = [sql`1 = 1`];
  if (filter.measured !== undefined) conditions.push(sql`(rowid & 1) = ${filter.measured ? 1 : 0}`);
  if (filter.theme) conditions.push(sql`((rowid >> 1) & ${themeBit(filter.theme)}) <> 0`);
  if (filter.country) conditions.push(/^[A-Z]{2}$/.test(filter.country) ? sql`((rowid >> 8) & 1023) = ${countryCode(filter.country)}` : sql`1 = 0`);
  if (filter.region) {
    const countries = await db.selectFrom("practice_facets").select("country").distinct().where("region", "=", filter.region).execute();
    conditions.push(countries.length ? sql`((rowid >> 8) & 1023) in (${sql.join(countries.map((c) => countryCode(c.country)))})` : sql`1 = 0`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * SQLite: an FTS5 table (unicode61 over the token text) whose rowid carries the practice's key
 * and facets (practice-facet-key.ts); bm25 with titles weighted 4×. Ranking and facet counts
 * read only what FTS5 returns with each match — no lookup per match.
 */
export const sqliteIndex: FullTextIndex = {
  async write(trx, docs) {
    for (let i = 0; i < docs.length; i += 200) {
      const chunk = docs.slice(i, i + 200);
      for (const d of chunk) if (d.replaces) await sql`delete from practice_fts where rowid >= ${firstKey(d.doc)} and rowid < ${firstKey(d.doc + 1)}`.execute(trx);
      const values = chunk.map((d) => sql`(${facetKey(d.doc, d.facets)}, ${d.tokens.title.join(" ")}, ${d.tokens.body.join(" ")})`);
      await sql`insert into practice_fts (rowid, title, body) values ${sql.join(values)}`.execute(trx);
    }
  },
  async remove(trx, doc) {
    await sql`delete from practice_fts where rowid >= ${firstKey(doc)} and rowid < ${firstKey(doc + 1)}`.execute(trx);
  },
  async search(db, terms, filter, limit, offset, reader) {
    const match = fts5Match(terms);
    const where = await keyConditions(db, filter);
    // One character per match, U+10000 + its 18-bit facet code: counted in JS without a GROUP BY sort.
    const codesQuery = sql<{ codes: string | null }>`
      select group_concat(char(65536 + (rowid & ${FACET_SPAN - 1})), '') as codes
      from practice_fts where practice_fts match ${match} and ${where}`;
    // Both statements walk every match; the count goes to the second connection first, so that
    // both cores work at once. The two read committed data: a write landing between them can
    // make the counts one commit newer than the hits.
    const compiled = codesQuery.compile(db);
    const parallel = reader?.get<{ codes: string | null }>(compiled.sql, compiled.parameters).catch(() => undefined);
    const hits = await sql<{ doc: number; score: number }>`
      select rowid >> ${FACET_BITS} as doc, -bm25(practice_fts, 4.0, 1.0) * (case when rowid & 1 then ${MEASURED_BOOST} else 1.0 end) as score
      from practice_fts where practice_fts match ${match} and ${where}
      order by score desc, rowid limit ${limit} offset ${offset}`.execute(db);
    const fromReader = parallel ? await parallel : undefined;
    const codes = fromReader ?? (await codesQuery.execute(db)).rows[0];
    return { hits: hits.rows.map((h) => ({ doc: Number(h.doc), score: Number(h.score) })), counts: codesOfKeys(tallyKeyCodes(codes?.codes ?? "")) };
  },
  async optimize(db) {
    await sql`insert into practice_fts (practice_fts) values ('optimize')`.execute(db);
  },
  async hasPrefix(db, prefix) {
    const r = await sql`select 1 from practice_fts_vocab where term >= ${prefix} and term < ${prefix + "\u{10FFFF}"} limit 1`.execute(db);
    return r.rows.length > 0;
  },
  async vocabulary(db, word) {
    const [lo, hi] = lengthWindow(word);
    // fts5vocab answers range constraints on `term` from the index: words that share the first
    // letter (spelling mistakes rarely hit it), instead of a scan of the whole vocabulary.
    const first = [...word][0] ?? "";
    const r = await sql<IndexTerm>`select term, doc as documents from practice_fts_vocab
      where term >= ${first} and term < ${first + "\u{10FFFF}"} and length(term) between ${lo} and ${hi}`.execute(db);
    return r.rows;
  },
};

