/**
 * Issue 18 leftovers: the home map's class legend. Its 6 entries hide and show a colour class of
 * cities (ECharts legend); a click on one is said in words beside the map (a live region), the
 * chart's own legend state agrees, and a second click shows the class again. Hovering a city still
 * shows its tooltip and a click opens its page. Real server, real build, Debian's Chromium, signed out.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { signedIn: false, pageTimeoutMs: 30_000 });

const T = 180_000;

interface LegendState { names: string[]; selected: Record<string, boolean> }

/** The legend as the chart holds it: its entries (highest class first) and which are shown. */
const legendState = (): Promise<LegendState> =>
  page.evaluate(() => {
    const el = document.querySelector("[data-testid=world-map]") as (HTMLElement & { echartsInstance?: { getOption: () => { legend?: { data?: string[]; selected?: Record<string, boolean> }[] } } }) | null;
    const legend = el?.echartsInstance?.getOption().legend?.[0];
    return { names: legend?.data ?? [], selected: legend?.selected ?? {} };
  });

/** The vertical ranges (page coordinates) where the pointer turns into a hand over the legend's icons, top to bottom. */
async function legendEntries(box: { x: number; y: number; width: number; height: number }): Promise<{ x: number; y: number }[]> {
  // The desktop legend stands at the map's lower left (left 16 px, bottom 16 px), icons 12 px wide.
  const x = box.x + 16 + 6;
  const runs: { from: number; to: number }[] = [];
  for (let y = box.y + box.height - 17; y > box.y + box.height - 260; y -= 2) {
    await page.mouse.move(x, y);
    const pointer = await page.evaluate(([px, py]) => {
      const hit = document.elementFromPoint(px!, py!);
      return hit ? getComputedStyle(hit).cursor === "pointer" : false;
    }, [x, y]);
    if (!pointer) continue;
    const last = runs[runs.length - 1];
    if (last && last.from - y <= 4) last.from = y;
    else runs.push({ from: y, to: y });
  }
  return runs.reverse().map((r) => ({ x, y: (r.from + r.to) / 2 }));
}

/** Waits until the pointer over (x, y) is a hand: the chart is drawn there and answers the mouse. */
async function waitForPointer(x: number, y: number): Promise<void> {
  await expect.poll(async () => {
    await page.mouse.move(x, y);
    return page.evaluate(([px, py]) => {
      const hit = document.elementFromPoint(px!, py!);
      return hit ? getComputedStyle(hit).cursor : "";
    }, [x, y]);
  }, { timeout: 30_000 }).toBe("pointer");
}

