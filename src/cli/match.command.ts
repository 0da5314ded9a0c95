import { readFileSync, statSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { type Counterparts, SIZE_FILTERS } from "../domain/counterpart.js";
import { PRACTICE_THEMES } from "../domain/practice.js";
import { assignCostMatrix } from "../services/assign-cost-matrix.js";
import { addDbOption, CliError, EXIT, withApp } from "./run.js";

const oneOf = <T extends string>(values: readonly T[]) => (v: string): T => {
  if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${values.join(", ")}`);
  return v as T;
};

function parseTop(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError("must be a whole number 1–100");
  return n;
}

function counterpartsCommand(): Command {
  return addDbOption(
    new Command("counterparts")
      .description("the family of counterpart cities for a city — strong where it is weak, similar, interested in the same themes — with reasons")
      .argument("<slug>", "city slug, e.g. wuhan-cn")
      .option("--top <n>", "how many (1–100, default 10)", parseTop, 10)
      .option("--region <region>", 'only this UN subregion, e.g. "Western Europe"')
      .option("--country <code>", "only this country (ISO 3166-1 alpha-2)", (v) => {
        if (!/^[A-Za-z]{2}$/.test(v)) throw new InvalidArgumentError("must be a two-letter country code");
        return v.toUpperCase();
      })
      .option("--theme <theme>", `only strength on this theme (${PRACTICE_THEMES.join(", ")})`, oneOf(PRACTICE_THEMES))
      .option("--size <band>", `population band (${SIZE_FILTERS.join(", ")})`, oneOf(SIZE_FILTERS))
      .option("--json", 'print {"city", "results": [{"city", "score", "confidence", "reasons": [{"factor", "share", "detail"}]}]}'),
  ).action(async (slug: string, opts: { top: number; region?: string; country?: string; theme?: string; size?: (typeof SIZE_FILTERS)[number]; json?: boolean; db?: string }) => {
    // Loaded here, not at the top: `match assign` needs neither the database nor the city data.
    const { counterpartsForCity } = await import("../services/counterparts-for-city.js");
    const detail = await withApp(opts, (ctx) => counterpartsForCity(ctx, slug, opts));
    // The shape; the API adds names, structured facts and the indicators compared.
    const r: Counterparts = {
      city: detail.city,
      results: detail.results.map((x) => ({ city: x.city, score: x.score, confidence: x.confidence, reasons: x.reasons.map(({ factor, share, detail: d }) => ({ factor, share, detail: d })) })),
    };
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    if (r.results.length === 0) {
      process.stderr.write(`no counterpart for ${slug} passes the filters\n`);
      return;
    }
    const w = Math.max(...r.results.map((x) => x.city.length));
    for (const x of r.results) {
      process.stdout.write(`${x.city.padEnd(w)}  score ${x.score.toFixed(3)}  confidence ${x.confidence.toFixed(2)}\n`);
      for (const reason of x.reasons) process.stdout.write(`${" ".repeat(w + 2)}${String(Math.round(reason.share * 100)).padStart(3)} %  ${reason.factor}: ${reason.detail}\n`);
    }
    process.stderr.write(`${r.results.length} counterpart(s) for ${slug}, best first\n`);
  });
}

function readBytes(file: string): Buffer {
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    return readFileSync(file);
  } catch {
    throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
  }
}

function assignCommand(): Command {
  return new Command("assign")
    .description("pair the rows and columns of a CSV matrix with the least total (exact, Jonker–Volgenant); first row: an empty cell then column labels; each further row: a label then numbers")
    .requiredOption("--costs <file>", "CSV matrix")
    .option("--maximize", "greatest total instead of least")
    .option("--json", 'print {"total", "pairs": [{"row", "col", "value"}]}')
    .action((opts: { costs: string; maximize?: boolean; json?: boolean }) => {
      const r = assignCostMatrix(readBytes(opts.costs), opts.maximize === true);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const w = Math.max(0, ...r.pairs.map((p) => p.row.length));
      const cw = Math.max(0, ...r.pairs.map((p) => p.col.length));
      let out = "";
      for (const p of r.pairs) out += `${p.row.padEnd(w)}  ${p.col.padEnd(cw)}  ${p.value}\n`;
      process.stdout.write(`${out}total ${r.total}\n`);
      process.stderr.write(`${r.pairs.length} pair(s), ${opts.maximize ? "greatest" : "least"} total\n`);
    });
}

export function matchCommand(): Command {
  const cmd = new Command("match").description("matchmaking: counterpart cities and optimal pairing");
  cmd.addCommand(counterpartsCommand());
  cmd.addCommand(assignCommand());
  return cmd;
}
