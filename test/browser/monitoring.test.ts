/**
 * Issue 6 (monitoring, report, showcase) end to end against the real server on a fresh, seeded
 * database (IUC Asia): the programme's monitoring map with cooperation lines, a cooperation's KPI
 * traffic light after values are recorded through the API, the print-ready report and the public
 * showcase in Chinese.
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

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const r = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...server.authHeaders, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as R;
}

/** An action with a KPI that moved only a little: 20 % of the change when the line expects far more → off track. */
async function actionWithKpi(): Promise<{ actionId: string; kpiId: string }> {
  const action = await api<{ id: string }>("POST", `/api/v1/cooperations/${COOP}/actions`, {
    titles: { en: "Freight rail emissions <script>x</script>", zh: "铁路货运减排" },
    status: "in_progress", startDate: "2018-01-01", endDate: "2020-12-31", completionPct: 40,
    impact: [{ value: 1200, unit: "tCO2e/yr" }],
  });
  const kpi = await api<{ id: string }>("POST", `/api/v1/cooperations/${COOP}/kpis`, {
    actionId: action.id, names: { en: "Freight CO2", zh: "货运二氧化碳" }, unit: "tCO2e", city: "chongqing-cn",
    baselineValue: 100, baselineDate: "2018-01-01", targetValue: 50, targetYear: 2027,
  });
  await api("POST", `/api/v1/kpis/${kpi.id}/values`, { date: "2022-01-01", value: 95 });
  await api("POST", `/api/v1/kpis/${kpi.id}/values`, { date: "2024-01-01", value: 90 });
  return { actionId: action.id, kpiId: kpi.id };
}

