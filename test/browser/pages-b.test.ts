/**
 * Issue 18 item 7, pages that were reachable only through the API: a readiness assessment started
 * from the pilot or action it belongs to; districts with a drawn boundary and a process closed
 * after a confirmation; a city's daily air data with CSV download; the emission factor library.
 * Each is seen by the administrator (who edits) and by a signed-out visitor (who sees no edit control).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage as openPageAs, type Running, startServer } from "./server";

let server: Running;
let browser: Browser;
const T = 180_000;
const COOP = "iuc-asia-chongqing-mannheim";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const openPage = (as: "admin" | "visitor") => openPageAs(browser, server, as, 20_000);

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

/** Opens a path and waits for a part of it and for every permission check to be answered. */
async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
}

describe("readiness from the pilot or action it belongs to", () => {
  it("starts an assessment from an action of the plan; a visitor finds the assessment but no button and cannot change it", async () => {
    const action = await api<{ id: string }>("POST", `/cooperations/${COOP}/actions`, { titles: { en: "Riverside freight noise plan", zh: "滨江货运噪声方案" }, status: "planned", completionPct: 0 });
    const admin = await openPage("admin");
    const visitor = await openPage("visitor");
    try {
      // The visitor sees neither the button nor a link while there is no assessment.
      await open(visitor.page, `/cooperations/${COOP}?tab=plan`, "actions-table");
      await visitor.page.getByTestId("actions-table").getByText("Riverside freight noise plan").waitFor();
      expect(await visitor.page.locator(`[data-testid^="readiness-action-"]`).count()).toBe(0);

      const p = admin.page;
      await open(p, `/cooperations/${COOP}?tab=plan`, `readiness-action-${action.id}-assess`);
      await p.getByTestId(`readiness-action-${action.id}-assess`).click();
      await p.waitForURL(/\/readiness\/[0-9a-f-]{36}$/);
      await expect(p.getByTestId("readiness-title").innerText()).resolves.toMatch(/Action — Riverside freight noise plan/);
      await p.getByTestId("score-participation").click();
      await p.getByTestId("score-participation-1").click();
      await p.getByTestId("readiness-save").click();
      await p.getByTestId("readiness-saved").waitFor();
      const assessmentUrl = p.url();

      // Back on the plan: the button became the link to the assessment (no second one is started).
      await open(p, `/cooperations/${COOP}?tab=plan`, `readiness-action-${action.id}-open`);
      expect(await p.getByTestId(`readiness-action-${action.id}-assess`).count()).toBe(0);
      await p.getByTestId(`readiness-action-${action.id}-open`).click();
      await p.waitForURL(assessmentUrl);
      await p.getByTestId("readiness-save").waitFor();

      // The visitor reads it: the link, the scores, no save button, the controls disabled, "Sign in to edit".
      await open(visitor.page, `/cooperations/${COOP}?tab=plan`, `readiness-action-${action.id}-open`);
      await visitor.page.getByTestId(`readiness-action-${action.id}-open`).click();
      await visitor.page.waitForURL(assessmentUrl);
      await visitor.page.getByTestId("gap-participation").waitFor();
      await visitor.page.getByTestId("sign-in-to-edit").waitFor();
      expect(await visitor.page.getByTestId("readiness-save").count()).toBe(0);
      expect(await visitor.page.getByTestId("partner-add").isDisabled()).toBe(true);
      await visitor.page.getByTestId("lang-zh").click();
      await expect(visitor.page.getByTestId("sign-in-to-edit").innerText()).resolves.toBe("登录后编辑");
      await open(visitor.page, `/cooperations/${COOP}?tab=plan`, `readiness-action-${action.id}-open`);
      await expect(visitor.page.getByTestId(`readiness-action-${action.id}-open`).innerText()).resolves.toBe("创新准备度评估");

      // Pilots: the administrator has the button on each pilot card; the visitor none.
      await open(p, `/cooperations/${COOP}?tab=pilots`, "pilots-tab");
      await p.locator(`[data-testid^="readiness-pilot-"][data-testid$="-assess"]`).first().waitFor();
      await expect(p.locator(`[data-testid^="readiness-pilot-"][data-testid$="-assess"]`).first().innerText()).resolves.toBe("Assess readiness");
      await open(visitor.page, `/cooperations/${COOP}?tab=pilots`, "pilots-tab");
      expect(await visitor.page.locator(`[data-testid^="readiness-pilot-"][data-testid$="-assess"]`).count()).toBe(0);
    } finally {
      await admin.context.close();
      await visitor.context.close();
    }
  }, T);
});

