/**
 * The foundation issue end to end: map, language switch, bilingual search, city page with charts
 * and sources, CSV import with a row-level problem report, and the compare page — against the real
 * server on a fresh database.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ROOT, type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
});

const T = 60_000;





const go = (path: string) => page.goto(`${server.baseUrl}${path}`);

describe("foundation: city profiles and indicators", () => {
  it("shows the world map as an ECharts canvas with an indicator picker kept in the URL", async () => {
    await go("/");
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await expect(page.getByTestId("indicator-select").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("indicator-select").innerText()).resolves.toMatch(/grid/i);
    await expect(page.getByTestId("map-summary").innerText()).resolves.toMatch(/\d+ cities reported/);

    await go("/?indicator=ghg.co2_total");
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await expect(page.getByTestId("indicator-select").innerText()).resolves.toMatch(/CO2/);
    await expect(page.getByTestId("map-sources").innerText()).resolves.toMatch(/CEADs/i);
  }, T);

  it("switches to 中文 and keeps the choice after a reload", async () => {
    await go("/");
    await expect(page.getByTestId("nav-map").innerText()).resolves.toBe("Map");
    await page.getByTestId("lang-zh").click();
    await page.getByTestId("nav-map").getByText("地图").waitFor();
    await expect(page.getByTestId("nav-cities").innerText()).resolves.toBe("城市");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await page.reload();
    await page.getByTestId("nav-map").getByText("地图").waitFor();
    await page.getByTestId("indicator-label").getByText("指标").waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
  }, T);

  it("finds 重庆 in the top-bar search and opens the city page of chongqing-cn", async () => {
    await go("/");
    await page.getByTestId("city-search-input").locator("input").fill("重庆");
    await page.getByTestId("search-option-chongqing-cn").click();
    await page.waitForURL(/\/cities\/chongqing-cn/);
    await expect(page.getByTestId("city-title").innerText()).resolves.toMatch(/Chongqing/);
    await expect(page.getByTestId("city-facts").innerText()).resolves.toMatch(/重庆/);

    // Latin spelling, opened with Enter.
    await go("/cities");
    await page.getByTestId("city-search-input").locator("input").fill("chongqing");
    await page.getByTestId("search-option-chongqing-cn").waitFor();
    await page.getByTestId("city-search-input").locator("input").press("Enter");
    await page.waitForURL(/\/cities\/chongqing-cn/);
  }, T);

  it("shows Chongqing's CO2 series from CEADs as a chart with a table alternative", async () => {
    await go("/cities/chongqing-cn?tab=indicators");
    const chart = page.getByTestId("indicator-chart-ghg.co2_total");
    await chart.locator("canvas").first().waitFor();
    await expect(chart.locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(/Chongqing/);
    await expect(page.getByTestId("indicator-sources-ghg.co2_total").innerText()).resolves.toMatch(/CEADs/i);
    await page.getByTestId("table-toggle-ghg.co2_total").click();
    const table = page.getByTestId("indicator-table-ghg.co2_total");
    await table.waitFor();
    await expect(table.innerText()).resolves.toMatch(/1997/);
    if (process.env.CITYBRIDGE_SCREENSHOTS === "1") {
      await page.getByTestId("table-toggle-ghg.co2_total").click();
      await chart.locator("canvas").first().waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.waitForTimeout(1_000); // let the line animation finish
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "docs/screenshot-city.png") });
    }
  }, T);

  it("shows a clear not-found state for an unknown city", async () => {
    await go("/cities/no-such-city-xx");
    await page.getByTestId("city-not-found").waitFor();
  }, T);

  it("rejects a CSV with a decimal comma, naming the row and column, and reports counts for a valid one", async () => {
    await go("/import");
    const input = page.getByTestId("import-upload").locator("input[type=file]");
    const bad = "city,indicator,period,value,source,note\nchongqing-cn,air.pm25_annual,2031,30.5,who-aqg-2021,\nchongqing-cn,air.pm25_annual,2032,12,5,who-aqg-2021,\n";
    await input.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad.replace(",12,5,", ',"12,5",')) });
    const problems = page.getByTestId("import-problems");
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toMatch(/\b3\b/);
    expect(text).toMatch(/value/);
    expect(text).toMatch(/12,5/);
    await expect(page.getByTestId("import-failed").innerText()).resolves.toMatch(/nothing was written/i);

    const good = "city,indicator,period,value,source,note\nchongqing-cn,air.pm25_annual,2031,30.5,who-aqg-2021,browser test\n";
    await input.setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByTestId("import-result").waitFor();
    await expect(page.getByTestId("import-inserted").innerText()).resolves.toMatch(/1/);
    await input.setInputFiles({ name: "good-again.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByTestId("import-unchanged").getByText("1").waitFor();
  }, T);

  it("filters the city table through the URL, loads more rows and compares the picked cities", async () => {
    await go("/cities?country=CN&min_population=1000000");
    const table = page.getByTestId("cities-table");
    await page.getByTestId("city-link-shanghai-cn").waitFor();
    const firstPage = await table.locator("tbody tr.ant-table-row").count();
    expect(firstPage).toBe(50);
    await expect(table.innerText()).resolves.not.toMatch(/Istanbul|Mumbai/);
    await page.getByTestId("load-more").click();
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBeGreaterThan(50);

    await page.getByTestId("filter-q").fill("chongqing");
    await page.getByTestId("filter-apply").click();
    await page.waitForURL(/q=chongqing/);
    await expect(page.url()).toMatch(/country=CN/);
    await page.getByTestId("select-chongqing-cn").check();
    await page.getByTestId("filter-q").fill("shanghai");
    await page.getByTestId("filter-apply").click();
    await page.getByTestId("select-shanghai-cn").check();
    await page.getByTestId("compare-button").click();
    await page.waitForURL(/\/compare\?c=chongqing-cn(%2C|,)shanghai-cn/);
    await page.getByTestId("compare-facts").waitFor();
  }, T);

  it("compares two cities side by side and drops one on request", async () => {
    await go("/compare?c=chongqing-cn,shanghai-cn");
    const facts = page.getByTestId("compare-facts");
    await facts.waitFor();
    await expect(facts.innerText()).resolves.toMatch(/Chongqing[\s\S]*Shanghai/);
    await page.locator("[data-testid^=indicator-chart-]").first().locator("canvas").first().waitFor();
    await page.getByTestId("remove-shanghai-cn").click();
    await page.waitForURL(/c=chongqing-cn$/);
    await page.getByTestId("compare-need-two").waitFor();
  }, T);
});
