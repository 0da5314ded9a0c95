/**
 * CLI start-up (issue 19): whole processes, each a fresh `node`, in alternating rounds —
 *   node -e 0                                  the floor: a bare Node.js start
 *   citybridge --help
 *   citybridge aqi index --standard us-epa-2024 --pm25 35 --json      one number, no database
 *   citybridge serve                           until /api/health answers, on an existing (seeded) database
 * Medians of the rounds: wall time, CPU time (user + system, all threads: what the process itself
 * costs, whatever else the machine runs) and peak RSS (/usr/bin/time; /proc for serve). Targets:
 * --help and aqi index ≤ 5× `node -e 0`; serve answering in < 1 s.
 *
 * Run: npx tsx bench/cli-start.ts [--rounds 15] [--root <checkout>] [--label after]
 *   --root  the checkout whose bin/citybridge.js is timed (default this one; e.g. an export of main
 *           for the "before" figures); --label  the key its figures are stored under in
 *           bench/results/cli-start.json (other labels already there are kept).
 * What bin/citybridge.js runs is reported as `runs`: "compiled" when dist/server is up to date.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL("..", import.meta.url));
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const ROUNDS = Number(arg("rounds", "15"));
const ROOT = resolve(arg("root", HERE));
const LABEL = arg("label", "after");
const BIN = join(ROOT, "bin/citybridge.js");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
// The same environment for every case: no database from the caller, quiet logs.
const ENV = { ...process.env, DATABASE_URL: "", CITYBRIDGE_DB: "", CITYBRIDGE_LOG: "error", NODE_ENV: "production" };

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => ok(typeof a === "object" && a ? a.port : 0));
    });
  });
}

interface Sample { ms: number; cpuMs: number | null; rssMB: number | null }

/** Runs a command to completion; wall time from spawn to exit, CPU time and peak RSS from /usr/bin/time. */
function runOnce(args: string[]): Sample {
  const cmd = TIME ? [TIME, "-f", "RSS %M CPU %U %S", process.execPath, ...args] : [process.execPath, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, env: ENV, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  const m = /RSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return { ms, cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null, rssMB: m ? Number(m[1]) / 1024 : null };
}

/** Starts `serve` and polls /api/health every 5 ms: the time until it first answers 200. */
async function serveOnce(db: string): Promise<Sample> {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db], { cwd: ROOT, env: ENV, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}: ${err}`);
      if (Number(process.hrtime.bigint() - t0) / 1e6 > 120_000) throw new Error(`serve did not answer within 120 s: ${err}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    // utime + stime (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms): all its threads.
    const raw = readFileSync(`/proc/${child.pid}/stat`, "utf8");
    const stat = raw.slice(raw.lastIndexOf(")") + 2).split(" "); // from field 3 (state) on
    return { ms, cpuMs: (Number(stat[11]) + Number(stat[12])) * 10, rssMB: hwm ? Number(hwm[1]) / 1024 : null };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const AQI = ["aqi", "index", "--standard", "us-epa-2024", "--pm25", "35", "--json"];
const cases: Record<string, () => Promise<Sample>> = {};
const dir = mkdtempSync(join(tmpdir(), "citybridge-cli-start-"));
const db = join(dir, "bench.db");
try {
  // The existing database: one start seeds it (not timed).
  process.stderr.write("seeding the database once…\n");
  await serveOnce(db);
  cases["node -e 0"] = async () => runOnce(["-e", "0"]);
  cases["citybridge --help"] = async () => runOnce([BIN, "--help"]);
  cases["citybridge aqi index"] = async () => runOnce([BIN, ...AQI]);
  cases["citybridge serve → /api/health"] = () => serveOnce(db);
  const names = Object.keys(cases);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so that no case always follows the same one.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const n of order) samples[n]!.push(await cases[n]!());
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${order.map((n) => `${n} ${samples[n]!.at(-1)!.ms.toFixed(0)} ms`).join(", ")}\n`);
  }
  const figures = Object.fromEntries(names.map((n) => {
    const s = samples[n]!;
    const rss = s.map((x) => x.rssMB).filter((x): x is number => x !== null);
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== null);
    return [n, {
      medianMs: Math.round(median(s.map((x) => x.ms)) * 10) / 10,
      minMs: Math.round(Math.min(...s.map((x) => x.ms)) * 10) / 10,
      maxMs: Math.round(Math.max(...s.map((x) => x.ms)) * 10) / 10,
      cpuMedianMs: cpu.length ? Math.round(median(cpu)) : null,
      peakRssMB: rss.length ? Math.round(median(rss)) : null,
    }];
  })) as Record<string, { medianMs: number }>;
  const bare = figures["node -e 0"]!.medianMs;
  const ratio = (n: string) => Math.round((figures[n]!.medianMs / bare) * 100) / 100;
  const runs = spawnSync(process.execPath, ["-e", `import(${JSON.stringify(join(ROOT, "scripts/build-state.js"))}).then((m) => console.log(m.staleReason("server") === null ? "compiled" : "sources (tsx)"), () => console.log("sources (tsx)"))`], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
    settings: { rounds: ROUNDS, root: ROOT, runs, aqi: `citybridge ${AQI.join(" ")}` },
    figures,
    ratios: { help: ratio("citybridge --help"), aqiIndex: ratio("citybridge aqi index") },
    targets: {
      helpWithin5xNode: ratio("citybridge --help") <= 5,
      aqiIndexWithin5xNode: ratio("citybridge aqi index") <= 5,
      serveHealthUnder1s: figures["citybridge serve → /api/health"]!.medianMs < 1000,
    },
  };
  const out = join(HERE, "bench/results/cli-start.json");
  mkdirSync(join(HERE, "bench/results"), { recursive: true });
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(out, `${JSON.stringify({ benchmark: "cli-start", ...previous, [LABEL]: result }, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
