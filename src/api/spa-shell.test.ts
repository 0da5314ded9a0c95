import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chunkFiles, preloadLinks, spaShell, uiLang } from "./spa-shell.js";

/** A manifest shaped as Vite writes it: the entry, a route chunk with shared imports, the world map. */
const MANIFEST = {
  "index.html": { file: "assets/index-A.js", isEntry: true, imports: ["_vendor-V.js"] },
  "_vendor-V.js": { file: "assets/vendor-V.js", name: "vendor" },
  "_Table-T.js": { file: "assets/Table-T.js", name: "Table", imports: ["_vendor-V.js", "index.html"] },
  "_echarts-E.js": { file: "assets/echarts-E.js", name: "echarts" },
  "_EChart-C.js": { file: "assets/EChart-C.js", name: "EChart", imports: ["_echarts-E.js", "index.html"], dynamicImports: ["../../node_modules/world.json"] },
  "../../node_modules/world.json": { file: "assets/world-geo-W.js", name: "world-geo", src: "../../node_modules/world.json", isDynamicEntry: true },
  "pages/MapPage.tsx": { file: "assets/MapPage-M.js", name: "MapPage", src: "pages/MapPage.tsx", isDynamicEntry: true, imports: ["_vendor-V.js", "index.html", "_EChart-C.js", "_Table-T.js"] },
  "pages/programmes/ProgrammesPage.tsx": { file: "assets/ProgrammesPage-P.js", name: "ProgrammesPage", src: "pages/programmes/ProgrammesPage.tsx", isDynamicEntry: true, imports: ["_vendor-V.js", "index.html", "_Table-T.js"] },
  "pages/CityPage.tsx": { file: "assets/CityPage-C.js", name: "CityPage", src: "pages/CityPage.tsx", isDynamicEntry: true, imports: ["index.html"], dynamicImports: ["geo/world-outline.ts", "pages/CityIndicatorsTab.tsx"] },
  "geo/world-outline.ts": { file: "assets/world-outline-L.js", name: "world-outline", src: "geo/world-outline.ts", isDynamicEntry: true },
  "pages/CityIndicatorsTab.tsx": { file: "assets/CityIndicatorsTab-I.js", name: "CityIndicatorsTab", src: "pages/CityIndicatorsTab.tsx", isDynamicEntry: true, imports: ["index.html", "_EChart-C.js"] },
  "pages/matching/CounterpartsTab.tsx": { file: "assets/CounterpartsTab-K.js", name: "CounterpartsTab", src: "pages/matching/CounterpartsTab.tsx", isDynamicEntry: true, imports: ["index.html", "_Table-T.js"] },
  "pages/programmes/ProgrammePage.tsx": { file: "assets/ProgrammePage-G.js", name: "ProgrammePage", src: "pages/programmes/ProgrammePage.tsx", isDynamicEntry: true, imports: ["index.html"] },
  "pages/monitoring/ProgrammeMonitoringTab.tsx": { file: "assets/ProgrammeMonitoringTab-O.js", name: "ProgrammeMonitoringTab", src: "pages/monitoring/ProgrammeMonitoringTab.tsx", isDynamicEntry: true, imports: ["index.html", "_Table-T.js"], dynamicImports: ["geo/world-outline.ts"] },
  "pages/practices/PracticesPage.tsx": { file: "assets/PracticesPage-R.js", name: "PracticesPage", src: "pages/practices/PracticesPage.tsx", isDynamicEntry: true, imports: ["index.html"] },
};

