import { program } from "./program.js";
import { reportError } from "./run.js";

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
  await (await program(args)).parseAsync(args.length === 0 ? ["--help"] : args, { from: "user" });
} catch (err) {
  process.exitCode = reportError(err, args.includes("--json"));
}
