/**
 * Where the air import's time must go: the floors under bench/air-ingest.ts's target (issue 20,
 * import ≤ 1.2 × bare DuckDB). On the same synthetic 10M-row OpenAQ file, in the same run, each
 * step in a fresh child process, rounds alternating, medians compared with the peer's:
 *
 * - `peer`: bare DuckDB read_csv + GROUP BY of the daily means (the target's peer, as in air-ingest.ts);
 * - `read`: DuckDB reading the columns the import needs (station, datetime, parameter, units,
 *   value) with the import's read_csv settings, nothing computed from them;
 * - `hours`: that, with each row's local day and hour by the import's OpenAQ rule (groupSql's input);
 * - `means`: that, grouped into station-day-parameter-unit sums and counts (what the peer computes,
 *   by the import's datetime rule);
 * - `pass`: the DuckDB pass of the import (groupSql), which reads every file that is not a
 *   canonical OpenAQ file: `means` with the maximum, the hour mask, the O3 and CO readings by hour
 *   that the 8-hour means need, and the problem counts;
 * - `scan`: citybridge's own scanner, which reads a canonical OpenAQ file (as this one) instead:
 *   the same groups, in worker threads, merged and sorted for the station-day reader
 *   (openaq-scan.ts);
 * - `write`: the station-days of the last import (69,440 for the default file) written again into
 *   an empty air_daily table with better-sqlite3, one prepared INSERT, one transaction, the
 *   writer's pragmas: the store's floor, whatever computes the rows;
 * - `import`: the whole import (bench/air-ingest.ts's child).
 *
 * The report gives each median, its ratio to the peer, and `passPlusWrite` / `scanPlusWrite`: a
 * reading and the write back to back (the least an import that stores its station-days after
 * reading the file that way can take), beside the target's budget, 1.2 × the peer.
 *
 * Run: npx tsx bench/air-ingest-floors.ts [rows] [rounds]   → bench/results/air-ingest-floors.json
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticOpenAq } from "./air-ingest-data.js";
import { median, r2 } from "./support/processes.js";

const SELF = fileURLToPath(import.meta.url);
const IMPORT = fileURLToPath(new URL("./air-ingest.ts", import.meta.url));
const HEADER = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value".split(",");

type Step = "peer" | "read" | "hours" | "means" | "pass" | "scan" | "write" | "import";
interface Measure {
  wallS: number;
  cpuS: number;
}

/** Child: one DuckDB step over the file, its result materialised in a temporary table. */
async function childDuck(step: Exclude<Step, "write" | "import" | "scan">, csv: string): Promise<Measure> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const { groupSql, openaqRowsSql } = await import("../src/ingest/air-sql.js");
  const rows = openaqRowsSql(csv, HEADER);
  const source = /FROM (read_csv\(.*\))\n/.exec(rows)![1]!;
  const sql: Record<typeof step, string> = {
    peer: `SELECT location_id, parameter, CAST(strptime(substr(datetime, 1, 19), '%Y-%m-%dT%H:%M:%S') - INTERVAL 1 HOUR AS DATE) AS day, avg(value) AS mean, count(value) AS n
      FROM read_csv('${csv}', types = {'datetime': 'VARCHAR'}) GROUP BY ALL`,
    read: `SELECT count(*), max(location_id), max(datetime), max(parameter), max(units), sum(value) FROM ${source}`,
    hours: `WITH ${rows} SELECT count(*), max(st), max(parameter), max(units), sum(value), sum(day), sum(h) FROM u`,
    means: `WITH ${rows} SELECT st, day, parameter, units, sum(value) AS s, count(value) AS n FROM u GROUP BY st, day, parameter, units`,
    pass: groupSql(rows),
  };
  // The peer runs with DuckDB's defaults, as in air-ingest.ts; the import's steps with its settings.
  const instance = await DuckDBInstance.create(":memory:", step === "peer" ? {} : { memory_limit: "512MB", preserve_insertion_order: "false" });
  const con = await instance.connect();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await con.run(`CREATE TEMP TABLE result AS ${sql[step]}`);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  con.closeSync();
  instance.closeSync();
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** Child: citybridge's own scanner over the file (workers as the import uses them), groups merged and sorted. */
async function childScan(csv: string): Promise<Measure> {
  const { scanOpenAq } = await import("../src/ingest/openaq-scan.js");
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const scan = await scanOpenAq(csv, 2);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  if (scan.bail !== "") throw new Error(`the scanner left the file to DuckDB: ${scan.bail}`);
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** Child: the station-days stored in `from` written again into an empty copy of its air_daily table. */
async function childWrite(from: string, scratch: string): Promise<Measure & { rows: number }> {
  const { default: Database } = await import("better-sqlite3");
  const src = new Database(from, { readonly: true });
  const rows = src.prepare("SELECT * FROM air_daily WHERE scope = 'station' ORDER BY subject, date").raw().all() as unknown[][];
  const columns = src.prepare("SELECT * FROM air_daily LIMIT 1").columns().map((c) => c.name);
  src.close();
  copyFileSync(from, scratch);
  const db = new Database(scratch);
  // The writer's pragmas (src/db/sqlite-writer-worker.ts).
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("DELETE FROM air_daily");
  db.exec("VACUUM");
  const insert = db.prepare(`INSERT INTO air_daily (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  db.exec("BEGIN");
  for (const row of rows) insert.run(row);
  db.exec("COMMIT");
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  db.close();
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6, rows: rows.length };
}

function inChild(args: string[]): Measure & { rows?: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Measure & { rows?: number };
}


async function main(): Promise<void> {
  const rowCount = Number(process.argv[2] ?? 10_000_000);
  const rounds = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync("/tmp/citybridge-bench-floors-");
  try {
    const csv = join(dir, "openaq-synthetic.csv");
    await writeSyntheticOpenAq(csv, rowCount);
    const loadBefore = loadavg();
    const steps: Step[] = ["peer", "read", "hours", "means", "pass", "scan", "import", "write"];
    const wall: Record<Step, number[]> = { peer: [], read: [], hours: [], means: [], pass: [], scan: [], write: [], import: [] };
    const cpu: Record<Step, number[]> = { peer: [], read: [], hours: [], means: [], pass: [], scan: [], write: [], import: [] };
    const stored = join(dir, "import.db");
    let written = 0;
    for (let i = 0; i < rounds; i++) {
      for (const step of steps) {
        let m: Measure;
        if (step === "import") {
          for (const x of ["", "-wal", "-shm"]) rmSync(`${stored}${x}`, { force: true });
          m = inChild([IMPORT, "--child", "import", csv, stored]);
        } else if (step === "write") {
          const w = inChild([SELF, "--child", "write", stored, join(dir, "write.db")]);
          written = Number(w.rows);
          m = w;
          for (const x of ["", "-wal", "-shm"]) rmSync(join(dir, `write.db${x}`), { force: true });
        } else m = inChild([SELF, "--child", step, csv]);
        wall[step].push(m.wallS);
        cpu[step].push(m.cpuS);
      }
      console.error(`round ${i + 1}: ${steps.map((s) => `${s} ${wall[s][i]!.toFixed(2)} s`).join(", ")}`);
    }
    const loadAfter = loadavg();
    const peer = median(wall.peer);
    const byStep = Object.fromEntries(
      steps.map((s) => [s, { wallS: wall[s].map(r2), cpuS: cpu[s].map(r2), medianWallS: r2(median(wall[s])), medianCpuS: r2(median(cpu[s])), ofPeer: r2(median(wall[s]) / peer) }]),
    );
    const passPlusWrite = median(wall.pass) + median(wall.write);
    const scanPlusWrite = median(wall.scan) + median(wall.write);
    const report = {
      benchmark: "air-ingest-floors",
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: cpus().length, loadAverageBefore: loadBefore.map(r2), loadAverageAfter: loadAfter.map(r2) },
      input: { rows: rowCount, stationDaysWritten: written },
      rounds,
      steps: byStep,
      budget: { targetRatio: 1.2, wallS: r2(1.2 * peer), afterPassS: r2(1.2 * peer - median(wall.pass)), afterScanS: r2(1.2 * peer - median(wall.scan)) },
      passPlusWrite: { wallS: r2(passPlusWrite), ofPeer: r2(passPlusWrite / peer) },
      scanPlusWrite: { wallS: r2(scanPlusWrite), ofPeer: r2(scanPlusWrite / peer) },
    };
    writeFileSync(new URL("./results/air-ingest-floors.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [, , , step, a, b] = process.argv;
  const m = step === "write" ? await childWrite(a!, b!) : step === "scan" ? await childScan(a!) : await childDuck(step as Exclude<Step, "write" | "import" | "scan">, a!);
  process.stdout.write(`${JSON.stringify(m)}\n`);
} else {
  await main();
}
