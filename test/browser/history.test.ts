/**
 * Issue 18.6: a History tab reads as a diff for people — field labels in the page's language,
 * values formatted (dates, lists, codes in words), only the fields a write changed, who and when in
 * local time — not raw rows (`programme_id`, `themes_json []`, ISO timestamps). A programme is
 * created and changed through the API; its History tab is read in English, then in 中文.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
});
const T = 60_000;
let programmeId = "";

async function api(method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  const created = await api("POST", "/programmes", {
    names: { en: "History twinning", zh: "历史结对项目" },
    startDate: "2026-01-01",
    endDate: "2028-12-31",
    themes: ["transport"],
    sides: [
      { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES"] },
      { key: "b", names: { en: "China", zh: "中国" }, countries: ["CN"] },
    ],
    eligibility: { minPopulation: 200000 },
  });
  programmeId = String(created.id);
  await api("PATCH", `/programmes/${encodeURIComponent(programmeId)}`, { themes: ["transport", "air"], endDate: "2029-06-30", eligibility: { minPopulation: 250000 }, version: created.version });
}, T);

/** The newest entry first: the update. */
async function openHistory(): Promise<{ update: string; create: string }> {
  const list = page.getByTestId("history-list");
  await list.waitFor({ timeout: 30_000 });
  const entries = list.locator("[data-testid^=history-entry-]");
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBe(2);
  return { update: await entries.nth(0).innerText(), create: await entries.nth(1).innerText() };
}

describe("history: a readable diff of a record's changes", () => {
  it("shows the programme's changes with labels, formatted values and only what changed, in English", async () => {
    await page.goto(`${server.baseUrl}/programmes/${encodeURIComponent(programmeId)}?tab=history`);
    const { update, create } = await openHistory();
    // the update: only its three fields, old → new, labelled and formatted
    const changes = page.getByTestId("history-list").locator("[data-testid^=history-entry-]").first();
    await expect(changes.locator("[data-testid^=change-]").count()).resolves.toBe(3);
    await expect(changes.getByTestId("change-themes_json").innerText()).resolves.toMatch(/Themes\s+Transport\s+Transport, Air quality/);
    await expect(changes.getByTestId("change-end_date").innerText()).resolves.toMatch(/End date\s+31 Dec 2028\s+30 Jun 2029/);
    await expect(changes.getByTestId("change-eligibility_json").innerText()).resolves.toMatch(/Eligibility\s+Minimum population: 200,000\s+Minimum population: 250,000/);
    expect(update).toMatch(/Updated/);
    expect(update).toContain(server.admin.email);
    // who and when: the time in the reader's zone (the browser's, UTC here), named
    await expect(changes.getByTestId("history-when").innerText()).resolves.toMatch(/^\d{1,2} [A-Z][a-z]{2} 20\d\d, \d\d:\d\d \S+/);
    // the create: every field that was set, in words; no raw column, id, JSON or ISO timestamp anywhere
    expect(create).toMatch(/Created/);
    expect(create).toMatch(/Name \(English\)\s+—\s+History twinning/);
    expect(create).toMatch(/Sides\s+—\s+EU \(Countries: Germany, Spain\); China \(Countries: China\)/);
    for (const text of [update, create]) {
      expect(text).not.toMatch(/_json|programme_id|created_at|version|\[\]|\d{4}-\d\d-\d\dT/);
    }
  }, T);

  it("shows a linked record by its name, with its id as the tooltip, in both languages", async () => {
    const coop = await api("POST", "/cooperations", {
      programmeId, names: { en: "History pair", zh: "历史结对" }, members: [{ slug: "chongqing-cn", role: "lead" }, { slug: "malaga-es", role: "partner" }],
    });
    await page.goto(`${server.baseUrl}/cooperations/${encodeURIComponent(String(coop.id))}?tab=history`);
    const list = page.getByTestId("history-list");
    await list.waitFor({ timeout: 30_000 });
    const row = list.locator("[data-testid^=history-entry-]").first().getByTestId("change-programme_id");
    const link = row.getByTestId("history-link");
    await expect.poll(() => link.innerText(), { timeout: 20_000 }).toBe("History twinning");
    expect(await link.getAttribute("href")).toBe(`/programmes/${encodeURIComponent(programmeId)}`);
    expect(await link.getAttribute("title")).toBe(`Id: ${programmeId}`);
    await expect(row.innerText()).resolves.not.toContain(programmeId);
    await page.getByTestId("lang-zh").click();
    await expect.poll(() => link.innerText(), { timeout: 20_000 }).toBe("历史结对项目");
    expect(await link.getAttribute("title")).toBe(`标识：${programmeId}`);
    await page.getByTestId("lang-en").click();
    await expect.poll(() => page.locator("html").getAttribute("lang"), { timeout: 20_000 }).toMatch(/^en/);
  }, T);

  it("shows the same history in 中文", async () => {
    await page.goto(`${server.baseUrl}/programmes/${encodeURIComponent(programmeId)}?tab=history`);
    await openHistory();
    await page.getByTestId("lang-zh").click();
    const changes = page.getByTestId("history-list").locator("[data-testid^=history-entry-]").first();
    await expect.poll(() => changes.getByTestId("change-themes_json").innerText(), { timeout: 15_000 }).toMatch(/主题\s+交通\s+交通、空气质量/);
    await expect(changes.getByTestId("change-end_date").innerText()).resolves.toMatch(/结束日期\s+2028年12月31日\s+2029年6月30日/);
    await expect(changes.getByTestId("change-eligibility_json").innerText()).resolves.toMatch(/申请资格\s+最低人口：200,000\s+最低人口：250,000/);
    await expect(changes.getByTestId("history-when").innerText()).resolves.toMatch(/^20\d\d年\d{1,2}月\d{1,2}日/);
    const create = await page.getByTestId("history-list").locator("[data-testid^=history-entry-]").nth(1).innerText();
    expect(create).toMatch(/名称（英文）\s+—\s+History twinning/);
    expect(create).toMatch(/名称（中文）\s+—\s+历史结对项目/);
    expect(create).toMatch(/合作双方\s+—\s+欧盟（国家：德国、西班牙）；中国（国家：中国）/);
  }, T);
});
