/**
 * Imports a generated 1,000,000-row observations CSV into a fresh SQLite database and records
 * time and peak memory, to show the import streams (peak RSS stays far below what holding the
 * parsed file would take). For comparison it measures, in a child process, the memory of the
 * naive approach: reading the whole file and parsing it at once with csv-parse/sync.
 *
 * Run: npx tsx bench/import-observations.ts [rows]   → bench/results/import-observations.json
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "../src/db/index.js";
import { createContext } from "../src/services/context.js";
import { importObservations } from "../src/services/import-observations.js";
import { seed } from "../src/services/seed.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "citybridge-bench-"));
const csvPath = join(dir, "observations.csv");

async function generate(): Promise<void> {
  const out = createWriteStream(csvPath);
  out.write("city,indicator,period,value,source,note\n");
  const cities = ["chongqing-cn", "zhengzhou-cn", "changchun-cn", "shantou-cn", "longyan-cn", "mannheim-de", "prague-cz", "malaga-es"];
  const indicators = ["air.pm25_annual", "air.pm10_annual", "air.no2_annual", "air.good_days_share"];
  const series = cities.length * indicators.length;
  const start = Date.UTC(1940, 0, 1);
  for (let i = 0; i < rows; i++) {
    const city = cities[i % cities.length];
    const indicator = indicators[Math.floor(i / cities.length) % indicators.length];
    const day = new Date(start + Math.floor(i / series) * 86_400_000).toISOString().slice(0, 10);
    const line = `${city},${indicator},${day},${((i * 7919) % 1000) / 10},bench-generated,\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function naivePeakRssMb(): number {
  const script = `
    const { readFileSync } = require("node:fs");
    const { parse } = require("csv-parse/sync");
    const records = parse(readFileSync(process.argv[1]), { columns: true });
    process.stdout.write(String(Math.round(process.resourceUsage().maxRSS / 1024) + ":" + records.length));
  `;
  const out = execFileSync(process.execPath, ["-e", script, csvPath], { encoding: "utf8", maxBuffer: 1 << 20 });
  return Number(out.split(":")[0]);
}

await generate();
const bytes = statSync(csvPath).size;
const database = openDatabase({ databaseUrl: null, sqlitePath: join(dir, "bench.db") });
await migrateToLatest(database.db);
const ctx = createContext(database);
await seed(ctx);
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const result = await importObservations(ctx, { open: () => createReadStream(csvPath), importedBy: "bench" });
const seconds = (performance.now() - t0) / 1000;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await database.close();
const naive = naivePeakRssMb();

const report = {
  benchmark: "import-observations",
  date: new Date().toISOString(),
  node: process.version,
  rows,
  fileMb: Math.round(bytes / 1024 / 1024),
  result,
  seconds: Number(seconds.toFixed(1)),
  rowsPerSecond: Math.round(rows / seconds),
  citybridge: { rssBeforeImportMb: Math.round(rssBefore / 1024 / 1024), peakRssMb },
  peer: { name: "read whole file + csv-parse/sync (naive)", peakRssMb: naive },
};
writeFileSync(new URL("./results/import-observations.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
rmSync(dir, { recursive: true, force: true });
