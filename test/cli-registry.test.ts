/**
 * The top-level command table (src/cli/program.ts) that lets each command load only its own module:
 * its names and descriptions must be those of the modules they stand in for, and `--help` lists them.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS, program } from "../src/cli/program.js";

describe("CLI command table", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))("%s: the stand-in has the module's own name, description and help term", async (_, c) => {
    const cmd = await c.load();
    expect(cmd.name()).toBe(c.name);
    expect(cmd.description()).toBe(c.description);
    const hasOptions = cmd.options.length > 0;
    expect(c.term ?? c.name).toBe(hasOptions ? `${c.name} [options]` : c.name);
  });

  it("lists every command in --help without loading any, and loads the one named", async () => {
    const stubs = await program([]);
    const help = stubs.helpInformation();
    for (const c of COMMANDS) expect(help).toMatch(new RegExp(`^  ${(c.term ?? c.name).replace(/[[\]]/g, "\\$&")}\\s+\\S`, "m"));
    // Stand-ins have no subcommands; the command named in the arguments is the real one.
    expect(stubs.commands.find((c) => c.name() === "aqi")!.commands).toHaveLength(0);
    const loaded = await program(["aqi", "index", "--help"]);
    expect(loaded.commands.find((c) => c.name() === "aqi")!.commands.map((c) => c.name())).toEqual(["index"]);
    const viaHelp = await program(["help", "db"]);
    expect(viaHelp.commands.find((c) => c.name() === "db")!.commands.length).toBeGreaterThan(0);
  });
});
