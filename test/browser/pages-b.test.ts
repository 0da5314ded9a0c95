/**
 * Issue 18 item 7, pages that were reachable only through the API: a readiness assessment started
 * from the pilot or action it belongs to; districts with a drawn boundary and a process closed
 * after a confirmation; a city's daily air data with CSV download; the emission factor library.
 * Each is seen by the administrator (who edits) and by a signed-out visitor (who sees no edit control).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, type Running, startServer } from "./server";

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

/** A fresh 1280×720 page, signed in as the administrator or signed out; closed by the caller. */
async function openPage(as: "admin" | "visitor"): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB" });
  if (as === "admin") {
    const r = await context.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, { data: server.admin });
    if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { page, context };
}

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
