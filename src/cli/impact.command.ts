import { readFileSync, statSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import type { SyntheticControlResult } from "../engines/impact/synthetic-control.js";
import { type CityImpactEvaluation, type DonorRule, evaluateCityImpact, evaluatePanelCsv, impactJson } from "../services/impact-evaluation.js";
import { addDbOption, CliError, EXIT, withApp } from "./run.js";

function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError("must be a year, e.g. 2017");
  return Number(v);
}

function parseDonors(v: string): DonorRule {
  if (v === "country" || v === "family") return { kind: v };
  const slugs = v.split(",").map((s) => s.trim()).filter(Boolean);
  if (slugs.length === 0) throw new InvalidArgumentError("must be country, family or a comma-separated list of city slugs");
  return { kind: "list", slugs };
}

function readText(file: string): string {
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    return readFileSync(file, "utf8");
  } catch {
    throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
  }
}

const fmt = (x: number | null) => (x === null ? "—" : Math.abs(x) >= 1e5 ? x.toExponential(4) : x.toFixed(3));

function printText(r: SyntheticControlResult): void {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`synthetic control for ${r.treated}, start ${r.start}, pre-period ${r.preFrom}–${r.start - 1}, ${r.donors.length} donor(s)`);
  out("weights:");
  const w = Math.max(4, ...r.weights.map((x) => x.unit.length));
  for (const x of r.weights) out(`  ${x.unit.padEnd(w)}  ${x.weight.toFixed(4)}`);
  out(`${"year".padEnd(6)}${"actual".padStart(14)}${"synthetic".padStart(14)}${"gap".padStart(14)}`);
  for (const s of r.series) out(`${String(s.year).padEnd(6)}${fmt(s.actual).padStart(14)}${fmt(s.synthetic).padStart(14)}${fmt(s.gap).padStart(14)}${s.year === r.start ? "  ← start" : ""}`);
  out(`pre-period RMSPE ${fmt(r.preRmspe)}, post-period RMSPE ${fmt(r.postRmspe)}, ratio ${fmt(r.ratio)}`);
  out(`placebo: rank ${r.placebo.rank} of ${r.placebo.of}, p = ${r.placebo.pValue.toFixed(3)}`);
  for (const l of r.leaveOneOut) out(`leave out ${l.unit}: pre RMSPE ${fmt(l.preRmspe)}, mean post gap ${fmt(l.meanPostGap)}`);
  out(`difference in differences: ${fmt(r.did.estimate)}`);
  for (const x of r.warnings) out(`warning (${x.code}): ${x.en}`);
  out(r.verdict.en);
}

function evaluateCommand(): Command {
  return addDbOption(
    new Command("evaluate")
      .description("synthetic control: did the outcome move after START more than a weighted mix of comparison units predicts? (a CSV panel, or a city's indicator on the database)")
      .option("--panel <file>", "CSV panel with the columns unit,year,value")
      .option("--treated <unit>", "the treated unit of the panel")
      .option("--city <slug>", "the treated city, e.g. chongqing-cn (database mode)")
      .option("--indicator <code>", "the outcome indicator, e.g. ghg.co2_total (database mode)")
      .requiredOption("--start <year>", "first year of the treatment (the pre-period ends the year before)", parseYear)
      .option("--pre-from <year>", "first year of the pre-period (panel: default the treated unit's first year; city: the earliest year leaving 20 donors)", parseYear)
      .option("--donors <rule>", "database mode: country (default), family (counterpart family in the country) or slug,slug,…", parseDonors)
      .option("--json", 'print {"treated", "start", "weights", "series", "preRmspe", "postRmspe", "ratio", "placebo", "leaveOneOut", "did", "warnings"}'),
  ).action(async (opts: { panel?: string; treated?: string; city?: string; indicator?: string; start: number; preFrom?: number; donors?: DonorRule; json?: boolean; db?: string }) => {
    let r: SyntheticControlResult;
    if (opts.panel !== undefined) {
      if (opts.city !== undefined || opts.indicator !== undefined || opts.donors !== undefined) throw new CliError("--panel cannot be combined with --city, --indicator or --donors", EXIT.invalid);
      if (opts.treated === undefined) throw new CliError("--panel needs --treated UNIT", EXIT.invalid);
      r = evaluatePanelCsv(readText(opts.panel), opts.treated, opts.start, opts.preFrom);
      if (r.excluded.length) process.stderr.write(`excluded ${r.excluded.length} donor(s) lacking a year of the window: ${r.excluded.map((x) => `${x.unit} (${x.missingYears.join(", ")})`).join("; ")}\n`);
    } else {
      if (opts.city === undefined || opts.indicator === undefined) throw new CliError("give either --panel FILE --treated UNIT or --city SLUG --indicator CODE", EXIT.invalid);
      if (opts.treated !== undefined) throw new CliError("--treated goes with --panel; with --city the city is the treated unit", EXIT.invalid);
      const q = { city: opts.city, indicator: opts.indicator, start: opts.start, preFrom: opts.preFrom, donors: opts.donors };
      const e: CityImpactEvaluation = await withApp(opts, (ctx) => evaluateCityImpact(ctx, q));
      const reasons = new Map<string, string[]>();
      for (const x of e.excludedDonors) reasons.set(x.reason, [...(reasons.get(x.reason) ?? []), x.unit]);
      process.stderr.write(`${e.donors.length} donor(s) (${e.donorRule} rule), window ${e.preFrom}–${e.years[e.years.length - 1]}${e.preFromChosen === "given" ? "" : ` (pre-period start chosen: ${e.preFromChosen.replaceAll("_", " ")})`}\n`);
      for (const [reason, units] of reasons) {
        const more = units.length > 12 ? ` and ${units.length - 12} more` : "";
        process.stderr.write(`excluded (${reason.replaceAll("_", " ")}): ${units.slice(0, 12).join(", ")}${more}\n`);
      }
      r = e;
    }
    if (opts.json) process.stdout.write(`${JSON.stringify(impactJson(r), null, 2)}\n`);
    else printText(r);
  });
}

export function impactCommand(): Command {
  return new Command("impact").description("counterfactual impact evaluation (synthetic control, placebos, difference in differences)").addCommand(evaluateCommand());
}
