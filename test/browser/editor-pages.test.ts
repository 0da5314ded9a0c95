/**
 * Issue 18.7 end to end: the practice library's editor tools in the UI. As an administrator (the
 * role the server lets write practices): add a practice, edit it, meet a stale edit (409 — someone
 * saved first), import a file with one bad record (every problem listed, nothing written), import
 * the corrected file, export the library. A signed-out visitor sees none of these controls.
 * The climate inventory editor shows a visitor the activity data as text, not disabled fields.
 */
import { readFileSync } from "node:fs";
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
const T = 180_000;
const ID = "oslo-electric-ferries-ui-test";
const SOURCE = "https://www.example.org/oslo-ferries-report";

async function apiGet(path: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1${path}`, { headers: { accept: "application/json" } });
}

/** Opens a page and waits until it has loaded and its permission checks have been answered. */
async function open(path: string, ready: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
}

const record = (id: string, themes: string[]) => ({
  id, title_en: `Imported practice ${id}`, title_zh: "导入的实践", city: "Oslo", country: "NO", themes,
  summary_en: "A practice imported from a file.", summary_zh: "从文件导入的实践。",
  measures: ["Electric ferries"], sources: [{ title: "Test source", url: SOURCE, publisher: "Example", year: 2024 }],
  outcomes: [{ metric: "CO2 from ferries", value: 95, unit: "% reduction", baseline: null, year: 2023, note: null, source_url: SOURCE, indicator: null, kind: "measured" }],
});

describe("practices: add, edit, import and export in the UI (issue 18.7)", () => {
  it("adds a practice with both languages, a measure, a source and an outcome, and opens its page", async () => {
    await open("/practices", "practice-tools");
    await page.getByTestId("practice-new").click();
    const form = page.getByTestId("practice-form");
    await form.waitFor();
    await page.getByTestId("practice-title-en").fill("Oslo electric ferries UI test");
    // the id follows the English title until it is typed
    await expect.poll(() => page.getByTestId("practice-id").inputValue()).toBe("oslo-electric-ferries-ui-test");
    await page.getByTestId("practice-title-zh").fill("奥斯陆电动渡轮");
    await page.getByTestId("practice-summary-en").fill("Oslo replaced its diesel ferries with battery-electric ones.");
    await page.getByTestId("practice-summary-zh").fill("奥斯陆以纯电动渡轮取代柴油渡轮。");
    await page.getByTestId("practice-city").fill("Oslo");
    await page.getByTestId("practice-country").fill("NO");
    await chooseOption(page, page.getByTestId("practice-themes"), "Transport");
    await page.getByTestId("practice-start-year").fill("2019");
    await page.getByTestId("practice-measure-0").fill("Battery-electric ferries on the inner fjord routes");
    await page.getByTestId("practice-source-title-0").fill("Ruter annual report");
    await page.getByTestId("practice-source-url-0").fill(SOURCE);
    await page.getByTestId("practice-source-publisher-0").fill("Ruter");
    await page.getByTestId("practice-add-outcome").click();
    await page.getByTestId("practice-outcome-metric-0").fill("CO2 from ferries");
    await page.getByTestId("practice-outcome-value-0").fill("95");
    await page.getByTestId("practice-outcome-unit-0").fill("% reduction");
    await page.getByTestId("practice-outcome-year-0").fill("2023");
    // the outcome's source defaults to the first source of the practice
    await page.getByTestId("practice-outcome-source-0").filter({ hasText: SOURCE }).waitFor();
    await page.getByTestId("practice-form-submit").click();
    await page.waitForURL(new RegExp(`/practices/${ID}$`), { timeout: 30_000 });
    await expect(page.getByTestId("practice-title").innerText()).resolves.toBe("Oslo electric ferries UI test");
    await expect(page.getByTestId("practice-outcomes").innerText()).resolves.toMatch(/% reduction/);
    await expect(page.getByTestId("practice-sources").innerText()).resolves.toMatch(/Ruter annual report/);
    const stored = (await (await apiGet(`/practices/${ID}`)).json()) as { title: { zh: string }; summary: { zh: string }; themes: string[]; outcomes: { value: number; source: { url: string } }[] };
    expect(stored.title.zh).toBe("奥斯陆电动渡轮");
    expect(stored.summary.zh).toBe("奥斯陆以纯电动渡轮取代柴油渡轮。");
    expect(stored.themes).toEqual(["transport"]);
    expect(stored.outcomes.map((o) => [o.value, o.source.url])).toEqual([[95, SOURCE]]);
  }, T);

  it("edits it, and a stale edit (someone saved first) is refused with a clear notice and their version to load", async () => {
    await open(`/practices/${ID}`, "practice-edit");
    await page.getByTestId("practice-edit").click();
    await expect.poll(() => page.getByTestId("practice-summary-en").inputValue()).toMatch(/diesel ferries/);
    await page.getByTestId("practice-outcome-baseline-0").fill("100");
    await page.getByTestId("practice-form-submit").click();
    await page.getByTestId("practice-form").waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(async () => ((await (await apiGet(`/practices/${ID}`)).json()) as { outcomes: { baseline: number | null }[] }).outcomes[0]?.baseline).toBe(100);

    // Open the editor, then someone else saves a change (with the ETag they read) before we save ours.
    await page.getByTestId("practice-edit").click();
    await expect.poll(() => page.getByTestId("practice-outcome-baseline-0").inputValue()).toBe("100");
    const current = await apiGet(`/practices/${ID}`);
    const body = (await current.json()) as Record<string, unknown>;
    const theirs = { ...record(ID, ["transport"]), title_en: "Oslo electric ferries UI test", summary_en: "Changed by a colleague." };
    const put = await fetch(`${server.baseUrl}/api/v1/practices/${ID}`, {
      method: "PUT", headers: { "content-type": "application/json", "if-match": current.headers.get("etag")!, ...server.authHeaders }, body: JSON.stringify(theirs),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(body.updatedAt).not.toBe(((await put.json()) as { updatedAt: string }).updatedAt);
    await page.getByTestId("practice-title-zh").fill("奥斯陆电动渡轮（修订）");
    await page.getByTestId("practice-form-submit").click();
    await page.getByTestId("practice-conflict").waitFor();
    await expect(page.getByTestId("practice-conflict").innerText()).resolves.toMatch(/Someone else saved this practice/);
    // nothing of ours was written
    const after = (await (await apiGet(`/practices/${ID}`)).json()) as { title: { zh: string }; summary: { en: string } };
    expect(after).toMatchObject({ title: { zh: "导入的实践" }, summary: { en: "Changed by a colleague." } });
    // load their version, apply ours again, save
    await page.getByTestId("practice-load-theirs").click();
    await expect.poll(() => page.getByTestId("practice-summary-en").inputValue()).toBe("Changed by a colleague.");
    await page.getByTestId("practice-title-zh").fill("奥斯陆电动渡轮（修订）");
    await page.getByTestId("practice-form-submit").click();
    await page.getByTestId("practice-form").waitFor({ state: "detached", timeout: 30_000 });
    const merged = (await (await apiGet(`/practices/${ID}`)).json()) as { title: { zh: string }; summary: { en: string } };
    expect(merged).toMatchObject({ title: { zh: "奥斯陆电动渡轮（修订）" }, summary: { en: "Changed by a colleague." } });
  }, T);

  it("imports a file with one bad record: every problem listed by row, field and value, nothing written; then the corrected file", async () => {
    await open("/practices", "practice-import");
    const input = page.getByTestId("practice-import").locator("input[type=file]");
    const bad = [record("imported-ui-one", ["transport"]), record("imported-ui-two", ["bikes"])];
    await input.setInputFiles({ name: "practices-bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const problems = page.getByTestId("practice-import-problems");
    await problems.waitFor();
    await expect(page.getByTestId("practice-import-failed").innerText()).resolves.toMatch(/Nothing was imported from practices-bad\.json/);
    const cells = await problems.locator("tr.ant-table-row").first().locator("td").allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(["2", "themes.0", "bikes"]);
    expect(cells[3]).not.toBe("");
    expect((await apiGet("/practices/imported-ui-one")).status).toBe(404);

    const good = [record("imported-ui-one", ["transport"]), record("imported-ui-two", ["energy"])];
    await input.setInputFiles({ name: "practices-good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    await page.getByTestId("practice-import-result").waitFor();
    await expect(page.getByTestId("practice-import-result").innerText()).resolves.toMatch(/2 practices imported from practices-good\.json: 2 new, 0 replaced/);
    await expect(page.getByTestId("practice-import-problems").count()).resolves.toBe(0);
    expect((await apiGet("/practices/imported-ui-two")).status).toBe(200);
  }, T);

  it("exports the library as JSON with the practices added and imported", async () => {
    await open("/practices", "practice-export-json");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("practice-export-json").click()]);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, "utf8")) as { id: string; title_zh: string | null }[];
    expect(exported.find((p) => p.id === ID)?.title_zh).toBe("奥斯陆电动渡轮（修订）");
    expect(exported.map((p) => p.id)).toEqual(expect.arrayContaining(["imported-ui-one", "imported-ui-two", "stockholm-congestion-tax"]));
  }, T);

  it("shows a signed-out visitor none of these controls, only 'Sign in to edit'", async () => {
    await page.context().clearCookies();
    await open("/practices", "practice-results");
    await page.getByTestId("sign-in-to-edit").waitFor();
    await expect(page.locator('[data-testid="practice-tools"], [data-testid="practice-new"], [data-testid="practice-import"]').count()).resolves.toBe(0);
    await open(`/practices/${ID}`, "practice-page");
    await page.getByTestId("sign-in-to-edit").waitFor();
    await expect(page.getByTestId("practice-edit").count()).resolves.toBe(0);
  }, T);
});

describe("climate inventory: a visitor gets a read-only view, not disabled fields (issue 18.7)", () => {
  it("shows an editor the fields and a signed-out visitor the same activity data as text", async () => {
    const created = await fetch(`${server.baseUrl}/api/v1/cities/prague-cz/inventories`, {
      method: "POST", headers: { "content-type": "application/json", ...server.authHeaders },
      body: JSON.stringify({ year: 2020, activities: [{ gpc: "I.1.1", amount: 1000, unit: "TJ", factor: "ipcc2006:natural-gas", description: "Gas boilers" }] }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    await open("/cities/prague-cz?tab=climate", "editor-table-I");
    await page.getByTestId("activity-0-amount").waitFor();
    await expect(page.getByTestId("inventory-save").count()).resolves.toBe(1);

    await page.context().clearCookies();
    await open("/cities/prague-cz?tab=climate", "editor-table-I");
    await page.getByTestId("activity-0-text").waitFor();
    await expect(page.getByTestId("activity-0-text").innerText()).resolves.toBe("1,000 TJ · ipcc2006:natural-gas");
    await expect(page.getByTestId("editor-table-I").innerText()).resolves.toMatch(/Gas boilers/);
    const editor = page.getByTestId("inventory-editor");
    await expect(editor.locator("input, textarea, .ant-select, button:disabled, [aria-disabled=true]").count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="inventory-save"], [data-testid="editor-add-I"], [data-testid="activity-0-amount"]').count()).resolves.toBe(0);
  }, T);
});
