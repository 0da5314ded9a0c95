/**
 * The air-quality issue end to end: Beijing's air page (the demo data seeded from the UCI Beijing
 * stations) in English and in Chinese, the switch between China's, the US and the European index,
 * the side-by-side days, and the upload of hourly files — a rejected file with its problems, and
 * a good one that fills an empty city's page.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openAqCsv, SAMPLE_RECORDS, UCI_SAMPLE } from "../support/air";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { pageTimeoutMs: 30_000 });

const T = 90_000;





const go = (path: string) => page.goto(`${server.baseUrl}${path}`);
const text = (testId: string) => page.getByTestId(testId).innerText();

describe("air quality: Beijing's air page", () => {
  it("shows the daily index calendar, the three indices side by side, annual means, stations and sources in English", async () => {
    await go("/cities/beijing-cn");
    await page.getByTestId("tab-air").click();
    await page.getByTestId("air-calendar").locator("canvas").first().waitFor();
    expect(page.url()).toContain("tab=air");
    await expect(text("air-title")).resolves.toBe("Air quality");
    await expect(text("air-covered")).resolves.toMatch(/2 stations, 1 Mar 2013 to 28 Feb 2017/);
    await expect(page.getByTestId("air-year").innerText()).resolves.toContain("2016");
    await expect(text("air-calendar-card")).resolves.toMatch(/Daily air-quality index, 2016[\s\S]*HJ 633-2012/);
    await expect(page.getByTestId("air-calendar").getAttribute("aria-label")).resolves.toMatch(/China \(HJ 633\) category; 36\d days with a value/);
    await expect(text("air-good-share")).resolves.toMatch(/Good or moderate days \(China's AQI ≤ 100\): \d+(\.\d)? %/);

    await page.getByTestId("air-compare-toggle").click();
    const table = page.getByTestId("air-compare-table");
    await table.waitFor();
    await expect(table.innerText()).resolves.toMatch(/China \(HJ 633\)[\s\S]*US EPA \(2024\)[\s\S]*European index \(EEA 2024\)/);
    await expect(table.innerText()).resolves.toMatch(/1 Jan 2016/);
    await expect(table.innerText()).resolves.toMatch(/(Excellent|Good|polluted)[\s\S]*(Good|Moderate|Unhealthy|Hazardous)[\s\S]*(Good|Fair|Moderate|Poor)/);

    await expect(text("air-drivers")).resolves.toMatch(/What drove the bad days, 2016/);
    await page.getByTestId("air-drivers-chart").locator("canvas").first().waitFor();
    await page.getByTestId("indicator-chart-air.pm25_annual").locator("canvas").first().waitFor();
    await expect(text("indicator-references-air.pm25_annual")).resolves.toMatch(/WHO 2021 guideline 5 µg\/m³/);
    await expect(text("air-exceedances")).resolves.toMatch(/WHO 2021 guideline \(24-hour\)[\s\S]*China grade II/);
    await expect(text("air-stations")).resolves.toMatch(/Aotizhongxin[\s\S]*uci-aotizhongxin[\s\S]*Dongsi/);
    for (const cited of [/10\.24432\/C5RK5G/, /HJ 633-2012/, /EPA-454\/B-24-002/, /European Air Quality Index/, /WHO global air quality guidelines/]) {
      await expect(text("air-sources")).resolves.toMatch(cited);
    }
  }, T);

  it("switches the index with the keyboard and keeps it in the URL", async () => {
    await go("/cities/beijing-cn/air?year=2015");
    await page.getByTestId("air-calendar").locator("canvas").first().waitFor();
    expect(page.url()).toMatch(/tab=air/);
    await expect(text("air-calendar-card")).resolves.toMatch(/2015/);
    await page.getByTestId("air-standard-us").click();
    await page.waitForURL(/aqi=us/);
    await page.locator('[data-testid="air-calendar"][aria-label*="US EPA (2024) category"]').waitFor();
    await page.getByTestId("air-standard").locator("input").nth(1).focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(/aqi=eu/);
    await expect(text("air-calendar-note")).resolves.toMatch(/worst hour/);
    await page.reload();
    await page.locator('[data-testid="air-calendar"][aria-label*="European index (EEA 2024) category"]').waitFor();
  }, T);

  it("shows the same page in Chinese", async () => {
    await go("/cities/beijing-cn?tab=air");
    await page.getByTestId("air-calendar").locator("canvas").first().waitFor();
    await page.getByTestId("lang-zh").click();
    await page.getByTestId("air-title").getByText("空气质量").waitFor();
    await expect(page.getByTestId("tab-air").innerText()).resolves.toBe("空气");
    await expect(text("air-covered")).resolves.toMatch(/2个监测站，2013年3月1日至2017年2月28日/);
    await expect(text("air-standard")).resolves.toMatch(/中国（HJ 633）[\s\S]*美国环保署（2024）[\s\S]*欧洲空气质量指数（EEA 2024）/);
    await expect(text("air-calendar-card")).resolves.toMatch(/2016年逐日空气质量指数/);
    await page.getByTestId("air-compare-toggle").click();
    await expect(text("air-compare-table")).resolves.toMatch(/(优|良|轻度污染|中度污染|重度污染|严重污染)/);
    await expect(text("air-compare-table")).resolves.toMatch(/(好|中等|对敏感人群不健康|不健康|非常不健康|危险)/);
    await expect(text("air-drivers")).resolves.toMatch(/首要污染物/);
    await expect(text("air-stations")).resolves.toMatch(/监测站[\s\S]*已存天数/);
    await expect(text("air-rules")).resolves.toMatch(/至少需要20个有效小时值/);
    await expect(text("air-exceedances")).resolves.toMatch(/世卫组织2021年指导值（24小时）/);
  }, T);
});

describe("air quality: uploads", () => {
  it("lists every problem of a rejected file and stores nothing", async () => {
    await go("/cities/beijing-cn?tab=air");
    // Wait until the page has settled: an input replaced by a re-render would swallow the file.
    await page.getByTestId("air-calendar").locator("canvas").first().waitFor();
    await page.getByTestId("indicator-chart-air.pm25_annual").locator("canvas").first().waitFor();
    const bad = join(tmpdir(), `citybridge-air-bad-${process.pid}.csv`);
    writeFileSync(bad, readFileSync(UCI_SAMPLE, "utf8").replace(/^(\d+,2017,1,1,5,)\d+/m, "$1abc"));
    await page.getByTestId("air-upload").locator("input[type=file]").setInputFiles(bad);
    await page.getByTestId("air-upload-rejected").waitFor();
    await expect(text("air-upload-problems")).resolves.toMatch(/7\s+PM2\.5\s+abc\s+is not a number/);
    await expect(text("air-covered")).resolves.toMatch(/2 stations/);
  }, T);

  it("fills an empty city's air page from an uploaded OpenAQ file", async () => {
    await go("/cities/chongqing-cn?tab=air");
    await page.getByTestId("air-empty").waitFor();
    await page.getByTestId("air-upload").waitFor();
    await expect(text("air-empty")).resolves.toMatch(/Not yet reported/);
    const good = join(tmpdir(), `citybridge-air-good-${process.pid}.csv`);
    writeFileSync(good, openAqCsv(SAMPLE_RECORDS, 7001, { lat: 29.56, lon: 106.55 }));
    await page.getByTestId("air-upload").locator("input[type=file]").setInputFiles(good);
    await page.getByTestId("air-calendar").locator("canvas").first().waitFor();
    await expect(text("air-covered")).resolves.toMatch(/1 station, 1 Jan 2017 to 7 Jan 2017/);
    await expect(text("air-stations")).resolves.toMatch(/Station 7001[\s\S]*29\.560, 106\.550/);
  }, T);
});
