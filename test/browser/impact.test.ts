/**
 * Issue 17 end to end: the seeded Chongqing–Mannheim cooperation's Monitoring tab evaluates
 * Chongqing's CO2 (CEADs) from the cooperation's start (2017) by synthetic control — actual vs
 * synthetic, the gap against the placebo cities' gaps, donors and weights, the verdict — in
 * English and in 中文; a member without the data gets a plain "no evaluation".
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
const T = 90_000;
const COOP = "iuc-asia-chongqing-mannheim";

describe("impact evaluation on the cooperation's Monitoring tab", () => {
  it("shows Chongqing's CO2 against its synthetic control with placebo gaps, weights and the verdict, in English and 中文", async () => {
    await page.goto(`${server.baseUrl}/cooperations/${COOP}?tab=monitoring`);
    const verdict = page.getByTestId("impact-verdict");
    await verdict.waitFor({ timeout: 60_000 });
    await expect(verdict.innerText()).resolves.toMatch(/^Chongqing's CO2 emissions from 2017 on were \d+(\.\d)? % (above|below) the synthetic control; \d+ of 35 placebo unit\(s\)/);
    await page.getByTestId("impact-levels-chart").locator("canvas").first().waitFor();
    await page.getByTestId("impact-gaps-chart").locator("canvas").first().waitFor();
    await expect(page.getByTestId("impact-gaps-wrap").getAttribute("data-placebos")).resolves.toBe("35");
    await expect(page.getByTestId("impact-levels-chart").getAttribute("aria-label")).resolves.toMatch(/CO2 emissions of Chongqing in tCO2, 2000–2019: actual against the synthetic control; the cooperation started in 2017/);
    await expect(page.getByTestId("impact-weights").innerText()).resolves.toMatch(/Tianjin/);
    await expect(page.getByTestId("impact-figures").innerText()).resolves.toMatch(/rank \d+ of 36, p = /);
    await expect(page.getByTestId("impact-warnings").innerText()).resolves.toMatch(/does not track the treated unit/);
    await expect(page.getByTestId("impact-excluded").innerText()).resolves.toMatch(/cities left out of the donor pool/);

    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByTestId("impact-card").innerText()).resolves.toMatch(/合作是否改变了指标？（合成控制法）/);
    await expect(page.getByTestId("impact-verdict").innerText()).resolves.toMatch(/^重庆市的二氧化碳排放量自 2017 年起比合成控制(高|低)/);
    await expect(page.getByTestId("impact-figures").innerText()).resolves.toMatch(/36 个中排第 \d+/);
    await expect(page.getByTestId("impact-weights").innerText()).resolves.toMatch(/天津/);
    await expect(page.getByTestId("impact-gaps-chart").getAttribute("aria-label")).resolves.toMatch(/35 个安慰剂城市/);
  }, T);

  it("says plainly when a member city has no data for the indicator", async () => {
    await page.goto(`${server.baseUrl}/cooperations/${COOP}?tab=monitoring`);
    await page.getByTestId("impact-verdict").waitFor({ timeout: 60_000 });
    await page.getByTestId("impact-city").click();
    await page.locator(".ant-select-item-option", { hasText: "Mannheim" }).click();
    const none = page.getByTestId("impact-unavailable");
    await none.waitFor();
    await expect(none.innerText()).resolves.toMatch(/No evaluation for this city and indicator[\s\S]*Mannheim has no yearly value of CO2 emissions/);
  }, T);
});
