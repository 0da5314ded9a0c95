/**
 * Exact rectangular assignment on random dense n × n matrices (n = 500, 1000, 2000; fixed seed;
 * integer costs 0–999,999 stored as float64 so totals compare exactly): citybridge's
 * Jonker–Volgenant solver (src/engines/matching/linear-sum-assignment.ts) against
 * scipy.optimize.linear_sum_assignment (Debian's python3-scipy, /usr/bin/python3) on the same
 * matrices in the same run. Asserts identical optimal totals; records each solver's time
 * (solve only, matrix already in memory; the best and the median of `repeats` runs, after one
 * warm-up solve of a 300 × 300 matrix).
 *
 * Run: npx tsx bench/assignment.ts [repeats]   → bench/results/assignment.json
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { linearSumAssignment } from "../src/engines/matching/linear-sum-assignment.js";

const SIZES = [500, 1000, 2000];
const REPEATS = Number(process.argv[2] ?? 3);
const PYTHON = "/usr/bin/python3";


const SCIPY = `
import sys, time, json, numpy as np, scipy
from scipy.optimize import linear_sum_assignment
n, repeats = int(sys.argv[2]), int(sys.argv[3])
c = np.fromfile(sys.argv[1], dtype='<f8').reshape(n, n)
times = []
for _ in range(repeats):
    t = time.perf_counter(); r, k = linear_sum_assignment(c); times.append(time.perf_counter() - t)
print(json.dumps({"total": float(c[r, k].sum()), "times": times, "scipy": scipy.__version__, "numpy": np.__version__}))
`;
import { mulberry32 as rng } from "../src/engines/consensus/prng.js";

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { bestMs: Math.round(s[0]! * 1000) / 1000, medianMs: Math.round(s[s.length >> 1]! * 1000) / 1000 };
};

// Warm the JIT on a small matrix first so that n = 500 does not time compilation.
{
  const random = rng(1);
  linearSumAssignment({ rows: 300, cols: 300, data: Float64Array.from({ length: 300 * 300 }, () => Math.floor(random() * 1_000_000)) });
}

const dir = mkdtempSync(join(tmpdir(), "citybridge-bench-assignment-"));
const results = [];
let versions: { scipy: string; numpy: string } | null = null;
try {
  for (const n of SIZES) {
    const random = rng(20260501 + n);
    const data = new Float64Array(n * n);
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 1_000_000);
    const file = join(dir, `m${n}.f64`);
    writeFileSync(file, Buffer.from(data.buffer));

    const ours: number[] = [];
    let total = NaN;
    for (let k = 0; k < REPEATS; k++) {
      const t = performance.now();
      total = linearSumAssignment({ rows: n, cols: n, data }).total;
      ours.push(performance.now() - t);
    }
    const py = spawnSync(PYTHON, ["-c", SCIPY, file, String(n), String(REPEATS)], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (py.status !== 0) throw new Error(`scipy run failed (is python3-scipy installed?): ${py.stderr}`);
    const s = JSON.parse(py.stdout) as { total: number; times: number[]; scipy: string; numpy: string };
    versions = { scipy: s.scipy, numpy: s.numpy };
    if (s.total !== total) throw new Error(`n = ${n}: totals differ — citybridge ${total}, scipy ${s.total}`);
    const citybridge = stat(ours);
    const scipy = stat(s.times.map((x) => x * 1000));
    const row = { n, total, identicalTotals: true, citybridge, scipy, ratioOfMedians: Math.round((citybridge.medianMs / scipy.medianMs) * 100) / 100 };
    results.push(row);
    process.stderr.write(`n = ${n}: total ${total} (identical); citybridge median ${citybridge.medianMs} ms, scipy median ${scipy.medianMs} ms, ratio ${row.ratioOfMedians}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const at2000 = results.find((r) => r.n === 2000);
const out = {
  benchmark: "assignment",
  date: new Date().toISOString(),
  node: process.version,
  python: PYTHON,
  ...versions,
  machine: { cpus: cpus().length, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
  repeats: REPEATS,
  costs: "uniform integers 0–999,999 (mulberry32, seed 20260501 + n), float64",
  results,
  target: { rule: "citybridge at most 1.5× scipy's time at n = 2000 (medians)", met: at2000 ? at2000.ratioOfMedians <= 1.5 : null },
};
mkdirSync(new URL("results/", import.meta.url), { recursive: true });
writeFileSync(new URL("results/assignment.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
process.stderr.write(`wrote bench/results/assignment.json\n`);
