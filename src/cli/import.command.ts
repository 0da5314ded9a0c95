import { basename } from "node:path";
import { createReadStream, statSync } from "node:fs";
import { userInfo } from "node:os";
import { SingleBar } from "cli-progress";
import { Command } from "commander";
import { type ImportProgress, importObservations } from "../services/import-observations.js";
import { addDbOption, auditCli, CliError, EXIT, withApp } from "./run.js";

/** Above this size (about 50,000 rows) the import shows its progress. */
export const PROGRESS_BYTES = 2 * 1024 * 1024;

function progressReporter(totalBytes: number): { update: (p: ImportProgress) => void; stop: () => void } {
  if (totalBytes < PROGRESS_BYTES) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: "{phase} [{bar}] {percentage}% | {rows} rows", hideCursor: true, stream: process.stderr });
    let phase = "";
    return {
      update: (p) => {
        const label = p.phase === "validate" ? "checking" : "writing ";
        if (label !== phase) {
          if (phase) bar.stop();
          bar.start(totalBytes, 0, { phase: label, rows: 0 });
          phase = label;
        }
        bar.update(Math.min(p.bytesRead, totalBytes), { rows: p.rows.toLocaleString("en") });
      },
      stop: () => bar.stop(),
    };
  }
  // Not a terminal: a line per tenth of the file.
  let last = "";
  return {
    update: (p) => {
      const tenth = `${p.phase} ${Math.floor((10 * Math.min(p.bytesRead, totalBytes)) / totalBytes) * 10}`;
      if (tenth !== last) process.stderr.write(`${p.phase === "validate" ? "checking" : "writing"}: ${tenth.split(" ")[1]}% (${p.rows.toLocaleString("en")} rows)\n`);
      last = tenth;
    },
    stop: () => {},
  };
}

export function importCommand(): Command {
  const cmd = new Command("import").description("import data from files");
  cmd.addCommand(
    addDbOption(
      new Command("observations")
        .description("import observations from CSV (columns city,indicator,period,value,source[,note,place,match,basis,quality]; basis: measured, modelled or reported); all rows or none")
        .argument("<file>", "CSV file")
        .option("--json", "print the result, or the list of problems, as JSON on stdout"),
    ).action(async (file: string, opts: { json?: boolean; db?: string }) => {
      let size: number;
      try {
        const st = statSync(file);
        if (!st.isFile()) throw new Error("not a file");
        size = st.size;
      } catch {
        throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
      }
      const progress = progressReporter(size);
      const result = await withApp(opts, (ctx) =>
        importObservations(ctx, {
          open: () => createReadStream(file),
          importedBy: `cli:${userInfo().username}`,
          onProgress: progress.update,
        })
          .then(async (r) => {
            await auditCli(ctx, { entity: "observations-import", entityId: basename(file), after: r });
            return r;
          })
          .finally(progress.stop),
      );
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else
        process.stderr.write(
          `imported ${result.rows.toLocaleString("en")} rows: ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged\n`,
        );
    }),
  );
  return cmd;
}
