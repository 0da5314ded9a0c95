import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, Option } from "commander";
import type { EmissionFactor } from "../domain/emission-factor.js";
import { completeness, coverageOf, type GwpSetId, type InventoryResult } from "../engines/gpc/index.js";
import { InvalidInputError } from "../errors.js";
import { climateTables } from "../services/climate-tables.js";
import { computeInventoryFile } from "../services/compute-inventory-file.js";
import { readFactorLibrary } from "../services/factor-library.js";
import { DATA_DIR } from "../services/seed.js";
import { CliError, EXIT, withApp } from "./run.js";

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError(`${file} is not valid JSON`, [{ message: `is not valid JSON: ${(err as Error).message}` }]);
  }
}

/** The output the issue specifies: totals in tCO2e, by gas in tonnes of the gas, with the GWP set. */
export function summary(r: InventoryResult) {
  return { gwp: r.gwp, total: { basic: r.total.basic, basicPlus: r.total.basicPlus }, bySector: r.bySector, byScope: r.byScope, byGas: r.byGas, perCapita: r.perCapita };
}

const n = (v: number) => v.toLocaleString("en", { maximumFractionDigits: 3 });

function report(r: InventoryResult, file: { city?: string; year?: number }): string {
  const tables = climateTables();
  const lines = [
    `GPC inventory${file.city ? ` — ${file.city}` : ""}${file.year ? `, ${file.year}` : ""} (GWP: ${tables.gwp[r.gwp].names.en})`,
    `total BASIC   ${n(r.total.basic)} tCO2e${r.perCapita.basic !== null ? `  (${r.perCapita.basic.toLocaleString("en", { maximumFractionDigits: 4 })} tCO2e per person)` : ""}`,
    `total BASIC+  ${n(r.total.basicPlus)} tCO2e${r.perCapita.basicPlus !== null ? `  (${r.perCapita.basicPlus.toLocaleString("en", { maximumFractionDigits: 4 })} tCO2e per person)` : ""}`,
    "by sector (tCO2e):",
    ...tables.reference.sectors.map((s) => `  ${s.id.padEnd(4)}${n(r.bySector[s.id] ?? 0).padStart(18)}  ${s.names.en}`),
    `by scope (tCO2e):  1: ${n(r.byScope["1"])}  2: ${n(r.byScope["2"])}  3: ${n(r.byScope["3"])}`,
    `by gas (t):  CO2 ${n(r.byGas.CO2)}  CH4 ${n(r.byGas.CH4)}  N2O ${n(r.byGas.N2O)}`,
  ];
  const keys = Object.entries(r.notationKeys);
  if (keys.length > 0) lines.push(`notation keys: ${keys.map(([ref, k]) => `${ref} ${k.join("/")}`).join(", ")}`);
  const c = completeness(tables.order, tables.references, coverageOf(r.activities));
  lines.push(c.basicComplete ? "BASIC: every source has data or a notation key" : `BASIC sources with neither data nor a notation key: ${c.missingBasic.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export function inventoryCommand(): Command {
  const cmd = new Command("inventory").description("GPC greenhouse-gas inventories");
  cmd.addCommand(
    new Command("compute")
      .description("compute a GPC inventory from a JSON file: totals by sector, scope and gas, BASIC and BASIC+, per capita")
      .argument("<file>", 'JSON: {"city", "year", "population", "gwp", "activities": [{"gpc": "I.1.1", "amount": 1000, "unit": "TJ", "factor": "ipcc2006:natural-gas"}, …]}')
      .addOption(new Option("--gwp <set>", "GWP set (overrides the file's; default ar5): ar5 = AR5 GWP100 without climate–carbon feedbacks, CH4 28 for all methane (UNFCCC reporting under the Paris Agreement); ar6 = AR6 GWP100, CH4 29.8 fossil / 27.0 non-fossil").choices(["ar5", "ar6"]))
      .option("--json", "print {gwp, total, bySector, byScope, byGas, perCapita} as JSON on stdout")
      .option("--db <path>", "also use the emission factors users added to this database (default: the shipped library only)")
      .addHelpText("after", "\nTotals are tCO2e; byGas is tonnes of each gas. An invalid activity exits 2 naming its index and the reason.\nExample file: data/gpc/example-inventory.json")
      .action(async (file: string, opts: { gwp?: GwpSetId; json?: boolean; db?: string }) => {
        const json = readJson(file);
        const factors: EmissionFactor[] = opts.db ? await withApp({ db: opts.db }, (ctx) => ctx.emissionFactors.all()) : readFactorLibrary(join(DATA_DIR, "factors"));
        const result = computeInventoryFile(json, factors, opts.gwp);
        if (opts.json) process.stdout.write(`${JSON.stringify(summary(result), null, 2)}\n`);
        else process.stdout.write(report(result, json as { city?: string; year?: number }));
      }),
  );
  return cmd;
}
