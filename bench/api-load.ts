/**
 * API load (issue 7): autocannon with 50 connections for 20 s against the city page's API calls
 * (the city, its observations, the indicator catalogue and the sources, for IUC cities in turn)
 * on the embedded database, and against a trivial route of the same server (/api/health) in the
 * same run. Targets: city-page throughput ≥ 40 % of the trivial route's, p99 latency < 50 ms,
 * zero errors.
 *
 * The server runs as its own process (`citybridge serve`), as in production; autocannon runs here.
 * Run: npx tsx bench/api-load.ts [seconds] [connections] [sqlite|postgres]
 *   → bench/results/api-load.json (SQLite) or api-load-postgres.json (an embedded PostgreSQL
 *     cluster started for the run, as the tests start one; target there: ≥ 60 %, issue 19)
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startEmbeddedPostgres } from "../test/support/embedded-postgres.js";

const SECONDS = Number(process.argv[2] ?? 20);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const DATABASE = process.argv[4] === "postgres" ? "postgres" : "sqlite";
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

interface Run { requestsPerSec: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; requests: number; serverCpuUsPerRequest: number | null }

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc (Linux; null
 * elsewhere). Per request it tells what the server spends on each route whatever else the
 * machine runs — throughput on a shared 2-core machine swings with the other load.
 */
function serverCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return null;
  }
}

async function load(url: string, requests?: autocannon.Request[]): Promise<Run> {
  const cpu0 = serverCpuMs();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...(requests ? { requests } : {}) });
  const cpu1 = serverCpuMs();
  const serverCpuUsPerRequest = cpu0 === null || cpu1 === null || r.requests.total === 0 ? null : Number(((1000 * (cpu1 - cpu0)) / r.requests.total).toFixed(1));
  return { requestsPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, requests: r.requests.total, serverCpuUsPerRequest };
}

const dir = mkdtempSync(join(tmpdir(), "citybridge-load-"));
const port = await freePort();
let stopPostgres = async () => {};
let databaseUrl = "";
if (DATABASE === "postgres") {
  chmodSync(dir, 0o755); // the postgres user must pass through it to its data directory
  const pg = await startEmbeddedPostgres(join(dir, "pg"), await freePort());
  await pg.createDatabase("load");
  stopPostgres = () => pg.stop();
  databaseUrl = `${pg.adminUrl}/load`;
}
const serveArgs = DATABASE === "postgres" ? [] : ["--db", join(dir, "load.db")];
const server = spawn(process.execPath, ["bin/citybridge.js", "serve", "--port", String(port), ...serveArgs], { stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl, CITYBRIDGE_DB: "", CITYBRIDGE_LOG: "error" } });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 1200 && !(await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  const cityRequests: autocannon.Request[] = CITIES.flatMap((c) => [
    { method: "GET", path: `/api/v1/cities/${c}` },
    { method: "GET", path: `/api/v1/cities/${c}/observations` },
    { method: "GET", path: "/api/v1/indicators" },
    { method: "GET", path: "/api/v1/sources" },
  ]);
  // Warm up both paths (JIT, the database's page cache, every URL of the mix once) before measuring:
  // the figures are the steady state, not 50 connections missing the same cold URLs at once.
  await autocannon({ url: base, requests: cityRequests, connections: 10, duration: 3 });
  await autocannon({ url: `${base}/api/health`, connections: 10, duration: 1 });
  const trivial = await load(`${base}/api/health`);
  const cityPage = await load(base, cityRequests);
  const ratio = cityPage.requestsPerSec / trivial.requestsPerSec;
  const result = {
    benchmark: "api-load",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
    settings: {
      seconds: SECONDS,
      connections: CONNECTIONS,
      database: DATABASE === "postgres" ? "postgres (embedded-postgres on this machine, seeded demo data)" : "sqlite (embedded, seeded demo data)",
      readCache:
        DATABASE === "postgres"
          ? "on: answered from memory until a change notification (LISTEN citybridge_changes) or an own write bumps the generation (src/db/change-listener.ts)"
          : "on: the city page reads are answered from memory until SQLite data_version or total_changes() moves (src/api/read-cache.ts)",
    },
    trivial,
    cityPage,
    throughputRatio: Number(ratio.toFixed(3)),
    // The server's CPU per trivial request over its CPU per city-page request: the throughput
    // ratio the server alone would reach with the machine to itself (the load generator shares it).
    serverCpuRatio: trivial.serverCpuUsPerRequest && cityPage.serverCpuUsPerRequest ? Number((trivial.serverCpuUsPerRequest / cityPage.serverCpuUsPerRequest).toFixed(3)) : null,
    targets: {
      ...(DATABASE === "postgres" ? { throughputRatioAtLeast060: ratio >= 0.6 } : { throughputRatioAtLeast040: ratio >= 0.4 }),
      p99Under50ms: cityPage.p99 < 50,
      zeroErrors: cityPage.errors === 0 && cityPage.timeouts === 0 && cityPage.non2xx === 0 && trivial.errors === 0,
    },
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(DATABASE === "postgres" ? "bench/results/api-load-postgres.json" : "bench/results/api-load.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await stopPostgres();
  rmSync(dir, { recursive: true, force: true });
}
