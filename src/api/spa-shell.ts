/**
 * The web UI's page (index.html) as the SPA fallback serves it, with what the requested page will
 * need announced in its <head> (issue 18.8, first paint):
 *
 *  - `<link rel="modulepreload">` for the route's own chunks (and the chunks they import), read from
 *    Vite's build manifest, so that they download and compile while the main chunk runs instead of
 *    being discovered only after it has run;
 *  - `<link rel="preload" as="fetch" crossorigin>` for the route's first API reads, exactly as the
 *    page will ask for them (a signed-out visitor's first view: no filters, first page), so that the
 *    data is on its way while the JavaScript still loads. The browser hands the preloaded response to
 *    the page's own fetch() of the same URL (the web client asks for GETs without extra headers).
 *
 * The route table below mirrors src/web/app.tsx (modules) and the pages' first queries (data);
 * a route missing here only loses the head start. test/browser/first-paint.test.ts visits every
 * route with announced reads and fails when a page asks for one of them again or with another
 * query. Pure string work: no database access.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** One chunk of Vite's manifest (dist/web/.vite/manifest.json). */
interface ManifestChunk { file: string; name?: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }
type Manifest = Record<string, ManifestChunk>;

export type UiLang = "en" | "zh";

interface RouteContext { params: Record<string, string>; query: URLSearchParams; lang: UiLang }

export interface RoutePreload {
  /** A path of the UI as in src/web/app.tsx (`:name` matches one segment). */
  path: string;
  /** Source modules (relative to src/web) or chunk names (e.g. "world-geo") the page loads at once. */
  modules: (ctx: RouteContext) => string[];
  /** API URLs (path and query, as the page's fetch() writes them) the page reads first. */
  data: (ctx: RouteContext) => string[];
}

const enc = encodeURIComponent;
/** A query string as the web client's get() writes it (URLSearchParams, empty values left out). */
function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.size ? `?${q}` : "";
}
/** Only a visit without filters or paging is predicted: anything else starts as before. */
const plain = (query: URLSearchParams, allowed: string[] = []) => [...query.keys()].every((k) => allowed.includes(k));

/** The home map's world GeoJSON (ECharts' map, ~300 KB): only the home map loads it. */
const WORLD_MAP = "world-geo";
/**
 * The world's outline as one SVG path (~50 KB, src/web/geo/world-outline.ts) for the pages that draw
 * small maps without ECharts: the city page's locator and the programme's cooperation-lines map.
 * Announced after the route's own chunks; the pages show their content without waiting for it.
 */
const WORLD_OUTLINE = "geo/world-outline.ts";
/** The programme page's tabs loaded on demand (React.lazy in src/web/pages/programmes/ProgrammePage.tsx). */
const PROGRAMME_TABS: Record<string, string> = {
  call: "pages/programmes/CallTab.tsx",
  pairing: "pages/matching/PairingBoardTab.tsx",
  cooperations: "pages/programmes/ProgrammeCooperationsTab.tsx",
  monitoring: "pages/monitoring/ProgrammeMonitoringTab.tsx",
  history: "pages/account/HistoryPanel.tsx",
};
/** The city page's tabs loaded on demand (React.lazy in src/web/pages/CityPage.tsx), by the `tab` in the address. */
const CITY_TABS: Record<string, string> = {
  indicators: "pages/CityIndicatorsTab.tsx",
  air: "pages/air/AirTab.tsx",
  climate: "pages/climate/ClimateTab.tsx",
  practices: "pages/practices/CityPracticesTab.tsx",
  counterparts: "pages/matching/CounterpartsTab.tsx",
  cooperations: "pages/cooperations/CityCooperationsTab.tsx",
  districts: "pages/vision/CityDistrictsTab.tsx",
};
/** The chunk of the tab named in the address, if it is one (an own key: `?tab=constructor` names none). */
const tabChunk = (tabs: Record<string, string>, tab: string): string[] => (Object.hasOwn(tabs, tab) ? [tabs[tab]!] : []);
/** The signed-in user (or none): the account menu asks on every page. */
const SESSION = "/api/v1/auth/session";

