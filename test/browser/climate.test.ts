/**
 * Climate accounting end to end: the targets-and-pathway view of a city (chart, status and gap,
 * reference lines, NDC comparison, sources, both languages, keyboard) and an inventory entered in
 * the editor — against the real server on a fresh database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";
import { chooseOption } from "./select";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
});
let targetId: string;

const T = 90_000;

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...server.authHeaders }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  // A test target and two planned actions for Chongqing (figures made up for the test).
  targetId = (await post("/api/v1/cities/chongqing-cn/targets", {
    type: "base-year", names: { en: "Test target" }, baseYear: 2019, baseEmissions: 1.6e8, targetYear: 2030, reductionPct: 43, netZeroYear: 2050,
    basePopulation: 3.2e7, bau: { populationGrowthPct: 0.5, gdpPerCapitaGrowthPct: 4, intensityChangePct: -3 },
  })).id;
  await post("/api/v1/cities/chongqing-cn/actions", { names: { en: "Electric buses", zh: "电动公交" }, sector: "II", startYear: 2022, fullYear: 2026, reductionTCO2e: 5e6 });
  await post("/api/v1/cities/chongqing-cn/actions", { names: { en: "Building retrofits", zh: "建筑节能改造" }, sector: "I", startYear: 2024, fullYear: 2030, reductionTCO2e: 1.5e7 });
}, 300_000);

const go = (path: string) => page.goto(`${server.baseUrl}${path}`);
/** The <input> of an Ant Design InputNumber, whichever element carries the test id. */
const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe("climate: targets and pathway", () => {
  it("draws the pathway with the target, gap, reference lines, NDC comparison and sources, in English and 中文", async () => {
    await go(`/cities/chongqing-cn?tab=climate&view=pathway&target=${targetId}`);
    await page.getByTestId("pathway-chart").locator("canvas").first().waitFor();
    await expect(page.getByTestId("pathway-chart").getAttribute("aria-label")).resolves.toMatch(/Emissions pathway of Chongqing in tCO2e/);
    await expect(page.getByTestId("target-select").innerText()).resolves.toMatch(/Test target: Base year 2019 → 2030 \(−43 %\)/);

    // BAU 1.6e8 × (1.005 × 1.04 × 0.97)^11 − 2e7 of actions stays above the 43 % trajectory: off track, with the gap named.
    await expect(page.getByTestId("pathway-status").innerText()).resolves.toMatch(/Off track/);
    await expect(page.getByTestId("pathway-gap").innerText()).resolves.toMatch(/In 2030 the planned pathway is [\d,]+ tCO2e above the target trajectory/);
    await expect(page.getByTestId("reference-lines").innerText()).resolves.toMatch(/IPCC AR6 1\.5 °C/);
    await expect(page.getByTestId("reference-lines").innerText()).resolves.toMatch(/C40 Deadline 2020/);
    // SR1.5's 2050 line is net-zero CO2, not net-zero GHG.
    await expect(page.getByTestId("reference-lines").innerText()).resolves.toMatch(/Net-zero CO2 around 2050 \(IPCC SR1\.5\)/);
    await expect(page.getByTestId("ndc-checks").innerText()).resolves.toMatch(/China's NDC \(2021\)[\s\S]*Meets[\s\S]*Not comparable/);
    const sources = await page.getByTestId("pathway-sources").innerText();
    expect(sources).toMatch(/IPCC \(2023\)\. AR6 Synthesis Report/);
    expect(sources).toMatch(/CEADs/); // Chongqing's observed CO2 history
    await expect(page.getByTestId("actions-card").innerText()).resolves.toMatch(/Electric buses[\s\S]*Building retrofits/);

    // The gap table, reached and opened with the keyboard.
    await page.getByTestId("gap-toggle").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("gap-table").waitFor();
    await expect(page.getByTestId("gap-table").innerText()).resolves.toMatch(/2030/);

    await page.getByTestId("lang-zh").click();
    await page.getByTestId("climate-view-pathway").getByText("目标与减排路径").waitFor();
    await expect(page.getByTestId("pathway-status").innerText()).resolves.toMatch(/偏离/);
    await expect(page.getByTestId("pathway-gap").innerText()).resolves.toMatch(/2030年计划路径比目标路径高/);
    await expect(page.getByTestId("ndc-checks").innerText()).resolves.toMatch(/中国国家自主贡献[\s\S]*2030年前达峰[\s\S]*路径于2019年达峰[\s\S]*无法比较/);
    await expect(page.getByTestId("actions-card").innerText()).resolves.toMatch(/电动公交/);
    await expect(page.getByTestId("reference-lines").innerText()).resolves.toMatch(/2050年前后二氧化碳净零排放/);
    await page.getByTestId("pathway-chart").locator("canvas").first().waitFor();
  }, T);

  it("adds a planned action from the page and redraws the pathway", async () => {
    await go(`/cities/chongqing-cn?tab=climate&view=pathway&target=${targetId}`);
    await page.getByTestId("pathway-chart").locator("canvas").first().waitFor();
    const before = await page.getByTestId("pathway-gap").innerText();
    await page.getByTestId("action-name").fill("Metro line 27");
    await numberInput("action-reduction").fill("30000000");
    await page.getByTestId("action-add").click();
    await page.getByTestId("actions-card").getByText("Metro line 27").waitFor();
    await expect.poll(() => page.getByTestId("pathway-gap").innerText(), { timeout: 15_000 }).not.toBe(before);
  }, T);

  it("says so when a city has no target yet", async () => {
    await go("/cities/malaga-es?tab=climate&view=pathway");
    await page.getByTestId("targets-none").waitFor();
    await expect(page.getByTestId("targets-none").innerText()).resolves.toMatch(/No target yet/);
  }, T);
});

describe("climate: inventory editor", () => {
  it("creates an inventory, enters activity data in the sector table and shows the totals and completeness", async () => {
    await go("/cities/prague-cz?tab=climate");
    await page.getByTestId("inventory-none").waitFor();
    await page.getByTestId("inventory-new").click();
    await numberInput("inventory-new-year").fill("2021");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByTestId("inventory-summary").waitFor();
    await expect(page.getByTestId("inventory-status").innerText()).resolves.toBe("Draft");
    await expect(page.getByTestId("completeness").innerText()).resolves.toMatch(/32 BASIC sources have neither data nor a notation key/);

    await page.getByTestId("editor-add-I").click();
    const row = page.getByTestId("editor-table-I");
    await numberInput("activity-0-amount").fill("1000");
    await chooseOption(page, page.getByTestId("activity-0-unit"), /^TJ$/, "TJ");
    const factor = row.locator(".ant-select").filter({ has: page.getByRole("combobox", { name: "Emission factor" }) });
    await chooseOption(page, factor, "ipcc2006:natural-gas", "ipcc2006:natural-gas", "natural-gas");
    await page.getByTestId("inventory-save").click();

    // 1,000 TJ × 56,100 kg CO2/TJ (IPCC 2006) = 56,100 tCO2e, counted in BASIC.
    await expect.poll(() => page.getByTestId("total-basic").innerText(), { timeout: 15_000 }).toMatch(/56,100/);
    await page.getByTestId("sector-scope-chart").locator("canvas").first().waitFor();
    await expect(page.getByTestId("completeness").innerText()).resolves.toMatch(/31 BASIC sources/);
    await expect(page.getByTestId("summary-sources").innerText()).resolves.toMatch(/Global Protocol for Community-Scale/);
  }, T);
});
