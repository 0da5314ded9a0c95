import { pipeline } from "node:stream/promises";
import { Command, Option } from "commander";
import { notFound } from "../errors.js";
import { type ExportFormat, exportObservations } from "../services/export-observations.js";
import { addDbOption, withApp } from "./run.js";

export function exportCommand(): Command {
  const cmd = new Command("export").description("export data to stdout");
  cmd.addCommand(
    addDbOption(
      new Command("observations")
        .description("write observations to stdout as CSV (re-importable) or JSON")
        .option("--city <slug>", "only this city")
        .option("--indicator <code>", "only this indicator")
        .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv")),
    ).action(async (opts: { city?: string; indicator?: string; format: ExportFormat; db?: string }) => {
      await withApp(opts, async (ctx) => {
        if (opts.city && !(await ctx.cities.get(opts.city))) throw notFound("city", opts.city);
        if (opts.indicator && !(await ctx.indicators.get(opts.indicator))) throw notFound("indicator", opts.indicator);
        await pipeline(exportObservations(ctx, { city: opts.city, indicator: opts.indicator }, opts.format), process.stdout);
      });
    }),
  );
  return cmd;
}
