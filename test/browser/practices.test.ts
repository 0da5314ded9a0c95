/**
 * Issue 9 end to end: the practice library searched in Chinese and English, a practice page
 * with its outcomes and sources, and the city page's "Practices for its gaps" tab — against the
 * real server on a fresh, seeded database.
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
const T = 60_000;





async function search(text: string): Promise<void> {
  const input = page.getByTestId("practice-search-input").locator("input").or(page.locator("input[data-testid=practice-search-input]"));
  await input.first().fill(text);
  await input.first().press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === text);
}

describe("practices: bilingual library with measured outcomes", () => {
  it("opens the library from the top bar and finds congestion charges by 拥堵, highlighted", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId("nav-practices").click();
    await page.waitForURL(/\/practices$/);
    await page.getByTestId("practice-results").waitFor();
    await search("拥堵");
    await page.getByTestId("practice-result-stockholm-congestion-tax").waitFor();
    await expect(page.getByTestId("practice-count").innerText()).resolves.toMatch(/\d+ practices/);
    await expect(page.getByTestId("practice-results").locator("mark").first().innerText()).resolves.toMatch(/拥堵|congestion/i);
  }, T);

  it("finds London's congestion charge, opens it and shows its outcomes and sources", async () => {
    await page.goto(`${server.baseUrl}/practices`);
    await search("congestion charge");
    const link = page.getByTestId("practice-link-london-congestion-charge");
    await link.waitFor();
    await expect(page.getByTestId("practice-snippet-london-congestion-charge").locator("mark").first().innerText()).resolves.toMatch(/congestion|charg/i);
    await link.click();
    await page.waitForURL(/\/practices\/london-congestion-charge$/);
    await expect(page.getByTestId("practice-title").innerText()).resolves.toMatch(/London Congestion Charge/);
    await expect(page.getByTestId("outcome-table").innerText()).resolves.toMatch(/% reduction/);
    const sources = page.getByTestId("practice-sources");
    await expect(sources.innerText()).resolves.toMatch(/SWOV/);
    await expect(sources.locator("a").first().getAttribute("href")).resolves.toMatch(/^https?:\/\//);
  }, T);

  it("draws before/after charts with units for outcomes that have a baseline", async () => {
    await page.goto(`${server.baseUrl}/practices/beijing-clean-air-action-plan`);
    await page.getByTestId("outcome-chart-0").locator("canvas").first().waitFor();
    await expect(page.getByTestId("outcome-chart-0").locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(/µg\/m³/);
    await expect(page.getByTestId("outcome-chart-0").innerText()).resolves.toMatch(/Source/);
  }, T);

  it("filters by a facet kept in the URL, and shows labels in Chinese", async () => {
    await page.goto(`${server.baseUrl}/practices`);
    await page.getByTestId("facet-theme-waste").click();
    await page.waitForURL(/theme=waste/);
    await page.getByTestId("practice-result-shanghai-household-waste-sorting").waitFor();
    await page.getByTestId("lang-zh").click();
    await expect(page.getByTestId("nav-practices").innerText()).resolves.toBe("良好实践");
    await page.getByTestId("facet-theme").getByText("主题").waitFor();
  }, T);

  it("suggests practices for a city's gaps with the reason", async () => {
    await page.goto(`${server.baseUrl}/cities/chongqing-cn?tab=practices`);
    await page.getByTestId("city-gaps").waitFor();
    await expect(page.getByTestId("city-gaps").innerText()).resolves.toMatch(/Grid carbon intensity/);
    await expect(page.getByTestId("gap-practices").getByTestId("gap-reason").first().innerText()).resolves.toMatch(/works on Energy|reported an outcome/);
  }, T);
});
