/**
 * Impact evaluation speed: the whole synthetic-control evaluation (the treated unit's weights,
 * one placebo per donor against all the others, leave-one-out over the weighted donors, DiD,
 * warnings) on a made-up panel of 1 treated unit + D donors, 20 pre-period and 10 post-period
 * years. Values follow a factor model (each unit: its level + loadings on 3 shared trends +
 * noise; mulberry32, fixed seed), so the optimal weights are spread over several donors as on
 * real data. Records the best and median of `repeats` runs (after one warm-up evaluation) for
 * D = 50, 100, 200 and 400, checks the KKT conditions of the treated unit's fit, and the
 * issue's target: D = 200 in under 2 s.
 *
 * Run: npx tsx bench/impact.ts [repeats]   → bench/results/impact.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { mulberry32 } from "../src/engines/consensus/prng.js";
import { type PanelValue, syntheticControl } from "../src/engines/impact/synthetic-control.js";
import { kktViolation } from "../test/support/impact.js";

const REPEATS = Number(process.argv[2] ?? 5);
const DONORS = [50, 100, 200, 400];
const PRE = 20;
const POST = 10;
const START = 2000 + PRE;

function panelOf(donors: number, seed: number): PanelValue[] {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const years = PRE + POST;
  const factors = Array.from({ length: 3 }, () => {
    let x = 0;
    return Array.from({ length: years }, () => (x += normal()));
  });
  const panel: PanelValue[] = [];
  for (let u = 0; u <= donors; u++) {
    const level = 100 + 20 * normal();
    const loadings = factors.map(() => 1 + normal());
    for (let t = 0; t < years; t++) {
      const value = level + loadings.reduce((s, l, k) => s + l * factors[k]![t]!, 0) + normal() - (u === 0 && t >= PRE ? 5 : 0);
      panel.push({ unit: u === 0 ? "treated" : `d${u}`, year: 2000 + t, value });
    }
  }
  return panel;
}

/** KKT violation of the treated unit's weights (test/support/impact.ts). */
function kkt(panel: PanelValue[], r: ReturnType<typeof syntheticControl>): number {
  const at = (u: string) => Float64Array.from(panel.filter((p) => p.unit === u && p.year < START), (p) => p.value);
  return kktViolation(r.donors.map(at), at("treated"), r.donors.map((u) => r.weights.find((x) => x.unit === u)?.weight ?? 0));
}

syntheticControl({ panel: panelOf(30, 1), treated: "treated", start: START }); // warm-up

const results = [];
for (const d of DONORS) {
  const panel = panelOf(d, 20261206 + d);
  const times: number[] = [];
  let r = syntheticControl({ panel, treated: "treated", start: START });
  for (let k = 0; k < REPEATS; k++) {
    const t = performance.now();
    r = syntheticControl({ panel, treated: "treated", start: START });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const row = {
    donors: d,
    preYears: PRE,
    postYears: POST,
    fits: 1 + r.placebo.runs.length + r.leaveOneOut.length,
    weightedDonors: r.weights.length,
    kktViolation: Number(kkt(panel, r).toExponential(2)),
    bestMs: Math.round(times[0]! * 10) / 10,
    medianMs: Math.round(times[times.length >> 1]! * 10) / 10,
    placebo: { rank: r.placebo.rank, of: r.placebo.of },
  };
  results.push(row);
  process.stderr.write(`${d} donors: ${row.fits} fits, median ${row.medianMs} ms (best ${row.bestMs}), ${row.weightedDonors} weighted donors, KKT ${row.kktViolation}\n`);
}

const at200 = results.find((r) => r.donors === 200)!;
const out = {
  benchmark: "impact",
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
  repeats: REPEATS,
  panel: `1 treated + D donors, ${PRE} pre + ${POST} post years, factor model (3 random-walk trends, normal loadings and noise; mulberry32 seed 20261206 + D); the whole evaluation timed (weights, every placebo, leave-one-out, DiD, warnings)`,
  results,
  target: { rule: "200 donors, 20 pre-period years, all placebos: under 2 s (median)", medianMs: at200.medianMs, met: at200.medianMs < 2000 },
};
mkdirSync(new URL("results/", import.meta.url), { recursive: true });
writeFileSync(new URL("results/impact.json", import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
process.stderr.write("wrote bench/results/impact.json\n");
