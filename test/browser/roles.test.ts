/**
 * Issue 18 item 2 end to end: screens show each person only the actions their roles allow, read
 * from the server's own write policy (GET /api/v1/auth/permissions). A signed-out visitor finds no
 * edit control on a programme, a cooperation, a city and a district page (and "Sign in to edit" /
 * "登录后编辑" where an action exists), no moderation queue and no unmoderated statement, and the
 * History tab asks nothing; a city editor sees edit controls on their own city only.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { signedIn: false });
const T = 120_000;
const EDITOR = { email: "editor.chongqing@example.org", name: "Chen Jing", password: "correct horse battery staple" };
const COOP = "iuc-asia-chongqing-mannheim";

/** Test ids of edit controls: none may be on a page a signed-out visitor opens. */
const EDIT_CONTROLS = [
  "new-programme", "programme-edit", "new-call", "form-cooperation", "move-submit", "plan-edit", "action-add", "activity-form-card", "partner-form-card",
  "pilot-form-card", "inventory-new", "inventory-status-button", "inventory-import", "inventory-save", "target-new", "target-delete", "air-upload", "new-district",
  "process-create", "process-status-toggle", "moderation-queue", "import-upload", "pairing-solve", "pairing-propose",
].map((id) => `[data-testid="${id}"]`)
  // "Assess readiness" on a pilot project or an action: readiness-{pilot|action}-{id}-assess.
  .concat('[data-testid^="readiness-"][data-testid$="-assess"]')
  .join(", ");

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A district of Chongqing with a process, one accepted and one pending statement (created once). */
let vision: Promise<{ district: string; process: string }> | null = null;
function chongqingVision(): Promise<{ district: string; process: string }> {
  vision ??= (async () => {
    const district = await api<{ id: string }>("POST", "/cities/chongqing-cn/districts", { names: { en: "Yuzhong", zh: "渝中区" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "What should Yuzhong riverside be like?", zh: "渝中滨江应当是什么样？" }, startsOn: "2026-03-01" });
    const anon = (path: string, body: unknown) => fetch(`${server.baseUrl}/api/v1${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ id: string; token: string }>);
    const { token } = await anon(`/vision-processes/${proc.id}/participants`, { name: "王芳", group: "residents" });
    const accepted = await anon(`/vision-processes/${proc.id}/statements`, { token, text: "沿江多种树，增加遮荫", language: "zh", aspect: "physical", kind: "wish" });
    await anon(`/vision-processes/${proc.id}/statements`, { token, text: "A pending wish nobody moderated", language: "en", aspect: "physical", kind: "wish" });
    await api("POST", `/vision-statements/${accepted.id}/moderation`, { status: "accepted", version: 1 });
    return { district: district.id, process: proc.id };
  })();
  return vision;
}

/** Opens a page and waits until it has loaded and every permission check has been answered. */
async function open(path: string, ready: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
}

async function editControls(): Promise<string[]> {
  return page.locator(EDIT_CONTROLS).evaluateAll((els) => els.map((e) => e.getAttribute("data-testid") ?? ""));
}

describe("role-aware screens", () => {
  it("shows a signed-out visitor no edit control on programme, cooperation, city and district pages, with 'Sign in to edit' where an action exists", async () => {
    const history: string[] = [];
    page.on("request", (r) => { if (r.url().includes("/api/v1/history/")) history.push(r.url()); });
    const v = await chongqingVision();
    const visits: [string, string][] = [
      ["/programmes", "programme-list"],
      ["/programmes/iuc-asia", "programme-overview"],
      ["/programmes/iuc-asia?tab=call", "call-tab"],
      ["/programmes/iuc-asia?tab=cooperations", "programme-page"],
      ["/programmes/iuc-asia?tab=pairing", "pairing-formed"],
      ["/programmes/iuc-asia?tab=history", "history-sign-in"],
      [`/cooperations/${COOP}`, "coop-tab-overview"],
      [`/cooperations/${COOP}?tab=plan`, "coop-tab-plan"],
      [`/cooperations/${COOP}?tab=activities`, "activities-tab"],
      [`/cooperations/${COOP}?tab=partners`, "partners-tab"],
      [`/cooperations/${COOP}?tab=pilots`, "pilots-tab"],
      [`/cooperations/${COOP}?tab=history`, "history-sign-in"],
      ["/cities/chongqing-cn?tab=climate", "climate-tab"],
      ["/cities/chongqing-cn?tab=climate&view=pathway", "climate-tab"],
      ["/cities/chongqing-cn?tab=air", "tab-air"],
      ["/cities/chongqing-cn?tab=districts", "districts-tab"],
      [`/cities/chongqing-cn/districts/${v.district}?process=${v.process}`, "accepted-statements"],
      ["/import", "import-help"],
    ];
    const found: string[] = [];
    for (const [path, ready] of visits) {
      await open(path, ready);
      for (const id of await editControls()) found.push(`${path}: ${id}`);
    }
    expect(found).toEqual([]);
    // The History tab says "sign in" without asking the server.
    expect(history).toEqual([]);

    // Where an action exists, the way to it: "Sign in to edit", back to this page.
    await open("/programmes/iuc-asia?tab=call", "call-tab");
    const hint = page.getByTestId("sign-in-to-edit").first();
    await expect(hint.innerText()).resolves.toBe("Sign in to edit");
    expect(await hint.locator("a").getAttribute("href")).toBe("/sign-in?next=%2Fprogrammes%2Fiuc-asia%3Ftab%3Dcall");
    await open(`/cooperations/${COOP}?tab=plan`, "coop-tab-plan");
    await page.getByTestId("sign-in-to-edit").first().waitFor();
    await open("/cities/chongqing-cn?tab=air", "air-upload-sign-in");

    // A resident sees the accepted statement, neither the moderation queue nor the unmoderated one.
    await open(`/cities/chongqing-cn/districts/${v.district}?process=${v.process}`, "accepted-statements");
    await expect(page.getByTestId("accepted-statements").innerText()).resolves.toMatch(/沿江多种树/);
    await expect(page.locator("body").innerText()).resolves.not.toMatch(/A pending wish nobody moderated/);
    expect(await page.getByTestId("moderation-queue").count()).toBe(0);

    // 中文.
    await open("/programmes", "programme-list");
    await page.getByTestId("lang-zh").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await expect(page.getByTestId("sign-in-to-edit").first().innerText()).resolves.toBe("登录后编辑");
    await open(`/cooperations/${COOP}?tab=plan`, "coop-tab-plan");
    await expect(page.getByTestId("sign-in-to-edit").first().innerText()).resolves.toBe("登录后编辑");
    expect(await editControls()).toEqual([]);
  }, 240_000);

  it("shows a city editor the edit controls of their own city only", async () => {
    const v = await chongqingVision();
    const user = await api<{ id: string }>("POST", "/users", { ...EDITOR, isAdmin: false });
    await api("POST", `/users/${user.id}/roles`, { role: "city_editor", scope: "chongqing-cn" });
    const r = await page.context().request.post(`${server.baseUrl}/api/v1/auth/sign-in`, { data: { email: EDITOR.email, password: EDITOR.password } });
    expect(r.ok()).toBe(true);

    // Their city: climate, air, districts, the district's moderation queue with the pending statement.
    await open("/cities/chongqing-cn?tab=climate", "inventory-new");
    await open("/cities/chongqing-cn?tab=climate&view=pathway", "target-new");
    await page.getByTestId("actions-card").getByTestId("action-add").waitFor();
    await open("/cities/chongqing-cn?tab=air", "air-upload");
    await open("/cities/chongqing-cn?tab=districts", "new-district");
    await open(`/cities/chongqing-cn/districts/${v.district}?process=${v.process}`, "moderation-queue");
    await expect(page.getByTestId("moderation-queue").innerText()).resolves.toMatch(/A pending wish nobody moderated/);
    // Chongqing is a member of the cooperation: its editor adds actions, the status stays the programme managers'.
    await open(`/cooperations/${COOP}?tab=plan`, "action-add");
    expect(await page.getByTestId("move-submit").count()).toBe(0);
    // …and starts the readiness assessment of the cooperation's pilot projects.
    await open(`/cooperations/${COOP}?tab=pilots`, "pilots-tab");
    await page.locator('[data-testid^="readiness-pilot-"][data-testid$="-assess"]').first().waitFor({ timeout: 30_000 });

    // Another city: nothing to edit, and no "Sign in" hint (they are signed in).
    for (const [path, ready] of [["/cities/shanghai-cn?tab=climate", "climate-tab"], ["/cities/shanghai-cn?tab=climate&view=pathway", "climate-tab"], ["/cities/shanghai-cn?tab=air", "tab-air"], ["/cities/shanghai-cn?tab=districts", "districts-tab"]] as const) {
      await open(path, ready);
      expect(await editControls(), path).toEqual([]);
      expect(await page.getByTestId("sign-in-to-edit").count(), path).toBe(0);
    }
    // Programmes are the administrators' and managers'.
    await open("/programmes/iuc-asia?tab=call", "call-tab");
    expect(await editControls()).toEqual([]);
  }, T);
});
