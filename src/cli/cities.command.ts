import { Command, InvalidArgumentError } from "commander";
import type { City } from "../domain/city.js";
import { searchCities } from "../services/cities.js";
import { addDbOption, withApp } from "./run.js";

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError("must be a whole number 1–500");
  return n;
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Rows under a header, each column as wide as its widest cell (CJK counted double), two spaces apart. */
export function textTable(head: string[], rows: string[][]): string {
  const width = (i: number) => Math.max(displayWidth(head[i]!), ...rows.map((r) => displayWidth(r[i]!)));
  const line = (r: string[]) => r.map((cell, i) => cell + " ".repeat(width(i) - displayWidth(cell))).join("  ").trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

function table(cities: City[]): string {
  const rows = cities.map((c) => [c.slug, c.names.en, c.names.zh ?? "", c.country, c.population.value?.toLocaleString("en") ?? "—"]);
  return textTable(["slug", "name", "中文", "country", "population"], rows);
}

export function citiesCommand(): Command {
  const cities = new Command("cities").description("cities");
  cities.addCommand(
    addDbOption(
      new Command("search")
        .description("find cities by English, Chinese or local name (重庆 or chongqing)")
        .argument("<query>", "part of a name")
        .option("--country <cc>", "ISO 3166-1 alpha-2 country code")
        .option("--limit <n>", "how many (1–500, default 20)", parseLimit, 20)
        .option("--json", "print JSON"),
    ).action(async (query: string, opts: { country?: string; limit: number; json?: boolean; db?: string }) => {
      const page = await withApp(opts, (ctx) => searchCities(ctx, { q: query, country: opts.country, limit: opts.limit }));
      if (opts.json) process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      else if (page.items.length === 0) process.stderr.write(`no city matches "${query}"\n`);
      else process.stdout.write(`${table(page.items)}\n`);
    }),
  );
  return cities;
}
