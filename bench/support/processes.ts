/**
 * Helpers for benchmarks that time whole processes side by side: run a command and measure its
 * wall time, CPU time and peak memory (through GNU time when present), medians, the load average.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export interface ProcessRun {
  wallS: number;
  /** User + system CPU seconds of the process and its children; null without GNU time. */
  cpuS: number | null;
  peakRssMb: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

/** Whether `command` can be run (found on PATH or as a path). */
export function haveCommand(command: string): boolean {
  if (command.includes("/")) return existsSync(command);
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Runs `command args` to its end as a fresh process and times it. Throws if it fails. */
export function timeProcess(command: string, args: string[], opts: SpawnSyncOptions = {}): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), "citybridge-time-"));
  const out = join(dir, "time.txt");
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ["-f", "%e %U %S %M", "-o", out, command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  const wall = (performance.now() - t0) / 1000;
  let cpuS: number | null = null;
  let peakRssMb: number | null = null;
  if (useTime && existsSync(out)) {
    const last = readFileSync(out, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
    cpuS = r2(last[1]! + last[2]!);
    peakRssMb = Math.round(last[3]! / 1024);
  }
  rmSync(dir, { recursive: true, force: true });
  const run: ProcessRun = { wallS: r2(wall), cpuS, peakRssMb, status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${run.stderr.slice(-2000)}`);
  return run;
}

export const r2 = (x: number): number => Math.round(x * 100) / 100;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The 1, 5 and 15 minute load averages, rounded. */
export const load = (): number[] => loadavg().map(r2);
