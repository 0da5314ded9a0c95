import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, CLI_ENV } from "./support/cli.js";
import { freePort } from "./support/free-port.js";

/**
 * Kill -9 the server in the middle of a large import: after a restart the database passes
 * SQLite's integrity check and holds either the whole import or none of it.
 */
const ROWS = 150_000;
let dir: string;
let db: string;
let csv: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: CLI_ENV, timeout: 120_000 });
}

function observations(): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("select count(*) as n from observations").get() as { n: number }).n;
  } finally {
    d.close();
  }
}


describe("a server killed in the middle of an import", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-crash-"));
    db = join(dir, "crash.db");
    csv = join(dir, "large.csv");
    const out = createWriteStream(csv);
    out.write("city,indicator,period,value,source,note\n");
    const cities = ["chongqing-cn", "zhengzhou-cn", "longyan-cn", "mannheim-de", "prague-cz", "malaga-es"];
    const start = Date.UTC(1900, 0, 1);
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(start + Math.floor(i / cities.length) * 86_400_000).toISOString().slice(0, 10);
      if (!out.write(`${cities[i % cities.length]},air.pm25_annual,${day},${(i % 900) / 10},crash-test,\n`)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("restarts consistent, with the import whole or absent", async () => {
    const admin = JSON.parse(run("users", "create-admin", "--email", "ops@example.org", "--json", "--db", db).stdout) as { password: string };
    const before = observations();
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", db], { env: CLI_ENV, stdio: "ignore" });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300 && !(await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "ops@example.org", password: admin.password }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    // `users create-admin` prints a one-time password: choose another before any write (this session stays).
    const changed = await fetch(`${base}/api/v1/auth/password`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken }, body: JSON.stringify({ currentPassword: admin.password, newPassword: `${admin.password}-own` }) });
    expect(changed.status).toBe(200);

    const upload = fetch(`${base}/api/v1/observations/import`, { method: "POST", headers: { "content-type": "text/csv", cookie, "x-csrf-token": csrfToken }, body: readFileSync(csv) }).catch(() => null);
    // Kill once the import's transaction has started spilling pages into the write-ahead log.
    const wal = `${db}-wal`;
    const startSize = existsSync(wal) ? statSync(wal).size : 0;
    let killedMidway = false;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(wal) && statSync(wal).size > startSize + 512 * 1024) {
        server.kill("SIGKILL");
        killedMidway = true;
        break;
      }
    }
    if (!killedMidway) server.kill("SIGKILL");
    await once(server, "exit");
    const response = await upload;
    expect(response === null || response.status !== 200 || !killedMidway).toBe(true);

    // Restart: opening the database recovers from the write-ahead log.
    const restarted = run("db", "migrate", "--db", db);
    expect(restarted.status, restarted.stderr).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(check.pragma("foreign_key_check")).toEqual([]);
    check.close();
    expect([before, before + ROWS]).toContain(observations());
    expect(killedMidway, "the server was killed while the import was writing").toBe(true);
  }, 300_000);
});
