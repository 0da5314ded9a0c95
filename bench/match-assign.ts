/**
 * `citybridge match assign --costs FILE.csv` against scipy (issue 20, item 2), whole processes:
 * read the CSV, solve exactly, print the pairs and the total. One 1500 × 1500 matrix of random
 * costs in [0, 1) written as JavaScript prints doubles (shortest round-trip form, mostly 16–17
 * significant digits: about 43 MB, as in the issue), generated once from a fixed seed. Then
 * alternating rounds of
 *   ours   node bin/citybridge.js match assign --costs m.csv       (the compiled build when it is up to date)
 *   scipy  /usr/bin/python3 (Debian's python3-scipy, numpy): labels from one pass over the lines,
 *          numbers with np.loadtxt, scipy.optimize.linear_sum_assignment, the same lines printed
 * Medians of wall time (spawn to exit) and CPU time (user + system, /usr/bin/time), peak RSS, the
 * ratio ours / scipy of both, the load averages before and after, and whether the totals agree
 * (to 1e-9: the two sum the same pairs in a different order).
 *
 * Run: npx tsx bench/match-assign.ts [--rounds 9] [--n 1500]   → bench/results/match-assign.json
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../src/engines/consensus/prng.js";

const HERE = fileURLToPath(new URL("..", import.meta.url));
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const ROUNDS = Number(arg("rounds", "9"));
const N = Number(arg("n", "1500"));
const PYTHON = "/usr/bin/python3";
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const BIN = join(HERE, "bin/citybridge.js");
const ENV = { ...process.env, DATABASE_URL: "", CITYBRIDGE_DB: "", CITYBRIDGE_LOG: "error", NODE_ENV: "production" };

const SCIPY = `
import sys
import numpy as np
from scipy.optimize import linear_sum_assignment
path = sys.argv[1]
with open(path) as f:
    cols = f.readline().rstrip('\\r\\n').split(',')[1:]
    rows = [line.split(',', 1)[0] for line in f]
c = np.loadtxt(path, delimiter=',', skiprows=1, usecols=range(1, len(cols) + 1))
r, k = linear_sum_assignment(c)
out = [f"{rows[i]}  {cols[j]}  {c[i, j]!r}" for i, j in zip(r, k)]
out.append(f"total {c[r, k].sum()!r}")
sys.stdout.write("\\n".join(out) + "\\n")
`;

interface Sample { ms: number; cpuMs: number | null; rssMB: number | null; total: number }

function runOnce(cmd: string, args: string[]): Sample {
  const full = TIME ? [TIME, "-f", "RSS %M CPU %U %S", cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0]!, full.slice(1), { cwd: HERE, env: ENV, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  const m = /RSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  const total = Number(/^total (\S+)$/m.exec(r.stdout)?.[1]);
  return { ms, cpuMs: m ? Math.round((Number(m[2]) + Number(m[3])) * 1000) : null, rssMB: m ? Number(m[1]) / 1024 : null, total };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const dir = mkdtempSync(join(tmpdir(), "citybridge-bench-match-assign-"));
try {
  const file = join(dir, `m${N}.csv`);
  const random = mulberry32(20261206);
  // Two 32-bit draws per cost: a full 53-bit double, printed in its shortest round-trip form.
  const draw = () => (Math.floor(random() * 2 ** 26) * 2 ** 27 + Math.floor(random() * 2 ** 27)) / 2 ** 53;
  const lines = [`,${Array.from({ length: N }, (_, j) => `c${j}`).join(",")}`];
  for (let i = 0; i < N; i++) lines.push(`r${i},${Array.from({ length: N }, draw).join(",")}`);
  const csv = `${lines.join("\n")}\n`;
  writeFileSync(file, csv);
  const bytes = Buffer.byteLength(csv);
  process.stderr.write(`matrix ${N} × ${N}: ${(bytes / 1e6).toFixed(1)} MB\n`);

  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const cases: Record<"citybridge" | "scipy", () => Sample> = {
    citybridge: () => runOnce(process.execPath, [BIN, "match", "assign", "--costs", file]),
    scipy: () => runOnce(PYTHON, ["-c", SCIPY, file]),
  };
  const samples: Record<string, Sample[]> = { citybridge: [], scipy: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = (round % 2 === 0 ? ["citybridge", "scipy"] : ["scipy", "citybridge"]) as ("citybridge" | "scipy")[];
    for (const n of order) samples[n]!.push(cases[n]());
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${order.map((n) => `${n} ${samples[n]!.at(-1)!.ms.toFixed(0)} ms (CPU ${samples[n]!.at(-1)!.cpuMs} ms)`).join(", ")}\n`);
  }
  const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
  const totals = { citybridge: samples.citybridge![0]!.total, scipy: samples.scipy![0]!.total };
  const figures = Object.fromEntries(Object.entries(samples).map(([n, s]) => {
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== null);
    const rss = s.map((x) => x.rssMB).filter((x): x is number => x !== null);
    return [n, {
      medianMs: round1(median(s.map((x) => x.ms))),
      minMs: round1(Math.min(...s.map((x) => x.ms))),
      maxMs: round1(Math.max(...s.map((x) => x.ms))),
      cpuMedianMs: cpu.length ? Math.round(median(cpu)) : null,
      cpuMinMs: cpu.length ? Math.min(...cpu) : null,
      peakRssMB: rss.length ? Math.round(median(rss)) : null,
    }];
  })) as unknown as Record<"citybridge" | "scipy", { medianMs: number; cpuMedianMs: number | null }>;
  const ratio = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a / b) * 100) / 100);
  const wallRatio = ratio(figures.citybridge.medianMs, figures.scipy.medianMs)!;
  const cpuRatio = ratio(figures.citybridge.cpuMedianMs, figures.scipy.cpuMedianMs);
  const versions = spawnSync(PYTHON, ["-c", "import numpy, scipy; print(numpy.__version__, scipy.__version__)"], { encoding: "utf8" }).stdout.trim().split(" ");
  const result = {
    benchmark: "match-assign",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadAfter },
    settings: { rounds: ROUNDS, n: N, csvBytes: bytes, costs: "uniform doubles in [0, 1), mulberry32 seed 20261206, shortest round-trip decimals", numpy: versions[0], scipy: versions[1], python: PYTHON, scipyScript: SCIPY.trim() },
    totals: { ...totals, agree: Math.abs(totals.citybridge - totals.scipy) <= 1e-9 },
    figures,
    ratios: { wall: wallRatio, cpu: cpuRatio },
    target: { maxRatio: 1.0, metOnWall: wallRatio <= 1.0, metOnCpu: cpuRatio !== null && cpuRatio <= 1.0 },
  };
  mkdirSync(join(HERE, "bench/results"), { recursive: true });
  writeFileSync(join(HERE, "bench/results/match-assign.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ totals: result.totals, figures, ratios: result.ratios, load: [loadBefore, loadAfter] }, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