describe("monitoring: programme map, KPI traffic lights, report, showcase", () => {
  it("draws a line between each pair of cooperating cities on the programme's monitoring tab", async () => {
    await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
    const wrap = page.getByTestId("lines-map-wrap");
    await wrap.getByTestId("world-land").waitFor(); // the world's outline, drawn once its chunk is there
    const lines = Number(await wrap.getAttribute("data-lines"));
    expect(lines).toBeGreaterThanOrEqual(3);
    // One link per line, each named by the pair and its cooperation, all inside the map.
    const links = wrap.locator("[data-testid=lines-map] a[href]");
    await expect(links.count()).resolves.toBe(lines);
    const titles = await links.locator("title").allTextContents();
    expect(titles.some((x) => /^Chongqing — Mannheim: .+/.test(x) || /^Mannheim — Chongqing: .+/.test(x))).toBe(true);
    const mapBox = (await page.getByTestId("lines-map").boundingBox())!;
    for (const box of await links.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(mapBox.x - 1);
      expect(box.right).toBeLessThanOrEqual(mapBox.x + mapBox.width + 1);
    }
    await expect(page.getByTestId("lines-summary").innerText()).resolves.toMatch(new RegExp(`3 cooperations, ${lines} links`));
    await expect(page.getByTestId("lines-list").innerText()).resolves.toMatch(/Chongqing — Mannheim/);
    await expect(page.getByTestId("needs-attention").innerText()).resolves.toMatch(/Needs attention/);
    // Counts by status: a bar per status with its word and count; the same counts in words name the image.
    const bars = page.getByTestId("coop-status-chart");
    await expect(bars.getAttribute("role")).resolves.toBe("img");
    const named = (await bars.getAttribute("aria-label")) ?? "";
    expect(named).toMatch(/^Proposed \d+, Agreed \d+, Active \d+, Completed \d+, Discontinued \d+$/);
    const rows = await bars.locator("[data-status]").evaluateAll((els) => els.map((el) => ({ text: (el as HTMLElement).innerText.replace(/\s+/g, " ").trim(), width: (el.querySelector(".cb-bars-bar") as HTMLElement).getBoundingClientRect().width })));
    expect(rows.map((r) => r.text).join(", ")).toBe(named);
    const counts = rows.map((r) => Number(r.text.replace(/^\D+/, "")));
    const most = counts.indexOf(Math.max(...counts));
    expect(counts[most]).toBeGreaterThan(0);
    for (const [i, r] of rows.entries()) {
      expect(r.width).toBeLessThanOrEqual(rows[most]!.width + 0.5);
      if (counts[i] === 0) expect(r.width).toBe(0);
    }
  }, T);

  it("opens a line's cooperation with a click on the line, and from the keyboard (Tab to the line, Enter)", async () => {
    await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
    const line = page.getByTestId(`line-${COOP}`).first();
    await line.waitFor();
    await page.getByTestId("lines-map-wrap").getByTestId("world-land").waitFor();
    await line.scrollIntoViewIfNeeded();
    // Where a person would click: a point of this line's stroke that no other line covers.
    const point = await line.evaluate((a) => {
      const path = a.querySelector("path.cb-line-stroke") as SVGPathElement;
      const length = path.getTotalLength();
      const m = path.getScreenCTM()!;
      // From the middle outwards (lines that share a city run close together near it).
      const fractions = Array.from({ length: 19 }, (_, i) => 0.5 + (i % 2 ? 1 : -1) * Math.ceil(i / 2) * 0.05);
      for (const f of fractions) {
        const p = path.getPointAtLength(length * f);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        if (document.elementFromPoint(x, y)?.closest("a") === a) return { x, y };
      }
      return null;
    });
    expect(point, "a point of the line that is not under another line").not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    // Hovering shows it: the line is drawn thicker.
    await page.waitForFunction((id) => {
      const el = document.querySelector(`[data-testid="line-${id}"] .cb-line-stroke`);
      return !!el && parseFloat(getComputedStyle(el).strokeWidth) >= 4;
    }, COOP);
    await page.mouse.click(point!.x, point!.y);
    await page.waitForURL(new RegExp(`/cooperations/${COOP}$`));
    await expect(page.getByTestId("cooperation-title").innerText()).resolves.toMatch(/Chongqing|Mannheim/);

    // Keyboard: the lines are links in the tab order, one after another; Enter opens the focused one.
    await page.goBack();
    const links = page.locator("[data-testid=lines-map] a[href]");
    await links.first().waitFor();
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await links.first().focus();
    await page.waitForFunction(() => document.activeElement?.closest("[data-testid=lines-map]") !== null && document.activeElement?.tagName.toLowerCase() === "a");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll("[data-testid=lines-map] a[href]")];
      return all.indexOf(document.activeElement as Element) === 1;
    });
    const target = await page.evaluate(() => (document.activeElement as SVGAElement).getAttribute("href"));
    expect(target).toMatch(/^\/cooperations\/[\w-]+$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.baseUrl}${target}`);
  }, T);

  it("shows a KPI's status word on the cooperation's monitoring tab after values are recorded", async () => {
    const { kpiId } = await actionWithKpi();
    await page.goto(`${server.baseUrl}/cooperations/${COOP}?tab=monitoring`);
    const status = page.getByTestId(`kpi-status-${kpiId}`);
    await status.waitFor();
    await expect(status.innerText()).resolves.toMatch(/Off track/);
    await page.getByTestId("kpi-chart").locator("canvas").first().waitFor();
    await expect(page.getByTestId("kpi-chart").getAttribute("aria-label")).resolves.toMatch(/Freight CO2 in tCO2e/);
    await expect(page.getByTestId("actions-summary").innerText()).resolves.toMatch(/In progress [1-9]/);
    await expect(page.getByTestId("overdue-card").innerText()).resolves.toMatch(/Freight rail emissions/);
  }, T);

  it("shows the programme's expected against achieved impact per unit as labelled bars with a legend, in English and 中文", async () => {
    // The action added above expects 1,200 tCO2e/yr and is not done: expected 1,200, achieved 0.
    await page.goto(`${server.baseUrl}/programmes/iuc-asia?tab=monitoring`);
    const chart = page.getByTestId("impact-chart");
    await chart.waitFor();
    await expect(chart.getAttribute("role")).resolves.toBe("img");
    const label = (await chart.getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^Expected and achieved impact by unit: .*Expected 1,200, Achieved \(actions done\) 0/);
    await expect(chart.locator(".cb-legend").innerText()).resolves.toMatch(/Expected[\s\S]*Achieved/);
    const group = chart.locator(".cb-impact-group").first();
    const rows = await group.locator("[data-series]").evaluateAll((els) => els.map((el) => ({
      series: el.getAttribute("data-series"),
      text: (el as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
      width: (el.querySelector(".cb-bars-bar") as HTMLElement).getBoundingClientRect().width,
    })));
    expect(rows.map((r) => r.series)).toEqual(["expected", "achieved"]);
    expect(rows[0]!.text).toBe("Expected 1,200");
    expect(rows[0]!.width).toBeGreaterThan(50);
    expect(rows[1]!.text).toBe("Achieved (actions done) 0");
    expect(rows[1]!.width).toBe(0);
    await page.getByTestId("lang-zh").click();
    await page.locator("html[lang=zh-CN]").waitFor({ state: "attached" });
    await expect(chart.locator(".cb-legend").innerText()).resolves.toMatch(/预期[\s\S]*已实现/);
    await expect(chart.getAttribute("aria-label")).resolves.toMatch(/^按单位的预期与已实现影响：.*预期 1,200/);
    await page.getByTestId("lang-en").click();
    await page.locator("html[lang=en-GB]").waitFor({ state: "attached" });
  }, T);

  it("renders the report with the action and its KPI status, escaped, with print and CSV buttons", async () => {
    await page.goto(`${server.baseUrl}/cooperations/${COOP}/report`);
    const body = page.getByTestId("report-body");
    await body.locator("h1").waitFor();
    const text = await body.innerText();
    expect(text).toContain("Freight rail emissions <script>x</script>");
    expect(text).toMatch(/off track/);
    expect(await body.locator("script").count()).toBe(0);
    await expect(page.getByTestId("report-print").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("report-csv").getAttribute("href")).resolves.toContain("format=csv");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".cb-header").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("report-print").isVisible()).resolves.toBe(false);
  }, T);

  it("shows the public showcase in 中文 with cooperations, members and KPI words", async () => {
    await page.goto(`${server.baseUrl}/showcase/programmes/iuc-asia`);
    await page.getByTestId("showcase-title").waitFor();
    await page.getByTestId("lang-zh").click();
    await expect(page.getByTestId("showcase-programme").innerText()).resolves.toMatch(/成果展示/);
    const card = page.getByTestId(`showcase-coop-${COOP}`);
    await expect(card.innerText()).resolves.toMatch(/重庆/);
    await expect(card.innerText()).resolves.toMatch(/偏离/);
    // The showcase's lines map: each line a link to the cooperation's showcase, named in Chinese.
    const line = page.getByTestId(`line-${COOP}`).first();
    await expect(line.getAttribute("href")).resolves.toBe(`/showcase/cooperations/${COOP}`);
    await expect(line.locator("title").textContent()).resolves.toMatch(/重庆.* — .*曼海姆|曼海姆.* — .*重庆/);
    await card.locator("a").first().click();
    await page.waitForURL(new RegExp(`/showcase/cooperations/${COOP}$`));
    await expect(page.getByTestId("showcase-cooperation").innerText()).resolves.toMatch(/铁路货运减排/);
    await expect(page.getByTestId("showcase-cooperation").innerText()).resolves.not.toMatch(/@/);
  }, T);

  it("draws the programme's cooperation lines on the world map from ?programme=iuc-asia", async () => {
    await page.goto(`${server.baseUrl}/?programme=iuc-asia`);
    await page.getByTestId("world-map").locator("canvas").first().waitFor();
    await expect(page.getByTestId("map-programme-summary").innerText()).resolves.toMatch(/\d+ cooperation lines of/);
  }, T);
});
