/**
 * Issue 17 on the city page and the programme page: Chongqing's "Cooperations" tab evaluates its
 * indicators from the Chongqing–Mannheim cooperation's start (2017) — CEADs CO2 by default, WHO
 * PM2.5 picked with the keyboard (three years before the start: the page says it is too few) —
 * in English and 中文; a member city without yearly data gets "not enough years before the
 * start"; the IUC Asia programme's Monitoring tab lists every member city × indicator with its
 * p-value, and a row's link opens that chart on the cooperation's Monitoring tab.
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
const T = 120_000;
const COOP = "iuc-asia-chongqing-mannheim";

describe("impact evaluation on the city page", () => {
  it("shows Chongqing's evaluation per cooperation, with an indicator picker limited to yearly series, in English and 中文", async () => {
    await page.goto(`${server.baseUrl}/cities/chongqing-cn?tab=cooperations`);
    const section = page.getByTestId("city-impact");
    await section.getByRole("heading", { name: "Did the cooperations move the numbers?" }).waitFor({ timeout: 60_000 });
    const card = page.getByTestId(`city-impact-${COOP}`);
    const verdict = card.getByTestId("impact-verdict");
    await verdict.waitFor({ timeout: 60_000 });
    await expect(card.innerText()).resolves.toContain("Chongqing – Mannheim: did it move Chongqing's numbers?");
    await expect(verdict.innerText()).resolves.toMatch(/^Chongqing's CO2 emissions from 2017 on were \d+(\.\d)? % (above|below) the synthetic control; \d+ of 35 placebo unit\(s\)/);
    await card.getByTestId("impact-levels-chart").locator("canvas").first().waitFor();
    await expect(card.getByTestId("impact-gaps-wrap").getAttribute("data-placebos")).resolves.toBe("35");
    await expect(card.getByTestId("impact-weights").innerText()).resolves.toMatch(/Tianjin/);
    // The member is fixed on the city page: no city picker.
    await expect(card.getByTestId("impact-city").count()).resolves.toBe(0);

    // Keyboard: focus the picker through its label, type, Enter.
    await card.getByLabel("Indicator").focus();
    await page.keyboard.type("PM2.5, annual");
    const option = page.locator(".ant-select-item-option-active");
    await expect(option.innerText()).resolves.toMatch(/PM2\.5, annual mean \(µg\/m³\) · 3 yr before, 3 from 2017 · few years/);
    await page.keyboard.press("Enter");
    await expect.poll(() => verdict.innerText(), { timeout: 60_000 }).toMatch(/^Chongqing's PM2\.5, annual mean from 2017 on/);
    await expect(verdict.innerText()).resolves.toMatch(/the pre-2017 fit rests on only 3 year\(s\), too few to trust it\.$/);
    await expect(card.getByTestId("impact-warning-few_pre_years").innerText()).resolves.toMatch(/^Only 3 year\(s\) before the start/);
    // The indicators offered are those with yearly values before and after 2017, not the whole catalogue.
    await card.getByLabel("Indicator").focus();
    await page.keyboard.press("ArrowDown");
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "CO2 emissions (tCO2) · 20 yr before, 3 from 2017" }).waitFor();
    const offered = await page.locator(".ant-select-dropdown:visible .ant-select-item-option").allInnerTexts();
    expect(offered.some((o) => /transport\.|Intersection|open space/i.test(o))).toBe(false);
    await page.keyboard.press("Escape");

    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(section.innerText()).resolves.toMatch(/合作是否改变了指标？/);
    await expect(card.innerText()).resolves.toMatch(/是否改变了重庆市?的指标？/);
    await expect(verdict.innerText()).resolves.toMatch(/^重庆市的PM2\.5.*自 2017 年起比合成控制(高|低)[\s\S]*2017 年之前的拟合只基于 3 年数据/);
    await expect(card.getByTestId("impact-weights").innerText()).resolves.toMatch(/权重/);
  }, T);

  it("says there are not enough years before the start for a member city without yearly data", async () => {
    await page.goto(`${server.baseUrl}/cities/agioi-anargyroi-gr?tab=cooperations`);
    const empty = page.getByTestId("impact-not-enough-years");
    await empty.waitFor({ timeout: 60_000 });
    await expect(empty.innerText()).resolves.toMatch(/Not enough years before the start: Ágioi Anárgyroi has no indicator with yearly values both before 2017 and from 2017 on/);
    await page.getByTestId("lang-zh").click();
    await expect.poll(() => empty.innerText()).toMatch(/开始前的年份不足/);
  }, T);
});

describe("impact evaluations on the programme's Monitoring tab", () => {
  it("lists every member city × indicator with effect, p-value, fit and warnings, and links to the chart", async () => {
    await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
    const table = page.getByTestId("programme-impact-table");
    await table.waitFor({ timeout: 60_000 });
    // 10 memberships (3 cooperations) × CO2 and PM2.5.
    await expect(page.getByTestId("programme-impact-summary").innerText()).resolves.toMatch(/^10 of 20 city × indicator pairs evaluated; \d+ with p ≤ 0\.1$/);
    const cq = page.getByTestId(`impact-row-${COOP}-chongqing-cn-ghg.co2_total`);
    await expect(cq.getAttribute("data-status")).resolves.toBe("evaluated");
    await expect(cq.innerText()).resolves.toMatch(/Chongqing[\s\S]*CO2 emissions[\s\S]*2017[\s\S]*% (above|below)[\s\S]*0\.\d\d[\s\S]*(good|poor)/);
    const pm = page.getByTestId(`impact-row-${COOP}-chongqing-cn-air.pm25_annual`);
    await expect(pm.innerText()).resolves.toMatch(/only 3 year\(s\): too few to judge[\s\S]*few years before/);
    // Mannheim's WHO PM2.5: an exact fit of 5 years by 6 donors is not called good.
    await expect(page.getByTestId(`impact-row-${COOP}-mannheim-de-air.pm25_annual`).innerText()).resolves.toMatch(/exact, but 5 years for as many donors: proves little[\s\S]*exact fit by interpolation/);
    const mannheim = page.getByTestId(`impact-row-${COOP}-mannheim-de-ghg.co2_total`);
    await expect(mannheim.innerText()).resolves.toMatch(/no data[\s\S]*Mannheim has no yearly value of CO2 emissions/);
    const longyan = page.getByTestId("impact-row-iuc-asia-longyan-mannheim-prague-longyan-cn-air.pm25_annual");
    await expect(longyan.innerText()).resolves.toMatch(/not enough years before the start/);

    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByTestId("programme-impact-summary").innerText()).resolves.toMatch(/^共 20 个城市 × 指标组合，已评估 10 个/);
    await expect(pm.innerText()).resolves.toMatch(/仅 3 年：不足以判断[\s\S]*开始前年份少/);
    await page.getByTestId("lang-en").click();

    await pm.getByTestId("impact-chart-link").click();
    await page.waitForURL(/\/cooperations\/iuc-asia-chongqing-mannheim\?tab=monitoring&impactCity=chongqing-cn&impactIndicator=air\.pm25_annual/);
    await expect.poll(() => page.getByTestId("impact-verdict").innerText(), { timeout: 60_000 }).toMatch(/^Chongqing's PM2\.5, annual mean from 2017 on/);
  }, T);

  it("picks the indicators with the keyboard (a tag removes one, the select adds one) and opens a row's verdict with its disclosure button", async () => {
    await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
    const summary = page.getByTestId("programme-impact-summary");
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/^10 of 20 city × indicator pairs evaluated/);
    const pm = page.getByRole("button", { name: "Remove PM2.5, annual mean" });
    await pm.focus();
    await expect.poll(() => pm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    // 10 memberships × CO2 only; the focus goes to the select that adds an indicator back.
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/^\d+ of 10 city × indicator pairs evaluated/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("programme-impact-indicators");
    await expect(pm.count()).resolves.toBe(0);
    await page.getByRole("combobox", { name: "Add an indicator…" }).selectOption({ label: "PM2.5, annual mean" });
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/^10 of 20 city × indicator pairs evaluated/);
    await page.getByRole("button", { name: "Remove PM2.5, annual mean" }).waitFor();

    // An evaluated row opens its verdict below it; a row without an evaluation has no button.
    const row = page.getByTestId(`impact-row-${COOP}-chongqing-cn-ghg.co2_total`);
    const open = row.getByRole("button", { name: "Show details: Chongqing · CO2 emissions" });
    await expect(open.getAttribute("aria-expanded")).resolves.toBe("false");
    await open.click();
    const close = row.getByRole("button", { name: "Hide details: Chongqing · CO2 emissions" });
    await expect(close.getAttribute("aria-expanded")).resolves.toBe("true");
    const detail = page.locator(`#${await close.getAttribute("aria-controls")}`);
    await expect(detail.innerText()).resolves.toMatch(/^Chongqing's CO2 emissions from 2017 on were \d+(\.\d)? % (above|below) the synthetic control/);
    await expect(page.getByTestId(`impact-row-${COOP}-mannheim-de-ghg.co2_total`).getByRole("button").count()).resolves.toBe(0);
    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(row.getByRole("button").getAttribute("aria-label")).resolves.toMatch(/^隐藏详情：|^隐藏详情: /);
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang !== "zh-CN");
    await close.click();
    await expect(detail.count()).resolves.toBe(0);
  }, T);
});
