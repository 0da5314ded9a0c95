/**
 * Programme impact table speed: every member city × indicator of a programme's cooperations
 * evaluated by synthetic control (all placebos), as `GET /api/v1/programmes/{id}/impact` does,
 * on a seeded database. Times the cold call (fresh inputs: what PostgreSQL, which has no change
 * token, does on every request), each row's evaluation, and the warm call (SQLite, database
 * unchanged: the kept evaluations).
 *
 * Run: npx tsx bench/impact-programme.ts DB.sqlite [programme] [indicators] [repeats]
 *   (a database seeded by `citybridge serve --db DB.sqlite`) → bench/results/impact-programme.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/db/database.js";
import { createContext } from "../src/services/context.js";
import { evaluateCityImpact, impactInputs } from "../src/services/impact-evaluation.js";
import { evaluateProgrammeImpact } from "../src/services/impact-programme.js";

const [path, programme = "iuc-asia", list = "ghg.co2_total,air.pm25_annual", repeats = "5"] = process.argv.slice(2);
if (!path) throw new Error("usage: npx tsx bench/impact-programme.ts DB.sqlite [programme] [indicators] [repeats]");
const database = openDatabase({ databaseUrl: null, sqlitePath: path });
const ctx = createContext(database);
const indicators = list.split(",");
// Fresh inputs every cold run (no change token, as on PostgreSQL).
const fresh = () => ({ ...ctx, database: { ...ctx.database, changeToken: () => null } });

const cold: number[] = [];
let rows = 0;
let evaluated = 0;
for (let i = 0; i < Number(repeats); i++) {
  const t0 = performance.now();
  const r = await evaluateProgrammeImpact(fresh(), programme, indicators);
  cold.push(performance.now() - t0);
  rows = r.rows.length;
  evaluated = r.rows.filter((x) => x.status === "evaluated").length;
}
// Each evaluated row on its own (data already loaded), to see where the time goes.
const perRow: { city: string; indicator: string; donors: number | null; ms: number }[] = [];
{
  const c = fresh();
  const inputs = impactInputs(c);
  const r = await evaluateProgrammeImpact(c, programme, indicators, inputs);
  for (const row of r.rows.filter((x) => x.status === "evaluated")) {
    inputs.evaluations.clear();
    const t0 = performance.now();
    await evaluateCityImpact(c, { city: row.city.slug, indicator: row.indicator.code, start: row.start! }, inputs);
    perRow.push({ city: row.city.slug, indicator: row.indicator.code, donors: row.donors, ms: Math.round((performance.now() - t0) * 10) / 10 });
  }
}
await evaluateProgrammeImpact(ctx, programme, indicators);
const warm: number[] = [];
for (let i = 0; i < Number(repeats); i++) {
  const t0 = performance.now();
  await evaluateProgrammeImpact(ctx, programme, indicators);
  warm.push(performance.now() - t0);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const med = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const out = {
  when: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
  programme,
  indicators,
  rows,
  evaluated,
  coldMs: { best: Math.round(sorted(cold)[0]!), median: Math.round(med(cold)), runs: cold.map(Math.round) },
  warmMs: { best: Math.round(sorted(warm)[0]! * 100) / 100, median: Math.round(med(warm) * 100) / 100 },
  perRow,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/impact-programme.json", `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
await database.close();
