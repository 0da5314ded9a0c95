/**
 * Issue 6 (cooperations): a seeded IUC Asia cooperation with its members; a cooperation formed
 * through the API, moved proposed → agreed in the UI, a refused move with its reason, an action
 * with a KPI in the Action plan tab, and the page in 中文 — against the real, freshly seeded server.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chooseOption } from "./select";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
// a shared 2-core machine can be slow to render the first page: allow 40 s per step
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { pageTimeoutMs: 40_000 });
const T = 150_000;
const input = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function createCooperation(): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/cooperations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...server.authHeaders },
    body: JSON.stringify({
      programmeId: "iuc-asia",
      names: { en: "Zhengzhou – Prague test cooperation", zh: "郑州—布拉格测试合作" },
      themes: ["transport"],
      startDate: "2024-01-01",
      members: [{ slug: "zhengzhou-cn", role: "lead", side: "a" }, { slug: "prague-cz", role: "partner", side: "b" }],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("cooperations: members, status, action plan", () => {
  it("opens a seeded IUC Asia cooperation and sees its members, programme, history and sources", async () => {
    await page.goto(`${server.baseUrl}/cooperations/iuc-asia-chongqing-mannheim`);
    await expect(page.getByTestId("cooperation-title").innerText()).resolves.toMatch(/Chongqing – Mannheim/);
    await page.getByTestId("member-chongqing-cn").waitFor();
    await expect(page.getByTestId("member-mannheim-de").innerText()).resolves.toMatch(/Mannheim · Partner/);
    await expect(page.getByTestId("cooperation-status").innerText()).resolves.toBe("Active");
    await expect(page.getByTestId("cooperation-programme").getAttribute("href")).resolves.toBe("/programmes/iuc-asia");
    await expect(page.getByTestId("cooperation-history").innerText()).resolves.toMatch(/Active/);
    await expect(page.getByTestId("cooperation-sources").innerText()).resolves.toMatch(/iuc-asia\.eu/);
    await page.getByTestId("cooperation-map").locator("canvas").first().waitFor();
    await expect(page.getByTestId("cooperation-map").getAttribute("aria-label")).resolves.toMatch(/Chongqing, Mannheim/);
    await page.goto(`${server.baseUrl}/cooperations/no-such-cooperation`);
    await page.getByTestId("cooperation-not-found").waitFor();
  }, T);

  it("moves a new cooperation proposed → agreed, and refuses a move dated before the last one with the reason", async () => {
    const id = await createCooperation();
    await page.goto(`${server.baseUrl}/cooperations/${id}`);
    await expect(page.getByTestId("cooperation-status").innerText()).resolves.toBe("Proposed");
    await chooseOption(page, page.getByTestId("move-to"), "Agreed (MoU signed)");
    await input("move-date").fill("2030-05-01");
    await input("move-note").fill("MoU signed");
    await page.getByTestId("move-submit").click();
    await page.getByTestId("cooperation-status").filter({ hasText: "Agreed (MoU signed)" }).waitFor();
    await expect(page.getByTestId("cooperation-history").innerText()).resolves.toMatch(/Proposed → Agreed \(MoU signed\)[\s\S]*MoU signed/);

    await chooseOption(page, page.getByTestId("move-to"), /^Active$/, "Active");
    await input("move-date").fill("2030-04-01");
    await page.getByTestId("move-submit").click();
    await expect(page.getByTestId("move-refused").innerText()).resolves.toMatch(/before the previous status change on 2030-05-01/);

    // an illegal move through the API is refused with the reason in both languages
    const res = await fetch(`${server.baseUrl}/api/v1/cooperations/${id}/transitions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...server.authHeaders },
      body: JSON.stringify({ to: "completed", date: "2030-06-01", version: 2 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: { en: string; zh: string } }).reason.en).toBe("a cooperation cannot move from agreed to completed; allowed: active, discontinued");
  }, T);

  it("adds an action with a KPI in the Action plan tab and sees them listed, then switches to 中文", async () => {
    const id = await createCooperation();
    await page.goto(`${server.baseUrl}/cooperations/${id}?tab=plan`);
    await page.getByTestId("actions-empty").waitFor();
    await expect(page.getByTestId("plan-view").innerText()).resolves.toMatch(/Not yet reported/);
    await page.getByTestId("action-add").click();
    await input("action-title-en").fill("Electric bus pilot");
    await input("action-title-zh").fill("电动公交试点");
    await chooseOption(page, page.getByTestId("action-owner"), "Zhengzhou");
    await input("action-impact-value").fill("1200");
    await input("action-impact-unit").fill("tCO2e/yr");
    await page.getByTestId("action-save").click();
    await page.getByTestId("actions-table").getByTestId("action-title").filter({ hasText: "Electric bus pilot" }).waitFor();
    await expect(page.getByTestId("actions-table").innerText()).resolves.toMatch(/1,200 tCO2e\/yr/);

    await page.getByTestId("actions-table").locator(".ant-table-row-expand-icon").first().click();
    await page.locator("[data-testid^=kpi-add-]").first().click();
    await input("kpi-name-en").fill("Electric share of the bus fleet");
    await input("kpi-unit").fill("%");
    await input("kpi-baseline").fill("20");
    await input("kpi-target").fill("60");
    await input("kpi-target-year").fill("2030");
    await page.getByTestId("kpi-save").click();
    await page.getByTestId("kpi-name").filter({ hasText: "Electric share of the bus fleet" }).waitFor();

    await page.getByTestId("lang-zh").click();
    await expect(page.getByTestId("coop-tab-plan").innerText()).resolves.toBe("行动计划");
    await expect(page.getByTestId("cooperation-title").innerText()).resolves.toMatch(/郑州—布拉格测试合作/);
    await page.getByTestId("action-title").filter({ hasText: "电动公交试点" }).waitFor();
    await expect(page.getByTestId("cooperation-status").innerText()).resolves.toBe("提议");
  }, T);

  it("lists a city's cooperations with its role and partner cities on the city page", async () => {
    await page.goto(`${server.baseUrl}/cities/longyan-cn?tab=cooperations`);
    await page.getByTestId("city-cooperations").waitFor();
    const text = await page.getByTestId("city-cooperations").innerText();
    expect(text).toMatch(/Longyan – Mannheim – Prague/);
    expect(text).toMatch(/Lead/);
    expect(text).toMatch(/Prague/);
  }, T);

  it("shows what someone else saved to the action plan meanwhile, side by side, and takes theirs on request", async () => {
    const id = await createCooperation();
    await page.goto(`${server.baseUrl}/cooperations/${id}?tab=plan`);
    await page.getByTestId("plan-edit").click();
    await page.getByTestId("plan-keyFocus-en").fill("Bus rapid transit");
    // Another editor saves the plan first, through the API.
    const other = await fetch(`${server.baseUrl}/api/v1/cooperations/${id}/plan`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...server.authHeaders },
      body: JSON.stringify({ version: 0, sdgs: [11], urbanAgenda: [], keyFocus: { en: "Freight by rail", zh: null } }),
    });
    expect(other.status).toBe(200);
    await page.getByTestId("plan-save").click();
    const table = page.getByTestId("plan-conflict-table");
    await table.waitFor();
    await expect(table.innerText()).resolves.toMatch(/Bus rapid transit[\s\S]*Freight by rail/);
    await page.getByTestId("plan-use-theirs-keyFocus_en").click();
    await expect(page.getByTestId("plan-keyFocus-en").inputValue()).resolves.toBe("Freight by rail");
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-view").waitFor();
    await expect(page.getByTestId("plan-keyFocus").innerText()).resolves.toBe("Freight by rail");
  }, T);
});
