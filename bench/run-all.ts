/**
 * `npm run bench`: runs each benchmark beside its peer (each script alternates rounds, takes
 * medians and writes bench/results/<name>.json), then prints one table — job, ours, peer, ratio,
 * target, met — and writes it to bench/results/summary.json with the load average around each
 * job (the machine may be shared: read the figures with the load). A job whose script or peer
 * tool is missing is listed as skipped, with the reason. Not part of `npm test`.
 *
 * Run: npm run bench [-- --quick] [-- --rounds N] [-- --only air,import,assign,impact,cli-start] [-- --table]
 *   --quick   small inputs and one round each (a smoke test of the harness, not the targets; the
 *             stored results are kept)
 *   --rounds  the full inputs in N rounds each instead of each script's default (a shorter run on
 *             a busy machine; the results are stored)
 *   --only    run these jobs only (the others are left out of the table)
 *   --table   run nothing: print the table of the results already in bench/results
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { load, r2 } from "./support/processes.js";

const quick = process.argv.includes("--quick");
const tableOnly = process.argv.includes("--table");
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg === -1 ? null : String(Number(process.argv[roundsArg + 1]));
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg === -1 ? null : (process.argv[onlyArg + 1] ?? "").split(",");
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

interface Row {
  job: string;
  ours: string;
  peer: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

/** Reads a script's result file into table rows. */
type Reader = (result: Record<string, unknown>) => Row[];

interface Job {
  key: string;
  script: string;
  args: string[];
  quickArgs: string[];
  /** The full inputs in `n` rounds. */
  roundArgs: (n: string) => string[];
  result: string;
  read: Reader;
}

const s = (x: unknown): string => (typeof x === "number" ? `${x} s` : "—");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function comparison(job: string, r: Any, target: number, peerName?: string): Row {
  if (r === undefined || r === null) return { job, ours: "—", peer: "—", ratio: null, target: `≤ ${target}×`, met: null, note: "no result" };
  if (r.skipped) return { job, ours: "—", peer: "—", ratio: null, target: `≤ ${target}×`, met: null, note: `skipped: ${r.skipped}` };
  const ours = r.citybridge?.medianWallS ?? r.import?.medianWallS;
  const peer = r.peer?.medianWallS;
  const ratio = typeof r.ratio === "number" ? r.ratio : r2(ours / peer);
  return { job, ours: s(ours), peer: `${s(peer)} (${peerName ?? r.peer?.name})`, ratio, target: `≤ ${target}×`, met: ratio <= target };
}

const JOBS: Job[] = [
  {
    key: "air",
    script: "air-ingest.ts",
    args: [],
    quickArgs: ["1000000", "1"],
    roundArgs: (n) => ["10000000", n],
    result: "air-ingest.json",
    read: (r: Any) => [comparison("air ingest → daily indices (bench/air-ingest.ts)", { ...r, ratio: r.ratio?.medianWall }, 1.2, "bare DuckDB read_csv + GROUP BY")],
  },
  {
    key: "import",
    script: "import-observations.ts",
    args: [],
    quickArgs: ["100000", "1"],
    roundArgs: (n) => ["1000000", n],
    result: "import-observations.json",
    read: (r: Any) => [
      comparison(`import ${r.input.rows.toLocaleString("en")} observations, SQLite`, r.sqlite, 3),
      comparison(`import ${r.input.rows.toLocaleString("en")} observations, PostgreSQL`, r.postgres, 3),
    ],
  },
  {
    key: "assign",
    script: "match-assign.ts",
    args: [],
    quickArgs: ["--rounds", "1", "--n", "300"],
    roundArgs: (n) => ["--rounds", n],
    result: "match-assign.json",
    read: (r: Any) => [
      comparison(
        `match assign, n = ${r.settings?.n}`,
        { citybridge: { medianWallS: r2(r.figures.citybridge.medianMs / 1000) }, peer: { medianWallS: r2(r.figures.scipy.medianMs / 1000) }, ratio: r.ratios.wall },
        1.0,
        "numpy.loadtxt + scipy linear_sum_assignment",
      ),
    ],
  },
  {
    key: "impact",
    script: "impact.ts",
    args: [],
    quickArgs: ["1"],
    roundArgs: (n) => [n],
    result: "impact.json",
    read: (r: Any) => {
      const ms = r.target?.medianMs;
      return [{ job: "impact evaluation, 200 donors (no peer)", ours: s(typeof ms === "number" ? r2(ms / 1000) : null), peer: "—", ratio: null, target: "< 2 s", met: r.target?.met ?? null }];
    },
  },
  {
    key: "cli-start",
    script: "cli-start.ts",
    args: [],
    quickArgs: [],
    roundArgs: (n) => ["--rounds", n],
    result: "cli-start.json",
    read: (r: Any) => {
      const f = r.after?.figures;
      if (!f) return [{ job: "CLI start", ours: "—", peer: "—", ratio: null, target: "—", met: null, note: "see bench/results/cli-start.json" }];
      const ms = (x: Any) => `${r2(x.medianMs / 1000)} s`;
      return [{ job: "citybridge --help (start-up)", ours: ms(f["citybridge --help"]), peer: `${ms(f["node -e 0"])} (node -e 0)`, ratio: r.after.ratios?.help ?? null, target: "≤ 5×", met: r.after.targets?.helpWithin5xNode ?? null }];
    },
  },
];