const hrefs = (html: string, rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)">`, "g"))].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("the SPA shell's preloads", () => {
  it("lists a route's chunks and their static imports, leaving out what index.html loads already", () => {
    expect(chunkFiles(MANIFEST, ["pages/MapPage.tsx", "world-geo"]).sort()).toEqual(
      ["assets/EChart-C.js", "assets/MapPage-M.js", "assets/Table-T.js", "assets/echarts-E.js", "assets/world-geo-W.js"],
    );
    expect(chunkFiles(MANIFEST, ["pages/Missing.tsx"])).toEqual([]);
  });

  it("preloads the map's chunks and its first API reads, with the indicator of the address", () => {
    const html = preloadLinks(MANIFEST, "/", "en");
    expect(hrefs(html, "modulepreload")).toContain("/assets/MapPage-M.js");
    expect(hrefs(html, "modulepreload")).toContain("/assets/world-geo-W.js");
    expect(hrefs(html, "preload")).toEqual(["/api/v1/auth/session", "/api/v1/indicators", "/api/v1/sources", "/api/v1/cities/points", "/api/v1/indicators/energy.grid_intensity/latest"]);
    expect(hrefs(preloadLinks(MANIFEST, "/?indicator=air.pm25_annual", "en"), "preload")).toContain("/api/v1/indicators/air.pm25_annual/latest");
    expect(html).toMatch(/<link rel="preload" as="fetch" crossorigin href="\/api\/v1\/cities\/points">/);
  });

  it("preloads a list's first page only when the address has no filters or page", () => {
    expect(hrefs(preloadLinks(MANIFEST, "/programmes", "en"), "preload")).toContain("/api/v1/programmes?limit=12&offset=0");
    expect(hrefs(preloadLinks(MANIFEST, "/programmes?page=2", "en"), "preload")).toEqual(["/api/v1/auth/session"]);
    expect(hrefs(preloadLinks(MANIFEST, "/practices", "zh"), "preload")).toContain("/api/v1/practices?lang=zh&limit=20&offset=0");
    expect(hrefs(preloadLinks(MANIFEST, "/practices?q=bus", "en"), "preload")).toEqual(["/api/v1/auth/session"]);
  });

  it("fills path parameters encoded and tabs as the page asks for them", () => {
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn", "en"), "preload")).toEqual(["/api/v1/auth/session", "/api/v1/cities/chongqing-cn", "/api/v1/cities/chongqing-cn/profile"]);
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn?tab=counterparts", "en"), "preload")).toContain("/api/v1/cities/chongqing-cn/counterparts?top=10");
    // The overview's locator draws the world's outline (a small chunk), never the home map's world GeoJSON or ECharts.
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn", "en"), "modulepreload")).toEqual(["/assets/CityPage-C.js", "/assets/world-outline-L.js"]);
    // A tab other than the overview loads its own chunk (React.lazy), announced when it is the one in the address.
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn?tab=counterparts", "en"), "modulepreload")).toEqual(["/assets/CityPage-C.js", "/assets/CounterpartsTab-K.js", "/assets/Table-T.js"]);
    // The indicators' charts (ECharts) are their own tab chunk, announced only for that tab.
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn?tab=indicators", "en"), "modulepreload")).toEqual(["/assets/CityPage-C.js", "/assets/CityIndicatorsTab-I.js", "/assets/EChart-C.js", "/assets/echarts-E.js"]);
    // Data announced before the chunks.
    const city = preloadLinks(MANIFEST, "/cities/chongqing-cn", "en");
    expect(city.indexOf("/profile")).toBeLessThan(city.indexOf("modulepreload"));
    expect(hrefs(preloadLinks(MANIFEST, "/programmes/a%20b?tab=monitoring", "en"), "preload")).toEqual([
      "/api/v1/auth/session", "/api/v1/programmes/a%20b", "/api/v1/programmes/a%20b/monitoring", "/api/v1/indicators", "/api/v1/programmes/a%20b/impact?indicator=ghg.co2_total%2Cair.pm25_annual",
    ]);
    expect(hrefs(preloadLinks(MANIFEST, "/programmes/a%20b?tab=monitoring", "en"), "modulepreload")).toEqual([
      "/assets/ProgrammePage-G.js", "/assets/ProgrammeMonitoringTab-O.js", "/assets/Table-T.js", "/assets/world-outline-L.js",
    ]);
    expect(hrefs(preloadLinks(MANIFEST, "/programmes/a%20b", "en"), "modulepreload")).toEqual(["/assets/ProgrammePage-G.js"]);
    // A tab named like one of Object's methods names no chunk.
    expect(hrefs(preloadLinks(MANIFEST, "/programmes/a%20b?tab=constructor", "en"), "modulepreload")).toEqual(["/assets/ProgrammePage-G.js"]);
    expect(hrefs(preloadLinks(MANIFEST, "/cities/chongqing-cn?tab=valueOf", "en"), "modulepreload")).toEqual(["/assets/CityPage-C.js"]);
    // Nothing but the session for a page it does not know, or a malformed address.
    expect(hrefs(preloadLinks(MANIFEST, "/nowhere/at/all", "en"), "preload")).toEqual(["/api/v1/auth/session"]);
    expect(hrefs(preloadLinks(MANIFEST, "/cities/%E0%A4%A", "en"), "preload")).toEqual(["/api/v1/auth/session"]);
    // An attribute cannot be broken out of.
    expect(preloadLinks(MANIFEST, `/programmes/"><script>`, "en")).not.toContain("<script>");
  });

  it("finds a page module written as a shared chunk (`_Name-hash.js`, no source path) by its name, when only one chunk bears it", () => {
    const { "pages/programmes/ProgrammePage.tsx": page, ...rest } = MANIFEST;
    const shared = { ...rest, "_ProgrammePage-G.js": { file: page.file, name: "ProgrammePage", isDynamicEntry: true, imports: page.imports } };
    expect(hrefs(preloadLinks(shared, "/programmes/a?tab=monitoring", "en"), "modulepreload")).toEqual([
      "/assets/ProgrammePage-G.js", "/assets/ProgrammeMonitoringTab-O.js", "/assets/Table-T.js", "/assets/world-outline-L.js",
    ]);
    // Two chunks of that name: none is guessed.
    const twice = { ...shared, "_ProgrammePage-H.js": { file: "assets/ProgrammePage-H.js", name: "ProgrammePage", isDynamicEntry: true } };
    expect(hrefs(preloadLinks(twice, "/programmes/a", "en"), "modulepreload")).toEqual([]);
  });

  it("takes the language from the saved choice, else the browser's first language", () => {
    expect(uiLang("a=1; cb_lang=zh", "en-GB")).toBe("zh");
    expect(uiLang(undefined, "zh-CN,zh;q=0.9")).toBe("zh");
    expect(uiLang("cb_lang=fr", "en-US")).toBe("en");
    expect(uiLang(undefined, undefined)).toBe("en");
  });

  describe("spaShell", () => {
    const dir = mkdtempSync(join(tmpdir(), "citybridge-shell-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("puts the links in the head, reads a rebuilt UI again, and works without a manifest", () => {
      writeFileSync(join(dir, "index.html"), "<html><head><title>x</title></head><body></body></html>");
      const shell = spaShell(dir);
      const bare = shell("/programmes", "en");
      expect(bare.html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/programmes?limit=12&amp;offset=0">\n  </head>');
      expect(bare.html).not.toContain("modulepreload");
      mkdirSync(join(dir, ".vite"));
      writeFileSync(join(dir, ".vite", "manifest.json"), JSON.stringify(MANIFEST));
      writeFileSync(join(dir, "index.html"), "<html><head><title>y</title></head><body></body></html>");
      utimesSync(join(dir, "index.html"), new Date(), new Date(Date.now() + 5_000));
      const built = shell("/programmes", "en");
      expect(built.html).toContain("<title>y</title>");
      expect(built.html).toContain('<link rel="modulepreload" crossorigin href="/assets/ProgrammesPage-P.js">');
      expect(built.etag).not.toBe(bare.etag);
      expect(shell("/programmes", "en").etag).toBe(built.etag);
    });
  });
});
