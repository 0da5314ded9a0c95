import { basename } from "node:path";
import { readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { PRACTICE_THEMES, type PracticeTheme } from "../domain/practice.js";
import { exportPractices } from "../services/export-practices.js";
import { importPractices } from "../services/import-practices.js";
import { searchPractices } from "../services/search-practices.js";
import { displayWidth } from "./cities.command.js";
import { addDbOption, auditCli, CliError, EXIT, withApp } from "./run.js";

function parseTheme(v: string): PracticeTheme {
  if (!(PRACTICE_THEMES as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${PRACTICE_THEMES.join(", ")}`);
  return v as PracticeTheme;
}

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError("must be a whole number 1–100");
  return n;
}

const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));

export function practicesCommand(): Command {
  const cmd = new Command("practices").description("the good-practice library");
  cmd.addCommand(
    addDbOption(
      new Command("search")
        .description("search practices in English or Chinese (拥堵 or congestion); every word must match, as a prefix")
        .argument("<query>", "words to find")
        .option("--theme <theme>", `only this theme (${PRACTICE_THEMES.join(", ")})`, parseTheme)
        .option("--limit <n>", "how many (1–100, default 20)", parseLimit, 20)
        .option("--json", 'print {"results": [{"id", "title": {"en","zh"}, "city", "themes", "score"}]}'),
    ).action(async (query: string, opts: { theme?: PracticeTheme; limit: number; json?: boolean; db?: string }) => {
      const r = await withApp(opts, (ctx) => searchPractices(ctx, { q: query, theme: opts.theme, limit: opts.limit }));
      if (opts.json) {
        const results = r.results.map((h) => ({ id: h.id, title: { en: h.title.en, zh: h.title.zh }, city: h.city, themes: h.themes, score: h.score }));
        process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
        return;
      }
      if (r.results.length === 0) {
        const hint = r.suggestions.length ? ` — did you mean: ${r.suggestions.join(", ")}?` : "";
        process.stderr.write(`no practice matches "${query}"${hint}\n`);
        return;
      }
      const idWidth = Math.max(...r.results.map((h) => h.id.length));
      for (const h of r.results) {
        process.stdout.write(`${pad(h.id, idWidth)}  ${h.score.toFixed(3)}  ${h.title.en ?? h.title.zh ?? ""}\n${" ".repeat(idWidth + 9)}${h.title.zh ?? ""} (${h.city}; ${h.themes.join(", ")})\n`);
      }
      process.stderr.write(`${r.total} practice(s) match\n`);
    }),
  );
  cmd.addCommand(
    addDbOption(
      new Command("import")
        .description("import practices from JSON (an array, as data/practices/practices.json) or CSV (as `practices export --format csv`); all or none")
        .argument("<file>", ".json or .csv file")
        .option("--json", "print the result, or the list of problems, as JSON on stdout"),
    ).action(async (file: string, opts: { json?: boolean; db?: string }) => {
      let text: string;
      try {
        if (!statSync(file).isFile()) throw new Error("not a file");
        text = readFileSync(file, "utf8");
      } catch {
        throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
      }
      const format = /\.csv$/i.test(file) ? "csv" : /\.json$/i.test(file) ? "json" : null;
      if (!format) throw new CliError(`${file}: name the file .json or .csv`, EXIT.invalid);
      const r = await withApp(opts, async (ctx) => {
        const result = await importPractices(ctx, { text, format, importedBy: `cli:${userInfo().username}` });
        await auditCli(ctx, { entity: "practices-import", entityId: basename(file), after: result });
        return result;
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else process.stderr.write(`imported ${r.practices} practice(s): ${r.created} new, ${r.updated} updated\n`);
    }),
  );
  cmd.addCommand(
    addDbOption(
      new Command("export")
        .description("write every practice to stdout in the import format")
        .option("--format <format>", "json or csv", (v) => {
          if (v !== "json" && v !== "csv") throw new InvalidArgumentError("must be json or csv");
          return v;
        }, "json"),
    ).action(async (opts: { format: "json" | "csv"; db?: string }) => {
      process.stdout.write(await withApp(opts, (ctx) => exportPractices(ctx, opts.format)));
    }),
  );
  return cmd;
}
