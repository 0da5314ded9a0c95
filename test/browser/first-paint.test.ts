/**
 * Issue 18.8, first paint: the page the server sends for a route announces that route's chunks
 * (modulepreload, from Vite's manifest of the real build) and its first API reads (preload as=fetch),
 * the browser hands the preloaded answers to the page's own requests (each is fetched once), and the
 * assets come compressed — against the real server and build, as a signed-out first-time visitor.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Page, Response } from "playwright-core";
import { chunkFiles } from "../../src/api/spa-shell.js";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { signedIn: false, pageTimeoutMs: 45_000 });
const T = 120_000;

const links = (html: string, rel: string) =>
  [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)">`, "g"))].map((m) => m[1]!.replace(/&amp;/g, "&"));

/** The resource timing entries of the page so far (path and query, how it was started). */
async function resources(): Promise<{ url: string; initiator: string }[]> {
  return page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
    .map((e) => ({ url: e.name.replace(location.origin, ""), initiator: e.initiatorType })));
}

describe("first paint: preloaded chunks and data, compressed assets", () => {
  it("the programmes list: its chunk is the one announced, its first page fetched once (from the preload)", async () => {
    const html = await (await fetch(`${server.baseUrl}/programmes`)).text();
    const data = links(html, "preload");
    expect(data).toContain("/api/v1/programmes?limit=12&offset=0");
    expect(data).toContain("/api/v1/auth/session");
    const chunks = links(html, "modulepreload");
    expect(chunks.some((c) => /\/assets\/ProgrammesPage-[\w-]+\.js$/.test(c))).toBe(true);

    await page.goto(`${server.baseUrl}/programmes`);
    await page.getByTestId("programme-list").waitFor();
    const seen = await resources();
    // The page's own request for its list was answered by the preload: one request, started by the <link>.
    const list = seen.filter((r) => r.url === "/api/v1/programmes?limit=12&offset=0");
    expect(list).toEqual([{ url: "/api/v1/programmes?limit=12&offset=0", initiator: "link" }]);
    // The route chunk the browser ran is the one the server announced.
    const ran = seen.filter((r) => /\/assets\/ProgrammesPage-[\w-]+\.js$/.test(r.url)).map((r) => r.url);
    expect(ran).toHaveLength(1);
    expect(chunks).toContain(ran[0]);
    // antd's styles come from its stylesheet (zero runtime), the theme's colour still applied.
    await expect(page.locator(".ant-menu-item-selected").first().evaluate((e) => getComputedStyle(e).color)).resolves.toBe("rgb(11, 83, 148)");
    await expect(page.getByTestId("programme-list").evaluate((e) => getComputedStyle(e.querySelector(".ant-card") ?? e).borderTopStyle)).resolves.toBe("solid");
  }, T);

  it("the practices library: its first page, in the visitor's language, fetched once (from the preload)", async () => {
    await page.goto(`${server.baseUrl}/practices`);
    await page.getByTestId("practice-results").waitFor();
    const seen = await resources();
    const lists = seen.filter((r) => r.url.startsWith("/api/v1/practices?"));
    // One request for the list: the preload the page's own request was given (a page size or parameter
    // order changed in the page but not in src/api/spa-shell.ts would show as a second request).
    expect(lists).toEqual([{ url: "/api/v1/practices?lang=en&limit=20&offset=0", initiator: "link" }]);
  }, T);

  it("the map: its chunks and the world map announced, its lists fetched once, scripts sent compressed", async () => {
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const data = links(html, "preload");
    for (const url of ["/api/v1/indicators", "/api/v1/sources", "/api/v1/cities/points", "/api/v1/indicators/energy.grid_intensity/latest"]) expect(data).toContain(url);
    const chunks = links(html, "modulepreload");
    expect(chunks.some((c) => /\/assets\/MapPage-[\w-]+\.js$/.test(c))).toBe(true);
    expect(chunks.some((c) => /\/assets\/world-geo-[\w-]+\.js$/.test(c))).toBe(true);

    const scripts: Response[] = [];
    page.on("response", (r) => { if (/\/assets\/.+\.js$/.test(r.url())) scripts.push(r); });
    await page.goto(`${server.baseUrl}/`);
    await page.locator("[data-testid=world-map] canvas").first().waitFor();
    await page.getByTestId("map-summary").waitFor();
    const seen = await resources();
    for (const url of ["/api/v1/indicators", "/api/v1/sources", "/api/v1/cities/points"]) {
      expect(seen.filter((r) => r.url === url), url).toEqual([{ url, initiator: "link" }]);
    }
    const ran = seen.filter((r) => /\/assets\/(MapPage|world-geo)-[\w-]+\.js$/.test(r.url)).map((r) => r.url);
    expect(ran).toHaveLength(2);
    for (const c of ran) expect(chunks).toContain(c);
    // The big scripts came compressed (brotli or gzip, as Chromium accepts; the build leaves files under 1 KB as they are).
    const big = scripts.filter((r) => /\/assets\/(vendor|echarts|world-geo)-[\w-]+\.js$/.test(r.url()));
    expect(big).toHaveLength(3);
    for (const r of big) expect(String(await r.headerValue("content-encoding")), r.url()).toMatch(/^(br|gzip)$/);
  }, T);

  it("a city's Counterparts tab: its chunk announced and run, the city fetched once (from the preload), other tabs' chunks not loaded", async () => {
    const html = await (await fetch(`${server.baseUrl}/cities/chongqing-cn?tab=counterparts`)).text();
    const chunks = links(html, "modulepreload");
    expect(chunks.some((c) => /\/assets\/CounterpartsTab-[\w-]+\.js$/.test(c))).toBe(true);
    await page.goto(`${server.baseUrl}/cities/chongqing-cn?tab=counterparts`);
    await page.locator("[data-testid=counterparts-family], [data-testid=counterparts-empty]").first().waitFor();
    const seen = await resources();
    // The page and the tab both read the city: one request, the preload.
    expect(seen.filter((r) => r.url === "/api/v1/cities/chongqing-cn")).toEqual([{ url: "/api/v1/cities/chongqing-cn", initiator: "link" }]);
    const ran = seen.filter((r) => /\/assets\/CounterpartsTab-[\w-]+\.js$/.test(r.url));
    expect(ran).toHaveLength(1);
    expect(chunks).toContain(ran[0]!.url);
    expect(seen.some((r) => /\/assets\/(AirTab|ClimateTab|CityDistrictsTab|CityCooperationsTab)-/.test(r.url))).toBe(false);
  }, T);

  it("a city page: the city and its profile come from the preloads; another page of the UI gets no preloads of the map", async () => {
    await page.goto(`${server.baseUrl}/cities/chongqing-cn`);
    await page.getByTestId("city-title").waitFor();
    await page.getByTestId("city-facts").waitFor();
    await page.getByTestId("theme-overview").waitFor(); // drawn from the profile
    const seen = await resources();
    // The profile has one reader on this page: fetched once, by the preload.
    expect(seen.filter((r) => r.url === "/api/v1/cities/chongqing-cn/profile")).toEqual([{ url: "/api/v1/cities/chongqing-cn/profile", initiator: "link" }]);
    expect(seen.find((r) => r.url === "/api/v1/cities/chongqing-cn")).toEqual({ url: "/api/v1/cities/chongqing-cn", initiator: "link" });
    const other = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    expect(links(other, "preload")).toEqual(["/api/v1/auth/session"]);
    expect(links(other, "modulepreload").some((c) => /MapPage|world-geo/.test(c))).toBe(false);
  }, T);
  // The city page and the programme's Monitoring tab draw their maps and charts in SVG/CSS: neither
  // ECharts (~760 kB) nor the home map's world GeoJSON (~310 kB) may come back into them, by a static
  // import in the build, an announcement in the page's <head>, or a load while the page is shown.
  it("the city page and the programme's Monitoring tab load neither ECharts nor the world GeoJSON", async () => {
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL("../../dist/web/.vite/manifest.json", import.meta.url)), "utf8")) as Parameters<typeof chunkFiles>[0];
    const heavy = /\/(echarts|world-geo)-[\w-]+\.js$/;
    // The built chunks: no static import path from these pages to the heavy chunks (the Indicators tab has its own chunk with ECharts).
    for (const m of ["pages/CityPage.tsx", "pages/monitoring/ProgrammeMonitoringTab.tsx", "ProgrammePage", "pages/monitoring/ShowcaseProgrammePage.tsx"]) {
      const files = chunkFiles(manifest, [m]);
      expect(files.length, m).toBeGreaterThan(0);
      expect(files.filter((f) => heavy.test(`/${f}`)), m).toEqual([]);
    }
    expect(chunkFiles(manifest, ["pages/CityIndicatorsTab.tsx"]).some((f) => /echarts-/.test(f))).toBe(true);
    const programme = "iuc-asia";
    for (const [path, ready] of [
      ["/cities/chongqing-cn", "[data-testid=city-location-map] [data-testid=world-land]"],
      [`/programmes/${programme}?tab=monitoring`, "[data-testid=lines-map] [data-testid=world-land]"],
    ] as const) {
      const chunks = links(await (await fetch(`${server.baseUrl}${path}`)).text(), "modulepreload");
      expect(chunks.filter((c) => heavy.test(c)), path).toEqual([]);
      // The outline's own small chunk is announced instead.
      expect(chunks.some((c) => /\/assets\/world-outline-[\w-]+\.js$/.test(c)), path).toBe(true);
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator(ready).waitFor();
      await page.waitForLoadState("networkidle");
      const seen = await resources();
      expect(seen.filter((r) => heavy.test(r.url)).map((r) => r.url), path).toEqual([]);
      expect(seen.filter((r) => /\/assets\/world-outline-[\w-]+\.js$/.test(r.url)), path).toHaveLength(1);
    }
    // The city's Indicators tab, opened by address, gets its chunk (with ECharts) announced.
    const indicators = links(await (await fetch(`${server.baseUrl}/cities/chongqing-cn?tab=indicators`)).text(), "modulepreload");
    expect(indicators.some((c) => /\/assets\/CityIndicatorsTab-[\w-]+\.js$/.test(c))).toBe(true);
    expect(indicators.some((c) => /\/assets\/echarts-[\w-]+\.js$/.test(c))).toBe(true);
  }, T);

  // src/api/spa-shell.ts keeps its own table of each route's first reads, beside the pages that make
  // them: a page that changes its first query (a page size, a parameter, a default indicator) without
  // that table would lose its head start and fetch twice. Every route with announced reads is
  // visited here: each announced read must be fetched once, by the <link>, and no other request go
  // to the same API path with another query.
  it("every announced read of every route is the page's own request: fetched once, no second request to its path", async () => {
    const coops = (await (await fetch(`${server.baseUrl}/api/v1/cooperations?limit=1`)).json()) as { cooperations: { id: string; programmeId: string | null }[] };
    const coop = coops.cooperations[0]!;
    const programme = coop.programmeId ?? "iuc-asia";
    const pages = [
      "/", "/programmes", "/practices", `/programmes/${programme}`, `/programmes/${programme}?tab=monitoring`,
      "/cities/chongqing-cn", "/cities/chongqing-cn?tab=counterparts", "/cities/chongqing-cn?tab=air", `/cooperations/${encodeURIComponent(coop.id)}`,
    ];
    const problems: Record<string, unknown> = {};
    for (const path of pages) {
      const announced = links(await (await fetch(`${server.baseUrl}${path}`)).text(), "preload").filter((u) => u !== "/api/v1/auth/session");
      expect(announced.length, path).toBeGreaterThan(0);
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      const pathOf = (u: string) => u.split("?")[0];
      const check = async () => {
        const seen = await resources();
        return announced.flatMap((url) => {
          const own = seen.filter((r) => r.url === url);
          const others = seen.filter((r) => r.url !== url && pathOf(r.url) === pathOf(url) && !announced.includes(r.url)).map((r) => r.url);
          return own.length === 1 && own[0]!.initiator === "link" && others.length === 0 ? [] : [{ url, fetched: own.map((r) => r.initiator), others }];
        });
      };
      // A read the page makes later than the network's first quiet moment still counts: look again for a while.
      let left = await check();
      for (let i = 0; i < 20 && left.length > 0; i++) {
        await page.waitForTimeout(250);
        left = await check();
      }
      if (left.length > 0) problems[path] = left;
    }
    expect(problems).toEqual({});
  }, 300_000);
});