describe("the home map's class legend", () => {
  it("hides a class with a click on its legend entry, says so beside the map, and shows it again", async () => {
    await page.goto(`${server.baseUrl}/`);
    const map = page.getByTestId("world-map");
    await map.locator("canvas").first().waitFor();
    await page.getByTestId("map-legend-caption").waitFor();
    // The chart has its 6 classes, every one shown.
    await expect.poll(async () => (await legendState()).names.length, { timeout: 60_000 }).toBe(6);
    const before = await legendState();
    expect(Object.values(before.selected).every(Boolean)).toBe(true);
    const status = page.getByTestId("map-hidden-classes");
    await expect(status.getAttribute("role")).resolves.toBe("status");
    await expect(status.innerText()).resolves.toBe("");

    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // Found by the hand the pointer turns into over each entry (scanned again until the chart is drawn).
    let entries: { x: number; y: number }[] = [];
    await expect.poll(async () => (entries = await legendEntries(box)).length, { timeout: 60_000 }).toBe(6);

    // The third entry from the top: its class disappears from the map and the page says which.
    const name = before.names[2]!;
    await page.mouse.click(entries[2]!.x, entries[2]!.y);
    await status.filter({ hasText: name }).waitFor();
    await expect(status.innerText()).resolves.toBe(`Hidden on the map (click them in the legend to show them again): ${name}`);
    await expect.poll(async () => (await legendState()).selected[name]).toBe(false);
    expect(Object.entries((await legendState()).selected).filter(([, shown]) => !shown).map(([n]) => n)).toEqual([name]);

    // A second class, then the first shown again.
    const top = before.names[0]!;
    await page.mouse.click(entries[0]!.x, entries[0]!.y);
    await status.filter({ hasText: top }).waitFor();
    await expect(status.innerText()).resolves.toMatch(new RegExp(`: ${escapeRe(top)}; ${escapeRe(name)}$|: ${escapeRe(name)}; ${escapeRe(top)}$`));
    await page.mouse.click(entries[2]!.x, entries[2]!.y);
    await expect.poll(async () => (await legendState()).selected[name]).toBe(true);
    await expect.poll(() => status.innerText()).toBe(`Hidden on the map (click them in the legend to show them again): ${top}`);

    // 中文: the chart is drawn afresh with every class, and the sentence is empty again.
    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect.poll(async () => Object.values((await legendState()).selected).every(Boolean), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => status.innerText()).toBe("");
    const zhNames = (await legendState()).names;
    await waitForPointer(entries[1]!.x, entries[1]!.y);
    await page.mouse.click(entries[1]!.x, entries[1]!.y);
    await status.filter({ hasText: zhNames[1]! }).waitFor();
    await expect(status.innerText()).resolves.toBe(`地图上已隐藏（在图例中点击可重新显示）：${zhNames[1]}`);
  }, T);

  it("still shows a city's tooltip on hover and opens its page on click", async () => {
    await page.goto(`${server.baseUrl}/`);
    const map = page.getByTestId("world-map");
    await map.locator("canvas").first().waitFor();
    await expect.poll(async () => (await legendState()).names.length, { timeout: 60_000 }).toBe(6);
    await map.scrollIntoViewIfNeeded();
    // A reported city with no other city within 12 px, so the pointer finds that one: its position from the chart.
    const target = await page.evaluate(() => {
      type Datum = { name: string; slug: string; value: number[]; row?: unknown };
      const el = document.querySelector("[data-testid=world-map]") as HTMLElement & { echartsInstance?: { getOption: () => { series: { data?: Datum[] }[] }; convertToPixel: (finder: { geoIndex: number }, v: number[]) => number[] } };
      const chart = el.echartsInstance!;
      const points = chart.getOption().series.flatMap((s) => s.data ?? []).filter((d) => d.slug).map((d) => ({ d, px: chart.convertToPixel({ geoIndex: 0 }, d.value.slice(0, 2)) }));
      const w = el.clientWidth;
      const h = el.clientHeight;
      const alone = points.find(({ d, px }) => d.row && px[0]! > 40 && px[0]! < w - 40 && px[1]! > 40 && px[1]! < h - 140
        && points.every((o) => o.d === d || Math.hypot(o.px[0]! - px[0]!, o.px[1]! - px[1]!) > 12));
      return alone ? { slug: alone.d.slug, name: alone.d.name, x: alone.px[0]!, y: alone.px[1]! } : null;
    });
    expect(target).not.toBeNull();
    const box = (await map.boundingBox())!;
    const at = { x: box.x + target!.x, y: box.y + target!.y };
    // The tooltip: the city's name and the indicator's value (the pointer moved onto the city again until
    // the chart, drawn in large mode a frame later, answers; its cities do not turn the pointer into a hand).
    const tooltip = map.locator("div").filter({ hasText: target!.name }).filter({ hasText: "Grid carbon intensity" }).last();
    await expect.poll(async () => {
      await page.mouse.move(at.x - 20, at.y - 20);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      return tooltip.isVisible();
    }, { timeout: 30_000 }).toBe(true);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(new RegExp(`/cities/${target!.slug}$`));
    await page.getByTestId("city-title").waitFor();
  }, T);

  it("shows the map's values as a table on demand (loaded then), highest first, paged, and back to the map", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("map-summary").waitFor();
    // The table's code is not part of the map's first paint.
    expect(await page.evaluate(() => performance.getEntriesByType("resource").some((e) => /\/assets\/MapTable-/.test(e.name)))).toBe(false);
    const toggle = page.getByTestId("map-table-toggle");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await toggle.click();
    const table = page.getByTestId("map-table");
    await table.locator("tbody tr").first().waitFor();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await table.locator("tbody tr").count()).toBe(20);
    const values = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
    const numbers = values.map((v) => Number(v.replace(/,/g, "")));
    expect(numbers.every((n) => Number.isFinite(n))).toBe(true);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    await expect(table.locator("thead").innerText()).resolves.toMatch(/gCO2\/kWh/);
    await toggle.click();
    await table.waitFor({ state: "detached" });
  }, T);
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
