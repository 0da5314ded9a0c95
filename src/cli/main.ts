import { Command } from "commander";
import { airCommand } from "./air.command.js";
import { aqiCommand } from "./aqi.command.js";
import { citiesCommand } from "./cities.command.js";
import { dbCommand } from "./db.command.js";
import { exportCommand } from "./export.command.js";
import { factorsCommand } from "./factors.command.js";
import { impactCommand } from "./impact.command.js";
import { importCommand } from "./import.command.js";
import { indicatorsCommand } from "./indicators.command.js";
import { inventoryCommand } from "./inventory.command.js";
import { pathwayCommand } from "./pathway.command.js";
import { matchCommand } from "./match.command.js";
import { practicesCommand } from "./practices.command.js";
import { reportError } from "./run.js";
import { serveCommand } from "./serve.command.js";
import { programmesCommand } from "./programmes.command.js";
import { cooperationsCommand } from "./cooperations.command.js";
import { reportCommand } from "./report.command.js";
import { visionCommand } from "./vision.command.js";
import { usersCommand } from "./users.command.js";

/** `citybridge <noun> <verb>`: exit 0 success, 1 failure, 2 invalid input or usage. */
export function program(): Command {
  const root = new Command("citybridge")
    .description("citybridge — city profiles, indicators and city-to-city cooperation for Paris-aligned climate action")
    .version("0.1.0")
    .showHelpAfterError("(add --help for usage)");
  for (const cmd of [serveCommand(), dbCommand(), citiesCommand(), indicatorsCommand(), importCommand(), exportCommand(), aqiCommand(), airCommand(), inventoryCommand(), factorsCommand(), pathwayCommand(), practicesCommand(), matchCommand(), programmesCommand(), cooperationsCommand(), reportCommand(), visionCommand(), usersCommand(), impactCommand()]) root.addCommand(cmd);
  const exitOverride = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(exitOverride);
  };
  exitOverride(root);
  return root;
}

// `citybridge … | head`: the reader closed the pipe, so the rest of the output is not wanted.
// Stop quietly, as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

const args = process.argv.slice(2);
try {
  await program().parseAsync(args.length === 0 ? ["--help"] : args, { from: "user" });
} catch (err) {
  process.exitCode = reportError(err, args.includes("--json"));
}
