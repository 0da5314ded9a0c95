/**
 * Where the first-paint time goes (issue 18.8): for each page of bench/first-paint.ts, one first visit
 * (fresh context) against an already running server, printing the request waterfall (start → end, KB)
 * and Chromium's own counters (script, layout, recalc style, task time) up to the content being visible.
 *
 * Run: npx tsx bench/first-paint-trace.ts --url http://127.0.0.1:PORT [--page "home map"]
 */
import { chromium } from "playwright-core";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const BASE = arg("url", "http://127.0.0.1:8080");
const ONLY = arg("page", "");
const CITY = "chongqing-cn";
const CASES = [
  { key: "home map", path: () => "/", ready: ["[data-testid=world-map] canvas", "[data-testid=map-summary]"] },
  { key: "programmes list", path: () => "/programmes", ready: ["[data-testid=programme-list]"] },
  { key: "city counterparts tab", path: () => `/cities/${CITY}?tab=counterparts`, ready: ["[data-testid=counterparts-family], [data-testid=counterparts-empty]"] },
  { key: "programme monitoring", path: (p: string) => `/programmes/${encodeURIComponent(p)}?tab=monitoring`, ready: ["[data-testid=coop-status-summary]"] },
  { key: "practices list", path: () => "/practices", ready: ["[data-testid=practice-results]"] },
  { key: "city page", path: () => `/cities/${CITY}`, ready: ["[data-testid=city-title]", "[data-testid=city-facts]"] },
];

const programmes = (await (await fetch(`${BASE}/api/v1/programmes`)).json()) as { programmes: { id: string }[] };
const programme = programmes.programmes[0]!.id;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const c of CASES.filter((c) => !ONLY || c.key === ONLY)) {
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${BASE}${c.path(programme)}`, { waitUntil: "commit" });
    const ready = (await (await page.waitForFunction((sel) => {
      const main = document.querySelector("main, #main");
      if (!main || sel.some((s) => !document.querySelector(s))) return false;
      if (main.querySelector(".ant-skeleton, .ant-spin-spinning")) return false;
      return performance.now();
    }, c.ready, { polling: "raf", timeout: 60_000 })).jsonValue()) as number;
    const metrics = Object.fromEntries(((await cdp.send("Performance.getMetrics")).metrics).map((m) => [m.name, m.value]));
    const rows = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      return {
        nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd },
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
        res: res.map((r) => ({ name: r.name.replace(location.origin, ""), start: Math.round(r.startTime), reqStart: Math.round(r.requestStart), respStart: Math.round(r.responseStart), end: Math.round(r.responseEnd), kb: Math.round(r.transferSize / 1024), body: Math.round(r.decodedBodySize / 1024) })),
      };
    });
    await context.close();
    if (i === 0) continue; // the first is a warm-up of the server
    console.log(`\n== ${c.key}: ready ${ready.toFixed(0)} ms; html end ${rows.nav.responseEnd.toFixed(0)}, domInteractive ${rows.nav.domInteractive.toFixed(0)}, DCL ${rows.nav.dcl.toFixed(0)}, FCP ${rows.fcp?.toFixed(0)}`);
    console.log(`   script ${(metrics.ScriptDuration! * 1000).toFixed(0)} ms, layout ${(metrics.LayoutDuration! * 1000).toFixed(0)} ms, style ${(metrics.RecalcStyleDuration! * 1000).toFixed(0)} ms, task ${(metrics.TaskDuration! * 1000).toFixed(0)} ms`);
    for (const r of rows.res.sort((a, b) => a.start - b.start)) console.log(`   ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)} (ttfb ${String(r.respStart - r.reqStart).padStart(4)})  ${String(r.kb).padStart(5)} KB  ${r.name}`);
  }
}
await browser.close();
