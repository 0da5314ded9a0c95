/**
 * API load (issue 7): autocannon with 50 connections for 20 s against the city page's API calls
 * (the city, its observations, the indicator catalogue and the sources, for IUC cities in turn)
 * on the embedded database, and against a trivial route of the same server (/api/health) in the
 * same run. Targets: city-page throughput ≥ 40 % of the trivial route's, p99 latency < 50 ms,
 * zero errors.
 *
 * The server runs as its own process (`citybridge serve`), as in production; autocannon runs here.
 * Run: npx tsx bench/api-load.ts [seconds] [connections]   → bench/results/api-load.json
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const SECONDS = Number(process.argv[2] ?? 20);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const CITIES = ["chongqing-cn", "zhengzhou-cn", "changchun-cn", "shantou-cn", "longyan-cn", "mannheim-de", "prague-cz", "malaga-es"];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

interface Run { requestsPerSec: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; requests: number }

async function load(url: string, requests?: autocannon.Request[]): Promise<Run> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...(requests ? { requests } : {}) });
  return { requestsPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, requests: r.requests.total };
}

const dir = mkdtempSync(join(tmpdir(), "citybridge-load-"));
const port = await freePort();
const server = spawn(process.execPath, ["bin/citybridge.js", "serve", "--port", String(port), "--db", join(dir, "load.db")], { stdio: "ignore", env: { ...process.env, DATABASE_URL: "", CITYBRIDGE_DB: "", CITYBRIDGE_LOG: "error" } });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 1200 && !(await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  // Warm up both paths (JIT, SQLite page cache) before measuring.
  await autocannon({ url: `${base}/api/v1/cities/chongqing-cn`, connections: 10, duration: 3 });
  const trivial = await load(`${base}/api/health`);
  const cityPage = await load(base, CITIES.flatMap((c) => [
    { method: "GET", path: `/api/v1/cities/${c}` },
    { method: "GET", path: `/api/v1/cities/${c}/observations` },
    { method: "GET", path: "/api/v1/indicators" },
    { method: "GET", path: "/api/v1/sources" },
  ]));
  const ratio = cityPage.requestsPerSec / trivial.requestsPerSec;
  const result = {
    benchmark: "api-load",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
    settings: { seconds: SECONDS, connections: CONNECTIONS, database: "sqlite (embedded, seeded demo data)", readCache: "on: the city page reads are answered from memory until SQLite data_version or total_changes() moves (src/api/read-cache.ts)" },
    trivial,
    cityPage,
    throughputRatio: Number(ratio.toFixed(3)),
    targets: {
      throughputRatioAtLeast040: ratio >= 0.4,
      p99Under50ms: cityPage.p99 < 50,
      zeroErrors: cityPage.errors === 0 && cityPage.timeouts === 0 && cityPage.non2xx === 0 && trivial.errors === 0,
    },
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/api-load.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
