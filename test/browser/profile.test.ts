/**
 * Issue 16 end to end: the city overview shows the four themes with real, sourced figures (measured
 * or modelled, standing among cities, reference line, licence), the map colours by a theme
 * indicator with a legend naming source and years, and Chongqing's counterparts are explained by
 * air, transport or green indicators — in English and 中文, on a fresh seeded database.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser(
  (s) => {
    server = s.server;
    if (s.page) page = s.page;
  },
  { signedIn: false },
);
const T = 90_000;
const go = (path: string) => page.goto(`${server.baseUrl}${path}`);

async function toChinese(): Promise<void> {
  await page.getByTestId("lang-zh").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
}

describe("city profiles on the four themes", () => {
  it("shows Chongqing at a glance: air, transport, green and congestion with sources, standing and trends", async () => {
    await go("/cities/chongqing-cn");
    await page.getByTestId("theme-overview").waitFor();
    const pm25 = page.getByTestId("figure-air.pm25_annual");
    await expect(pm25.getByTestId("value-air.pm25_annual").innerText()).resolves.toBe("37.4");
    await expect(pm25.innerText()).resolves.toMatch(/2019/);
    await expect(pm25.getByTestId("basis-air.pm25_annual").innerText()).resolves.toBe("measured");
    await expect(pm25.getByTestId("standing-air.pm25_annual").innerText()).resolves.toMatch(/better than \d+% of cities in China \(\d+\); better than \d+% of cities worldwide/);
    await expect(pm25.getByTestId("reference-air.pm25_annual").innerText()).resolves.toMatch(/WHO 2021 guideline: 5 µg\/m³ — 7\.\d+× the reference/);
    const provenance = await pm25.getByTestId("provenance-air.pm25_annual").innerText();
    expect(provenance).toMatch(/World Health Organization/);
    expect(provenance).toMatch(/non-commercial/);
    expect(provenance).toMatch(/“Chongqing Shi”/);
    // The trend: a sparkline named for screen readers, a point per year with its value as a tooltip.
    const trend = pm25.getByTestId("trend-air.pm25_annual").locator("svg[role=img]");
    await expect(trend.getAttribute("aria-label")).resolves.toMatch(/^PM2\.5, annual mean for Chongqing, 20\d\d–2019$/);
    const points = await trend.locator("circle").evaluateAll((els) => els.map((e) => ({ y: Number(e.getAttribute("cy")), tip: e.querySelector("title")?.textContent ?? "" })));
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points[points.length - 1]!.tip).toBe("2019: 37.4 µg/m³");
    for (const p of points) expect(p.y).toBeGreaterThanOrEqual(0);
    await expect(trend.locator("polyline").getAttribute("points")).resolves.toMatch(new RegExp(`^([\\d.]+,[\\d.]+ ?){${points.length}}$`));
    // The locator: the world's outline around the city, a dot and the city's name.
    const locator = page.getByTestId("city-location-map");
    await expect(locator.getAttribute("aria-label")).resolves.toBe("Map showing the location of Chongqing");
    await expect(locator.getByTestId("locator-name").textContent()).resolves.toBe("Chongqing");
    await locator.getByTestId("world-land").waitFor();
    const [svgBox, dotBox] = await Promise.all([locator.boundingBox(), locator.getByTestId("locator-dot").boundingBox()]);
    // The dot in the middle of the map.
    expect(Math.abs(dotBox!.x + dotBox!.width / 2 - (svgBox!.x + svgBox!.width / 2))).toBeLessThan(2);
    expect(Math.abs(dotBox!.y + dotBox!.height / 2 - (svgBox!.y + svgBox!.height / 2))).toBeLessThan(2);

    await expect(page.getByTestId("figure-air.pm25_modelled").getByTestId("basis-air.pm25_modelled").innerText()).resolves.toBe("modelled");
    await expect(page.getByTestId("theme-transport").innerText()).resolves.toMatch(/Transport CO2 per resident[\s\S]*tCO2\/person · 2015/);
    await expect(page.getByTestId("theme-green").innerText()).resolves.toMatch(/Greenness where people live[\s\S]*NDVI · 2021[\s\S]*Stowell/);
    await expect(page.getByTestId("congestion-none").innerText()).resolves.toMatch(/No open dataset of a congestion index/);
    await expect(page.getByTestId("missing-transport").getByRole("link", { name: "Import data" }).getAttribute("href")).resolves.toBe("/import?city=chongqing-cn");
  }, T);

  it("shows the same overview in Chinese", async () => {
    await go("/cities/chongqing-cn");
    await page.getByTestId("theme-overview").waitFor();
    await toChinese();
    await expect(page.getByTestId("theme-air").innerText()).resolves.toMatch(/空气质量[\s\S]*PM2\.5年均浓度/);
    await expect(page.getByTestId("basis-air.pm25_annual").innerText()).resolves.toBe("实测");
    await expect(page.getByTestId("standing-air.pm25_annual").innerText()).resolves.toMatch(/优于中国 \d+% 的城市（共 \d+ 个）/);
    await expect(page.getByTestId("provenance-air.pm25_annual").innerText()).resolves.toMatch(/匹配方式：城市名称/);
    await expect(page.getByTestId("theme-green").innerText()).resolves.toMatch(/绿地[\s\S]*居住区绿度/);
    await expect(page.getByTestId("congestion-none").innerText()).resolves.toMatch(/未找到开放的交通拥堵指数数据集/);
    // The locator names the city in Chinese.
    await expect(page.getByTestId("city-location-map").getByTestId("locator-name").textContent()).resolves.toMatch(/^重庆/);
    await expect(page.getByTestId("city-location-map").getAttribute("aria-label")).resolves.toMatch(/^显示重庆.*位置的地图$/);
  }, T);

  it("shows Rome's WHO values, reached through WHO's own name Roma", async () => {
    await go("/cities/rome-it");
    await expect(page.getByTestId("provenance-air.pm25_annual").innerText()).resolves.toMatch(/“Roma” · matched by a GeoNames alternate name/);
  }, T);

  it("colours the map by greenness with a legend naming the source and years", async () => {
    await go("/?indicator=green.ndvi_popweighted");
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await expect(page.getByTestId("map-legend-caption").innerText()).resolves.toMatch(/Greenness where people live \(NDVI\), each city's latest value, 20\d\d(–20\d\d)?\. Source: Stowell/);
    await expect(page.getByTestId("map-summary").innerText()).resolves.toMatch(/[89]\d\d cities reported/);
  }, T);

  it("explains Chongqing's counterparts with air, transport or green indicators, in both languages", async () => {
    await go("/cities/chongqing-cn?tab=counterparts");
    await page.getByTestId("counterparts-family").waitFor();
    const reasons = (await page.getByTestId("counterpart-reasons").allInnerTexts()).join("\n");
    expect(reasons).toMatch(/(PM2\.5|NO2|PM10|Street intersections|Transport CO2|Greenness|Open space)[^\n]*better than \d+ % of cities/);
    await toChinese();
    await page.getByTestId("counterparts-family").waitFor();
    const zh = (await page.getByTestId("counterpart-reasons").allInnerTexts()).join("\n");
    expect(zh).toMatch(/(PM2\.5|NO2|PM10|道路交叉口|人均交通二氧化碳|居住区绿度|开放空间)[^\n]*优于 \d+% 的城市/);
  }, T);
});
