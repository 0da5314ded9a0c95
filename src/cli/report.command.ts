import { Command, InvalidArgumentError } from "commander";
import { cooperationReport, REPORT_FORMATS } from "../services/cooperation-report.js";
import { addDbOption, withApp } from "./run.js";

function oneOf(values: readonly string[]) {
  return (v: string) => {
    if (!values.includes(v)) throw new InvalidArgumentError(`must be ${values.join(" or ")}`);
    return v;
  };
}

/** `citybridge report cooperation ID --format html|csv [--lang en|zh]`: the report on stdout. */
export function reportCommand(): Command {
  const cmd = new Command("report").description("print-ready reports");
  cmd.addCommand(
    addDbOption(
      new Command("cooperation")
        .description("a cooperation's report on stdout: a self-contained print-ready HTML document, or CSV of actions and KPIs (one row per KPI, action columns repeated)")
        .argument("<id>", "cooperation id")
        .option("--format <format>", `${REPORT_FORMATS.join(" or ")}`, oneOf(REPORT_FORMATS), "html")
        .option("--lang <lang>", "language of the HTML report: en or zh", oneOf(["en", "zh"]), "en"),
    ).action(async (id: string, opts: { format: string; lang: string; db?: string }) => {
      const r = await withApp(opts, (ctx) => cooperationReport(ctx, id, { format: opts.format, lang: opts.lang }));
      process.stdout.write(r.body);
    }),
  );
  return cmd;
}
