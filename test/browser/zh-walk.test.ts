/**
 * Issue 18.3: the 中文 walk. Switches the UI to 中文 and visits the main pages (map, cities, a city
 * page and each tab, compare, practices and a practice, programmes and a programme with its tabs,
 * a cooperation and its tabs, showcase and report, a district vision, account and sign-in). On
 * each it collects the visible text (text nodes, input placeholders, and the aria-label and title
 * attributes that name icon-only buttons, links and charts) and fails on any run of
 * three or more Latin letters that is not an acronym (IUC, GPC, KPI…) or a unit (kWh, tCO2e…).
 *
 * Content in its original language is allowed when the DOM says so: an element (or an ancestor)
 * with a non-Chinese `lang` attribute (a citation, a source name, a practice text without a
 * translation, a city with no Chinese name), with `data-content` (codes, identifiers, user names)
 * or inside `<code>` (code and column names in help texts, kept in their original form). In an
 * aria-label or title, a value that is content (a person's name, a practice's own metric) is named
 * by `data-label-content` and left out. An icon-only control (antd's icon carries its English icon
 * name) must have a label of its own. Unit symbols and a short list of proper names that stand
 * inside translated sentences (citybridge, GeoNames, OpenStreetMap…) are allowed. There are no
 * known exceptions: the test prints the offending strings with their page and fails on any.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
});

/** Unit symbols, and proper names that stand inside translated sentences (the product, data sources). */
const ALLOWED_TOKENS = new Set([
  "kWh", "MWh", "GWh", "TWh", "tCO", "gCO", "MtCO", "ktCO", "kgCO", "tCOe",
  "ppm", "ppb",
  "citybridge", "GeoNames", "OpenStreetMap", "Landsat", "TomTom", "OpenAQ", "Ember", "CEADs",
  // GeoJSON and its geometry type names, which a boundary file must carry as written.
  "GeoJSON", "Polygon", "MultiPolygon", "Feature", "FeatureCollection",
  // Names kept in their own language inside the Chinese practice titles and summaries.
  "Vélib", "Anillo", "Verde", "Superilles", "ProRail", "Ecopass", "AirNow", "Kavalir", "Born", "Gràcia", "Poblenou",
]);

async function api<R>(path: string, init: RequestInit = {}): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { ...init, headers: { "content-type": "application/json", ...server.authHeaders, ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

/** Waits for what a reader would see: the page's requests done, no spinner or skeleton left. */
async function settle(): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const busy = document.querySelectorAll(".ant-spin-spinning, .ant-skeleton-active, [aria-busy=true]");
      return document.querySelector("main, .ant-layout-content") !== null && [...busy].every((e) => !(e as HTMLElement).checkVisibility());
    },
    undefined,
    { timeout: 60_000, polling: 200 },
  );
  await page.waitForLoadState("networkidle", { timeout: 60_000 });
}

/** Visible text runs that hold an untranslated word (not inside content marked as such). */
async function untranslated(): Promise<string[]> {
  const runs = await page.evaluate(() => {
    const marked = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.hasAttribute("data-content") || e.tagName === "CODE") return true;
        const lang = e.getAttribute("lang");
        if (lang) return !lang.toLowerCase().startsWith("zh");
      }
      return false;
    };
    const visible = (el: Element): boolean => (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true } as CheckVisibilityOptions);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? "").trim();
      if (!el || text === "" || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(el.tagName)) continue;
      if (!visible(el) || marked(el)) continue;
      out.push(text);
    }
    for (const input of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
      if (visible(input) && !marked(input)) out.push(`[placeholder] ${input.getAttribute("placeholder") ?? ""}`);
    }
    // What screen readers and tooltips say: the aria-label and title of buttons, links, charts…
    // A person's name interpolated into a label is content: the element names it in `data-label-content`.
    const ICON = ".anticon[role=img]";
    const CONTROL = "button, a[href], [role=button], [role=link], [role=menuitem], [role=tab], [role=switch], [role=checkbox]";
    for (const el of document.querySelectorAll("[aria-label], [title]")) {
      if (el.matches(ICON) || !visible(el) || marked(el)) continue;
      const content = el.getAttribute("data-label-content");
      for (const attr of ["aria-label", "title"]) {
        let value = el.getAttribute(attr)?.trim();
        if (value && content) value = value.split(content).join("").trim();
        if (value) out.push(`[${attr}] ${value}`);
      }
    }
    // antd's icons carry their English icon name ("search", "eye-invisible") as aria-label: inside a
    // control named by nothing else (an icon-only button, a password's show/hide toggle) that icon
    // name is what a screen reader says, so the control must have a label in the UI language. An
    // icon beside a text, or in a control with its own aria-label, is decoration.
    for (const icon of document.querySelectorAll(ICON)) {
      if (!visible(icon) || marked(icon)) continue;
      if (icon.matches(".ant-input-password-icon")) {
        // The icon is the control itself: its aria-label is its name.
        out.push(`[aria-label] ${icon.getAttribute("aria-label") ?? ""}`);
        continue;
      }
      const control = icon.closest(CONTROL);
      if (!control) continue;
      // antd's pagination arrows: the focusable <li> around the button is named by its title.
      const pager = control.closest("li.ant-pagination-prev, li.ant-pagination-next");
      const named = control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby") || control.hasAttribute("title") || !!pager?.hasAttribute("title");
      const text = (control.textContent ?? "").replace(/[\s▾▸▴▼►…×]/gu, "");
      if (!named && text === "") out.push(`[icon-only control] ${icon.getAttribute("aria-label") ?? ""}`);
    }
    return out;
  });
  return runs.filter((text) => {
    if (text.startsWith("[icon-only control]")) return true;
    const words = text.replace(/^\[(placeholder|aria-label|title|icon-only control)\] /, "").match(/\p{Script=Latin}{3,}/gu) ?? [];
    return words.some((w) => w !== w.toUpperCase() && !ALLOWED_TOKENS.has(w));
  });
}