/** Draws a closed loop on the boundary map of `scope` by pressing, going round and releasing. */
async function drawLoop(page: Page, scope: ReturnType<Page["getByTestId"]>): Promise<void> {
  const map = scope.getByTestId("boundary-map");
  await expect.poll(() => map.getAttribute("data-ready"), { timeout: 30_000 }).toBe("true");
  await scope.getByTestId("boundary-draw").click();
  await expect.poll(() => map.getAttribute("data-drawing")).toBe("true");
  const box = await map.boundingBox();
  if (!box) throw new Error("the boundary map has no box");
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.4, 0.35));
  await page.mouse.down();
  for (const [fx, fy] of [[0.6, 0.35], [0.6, 0.65], [0.4, 0.65], [0.41, 0.36]] as const) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
}

describe("districts: created with a boundary drawn on the map; a process closed after a confirmation", () => {
  it("lets the administrator draw and save a district, close its process after confirming, and shows a visitor none of it", async () => {
    const admin = await openPage("admin");
    const visitor = await openPage("visitor");
    try {
      const p = admin.page;
      await open(p, "/cities/chongqing-cn?tab=districts", "new-district");
      const form = p.getByTestId("new-district");
      await form.getByTestId("district-name-en").fill("Jiefangbei");
      await form.getByTestId("district-name-zh").fill("解放碑");
      await drawLoop(p, form);
      await expect.poll(() => form.getByTestId("district-boundary-state").innerText(), { timeout: 15_000 }).toMatch(/^Drawn, \d+ points$/);
      await form.getByTestId("district-create").click();
      await p.getByTestId("districts-tab").getByText("Jiefangbei").waitFor();
      const { items } = await api<{ items: { id: string; names: { en: string }; boundary: { type: string; coordinates: number[][][] } | null }[] }>("GET", "/cities/chongqing-cn/districts");
      const made = items.find((d) => d.names.en === "Jiefangbei");
      expect(made?.boundary?.type).toBe("Polygon");
      const ring = made!.boundary!.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring.at(-1));
      // Drawn around the middle of a map centred on Chongqing (106.55° E, 29.56° N).
      for (const [lon, lat] of ring) {
        expect(Math.abs(lon! - 106.55)).toBeLessThan(0.25);
        expect(Math.abs(lat! - 29.56)).toBeLessThan(0.2);
      }
      await expect(p.getByTestId(`district-${made!.id}`).innerText()).resolves.toMatch(/GeoJSON, \d+ points/);

      // Redrawn from the card's edit form: the new line replaces the old one.
      await p.getByTestId(`edit-district-${made!.id}`).click();
      const edit = p.getByTestId(`edit-district-form-${made!.id}`);
      await drawLoop(p, edit);
      await expect.poll(() => edit.getByTestId("district-boundary-state").innerText(), { timeout: 15_000 }).toMatch(/^Drawn, \d+ points$/);
      await edit.getByTestId("edit-district-save").click();
      await expect.poll(async () => (await api<{ version: number }>("GET", `/districts/${made!.id}`)).version, { timeout: 15_000 }).toBe(2);

      // Closing the process asks first; "Cancel" leaves it open.
      const proc = await api<{ id: string }>("POST", `/districts/${made!.id}/processes`, { question: { en: "What should Jiefangbei be like?", zh: "解放碑应当是什么样？" }, startsOn: "2026-03-01" });
      const status = async () => (await api<{ status: string }>("GET", `/vision-processes/${proc.id}`)).status;
      await open(p, `/cities/chongqing-cn/districts/${made!.id}?process=${proc.id}`, "process-status-toggle");
      await p.getByTestId("process-status-toggle").click();
      await p.getByText("Close this process?").waitFor();
      await p.getByRole("button", { name: "Cancel" }).click();
      await p.getByText("Close this process?").waitFor({ state: "hidden" });
      expect(await status()).toBe("open");
      await p.getByTestId("process-status-toggle").click();
      await p.getByTestId("process-status-confirm").click();
      await p.getByTestId("process-status-toggle").getByText("Reopen the process").waitFor();
      expect(await status()).toBe("closed");
      expect(await p.getByTestId("join-submit").count()).toBe(0);

      // 中文 labels of the drawing tool and the confirmation.
      await p.getByTestId("lang-zh").click();
      await p.getByTestId("process-status-toggle").getByText("重新开放此进程").click();
      await p.getByText("重新开放此进程？").waitFor();
      await open(p, "/cities/chongqing-cn?tab=districts", "new-district");
      await expect(p.getByTestId("new-district").getByTestId("boundary-draw").innerText()).resolves.toBe("绘制边界");

      // A visitor: the districts and the drawn line, no form, no drawing tool, no status button.
      await open(visitor.page, "/cities/chongqing-cn?tab=districts", `district-${made!.id}`);
      for (const id of ["new-district", "boundary-draw", "boundary-map", `edit-district-${made!.id}`, "process-create"]) expect(await visitor.page.getByTestId(id).count(), id).toBe(0);
      await open(visitor.page, `/cities/chongqing-cn/districts/${made!.id}?process=${proc.id}`, "district-title");
      await visitor.page.getByTestId("process-question").waitFor();
      expect(await visitor.page.getByTestId("process-status-toggle").count()).toBe(0);
    } finally {
      await admin.context.close();
      await visitor.context.close();
    }
  }, T);
});

