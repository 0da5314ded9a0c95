/**
 * Practice search at 100,000 practices: citybridge's full search (tokenize with jieba/folding,
 * FTS5 match, measured boost, facet counts — and, as the API does, loading the 20 hits and
 * highlighting snippets) against a bare FTS5 `MATCH … ORDER BY bm25 LIMIT 20` of the same tokens
 * and against MiniSearch (in-memory JS index) over the same token text, in the same run.
 *
 * Synthetic corpus, fixed seed: English-like words from a 20,000-word vocabulary with Zipf
 * frequencies (s = 1), plus Chinese text drawn from a Zipf vocabulary of 3,000 two-to-four-character
 * words. 1,000 queries of one to three words (one in five Chinese), words drawn with the same
 * Zipf law.
 *
 * The build ends as `citybridge practices import` of a large file does: FTS5 'optimize'.
 *
 * Run: npx tsx bench/practice-search.ts [practices] [queries]   → bench/results/practice-search.json
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import MiniSearch from "minisearch";
import { migrateToLatest, openDatabase } from "../src/db/index.js";
import { fts5Match } from "../src/db/repositories/practice-index.js";
import { queryTerms } from "../src/engines/search/tokenize.js";
import { PracticeRepository } from "../src/db/repositories/practice.repository.js";
import { createContext } from "../src/services/context.js";
import { preparePractices } from "../src/services/prepare-practices.js";
import { chineseSegmenter } from "../src/services/practice-segmenter.js";
import { searchPractices } from "../src/services/search-practices.js";
import { practice, queries as makeQueries } from "./practice-corpus.js";

const N = Number(process.argv[2] ?? 100_000);
const Q = Number(process.argv[3] ?? 1_000);

// Queries are drawn first, then the documents, from the one seeded random stream.
const queries = makeQueries(Q);
const dir = mkdtempSync(join(tmpdir(), "citybridge-bench-practices-"));
const database = openDatabase({ databaseUrl: null, sqlitePath: join(dir, "bench.db") });
await migrateToLatest(database.db);
const ctx = createContext(database);

// Build: generate, tokenize (jieba + folding), write practices and their FTS5 rows in transactions of 5,000.
let tokenizeMs = 0;
let writeMs = 0;
const miniDocs: { id: number; title: string; body: string }[] = [];
for (let start = 0; start < N; start += 5_000) {
  const records = Array.from({ length: Math.min(5_000, N - start) }, (_, k) => practice(start + k));
  let t = performance.now();
  const writes = await preparePractices(ctx, records);
  tokenizeMs += performance.now() - t;
  t = performance.now();
  await ctx.practices.saveMany(writes, "bench", "2026-01-01T00:00:00.000Z");
  writeMs += performance.now() - t;
  writes.forEach((w, k) => miniDocs.push({ id: start + k, title: w.tokens.title.join(" "), body: w.tokens.body.join(" ") }));
  process.stderr.write(`\rindexed ${Math.min(N, start + 5_000)} / ${N}`);
}
process.stderr.write("\n");
// What `citybridge practices import` does after a bulk load: merge the FTS5 segments.
let t = performance.now();
await ctx.practices.optimizeIndex();
const optimizeMs = performance.now() - t;

t = performance.now();
const mini = new MiniSearch({ fields: ["title", "body"], idField: "id", tokenize: (s) => s.split(" ") });
mini.addAll(miniDocs);
const miniBuildMs = performance.now() - t;
miniDocs.length = 0;

function stats(ms: number[]): { medianMs: number; p95Ms: number; meanMs: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { medianMs: +q(0.5).toFixed(3), p95Ms: +q(0.95).toFixed(3), meanMs: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3) };
}

const timings = { full: [] as number[], fullOneConnection: [] as number[], repository: [] as number[], bare: [] as number[], minisearch: [] as number[] };
// The same search with everything on the one connection (no facet count beside the ranking): what
// a request costs when the second core is busy with other work.
const oneConnection = { ...ctx, practices: new PracticeRepository(database.db, database.dialect, null) };
let hitsFull = 0;
let emptyQueries = 0;
// Warm up the page cache and jieba once before measuring.
await searchPractices(ctx, { q: queries[0] });
// The measurements of a query run in rotating order (query i starts with the (i mod 5)-th),
// so that none of them always meets the pages and caches the one before it warmed.
for (const [i, q] of queries.entries()) {
  const runs: (() => Promise<void>)[] = [
    async () => {
      const t0 = performance.now();
      const r = await searchPractices(ctx, { q });
      timings.full.push(performance.now() - t0);
      hitsFull += r.total;
      if (r.total === 0) emptyQueries++;
    },
    async () => {
      const t0 = performance.now();
      await searchPractices(oneConnection, { q });
      timings.fullOneConnection.push(performance.now() - t0);
    },
    async () => {
      const t0 = performance.now();
      await ctx.practices.search({ terms: queryTerms(q, chineseSegmenter), limit: 20, offset: 0 });
      timings.repository.push(performance.now() - t0);
    },
    async () => {
      const t0 = performance.now();
      const terms = queryTerms(q, chineseSegmenter);
      await sql`select rowid from practice_fts where practice_fts match ${fts5Match(terms)} order by bm25(practice_fts) limit 20`.execute(database.db);
      timings.bare.push(performance.now() - t0);
    },
    async () => {
      const t0 = performance.now();
      mini.search(queryTerms(q, chineseSegmenter).join(" "), { prefix: true, combineWith: "AND", boost: { title: 4 } }).slice(0, 20);
      timings.minisearch.push(performance.now() - t0);
    },
  ];
  for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
}

const full = stats(timings.full);
const bare = stats(timings.bare);
const ms = stats(timings.minisearch);
const report = {
  benchmark: "practice-search",
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)) },
  practices: N,
  queries: Q,
  meanMatchesPerQuery: Math.round(hitsFull / Q),
  queriesWithNoMatch: emptyQueries,
  build: {
    tokenizeSeconds: +(tokenizeMs / 1000).toFixed(1),
    sqliteWriteWithFts5Seconds: +(writeMs / 1000).toFixed(1),
    fts5OptimizeSeconds: +(optimizeMs / 1000).toFixed(1),
    minisearchBuildSeconds: +(miniBuildMs / 1000).toFixed(1),
  },
  latency: {
    fullSearch: { ...full, includes: "tokenize, FTS5 match, measured boost, facet counts (on a second read-only connection in a worker thread, beside the ranking), load 20 practices, highlight snippets, suggestions when empty" },
    fullSearchOneConnection: { ...stats(timings.fullOneConnection), includes: "the same, with the facet count after the ranking on the one connection" },
    repositorySearch: { ...stats(timings.repository), includes: "tokenize, FTS5 match with measured boost and filters (one statement), facet counts (a second statement)" },
    bareFts5: { ...bare, includes: "tokenize, MATCH … ORDER BY bm25 LIMIT 20" },
    minisearch: { ...ms, includes: "tokenize, MiniSearch search (prefix, AND), first 20" },
  },
  targets: {
    fullP95WithinOneAndHalfOfBare: { ratio: +(full.p95Ms / bare.p95Ms).toFixed(2), met: full.p95Ms <= 1.5 * bare.p95Ms },
    oneConnectionP95WithinOneAndHalfOfBare: { ratio: +(stats(timings.fullOneConnection).p95Ms / bare.p95Ms).toFixed(2), met: stats(timings.fullOneConnection).p95Ms <= 1.5 * bare.p95Ms },
    fullFasterThanMiniSearch: { p95Ratio: +(full.p95Ms / ms.p95Ms).toFixed(2), medianRatio: +(full.medianMs / ms.medianMs).toFixed(2), met: full.p95Ms < ms.p95Ms },
  },
};
await database.close();
rmSync(dir, { recursive: true, force: true });
if (N === 100_000 && Q === 1_000) writeFileSync(new URL("./results/practice-search.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
