/**
 * Air-quality ingestion benchmark. Generates a synthetic OpenAQ-archive CSV of 10,000,000 hourly
 * rows (fixed seed; 20 stations × 6 pollutants, ~9.5 years; see air-ingest-data.ts) into /tmp,
 * then times, in the same run and each in a fresh child process (for its own peak memory):
 *
 * - the whole import: `importAir` into a new SQLite database — DuckDB aggregation, completeness
 *   rules, indices under three standards, city days, annual summaries, all writes;
 * - the peer: bare DuckDB `read_csv` + `GROUP BY` of the same daily means (location, parameter,
 *   local date, with OpenAQ's end-of-hour convention), results materialised in DuckDB.
 *
 * Rounds alternate peer and import; the medians are compared. Each round also times the bare
 * query with the import's 8 MB read buffers (not the target's peer; reported beside it). The
 * machine may be shared, so CPU time (user + system, all threads) is recorded beside wall time,
 * with the load average.
 * Both sides load DuckDB's module before their clock starts. On Linux each phase also records
 * the CPU time of the import's own thread (the rest is DuckDB's threads and the SQLite writer's).
 * Target (issue 20): import wall time ≤ 1.2 × the peer's; peak RSS < 1 GiB.
 *
 * Run: npx tsx bench/air-ingest.ts [rows] [rounds]   → bench/results/air-ingest.json
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticOpenAq } from "./air-ingest-data.js";

const SELF = fileURLToPath(import.meta.url);

interface Measure {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  detail: Record<string, unknown>;
}

/** CPU time of this process's main thread so far (Linux: /proc schedstat), null elsewhere. */
function mainThreadCpuS(): number | null {
  try {
    return Number(readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e9;
  } catch {
    return null;
  }
}

/** Child: the whole import into a fresh SQLite database. */
async function childImport(csv: string, dbPath: string): Promise<Measure> {
  const { migrateToLatest, openDatabase } = await import("../src/db/index.js");
  const { createContext } = await import("../src/services/context.js");
  const { importAir } = await import("../src/services/import-air.js");
  // DuckDB's module is loaded before the clock starts, as the peer's is (under tsx its load took
  // 0.2 s of CPU inside the timed import); the instance is created inside, as the peer's is not.
  await import("@duckdb/node-api");
  const database = openDatabase({ databaseUrl: null, sqlitePath: dbPath });
  await migrateToLatest(database.db);
  const ctx = createContext(database);
  const catalogue = JSON.parse(readFileSync(new URL("../data/indicators.json", import.meta.url), "utf8")) as { sources: never[]; indicators: never[] };
  await ctx.sources.upsertMany([{ id: "geonames", citation: "GeoNames", url: null, licence: "CC BY 4.0" }, ...catalogue.sources], new Date().toISOString());
  await ctx.indicators.upsertMany(catalogue.indicators);
  await ctx.cities.upsertMany([
    { slug: "beijing-cn", geonamesId: 1816670, names: { en: "Beijing", zh: "北京市", local: "北京市" }, country: "CN", region: "Eastern Asia", admin1: "22", coordinates: { lat: 39.9075, lon: 116.39723 }, population: { value: 11716620, year: null, source: "geonames" }, areaKm2: null, timezone: "Asia/Shanghai" },
  ]);
  const phases: Record<string, number> = {};
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // Each phase's CPU time (all threads: DuckDB's, the writer's) beside its wall time, and the
  // import's own thread's share (the rest is DuckDB's threads and the SQLite writer's).
  const phaseCpu: Record<string, number> = {};
  const phaseMainCpu: Record<string, number> = {};
  let cpuMark = process.cpuUsage();
  let mainMark = mainThreadCpuS();
  const onPhase = (p: string, ms: number) => {
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    const main = mainThreadCpuS();
    phases[p] = Number((ms / 1000).toFixed(2));
    phaseCpu[p] = Number(((used.user + used.system) / 1e6).toFixed(2));
    if (main !== null && mainMark !== null) phaseMainCpu[p] = Number((main - mainMark).toFixed(2));
    mainMark = main;
  };
  const result = await importAir(ctx, { path: csv, city: "beijing-cn", importedBy: "bench", onPhase });
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const [check] = await ctx.airDaily.series("station", "openaq-7000", { from: "2015-06-01", to: "2015-06-01" });
  await database.close();
  return {
    wallS,
    cpuS: (cpu.user + cpu.system) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    detail: { phasesS: phases, phasesCpuS: phaseCpu, phasesMainThreadCpuS: phaseMainCpu, rows: result.rows, stationDays: result.stationDays, cityDays: result.cityDays, years: result.years.length, observations: result.observations.length, pm25MeanStation7000On20150601: check?.pollutants.pm25.mean ?? null },
  };
}

/**
 * Child: bare DuckDB read_csv + GROUP BY of the daily means (the target's peer), with DuckDB's
 * default 32 MB buffers or, `tuned`, the 8 MB buffers the import reads with (for comparison).
 */
async function childBare(csv: string, tuned: boolean): Promise<Measure> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await con.run(`
    CREATE TABLE daily AS
    SELECT location_id, parameter, CAST(strptime(substr(datetime, 1, 19), '%Y-%m-%dT%H:%M:%S') - INTERVAL 1 HOUR AS DATE) AS day, avg(value) AS mean, count(value) AS n
    FROM read_csv('${csv}', types = {'datetime': 'VARCHAR'}${tuned ? ", buffer_size = 8388608" : ""})
    GROUP BY ALL`);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const rows = (await con.runAndReadAll("SELECT count(*)::INTEGER AS n FROM daily")).getRowObjectsJS()[0]!.n;
  const check = (await con.runAndReadAll("SELECT mean FROM daily WHERE location_id = 7000 AND parameter = 'pm25' AND day = DATE '2015-06-01'")).getRowObjectsJS()[0]?.mean ?? null;
  con.closeSync();
  instance.closeSync();
  return { wallS, cpuS: (cpu.user + cpu.system) / 1e6, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail: { groups: rows, pm25MeanStation7000On20150601: check } };
}