/**
 * No known exceptions: codes and column names in help texts stand in <code>, city names without a
 * Chinese name are marked as English, and server sentences are rendered from their codes.
 */

const found = new Map<string, Set<string>>();

async function visit(name: string, path: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await settle();
  await expect(page.locator("html").getAttribute("lang")).resolves.toMatch(/^zh/);
  const bad = await untranslated();
  if (bad.length) found.set(`${name} (${path})`, new Set(bad));
}

describe("中文 walk: no untranslated interface string on the main pages", () => {
  it("walks the main pages in 中文", async () => {
    const { programmes } = await api<{ programmes: { id: string }[] }>("/programmes");
    const programme = programmes[0];
    if (!programme) throw new Error("no seeded programme");
    const { cooperations } = await api<{ cooperations: { id: string; members: { slug: string }[] }[] }>("/cooperations");
    const cooperation = cooperations.find((c) => c.members.some((m) => m.slug === "chongqing-cn")) ?? cooperations[0];
    if (!cooperation) throw new Error("no seeded cooperation");
    const district = await api<{ id: string }>("/cities/prague-cz/districts", { method: "POST", body: JSON.stringify({ names: { en: "Holešovice", zh: "霍莱肖维采" } }) });
    const proc = await api<{ id: string }>(`/districts/${district.id}/processes`, {
      method: "POST",
      body: JSON.stringify({ question: { en: "What should Holešovice be like in 2035?", zh: "2035年的霍莱肖维采应当是什么样？" }, startsOn: "2026-03-01" }),
    });

    // Switch to 中文 the way a person does, on the map.
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("lang-zh").click();
    await expect.poll(() => page.locator("html").getAttribute("lang"), { timeout: 20_000 }).toMatch(/^zh/);

    const pages: [string, string][] = [
      ["map", "/"],
      ["cities", "/cities"],
      ...["overview", "indicators", "air", "climate", "practices", "counterparts", "cooperations", "districts"].map(
        (tab): [string, string] => [`city ${tab}`, `/cities/chongqing-cn${tab === "overview" ? "" : `?tab=${tab}`}`],
      ),
      ["city overview (EU)", "/cities/mannheim-de"],
      ["compare", "/compare?c=chongqing-cn,mannheim-de,zhengzhou-cn,malaga-es"],
      ["practices", "/practices"],
      ["practice", "/practices/stockholm-congestion-tax"],
      ["practice (Chinese city)", "/practices/beijing-clean-air-action-plan"],
      ["programmes", "/programmes"],
      ...["overview", "call", "pairing", "cooperations", "monitoring", "history"].map(
        (tab): [string, string] => [`programme ${tab}`, `/programmes/${programme.id}${tab === "overview" ? "" : `?tab=${tab}`}`],
      ),
      ...["overview", "plan", "activities", "partners", "pilots", "monitoring", "report", "history"].map(
        (tab): [string, string] => [`cooperation ${tab}`, `/cooperations/${cooperation.id}${tab === "overview" ? "" : `?tab=${tab}`}`],
      ),
      ["showcase programme", `/showcase/programmes/${programme.id}`],
      ["showcase cooperation", `/showcase/cooperations/${cooperation.id}`],
      ["report", `/cooperations/${cooperation.id}/report`],
      ["district vision", `/cities/prague-cz/districts/${district.id}?process=${proc.id}`],
      ["account", "/account"],
      ["sign-in", "/sign-in"],
    ];
    for (const [name, path] of pages) await visit(name, path);

    const distinct = new Set([...found.values()].flatMap((s) => [...s]));
    const report = [...found].map(([p, strings]) => `${p}:\n${[...strings].map((s) => `    ${JSON.stringify(s.slice(0, 160))}`).join("\n")}`).join("\n");
    if (distinct.size) console.log(`${distinct.size} distinct untranslated strings on ${found.size} of ${pages.length} pages:\n${report}`);
    else console.log(`中文 walk: ${pages.length} pages, no untranslated string`);
    expect(distinct.size, report).toBe(0);
  }, 900_000);
});