describe("daily air data of a city", () => {
  it("lists the stored days a month a page, charts them, names standard, unit and sources, and downloads the year as CSV", async () => {
    const visitor = await openPage("visitor");
    try {
      const p = visitor.page;
      await open(p, "/cities/beijing-cn?tab=air&year=2016", "air-daily-table");
      await p.getByTestId("air-daily-chart").locator("canvas").first().waitFor();
      await expect(p.getByTestId("air-daily-about").innerText()).resolves.toMatch(/measured hourly concentrations[\s\S]*HJ 633-2012 \(AQI\)[\s\S]*µg\/m³ \(CO mg\/m³/);
      await expect(p.getByTestId("air-daily-page").innerText()).resolves.toBe("Page 1: 1 Jan 2016 – 31 Jan 2016");
      expect(await p.getByTestId("air-daily-table").locator("tbody tr.ant-table-row").count()).toBe(31);
      await expect(p.getByTestId("air-daily-table").locator("thead").innerText()).resolves.toMatch(/PM2\.5 \(µg\/m³\)[\s\S]*CO \(mg\/m³\)/);
      await p.getByTestId("air-daily-sources").waitFor();
      await p.getByTestId("air-daily-next").click();
      await expect.poll(() => p.getByTestId("air-daily-page").innerText(), { timeout: 15_000 }).toBe("Page 2: 1 Feb 2016 – 2 Mar 2016");
      await p.getByTestId("air-daily-prev").click();
      await expect.poll(() => p.getByTestId("air-daily-page").innerText(), { timeout: 15_000 }).toMatch(/^Page 1: 1 Jan 2016/);

      // The year's CSV has a row for every stored day of 2016.
      const year = (await api<{ items: unknown[] }>("GET", "/cities/beijing-cn/air/daily?from=2016-01-01&to=2016-12-31")).items.length;
      const [download] = await Promise.all([p.waitForEvent("download"), p.getByTestId("air-daily-csv-year").click()]);
      expect(download.suggestedFilename()).toBe("citybridge-air-daily-beijing-cn-from-2016-01-01-to-2016-12-31.csv");
      const lines = readFileSync((await download.path())!, "utf8").trim().split("\n");
      expect(lines[0]).toMatch(/^date,stations,cn_aqi,cn_level,cn_primary,cn_standard,/);
      expect(lines.length - 1).toBe(year);

      // No upload for a visitor; the labels in 中文.
      expect(await p.getByTestId("air-upload").count()).toBe(0);
      await p.getByTestId("lang-zh").click();
      await expect(p.getByTestId("air-daily").locator(".ant-card-head").innerText()).resolves.toBe("逐日数据");
      await expect(p.getByTestId("air-daily-csv-all").innerText()).resolves.toBe("下载 CSV（全部日期）");
    } finally {
      await visitor.context.close();
    }
  }, T);
});

describe("the emission factor library", () => {
  it("lets anyone browse and search it, and a signed-in user add a factor with a source (problems shown); a visitor sees no form", async () => {
    const admin = await openPage("admin");
    const visitor = await openPage("visitor");
    try {
      const v = visitor.page;
      await open(v, "/cities/chongqing-cn?tab=climate", "factor-library-link");
      await v.getByTestId("factor-library-link").click();
      await v.waitForURL(/\/emission-factors$/);
      await v.getByTestId("factor-table").locator("tbody tr.ant-table-row").first().waitFor();
      await v.getByTestId("factor-search").locator("input").fill("diesel");
      await v.getByTestId("factor-search").locator("input").press("Enter");
      await expect.poll(() => v.getByTestId("factor-table").locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBe(1);
      await expect(v.getByTestId("factor-table").innerText()).resolves.toMatch(/ipcc2006:gas-diesel-oil[\s\S]*Fuel combustion[\s\S]*CO2: 74,100 kg\/TJ[\s\S]*Shipped/);
      // Filters are in the URL: grid factors of 2022.
      await open(v, "/emission-factors?kind=grid&year=2022", "factor-table");
      await v.getByTestId("factor-table").getByText("cn-mee:grid:national:2022").waitFor();
      expect(await v.getByTestId("factor-add").count()).toBe(0);
      await v.getByTestId("sign-in-to-edit").waitFor();
      await v.getByTestId("lang-zh").click();
      await v.getByText("排放因子库").first().waitFor();
      await expect(v.getByTestId("sign-in-to-edit").innerText()).resolves.toBe("登录后编辑");

      const p = admin.page;
      await open(p, "/emission-factors", "factor-add");
      await p.getByTestId("factor-id").fill("chongqing:district-heat-2022");
      await p.getByTestId("factor-name-en").fill("District heat, Chongqing");
      await p.getByTestId("factor-value-0").fill("0.25");
      await p.getByTestId("factor-unit-0").fill("kWh");
      await p.getByTestId("factor-source").fill("Chongqing heat utility annual report 2022");
      await p.getByTestId("factor-save").click();
      await expect.poll(() => p.getByTestId("factor-problems").innerText(), { timeout: 15_000 }).toMatch(/gases\.0\.unit “kWh”: is not mass of gas per unit of activity/);
      await p.getByTestId("factor-unit-0").fill("kg/kWh");
      await p.getByTestId("factor-save").click();
      // Added: the list shows it alone (searched by its id), as a user's own, with its citation as source.
      await expect.poll(() => p.getByTestId("factor-table").locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBe(1);
      await expect(p.getByTestId("factor-table").innerText()).resolves.toMatch(/District heat, Chongqing[\s\S]*CO2: 0\.25 kg\/kWh[\s\S]*Chongqing heat utility annual report 2022[\s\S]*Added by users/);
      const stored = await api<{ source: string; builtin: boolean }>("GET", "/emission-factors/chongqing:district-heat-2022");
      expect(stored).toMatchObject({ builtin: false });
      expect(stored.source).toMatch(/^chongqing-heat-utility/);
    } finally {
      await admin.context.close();
      await visitor.context.close();
    }
  }, T);
});