const rows: (Row & { loadBefore?: number[]; loadAfter?: number[]; seconds?: number })[] = [];
// Whole-process figures are those of the compiled CLI: bin/citybridge.js falls back to the
// TypeScript sources through tsx when dist/server is stale, which would time tsx's start-up and
// compilation instead. Build what is missing or stale first (a no-op when the build is fresh).
if (!tableOnly) {
  const build = spawnSync(process.execPath, [here("../scripts/build.js")], { stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) {
    process.stderr.write(`bench: the build failed (exit ${build.status}); nothing measured\n`);
    process.exit(1);
  }
}

for (const job of JOBS) {
  if (only && !only.includes(job.key)) continue;
  const script = here(`./${job.script}`);
  if (!existsSync(script)) {
    rows.push({ job: job.script.replace(/\.ts$/, ""), ours: "—", peer: "—", ratio: null, target: "—", met: null, note: `skipped: bench/${job.script} does not exist on this branch` });
    continue;
  }
  if (tableOnly) {
    const path = here(`./results/${job.result}`);
    if (existsSync(path)) for (const row of job.read(JSON.parse(readFileSync(path, "utf8")))) rows.push(row);
    continue;
  }
  const resultPath = here(`./results/${job.result}`);
  const stored = existsSync(resultPath) ? readFileSync(resultPath, "utf8") : null;
  const loadBefore = load();
  const t0 = performance.now();
  const args = quick ? job.quickArgs : rounds !== null ? job.roundArgs(rounds) : job.args;
  process.stderr.write(`bench: ${job.script} ${args.join(" ")} (load ${loadBefore.join(", ")})\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  const extra = { loadBefore, loadAfter: load(), seconds: r2((performance.now() - t0) / 1000) };
  if (run.status !== 0) {
    rows.push({ job: job.script, ours: "—", peer: "—", ratio: null, target: "—", met: false, note: `failed (exit ${run.status})`, ...extra });
    continue;
  }
  const result = JSON.parse(readFileSync(resultPath, "utf8"));
  for (const row of job.read(result)) rows.push({ ...row, ...extra });
  // A smoke test does not replace the stored figures.
  if (quick) {
    if (stored === null) rmSync(resultPath, { force: true });
    else writeFileSync(resultPath, stored);
  }
}

const table = [["job", "ours", "peer", "ratio", "target", "met"], ...rows.map((r) => [r.job, r.ours, r.peer, r.ratio === null ? "—" : `${r.ratio}×`, r.target, r.met === null ? (r.note ?? "—") : r.met ? "yes" : "no"])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
const line = (t: string[]) => t.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
console.log(line(table[0]!));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const t of table.slice(1)) console.log(line(t));
for (const r of rows) if (r.note && r.met !== null) console.log(`${r.job}: ${r.note}`);
console.log(`load average (1, 5, 15 min) now: ${load().join(", ")} on ${cpus().length} cores`);
if (!quick && !tableOnly) {
  writeFileSync(here("./results/summary.json"), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rounds: rounds === null ? "each script's default" : Number(rounds), rows }, null, 2)}\n`);
}
