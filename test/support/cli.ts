import { spawnSync } from "node:child_process";

/** The citybridge command, as `npx citybridge` runs it. */
export const BIN = new URL("../../bin/citybridge.js", import.meta.url).pathname;

/** The environment of a CLI under test: no PostgreSQL URL and no default database file from the caller's shell. */
export const CLI_ENV = { ...process.env, DATABASE_URL: "", CITYBRIDGE_DB: "" };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A runner of `citybridge ARGS…` as a subprocess, killed after `timeoutMs`. */
export function cliRunner(timeoutMs = 120_000): (...args: string[]) => CliResult {
  return (...args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: CLI_ENV, timeout: timeoutMs });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
