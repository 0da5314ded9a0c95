/**
 * First paint of the main pages (issue 18.8): the time from navigation start to the page's main
 * content visible, as a first-time visitor meets it (a fresh browser context: empty HTTP cache,
 * signed out), against the compiled server (`citybridge serve`, dist/web and dist/server built as
 * the browser tests build them) on a fresh, seeded SQLite database, after a warm-up pass.
 *
 * "Content visible": the page's own content element is in the DOM (for the map: its canvas and
 * summary), and no skeleton or spinner is left inside <main>. Measured in the page as
 * performance.now() (zero at navigation start), polled every animation frame.
 *
 * Pages: home map, programmes list, a city's Counterparts tab, programme Monitoring, practices list,
 * a city page (Overview). Also the repeat visit (same context: the HTTP cache is warm) of each page.
 *
 * Run: npx tsx bench/first-paint.ts [--rounds 5] [--label after] [--page "programme monitoring"]
 * Writes bench/results/first-paint.json (figures of other labels already there are kept).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { freePort } from "../test/support/free-port.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const ROUNDS = Number(arg("rounds", "5"));
const LABEL = arg("label", "after");
const CITY = arg("city", "chongqing-cn");
/** --page NAME: measure that page only (a quick look; nothing is written). */
const ONLY_PAGE = arg("page", "");
const OUT = join(ROOT, "bench/results/first-paint.json");

interface PageCase { key: string; path: (ids: { programme: string }) => string; ready: string[] }

/** CSS selectors that must all match (each may be a list: any of it), and no skeleton or spinner inside <main>. */
const CASES: PageCase[] = [
  { key: "home map", path: () => "/", ready: ["[data-testid=world-map] canvas", "[data-testid=map-summary]"] },
  { key: "programmes list", path: () => "/programmes", ready: ["[data-testid=programme-list]"] },
  { key: "city counterparts tab", path: () => `/cities/${CITY}?tab=counterparts`, ready: ["[data-testid=counterparts-family], [data-testid=counterparts-empty]"] },
  { key: "programme monitoring", path: (ids) => `/programmes/${encodeURIComponent(ids.programme)}?tab=monitoring`, ready: ["[data-testid=coop-status-summary]"] },
  { key: "practices list", path: () => "/practices", ready: ["[data-testid=practice-results]"] },
  { key: "city page", path: () => `/cities/${CITY}`, ready: ["[data-testid=city-title]", "[data-testid=city-facts]"] },
];

async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const b = spawnSync(process.execPath, ["scripts/build.js", "web", "server"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0) throw new Error("build failed");
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "citybridge-first-paint-"));
  const child: ChildProcess = spawn(process.execPath, ["bin/citybridge.js", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", join(dir, "bench.db")], {
    cwd: ROOT,
    env: { ...process.env, TZ: "UTC", DATABASE_URL: "", CITYBRIDGE_LOG: "error" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) return { baseUrl, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("server not ready within 180 s");
}

interface Visit { ms: number; requests: number; transferKb: number }

/** Navigates and waits (every frame) until the content is there; the time is the page's own clock from navigation start. */
async function visit(page: Page, url: string, ready: string[]): Promise<Visit> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (sel) => {
      const main = document.querySelector("main, #main");
      if (!main) return false;
      if (sel.some((s) => !document.querySelector(s))) return false;
      if (main.querySelector(".ant-skeleton, .ant-spin-spinning")) return false;
      return performance.now();
    },
    ready,
    { polling: "raf", timeout: 60_000 },
  ).catch(async (err: Error) => {
    const state = await page.evaluate((sel) => ({
      missing: sel.filter((s) => !document.querySelector(s)),
      busy: [...document.querySelectorAll("main .ant-skeleton, main .ant-spin-spinning, #main .ant-skeleton, #main .ant-spin-spinning")].map((e) => e.parentElement?.outerHTML.slice(0, 200)),
    }), ready);
    throw new Error(`${url}: ${err.message}; ${JSON.stringify(state)}`);
  });
  const ms = (await handle.jsonValue()) as number;
  const res = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return { requests: entries.length + nav.length, bytes: [...entries, ...nav].reduce((s, e) => s + (e.transferSize || 0), 0) };
  });
  return { ms, requests: res.requests, transferKb: Math.round(res.bytes / 1024) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    const programmes = (await (await fetch(`${server.baseUrl}/api/v1/programmes`)).json()) as { programmes: { id: string }[] };
    const programme = programmes.programmes[0]?.id;
    if (!programme) throw new Error("no programme in the seeded database");
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const loadBefore = loadavg();
    const first: Record<string, Visit[]> = {};
    const repeat: Record<string, number[]> = {};
    // round 0 warms the server (its caches, the OS page cache) and is not kept
    for (let round = 0; round <= ROUNDS; round++) {
      for (const c of CASES.filter((x) => !ONLY_PAGE || x.key === ONLY_PAGE)) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB" });
        const page = await context.newPage();
        const url = `${server.baseUrl}${c.path({ programme })}`;
        const v = await visit(page, url, c.ready);
        const again = await visit(page, url, c.ready);
        await context.close();
        if (round === 0) continue;
        (first[c.key] ??= []).push(v);
        (repeat[c.key] ??= []).push(again.ms);
        process.stdout.write(`${c.key}: ${v.ms.toFixed(0)} ms (repeat ${again.ms.toFixed(0)} ms), ${v.requests} requests, ${v.transferKb} KB\n`);
      }
    }
    const measured = CASES.filter((c) => first[c.key]);
    const pages = Object.fromEntries(measured.map((c) => {
      const vs = first[c.key]!;
      return [c.key, {
        path: c.path({ programme: "<first programme>" }),
        firstVisitMedianMs: Math.round(median(vs.map((v) => v.ms))),
        firstVisitMaxMs: Math.round(Math.max(...vs.map((v) => v.ms))),
        repeatVisitMedianMs: Math.round(median(repeat[c.key]!)),
        requests: vs[0]!.requests,
        transferKb: vs[0]!.transferKb,
        samplesMs: vs.map((v) => Math.round(v.ms)),
      }];
    }));
    const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, "utf8")) as Record<string, unknown>) : {};
    const entry = {
      measuredAt: new Date().toISOString(),
      method: "fresh browser context per visit (empty HTTP cache, signed out), 1280×720, compiled server on a fresh seeded SQLite file, after one warm-up pass; time from navigation start until the content selector matches and <main> has no skeleton or spinner; repeat = the same page again in the same context",
      rounds: ROUNDS,
      cpus: cpus().length,
      loadAverage1mBefore: Number(loadBefore[0]!.toFixed(2)),
      loadAverage1mAfter: Number(loadavg()[0]!.toFixed(2)),
      pages,
    };
    const result = { ...previous, [LABEL]: entry };
    if (!ONLY_PAGE) {
      mkdirSync(join(ROOT, "bench/results"), { recursive: true });
      writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    }
    console.table(Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, { median: v.firstVisitMedianMs, max: v.firstVisitMaxMs, repeat: v.repeatVisitMedianMs, requests: v.requests, KB: v.transferKb }])));
    console.log(`load average (1 min) ${entry.loadAverage1mBefore} → ${entry.loadAverage1mAfter} on ${cpus().length} CPUs; ${ONLY_PAGE ? "one page: not written" : `written to ${OUT}`}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main();
