/**
 * Issue 5 end to end: the city page's Counterparts tab (a family with reasons, the comparison
 * chart, how the score is made, both languages) and a programme's pairing board (candidates added
 * by hand, the heatmap, a pin that changes the pairing and the total, proposing cooperations) —
 * against the real server on a fresh, seeded database.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chooseOption } from "./select";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
});
const T = 90_000;

async function toChinese(): Promise<void> {
  await page.getByTestId("lang-zh").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
}

describe("matching: counterparts and the pairing board", () => {
  it("shows Zhengzhou's family of counterparts with reasons, the comparison chart and how the score is made", async () => {
    await page.goto(`${server.baseUrl}/cities/zhengzhou-cn?tab=counterparts`);
    const family = page.getByTestId("counterparts-family");
    await family.waitFor();
    expect(await family.locator("[data-testid^=counterpart-]").filter({ has: page.getByTestId("counterpart-link") }).count()).toBe(10);
    await expect(page.getByTestId("counterpart-reason").first().innerText()).resolves.toMatch(/\d+ % — /);
    await expect(page.getByTestId("counterpart-reasons").first().innerText()).resolves.toMatch(/better than \d+ % of cities|latitude|population/);
    const chart = page.getByTestId("counterpart-compare").first();
    await chart.getByTestId("compare-indicator").first().waitFor();
    await expect(chart.locator("figure").getAttribute("aria-label")).resolves.toMatch(/gCO2\/kWh/);
    // Each indicator: a bar per city, as long as its standing, with the share and the value written out.
    const first = chart.getByTestId("compare-indicator").first();
    await expect(first.innerText()).resolves.toMatch(/Zhengzhou/);
    const rows = first.locator(".cb-cmp-row");
    expect(await rows.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const row = rows.nth(i);
      const share = await row.locator(".cb-cmp-share").innerText();
      if (share === "–") continue;
      const [bar, scale] = await Promise.all([row.locator(".cb-cmp-bar").boundingBox(), row.locator(".cb-cmp-scale").boundingBox()]);
      expect(scale!.width).toBeGreaterThan(40);
      expect(Math.abs(bar!.width - (Number(share.replace(/[^\d]/g, "")) / 100) * scale!.width)).toBeLessThan(2);
    }
    await expect(first.innerText()).resolves.toMatch(/\d+ %/);
    await expect(chart.innerText()).resolves.toMatch(/Source/);
    await page.getByTestId("matching-method").getByText("How the score is made").click();
    await expect(page.getByTestId("matching-method-sources").innerText()).resolves.toMatch(/Covenant of Mayors/);
    const weights = page.getByTestId("matching-method-weights");
    expect(await weights.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
    await expect(weights.locator("thead").innerText()).resolves.toMatch(/Weight/);
  }, T);

  it("keeps filters in the URL and words the reasons in Chinese", async () => {
    await page.goto(`${server.baseUrl}/cities/zhengzhou-cn?tab=counterparts&region=Western%20Europe&top=5`);
    await page.getByTestId("counterparts-family").waitFor();
    expect(await page.getByTestId("counterpart-link").count()).toBe(5);
    await expect(page.getByTestId("filter-region").innerText()).resolves.toMatch(/Western Europe/);
    await toChinese();
    await expect(page.getByTestId("tab-counterparts").innerText()).resolves.toBe("对口城市");
    await expect(page.getByTestId("filter-region").innerText()).resolves.toMatch(/西欧/);
    await expect(page.getByTestId("counterpart-reasons").first().innerText()).resolves.toMatch(/优于|纬度|人口/);
    await expect(page.getByTestId("counterpart-confidence").first().innerText()).resolves.toMatch(/[高中低] /);
  }, T);

  it("pairs hand-picked candidates on the board, re-solves after a pin with the total before and after, and proposes cooperations", async () => {
    const created = await fetch(`${server.baseUrl}/api/v1/programmes`, {
      method: "POST",
      headers: { "content-type": "application/json", ...server.authHeaders },
      body: JSON.stringify({ names: { en: "Pairing test", zh: "配对测试" }, themes: ["transport"], sides: [{ key: "a", names: { en: "China", zh: "中国" }, countries: ["CN"] }, { key: "b", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] }] }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Solving and proposing are writes: the page is signed in as the administrator (useBrowser's default).
    const a = ["zhengzhou-cn", "chongqing-cn"];
    const b = ["mannheim-de", "malaga-es", "prague-cz"];
    await page.goto(`${server.baseUrl}/programmes/${id}?tab=pairing&pa=${a.join(",")}&pb=${b.join(",")}&k=1&m=1`);
    await page.getByTestId("pairing-board").waitFor({ timeout: 60_000 }).catch(async (e) => { throw new Error(`${e}\n${await page.locator("body").innerText()}`); });
    await page.getByTestId("pairing-no-candidates").waitFor();
    await page.getByTestId("pairing-heatmap").locator("canvas").first().waitFor();
    const pairs = page.getByTestId("pairing-pairs").locator("[data-testid^=pair-]");
    await expect.poll(() => pairs.count(), { timeout: 15_000 }).toBe(2);
    const before = await page.getByTestId("pairing-total").innerText();
    const firstPairs = await pairs.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    // Pin a pair the solver did not choose: the Chinese city of the first pair with a side-B city nobody got.
    const [, pa, pb] = /^pair-(.+-cn)-(.+)$/.exec(firstPairs[0]!)!;
    const unchosen = b.find((x) => !firstPairs.some((p) => p!.endsWith(`-${x}`)))!;
    expect(pb).not.toBe(unchosen);
    const NAMES: Record<string, string> = { "zhengzhou-cn": "Zhengzhou", "chongqing-cn": "Chongqing", "mannheim-de": "Mannheim", "malaga-es": "Málaga", "prague-cz": "Prague" };
    await chooseOption(page, page.getByTestId("constraint-a"), NAMES[pa!]!);
    await chooseOption(page, page.getByTestId("constraint-b"), NAMES[unchosen]!);
    await page.getByTestId("constraint-pin").click();
    await page.getByTestId(`constraint-pinned-${pa}-${unchosen}`).waitFor();
    await page.getByTestId("pairing-solve").click();
    await page.getByTestId(`pair-${pa}-${unchosen}`).waitFor();
    await expect(page.getByTestId("pairing-previous").innerText()).resolves.toContain(before.split("\n").at(-1)!);
    const after = await page.getByTestId("pairing-total").innerText();
    expect(after).not.toBe(before);
    expect(new URL(page.url()).searchParams.get("fix")).toBe(`${pa}~${unchosen}`);
    // The cities were typed in by hand (nobody applied): proposing them needs a confirmation naming them.
    await expect(page.getByTestId(`candidate-status-${pa}`).innerText()).resolves.toMatch(/Added by hand, never applied/);
    await page.getByTestId("pairing-propose").click();
    await expect(page.locator(".ant-popconfirm").innerText()).resolves.toMatch(/not accepted in this programme/);
    await page.getByTestId("pairing-propose-confirm").click();
    await expect(page.getByTestId("pairing-proposed").innerText()).resolves.toMatch(/2 cooperation\(s\) proposed/);
    // Proposed once: the button is off until the pairing is solved again.
    expect(await page.getByTestId("pairing-propose").isDisabled()).toBe(true);
    // Solved again, the proposed pairs are formed cooperations: kept, marked, listed, and nothing new to propose.
    await page.getByTestId(`formed-${pa}-${unchosen}`).waitFor();
    await page.getByTestId("pairing-solve").click();
    await page.getByTestId(`formed-tag-${pa}-${unchosen}`).waitFor();
    await page.getByTestId("pairing-nothing-new").waitFor();
    expect(await page.getByTestId("pairing-propose").isDisabled()).toBe(true);
    await expect(page.getByTestId(`candidate-status-${unchosen}`).innerText()).resolves.toMatch(/In a cooperation/);
    await toChinese();
    await expect(page.getByTestId("pairing-totals").innerText()).resolves.toMatch(/总评分/);
    await expect(page.getByTestId("pairing-board").innerText()).resolves.toMatch(/最佳配对/);
    await expect(page.getByTestId(`formed-tag-${pa}-${unchosen}`).innerText()).resolves.toBe("已组建");
    await expect(page.getByTestId("pairing-formed").innerText()).resolves.toMatch(/已组建的城市合作/);
  }, 120_000);
});
