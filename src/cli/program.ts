import { Command } from "commander";

/**
 * The commands, in the order `--help` lists them. Each module is imported only when its command runs
 * (or its help is asked for): `citybridge aqi index` loads neither the database drivers nor Fastify,
 * DuckDB or jieba. `--help` lists them from here; test/cli-registry.test.ts checks each module's own
 * name and description against this table.
 */
export const COMMANDS: readonly { name: string; term?: string; description: string; load: () => Promise<Command> }[] = [
  { name: "serve", term: "serve [options]", description: "serve the web UI and the REST API (migrates the database, and seeds it on first start; /api/health is liveness, /api/health/ready answers 200 once that is done)", load: async () => (await import("./serve.command.js")).serveCommand() },
  { name: "db", description: "database: migrate and seed", load: async () => (await import("./db.command.js")).dbCommand() },
  { name: "cities", description: "cities", load: async () => (await import("./cities.command.js")).citiesCommand() },
  { name: "indicators", description: "the indicator catalogue and how many cities have data", load: async () => (await import("./indicators.command.js")).indicatorsCommand() },
  { name: "import", description: "import data from files", load: async () => (await import("./import.command.js")).importCommand() },
  { name: "export", description: "export data to stdout", load: async () => (await import("./export.command.js")).exportCommand() },
  { name: "aqi", description: "air-quality indices: China HJ 633 (2012/2026), US EPA (2024), European AQI (2024)", load: async () => (await import("./aqi.command.js")).aqiCommand() },
  { name: "air", description: "air quality: hourly measurements, daily values and indices", load: async () => (await import("./air.command.js")).airCommand() },
  { name: "inventory", description: "GPC greenhouse-gas inventories", load: async () => (await import("./inventory.command.js")).inventoryCommand() },
  { name: "factors", description: "the emission factor library (IPCC 2006 fuels, China MEE grid factors, Ember countries, your own)", load: async () => (await import("./factors.command.js")).factorsCommand() },
  { name: "pathway", term: "pathway [options]", description: "emissions each year from a base year to a target: linear (same tonnes each year) or constant-rate (same % each year)", load: async () => (await import("./pathway.command.js")).pathwayCommand() },
  { name: "practices", description: "the good-practice library", load: async () => (await import("./practices.command.js")).practicesCommand() },
  { name: "match", description: "matchmaking: counterpart cities and optimal pairing", load: async () => (await import("./match.command.js")).matchCommand() },
  { name: "programmes", description: "cooperation programmes, their calls for applications and applications", load: async () => (await import("./programmes.command.js")).programmesCommand() },
  { name: "cooperations", description: "city-to-city cooperations", load: async () => (await import("./cooperations.command.js")).cooperationsCommand() },
  { name: "report", description: "print-ready reports", load: async () => (await import("./report.command.js")).reportCommand() },
  { name: "vision", description: "district vision processes (common vision) and innovation readiness", load: async () => (await import("./vision.command.js")).visionCommand() },
  { name: "users", description: "accounts: administrators, users and their roles", load: async () => (await import("./users.command.js")).usersCommand() },
  { name: "impact", description: "counterfactual impact evaluation (synthetic control, placebos, difference in differences)", load: async () => (await import("./impact.command.js")).impactCommand() },
];

/**
 * `citybridge <noun> <verb>`: exit 0 success, 1 failure, 2 invalid input or usage. The commands named
 * in `args` (the command, or `help <command>`) are loaded in full; the others are stand-ins with their
 * name and description, enough for the top-level help and for commander to tell a command from a typo.
 */
export async function program(args: readonly string[] = []): Promise<Command> {
  const named = new Set(args.filter((a) => !a.startsWith("-")).slice(0, 2));
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term ?? c.name]));
  const root = new Command("citybridge")
    .description("citybridge — city profiles, indicators and city-to-city cooperation for Paris-aligned climate action")
    .version("0.1.0")
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? `${cmd.name()}${cmd.registeredArguments.length ? " [args]" : ""}` });
  for (const c of COMMANDS) root.addCommand(named.has(c.name) ? await c.load() : new Command(c.name).description(c.description));
  const exitOverride = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(exitOverride);
  };
  exitOverride(root);
  return root;
}
