import { Command, InvalidArgumentError, Option } from "commander";
import { trajectory, type TrajectoryMethod } from "../engines/pathway/index.js";

const year = (v: string) => {
  const n = Number(v);
  if (!/^\d{4}$/.test(v.trim()) || n < 1990 || n > 2100) throw new InvalidArgumentError("must be a year between 1990 and 2100");
  return n;
};
const positive = (v: string) => {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a number of tCO2e greater than 0 (e.g. 1.2e7)");
  return n;
};
const percent = (v: string) => {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("must be a percentage from 0 to 100");
  return n;
};

/** tCO2e rounded to the kilogram for printing. */
const kg = (t: number) => Math.round(t * 1000) / 1000;

export function pathwayCommand(): Command {
  return new Command("pathway")
    .description("emissions each year from a base year to a target: linear (same tonnes each year) or constant-rate (same % each year)")
    .requiredOption("--base-year <year>", "base year", year)
    .requiredOption("--base-emissions <tCO2e>", "emissions in the base year, tCO2e", positive)
    .requiredOption("--target-year <year>", "target year", year)
    .requiredOption("--reduction <percent>", "reduction by the target year, % below the base year", percent)
    .addOption(new Option("--method <method>", "trajectory").choices(["linear", "constant-rate"]).default("linear"))
    .option("--json", 'print {"series": [{"year", "tCO2e"}, …]} on stdout')
    .action((opts: { baseYear: number; baseEmissions: number; targetYear: number; reduction: number; method: TrajectoryMethod; json?: boolean }) => {
      const series = trajectory({
        fromYear: opts.baseYear,
        fromTCO2e: opts.baseEmissions,
        toYear: opts.targetYear,
        toTCO2e: opts.baseEmissions * (1 - opts.reduction / 100),
        method: opts.method,
      }).map((p) => ({ year: p.year, tCO2e: kg(p.tCO2e) }));
      if (opts.json) process.stdout.write(`${JSON.stringify({ series })}\n`);
      else process.stdout.write(`year  tCO2e\n${series.map((p) => `${p.year}  ${p.tCO2e.toLocaleString("en", { maximumFractionDigits: 3 })}`).join("\n")}\n`);
    });
}
