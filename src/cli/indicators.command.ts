import { Command } from "commander";
import { catalogueCoverage } from "../services/indicator-coverage.js";
import { textTable as table } from "./cities.command.js";
import { addDbOption, withApp } from "./run.js";

export function indicatorsCommand(): Command {
  const indicators = new Command("indicators").description("the indicator catalogue and how many cities have data");
  indicators.addCommand(
    addDbOption(
      new Command("list")
        .description("every indicator with the cities that have a value, and per theme the cities with any value")
        .option("--json", "print JSON"),
    ).action(async (opts: { json?: boolean; db?: string }) => {
      const c = await withApp(opts, (ctx) => catalogueCoverage(ctx));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
        return;
      }
      const span = (first: string | null, last: string | null) => (first === null ? "—" : first === last ? first : `${first}–${last}`);
      process.stdout.write(
        `${table(
          ["indicator", "unit", "cities", "values", "periods"],
          c.items.map((i) => [i.code, i.unit, String(i.coverage.cities), String(i.coverage.observations), span(i.coverage.first, i.coverage.last)]),
        )}\n\n${table(
          ["theme", "cities with any value"],
          c.themes.map((t) => [t.theme, String(t.cities)]),
        )}\n`,
      );
    }),
  );
  return indicators;
}