export const ROUTE_PRELOADS: RoutePreload[] = [
  {
    path: "/",
    modules: () => ["pages/MapPage.tsx", WORLD_MAP],
    data: ({ query }) => {
      const indicator = query.get("indicator") ?? "energy.grid_intensity"; // MapPage's DEFAULT_INDICATOR
      return ["/api/v1/indicators", "/api/v1/sources", "/api/v1/cities/points", `/api/v1/indicators/${enc(indicator)}/latest`];
    },
  },
  {
    path: "/programmes",
    modules: () => ["pages/programmes/ProgrammesPage.tsx"],
    data: ({ query }) => plain(query) ? [`/api/v1/programmes${qs({ limit: 12, offset: 0 })}`] : [], // ProgrammesPage's PAGE_SIZE
  },
  {
    path: "/programmes/:id",
    modules: ({ query }) => {
      const tab = query.get("tab") ?? "overview";
      return ["pages/programmes/ProgrammePage.tsx", ...tabChunk(PROGRAMME_TABS, tab), ...(tab === "monitoring" ? [WORLD_OUTLINE] : [])];
    },
    data: ({ params, query }) => {
      const base = `/api/v1/programmes/${enc(params.id!)}`;
      const urls = [base];
      if (query.get("tab") === "monitoring") {
        urls.push(`${base}/monitoring`, "/api/v1/indicators", `${base}/impact${qs({ indicator: "ghg.co2_total,air.pm25_annual" })}`);
      }
      return urls;
    },
  },
  {
    path: "/cities/:slug",
    // The overview's locator draws the world's outline; the other tabs do not, and load their own chunk.
    modules: ({ query }) => {
      const tab = query.get("tab") ?? "overview";
      return ["pages/CityPage.tsx", ...(tab === "overview" ? [WORLD_OUTLINE] : tabChunk(CITY_TABS, tab))];
    },
    data: ({ params, query }) => {
      const base = `/api/v1/cities/${enc(params.slug!)}`;
      const tab = query.get("tab") ?? "overview";
      if (tab === "overview") return [base, `${base}/profile`];
      if (tab === "counterparts") return [base, "/api/v1/indicators", "/api/v1/sources", `${base}/counterparts${qs({ top: 10 })}`];
      return [base];
    },
  },
  {
    path: "/practices",
    modules: () => ["pages/practices/PracticesPage.tsx"],
    data: ({ query, lang }) => plain(query) ? [`/api/v1/practices${qs({ lang, limit: 20, offset: 0 })}`] : [], // PracticesPage's PAGE_SIZE
  },
  { path: "/practices/:id", modules: () => ["pages/practices/PracticePage.tsx"], data: () => [] },
  { path: "/cities", modules: () => ["pages/CitiesPage.tsx"], data: () => [] },
  { path: "/cooperations/:id", modules: () => ["pages/cooperations/CooperationPage.tsx"], data: ({ params }) => [`/api/v1/cooperations/${enc(params.id!)}`] },
  { path: "/cities/:slug/districts/:id", modules: () => ["pages/vision/DistrictPage.tsx"], data: () => [] },
  { path: "/emission-factors", modules: () => ["pages/climate/FactorLibraryPage.tsx"], data: () => [] },
];

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w.startsWith(":")) {
      if (!got[i]) return null;
      try { params[w.slice(1)] = decodeURIComponent(got[i]!); } catch { return null; }
    } else if (w !== got[i]) return null;
  }
  return params;
}

/** The chunk files (`assets/…`) a set of modules needs, their static imports included. */
export function chunkFiles(manifest: Manifest, modules: string[]): string[] {
  const byName = new Map(Object.entries(manifest).filter(([, c]) => c.name).map(([k, c]) => [c.name!, k]));
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  // What index.html already loads or preloads is left out.
  const loaded = new Set<string>();
  const walk = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const i of manifest[key]!.imports ?? []) walk(i, into);
  };
  if (entry) walk(entry, loaded);
  // A page module that another chunk also imports statically (ProgrammePage: its tabs import its
  // helpers) is written as a shared chunk, keyed `_Name-hash.js` without its source path: found by
  // its file's name when exactly one chunk bears it.
  const named = (m: string) => {
    const base = m.replace(/^.*\//, "").replace(/\.[jt]sx?$/, "");
    const keys = Object.keys(manifest).filter((k) => manifest[k]!.name === base && !manifest[k]!.src);
    return keys.length === 1 ? keys[0] : undefined;
  };
  const wanted = new Set<string>();
  for (const m of modules) {
    const key = manifest[m] ? m : (byName.get(m) ?? (m.includes("/") ? named(m) : undefined));
    if (key && manifest[key]!.isDynamicEntry) walk(key, wanted);
  }
  return [...wanted].filter((k) => !loaded.has(k)).map((k) => manifest[k]!.file);
}

/** The UI language the page will start in: the choice saved in the cb_lang cookie, else the browser's. */
export function uiLang(cookie: string | undefined, acceptLanguage: string | undefined): UiLang {
  const saved = /(?:^|;\s*)cb_lang=(en|zh)(?:;|$)/.exec(cookie ?? "")?.[1];
  if (saved === "en" || saved === "zh") return saved;
  return (acceptLanguage ?? "").trim().toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** What the <head> gets for one request: module and data preload links. */
export function preloadLinks(manifest: Manifest | null, url: string, lang: UiLang): string {
  const [path = "/", search = ""] = url.split("?", 2);
  const query = new URLSearchParams(search);
  const links: string[] = [`<link rel="preload" as="fetch" crossorigin href="${SESSION}">`];
  for (const route of ROUTE_PRELOADS) {
    const params = match(route.path, path.length > 1 ? path.replace(/\/+$/, "") : path);
    if (!params) continue;
    const ctx = { params, query, lang };
    // Data first: small answers the server gives at once, then the chunks.
    for (const d of route.data(ctx)) links.push(`<link rel="preload" as="fetch" crossorigin href="${escapeAttr(d)}">`);
    if (manifest) for (const f of chunkFiles(manifest, route.modules(ctx))) links.push(`<link rel="modulepreload" crossorigin href="/${escapeAttr(f)}">`);
    break;
  }
  return links.join("\n    ");
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface SpaShell { html: string; etag: string }

/**
 * Reads index.html and the manifest of the built UI in `webDir` (again whenever index.html changes:
 * a rebuilt UI is served without a restart) and returns the page for a request.
 */
export function spaShell(webDir: string): (url: string, lang: UiLang) => SpaShell {
  let cached: { mtimeMs: number; index: string; manifest: Manifest | null } | null = null;
  return (url, lang) => {
    const indexPath = join(webDir, "index.html");
    const mtimeMs = statSync(indexPath).mtimeMs;
    if (!cached || cached.mtimeMs !== mtimeMs) {
      const manifestPath = join(webDir, ".vite", "manifest.json");
      let manifest: Manifest | null = null;
      try {
        manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest) : null;
      } catch { manifest = null; /* a build being written: modules are not preloaded this time */ }
      cached = { mtimeMs, index: readFileSync(indexPath, "utf8"), manifest };
    }
    const links = preloadLinks(cached.manifest, url, lang);
    const html = cached.index.includes("</head>") ? cached.index.replace("</head>", `  ${links}\n  </head>`) : cached.index;
    return { html, etag: `"${createHash("sha1").update(html).digest("base64url")}"` };
  };
}
