/**
 * Issue 18 item 1 end to end: the public pages at phone width (390×844, and in English also at 360), in
 * English and 中文, signed out — no sideways scrolling, the main menu reachable through the menu button
 * and its drawer (by touch and by keyboard), the language switch and "Sign in" fully on screen.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { CITY_TABS, type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { signedIn: false, pageTimeoutMs: 30_000 });
const T = 180_000;

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

async function phone(width = 390): Promise<void> {
  await page.setViewportSize({ width, height: 844 });
}

/** The page is no wider than the screen (called once the page shows what a person came for). */
async function expectNoSideScroll(what: string): Promise<void> {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(w.scroll, `${what}: the page is ${w.scroll} px wide on a ${w.inner} px screen`).toBeLessThanOrEqual(w.inner);
}

/** The element is wholly inside the viewport (not cut off at an edge). */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  await locator.waitFor({ state: "visible" });
  const box = await locator.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box!.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} starts above the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends right of the screen`).toBeLessThanOrEqual(vp.width);
  expect(box!.y + box!.height, `${what} ends below the screen`).toBeLessThanOrEqual(vp.height);
}

/** Every `parts` element of an SVG map lies within the map's box, and the map within the screen (no label cut off at an edge). */
async function expectMapFits(map: Locator, parts: string, what: string): Promise<void> {
  await map.locator("[data-testid=world-land]").waitFor();
  const vp = page.viewportSize()!;
  const box = (await map.boundingBox())!;
  expect(box.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends right of the screen`).toBeLessThanOrEqual(vp.width);
  const inside = await map.locator(parts).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent ?? "", left: r.left, right: r.right };
  }));
  expect(inside.length, `${what}: ${parts}`).toBeGreaterThan(0);
  for (const r of inside) {
    expect(r.left, `${what}: “${r.text}” starts left of the map`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(r.right, `${what}: “${r.text}” ends right of the map`).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
}

/** The top bar at phone width: menu button, language switch and sign-in link on screen, no desktop menu. */
async function expectPhoneBar(signIn: RegExp): Promise<void> {
  await expectOnScreen(page.getByTestId("menu-button"), "the menu button");
  await expectOnScreen(page.getByTestId("lang-switch"), "the language switch");
  await expectOnScreen(page.getByTestId("search-toggle"), "the search button");
  const link = page.getByTestId("sign-in-link");
  await expectOnScreen(link, "the sign-in link");
  await expect(link.innerText()).resolves.toMatch(signIn);
  await expect(page.getByTestId("main-menu").count()).resolves.toBe(0);
}

/** Switches to 中文 with the top bar's switch and waits until the interface speaks it. */
async function toChinese(): Promise<void> {
  await page.getByTestId("lang-zh").click();
  await page.locator("html[lang=zh-CN]").waitFor({ state: "attached" });
  await page.getByTestId("sign-in-link").getByText("登录").waitFor();
}

/** What each city tab shows once loaded, so the width is measured on the real content. */

async function walkCityTabs(slug: string, lang: "en" | "zh"): Promise<void> {
  for (const [tab, ready] of CITY_TABS) {
    await page.goto(`${server.baseUrl}/cities/${slug}${tab === "overview" ? "" : `?tab=${tab}`}`);
    await page.locator("[data-testid=city-page] [role=tabpanel]:visible").locator(ready).first().waitFor();
    await expectNoSideScroll(`${lang} ${slug} tab ${tab}`);
  }
}

describe("phone width: every public page fits the screen, the menu is a drawer", () => {
  it("home map at 390 px in English: map and pickers fit, sign-in visible, the drawer navigates to the practices library", async () => {
    await phone(390);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await page.getByTestId("map-summary").waitFor();
    await expectNoSideScroll("en map");
    await expectPhoneBar(/^Sign in$/);
    const map = await page.getByTestId("world-map").boundingBox();
    expect(map!.x).toBeGreaterThanOrEqual(0);
    expect(map!.x + map!.width).toBeLessThanOrEqual(390);
    expect(map!.width).toBeGreaterThan(300);
    await expectOnScreen(page.getByTestId("indicator-select"), "the indicator picker");
    await expectOnScreen(page.getByTestId("map-programme-select"), "the programme picker");

    // The menu button opens the drawer with the same entries; an entry navigates and closes it.
    const button = page.getByTestId("menu-button");
    await expect(button.getAttribute("aria-label")).resolves.toBe("Open the main menu");
    await button.click();
    const entry = page.getByTestId("drawer-nav-practices");
    await entry.waitFor({ state: "visible" });
    await expect(page.getByTestId("nav-drawer").innerText()).resolves.toMatch(/Map[\s\S]*Cities[\s\S]*Practices[\s\S]*Programmes[\s\S]*Import & export data/);
    await entry.click();
    await page.waitForURL(/\/practices$/);
    await entry.waitFor({ state: "hidden" });
    await page.getByTestId("practice-results").waitFor();
    await page.locator("[data-testid^='practice-result-']").first().waitFor();
    await expectNoSideScroll("en practices library");
    await expectOnScreen(page.getByTestId("sign-in-link"), "the sign-in link on the practices library");
  }, T);

  it("the menu works from the keyboard: Enter opens it, arrows and Enter pick an entry, the focus comes back", async () => {
    await phone(390);
    await page.goto(`${server.baseUrl}/practices`);
    await page.getByTestId("practice-results").waitFor();
    const button = page.getByTestId("menu-button");
    await button.focus();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "menu-button");
    await page.keyboard.press("Enter");
    await page.getByTestId("drawer-nav-cities").waitFor({ state: "visible" });
    await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    // Tab through the drawer (its close button, then the menu), never out of it.
    for (let i = 0; i < 4; i++) {
      const inMenu = await page.evaluate(() => document.activeElement?.getAttribute("role") === "menu" && !!document.activeElement.closest(".ant-drawer"));
      if (inMenu) break;
      await page.keyboard.press("Tab");
    }
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "menu" && !!document.activeElement.closest(".ant-drawer"));
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "menuitem" && document.activeElement.textContent === "Map");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "menuitem" && document.activeElement.textContent === "Cities");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cities$/);
    await page.getByTestId("drawer-nav-cities").waitFor({ state: "hidden" });
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "menu-button");
    await page.getByTestId("cities-table").locator("[data-testid^='city-link-']").first().waitFor();
    await expectNoSideScroll("en cities list");
  }, T);

  // The usual phone width and the narrowest phones in use.
  for (const width of [390, 360] as const) {
    it(`a city page with each of its tabs at ${width} px in English, and a cooperation tab with a table`, async () => {
      const district = await api<{ id: string }>("POST", "/cities/beijing-cn/districts", width === 390 ? { names: { en: "Dongcheng", zh: "东城区" } } : { names: { en: "Chaoyang", zh: "朝阳区" } });
      await phone(width);
      await walkCityTabs("beijing-cn", "en");
      await expect(page.locator(`[data-testid=district-${district.id}]`).count()).resolves.toBe(1);
      // The overview's locator (SVG) fits the screen with the city's name inside it.
      await page.goto(`${server.baseUrl}/cities/agioi-anargyroi-gr`);
      await expectMapFits(page.getByTestId("city-location-map"), "[data-testid=locator-name]", "en locator of Agioi Anargyroi");
      await expectNoSideScroll("en agioi-anargyroi-gr overview");
      await page.goto(`${server.baseUrl}/cities/chongqing-cn?tab=cooperations`);
      await page.getByTestId("city-cooperations").waitFor();
      await page.getByTestId("impact-indicator").or(page.getByTestId("city-cooperations-empty")).first().waitFor();
      await expectNoSideScroll("en chongqing-cn tab cooperations");
      await expectPhoneBar(/^Sign in$/);
    }, T);

    it(`the practices library, a practice page, showcase pages and a district vision page at ${width} px in English`, async () => {
      const place = width === 390 ? { en: "Holešovice", zh: "霍莱肖维采" } : { en: "Karlín", zh: "卡尔林" };
      const district = await api<{ id: string }>("POST", "/cities/prague-cz/districts", { names: place });
      const question = `What should ${place.en} be like in 2035?`;
      const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: question, zh: `2035年的${place.zh}应当是什么样？` }, startsOn: "2026-03-01" });
      await phone(width);

      await page.goto(`${server.baseUrl}/practices`);
      await page.locator("[data-testid^='practice-result-']").first().waitFor();
      await expectNoSideScroll(`en practices library at ${width}`);

      await page.goto(`${server.baseUrl}/practices/london-congestion-charge`);
      await page.getByTestId("outcome-table").waitFor();
      await expectNoSideScroll("en practice page");

      await page.goto(`${server.baseUrl}/showcase/programmes/iuc-asia`);
      await page.getByTestId("showcase-title").waitFor();
      await page.locator("[data-testid^='showcase-coop-']").first().waitFor();
      await expectNoSideScroll("en programme showcase");
      await expectMapFits(page.getByTestId("lines-map"), "text", "en showcase lines map");

      // The programme's Monitoring tab: lines map, status and impact bars.
      await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
      await page.getByTestId("coop-status-summary").waitFor();
      await expectMapFits(page.getByTestId("lines-map"), "text", "en monitoring lines map");
      await expectNoSideScroll("en programme monitoring");

      await page.goto(`${server.baseUrl}/showcase/cooperations/iuc-asia-chongqing-mannheim`);
      await page.getByTestId("showcase-cooperation").waitFor();
      await expectNoSideScroll("en cooperation showcase");

      await page.goto(`${server.baseUrl}/cities/prague-cz/districts/${district.id}?process=${proc.id}`);
      await page.getByText(question).first().waitFor();
      await page.getByTestId("join-name").or(page.getByTestId("joined-as")).first().waitFor();
      await expectNoSideScroll("en district vision");
      await expectPhoneBar(/^Sign in$/);
    }, T);
  }

  it("home map at 360 px in 中文: switch, bar and drawer in Chinese, nothing cut off", async () => {
    await phone(360);
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await toChinese();
    await page.getByTestId("map-summary").getByText(/个城市/).waitFor();
    await expectNoSideScroll("zh map at 360");
    await expectPhoneBar(/^登录$/);
    await expectOnScreen(page.getByTestId("indicator-select"), "the indicator picker");
    await expectOnScreen(page.getByTestId("map-programme-select"), "the programme picker");
    const button = page.getByTestId("menu-button");
    await expect(button.getAttribute("aria-label")).resolves.toBe("打开主菜单");
    await button.click();
    const entry = page.getByTestId("drawer-nav-cities");
    await entry.waitFor({ state: "visible" });
    await expect(page.getByTestId("nav-drawer").innerText()).resolves.toMatch(/主菜单[\s\S]*地图[\s\S]*城市[\s\S]*良好实践/);
    await entry.click();
    await page.waitForURL(/\/cities$/);
    await entry.waitFor({ state: "hidden" });
    await page.getByTestId("cities-table").locator("[data-testid^='city-link-']").first().waitFor();
    await expectNoSideScroll("zh cities list at 360");
  }, T);

  it("a city page with each of its tabs, the practices library, a showcase and a district vision at 390 px in 中文", async () => {
    const district = await api<{ id: string }>("POST", "/cities/beijing-cn/districts", { names: { en: "Xicheng", zh: "西城区" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "What should Xicheng be like in 2035?", zh: "2035年的西城区应当是什么样？" }, startsOn: "2026-03-01" });
    await phone(390);
    await page.goto(`${server.baseUrl}/practices`);
    await page.locator("[data-testid^='practice-result-']").first().waitFor();
    await toChinese();
    await page.getByTestId("practice-count").getByText(/项实践/).waitFor();
    await expectNoSideScroll("zh practices library");
    await expectPhoneBar(/^登录$/);

    await walkCityTabs("beijing-cn", "zh");
    await page.getByTestId("tab-overview").getByText("概况").waitFor();

    await page.goto(`${server.baseUrl}/showcase/programmes/iuc-asia`);
    await page.getByTestId("showcase-title").waitFor();
    await page.locator("[data-testid^='showcase-coop-']").first().waitFor();
    await expectNoSideScroll("zh programme showcase");
    await expectMapFits(page.getByTestId("lines-map"), "text", "zh showcase lines map");

    await page.goto(`${server.baseUrl}/cities/beijing-cn/districts/${district.id}?process=${proc.id}`);
    await page.getByText("2035年的西城区应当是什么样？").first().waitFor();
    await page.getByTestId("join-name").or(page.getByTestId("joined-as")).first().waitFor();
    await expectNoSideScroll("zh district vision");
    await expectPhoneBar(/^登录$/);
  }, T);
});
