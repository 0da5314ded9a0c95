import { basename } from "node:path";
import { statSync } from "node:fs";
import { userInfo } from "node:os";
import { Command, Option } from "commander";
import type { AirImportResult } from "../domain/air.js";
import { importAir } from "../services/import-air.js";
import { addDbOption, auditCli, CliError, EXIT, withApp } from "./run.js";

/** Above this size the import says what it is doing. */
const CHATTY_BYTES = 20 * 1024 * 1024;

function summary(r: AirImportResult): string {
  const lines = [
    `imported ${r.rows.toLocaleString("en")} rows (${r.format}) for ${r.city}: ${r.stationDays.toLocaleString("en")} station-days, ${r.cityDays.toLocaleString("en")} city days, years ${r.years.join(", ")}`,
    `gaps ${r.gaps.toLocaleString("en")}, negative values treated as gaps ${r.negative}, rows of other parameters ignored ${r.ignoredRows}${r.ignoredParameters.length > 0 ? ` (${r.ignoredParameters.join(", ")})` : ""}`,
    ...r.stations.map((s) => `  station ${s.id} (${s.name}): ${s.days} days, ${s.firstDate} to ${s.lastDate}`),
    r.observations.length > 0
      ? `observations: ${r.observations.map((o) => `${o.indicator} ${o.period} = ${o.value}`).join("; ")}`
      : "observations: none (no year met the annual completeness rule)",
  ];
  return `${lines.join("\n")}\n`;
}

export function airCommand(): Command {
  const air = new Command("air").description("air quality: hourly measurements, daily values and indices");
  air.addCommand(
    addDbOption(
      new Command("import")
        .description(
          "import hourly measurements (OpenAQ archive CSV: location_id,sensors_id,location,datetime,lat,lon,parameter,units,value; or UCI Beijing: year,month,day,hour,PM2.5,…,station); all rows or none",
        )
        .argument("<file>", "CSV file")
        .option("--city <slug>", "the city the stations belong to (required for UCI files; OpenAQ files default to the nearest city within 30 km)")
        .addOption(new Option("--format <format>", "file format (default: detected from the header)").choices(["openaq", "uci"]))
        .option("--source <text>", "source id or citation of the data (default: OpenAQ, or the UCI Beijing data set)")
        .option("--json", "print the result, or the list of problems, as JSON on stdout"),
    ).action(async (file: string, opts: { city?: string; format?: "openaq" | "uci"; source?: string; json?: boolean; db?: string }) => {
      let size: number;
      try {
        const st = statSync(file);
        if (!st.isFile()) throw new Error("not a file");
        size = st.size;
      } catch {
        throw new CliError(`cannot read ${file}: no such file`, EXIT.invalid);
      }
      if (opts.city !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(opts.city)) throw new CliError(`--city "${opts.city}" is not a city slug like beijing-cn`, EXIT.invalid);
      const say = (m: string) => size >= CHATTY_BYTES && process.stderr.write(`${m}\n`);
      say("aggregating the hourly data…");
      const result = await withApp(opts, (ctx) =>
        importAir(ctx, {
          path: file,
          city: opts.city,
          format: opts.format,
          source: opts.source,
          importedBy: `cli:${userInfo().username}`,
          onPhase: (phase, ms) => say(`${phase}: ${(ms / 1000).toFixed(1)} s`),
        }).then(async (r) => {
          await auditCli(ctx, { entity: "air-import", entityId: basename(file), after: r });
          return r;
        }),
      );
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stderr.write(summary(result));
    }),
  );
  return air;
}