function inChild(mode: "import" | "bare" | "tuned", csv: string, dbPath: string): Measure {
  const r = spawnSync(process.execPath, ["--import", "tsx", SELF, "--child", mode, csv, dbPath], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Measure;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const r2 = (x: number) => Number(x.toFixed(2));

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000_000);
  const rounds = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync("/tmp/citybridge-bench-air-");
  try {
    const csv = join(dir, "openaq-synthetic.csv");
    const g0 = performance.now();
    const generated = await writeSyntheticOpenAq(csv, rows);
    const generateS = (performance.now() - g0) / 1000;
    console.error(`generated ${rows.toLocaleString("en")} rows (${Math.round(statSync(csv).size / 1024 / 1024)} MB) in ${generateS.toFixed(1)} s`);
    const loadBefore = loadavg();
    const bare: Measure[] = [];
    const tuned: Measure[] = [];
    const whole: Measure[] = [];
    for (let i = 0; i < rounds; i++) {
      bare.push(inChild("bare", csv, ""));
      tuned.push(inChild("tuned", csv, ""));
      const dbPath = join(dir, `bench-${i}.db`);
      whole.push(inChild("import", csv, dbPath));
      rmSync(dbPath, { force: true });
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
      console.error(`round ${i + 1}: bare ${bare[i]!.wallS.toFixed(2)} s, bare with 8 MB buffers ${tuned[i]!.wallS.toFixed(2)} s, import ${whole[i]!.wallS.toFixed(2)} s`);
    }
    const loadAfter = loadavg();
    const summary = (ms: Measure[]) => ({
      wallS: ms.map((m) => r2(m.wallS)),
      cpuS: ms.map((m) => r2(m.cpuS)),
      peakRssMb: ms.map((m) => m.peakRssMb),
      medianWallS: r2(median(ms.map((m) => m.wallS))),
      medianCpuS: r2(median(ms.map((m) => m.cpuS))),
      maxPeakRssMb: Math.max(...ms.map((m) => m.peakRssMb)),
    });
    const imp = summary(whole);
    const peer = summary(bare);
    const ratioWall = r2(imp.medianWallS / peer.medianWallS);
    const report = {
      benchmark: "air-ingest",
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: cpus().length, loadAverageBefore: loadBefore.map(r2), loadAverageAfter: loadAfter.map(r2) },
      input: { rows, fileMb: Math.round(statSync(csv).size / 1024 / 1024), seed: 20170301, stations: generated.stations, hours: generated.hours, generateS: r2(generateS) },
      rounds,
      import: { ...imp, lastRun: whole.at(-1)!.detail },
      peer: { name: "bare DuckDB read_csv + GROUP BY (location, parameter, local date): daily means", ...peer, lastRun: bare.at(-1)!.detail },
      // Not the target's peer: the same query in the 8 MB buffers the import reads with, to show what that setting gives a bare query.
      peerWithImportBuffers: { ...summary(tuned), ratioOfImport: r2(imp.medianWallS / summary(tuned).medianWallS) },
      // medianWall (the target's measure): the ratio of the medians; perRound: each round's import over the peer run just before it, and their median.
      ratio: {
        medianWall: ratioWall,
        medianCpu: r2(imp.medianCpuS / peer.medianCpuS),
        perRoundWall: whole.map((m, i) => r2(m.wallS / bare[i]!.wallS)),
        medianOfPerRoundWall: r2(median(whole.map((m, i) => m.wallS / bare[i]!.wallS))),
      },
      target: { maxRatio: 1.2, maxPeakRssMb: 1024, ratioMet: ratioWall <= 1.2, memoryMet: imp.maxPeakRssMb < 1024 },
    };
    writeFileSync(new URL("./results/air-ingest.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [, , , mode, csv, dbPath] = process.argv;
  const m = mode === "import" ? await childImport(csv!, dbPath!) : await childBare(csv!, mode === "tuned");
  process.stdout.write(`${JSON.stringify(m)}\n`);
} else {
  await main();
}
