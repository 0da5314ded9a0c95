/**
 * The stored figures of an air import, for comparing two versions of the import on the same
 * file: imports FILE (OpenAQ archive CSV) for Beijing into a fresh SQLite database, the same
 * setup as bench/air-ingest.ts, and writes every stored row of air_daily, air_annual,
 * air_stations and the city's air.* observations, in key order and without the import time,
 * as JSON lines to OUT. Two versions stored identical figures when their OUT files are equal
 * (`cmp a.jsonl b.jsonl`); numbers are written as JSON writes them (shortest round-trip form),
 * so any difference in a last bit shows.
 *
 * With DuckDB's default threads the stored sums can differ in their last bit from one run to the
 * next, even of the same version: the threads' partial sums of a group are added in the order
 * the threads finish (two runs of the import at 2 threads, 10M rows: 557 of 73,179 rows
 * differed, by 1–2 units in the last place). `--threads 1` makes a run repeatable, for comparing
 * two versions exactly.
 *
 * `--engine duckdb` reads every file with DuckDB (the default, `auto`, scans a canonical OpenAQ
 * file with citybridge's own scanner: openaq-scan.ts), to compare the two readers' figures.
 *
 * Run: npx tsx bench/air-ingest-compare.ts FILE OUT.jsonl [--threads N] [--engine auto|duckdb]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { migrateToLatest, openDatabase } from "../src/db/index.js";
import { createContext } from "../src/services/context.js";
import { importAir } from "../src/services/import-air.js";

const [file, out, ...flags] = process.argv.slice(2);
const flag = (name: string): string | undefined => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
const threads = flag("--threads") === undefined ? undefined : Number(flag("--threads"));
const engine = flag("--engine") as "auto" | "duckdb" | undefined;
if (!file || !out) {
  console.error("usage: npx tsx bench/air-ingest-compare.ts FILE OUT.jsonl [--threads N] [--engine auto|duckdb]");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "citybridge-air-compare-"));
try {
  const database = openDatabase({ databaseUrl: null, sqlitePath: join(dir, "compare.db") });
  await migrateToLatest(database.db);
  const ctx = createContext(database);
  const catalogue = JSON.parse(readFileSync(new URL("../data/indicators.json", import.meta.url), "utf8")) as { sources: never[]; indicators: never[] };
  const at = "2026-01-01T00:00:00.000Z";
  await ctx.sources.upsertMany([{ id: "geonames", citation: "GeoNames", url: null, licence: "CC BY 4.0" }, ...catalogue.sources], at);
  await ctx.indicators.upsertMany(catalogue.indicators);
  await ctx.cities.upsertMany([
    { slug: "beijing-cn", geonamesId: 1816670, names: { en: "Beijing", zh: "北京市", local: "北京市" }, country: "CN", region: "Eastern Asia", admin1: "22", coordinates: { lat: 39.9075, lon: 116.39723 }, population: { value: 11716620, year: null, source: "geonames" }, areaKm2: null, timezone: "Asia/Shanghai" },
  ]);
  const result = await importAir(ctx, { path: file, city: "beijing-cn", importedBy: "compare", now: new Date(at), duckdb: { ...(threads ? { threads } : {}), ...(engine ? { engine } : {}) } });
  const lines: string[] = [JSON.stringify({ result: { ...result, rules: undefined } })];
  const dump = async (table: string, order: string, where = "1 = 1") => {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${sql.raw(where)} order by ${sql.raw(order)}`.execute(database.db);
    for (const r of rows) lines.push(JSON.stringify({ table, ...r }));
    return rows.length;
  };
  const counts = {
    air_daily: await dump("air_daily", "scope, subject, date"),
    air_annual: await dump("air_annual", "scope, subject, year"),
    air_stations: await dump("air_stations", "id"),
    observations: await dump("observations", "city_slug, indicator_code, period", "indicator_code like 'air.%'"),
  };
  await database.close();
  writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(JSON.stringify(counts));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
