/**
 * Issue 18 item 8: lists paged by the server. A programme's and a city's cooperations (seeded through the API)
 * are paged through with the keyboard and the mouse, the page is in the address (a reload and Back
 * keep it), the range reads in English and Chinese; the audit trail pages the same way; a
 * cooperation page asks for the readiness assessments of all its actions in one request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage as openPageAs, type Running, startServer } from "./server";

let server: Running;
let browser: Browser;
const T = 240_000;
const N = 23;
let programmeId = "";
/** The cooperations of the programme in the API's order. */
let order: { id: string; names: { en: string } }[] = [];

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  programmeId = (await api<{ id: string }>("POST", "/programmes", {
    names: { en: "Paging test programme", zh: "分页测试合作项目" },
    startDate: "2026-01-01",
    themes: ["air"],
    sides: [{ key: "a", names: { en: "EU" }, countries: ["DE", "CZ"] }, { key: "b", names: { en: "China" }, countries: ["CN"] }],
  })).id;
  for (let i = 0; i < N; i++) {
    await api("POST", "/cooperations", {
      programmeId,
      names: { en: `Paged pair ${String(i).padStart(2, "0")}` },
      members: [{ slug: i % 2 ? "mannheim-de" : "prague-cz", role: "lead" }, { slug: "chongqing-cn", role: "partner" }],
    });
  }
  order = (await api<{ cooperations: { id: string; names: { en: string } }[] }>("GET", `/cooperations?programme=${programmeId}&limit=500`)).cooperations;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const openPage = (as: "admin" | "visitor") => openPageAs(browser, server, as, 30_000);

/** The row of the `i`-th cooperation in the API's order. */
const row = (page: Page, i: number) => page.getByTestId(`cooperation-${order[i]!.id}`);

describe("a programme's cooperations, paged by the server", () => {
  it("pages with the keyboard and the mouse; the page is in the address, survives a reload and Back, in English and Chinese", async () => {
    expect(order).toHaveLength(N);
    const { page, context } = await openPage("visitor");
    try {
      const seen: string[] = [];
      page.on("request", (r) => { if (r.url().includes("/api/v1/cooperations?")) seen.push(r.url()); });
      await page.goto(`${server.baseUrl}/programmes/${programmeId}?tab=cooperations`);
      const range = page.getByTestId("programme-cooperations-range");
      await range.filter({ hasText: `1–10 of ${N}` }).waitFor();
      await row(page, 0).waitFor();
      await row(page, 9).waitFor();
      expect(await page.getByTestId("programme-cooperations-table").locator("tbody tr[data-testid^='cooperation-']").count()).toBe(10);
      // The browser asked the API for one page, not for the whole list.
      expect(seen.some((u) => /[?&]limit=10(&|$)/.test(u) && /[?&]offset=0(&|$)/.test(u))).toBe(true);

      // Keyboard: focus page 2, wait until it has the focus, then Enter.
      const pager = page.getByTestId("programme-cooperations").locator(".ant-pagination");
      const two = pager.locator("li.ant-pagination-item-2");
      await two.focus();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("title")), { timeout: 20_000 }).toBe("2");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("cpage") === "2");
      await range.filter({ hasText: `11–20 of ${N}` }).waitFor();
      await row(page, 10).waitFor();
      await row(page, 19).waitFor();
      expect(await row(page, 0).count()).toBe(0);

      // A link to page 2 opens page 2.
      await page.reload();
      await range.filter({ hasText: `11–20 of ${N}` }).waitFor();
      await row(page, 10).waitFor();

      // The mouse: the next-page button to the last page, which has the rest.
      await pager.locator("li.ant-pagination-next button").click();
      await page.waitForURL((u) => u.searchParams.get("cpage") === "3");
      await range.filter({ hasText: `21–${N} of ${N}` }).waitFor();
      await row(page, N - 1).waitFor();
      expect(await page.getByTestId("programme-cooperations-table").locator("tbody tr[data-testid^='cooperation-']").count()).toBe(N - 20);

      // Back returns to page 2.
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get("cpage") === "2");
      await range.filter({ hasText: `11–20 of ${N}` }).waitFor();

      // 中文: the range and the column titles.
      await page.getByTestId("lang-zh").click();
      await range.filter({ hasText: `第 11–20 项，共 ${N} 项` }).waitFor();
      await page.getByTestId("programme-cooperations-table").getByRole("columnheader", { name: "成员城市" }).waitFor();
      await expect(pager.getAttribute("aria-label")).resolves.toBe("本合作项目的城市合作的分页");
      // A row links to its cooperation.
      await page.getByTestId(`cooperation-link-${order[10]!.id}`).click();
      await page.waitForURL(new RegExp(`/cooperations/${order[10]!.id}$`));
    } finally {
      await context.close();
    }
  }, T);
});

describe("tabs keep their own page in the address", () => {
  it("a programme's cooperations page survives a switch to another tab and back; the pairing board's set-up too", async () => {
    const { page, context } = await openPage("visitor");
    try {
      await page.goto(`${server.baseUrl}/programmes/${programmeId}?tab=cooperations&cpage=2&k=2`);
      const range = page.getByTestId("programme-cooperations-range");
      await range.filter({ hasText: `11–20 of ${N}` }).waitFor();
      await page.getByTestId("tab-overview").click();
      await page.waitForURL((u) => !u.searchParams.has("tab") && u.searchParams.get("cpage") === "2" && u.searchParams.get("k") === "2");
      await page.getByTestId("tab-history").click();
      await page.waitForURL((u) => u.searchParams.get("tab") === "history" && u.searchParams.get("cpage") === "2");
      await page.getByTestId("tab-cooperations").click();
      await page.waitForURL((u) => u.searchParams.get("tab") === "cooperations" && u.searchParams.get("cpage") === "2");
      await range.filter({ hasText: `11–20 of ${N}` }).waitFor();
      await row(page, 10).waitFor();
    } finally {
      await context.close();
    }
  }, T);

  it("a city's cooperations page survives a switch to another tab and back, another tab's parameter does not follow", async () => {
    const total = (await api<{ total: number }>("GET", "/cooperations?city=mannheim-de&limit=1")).total;
    const { page, context } = await openPage("visitor");
    try {
      await page.goto(`${server.baseUrl}/cities/mannheim-de?tab=cooperations&cpage=2&year=2019`);
      const range = page.getByTestId("city-cooperations-range");
      await range.filter({ hasText: `11–${total} of ${total}` }).waitFor();
      await page.getByTestId("tab-overview").click();
      // The page is kept; `year` (the Air and the Climate tab read it, each with its own meaning) is not.
      await page.waitForURL((u) => !u.searchParams.has("tab") && u.searchParams.get("cpage") === "2" && !u.searchParams.has("year"));
      await page.getByTestId("tab-cooperations").click();
      await page.waitForURL((u) => u.searchParams.get("tab") === "cooperations" && u.searchParams.get("cpage") === "2");
      await range.filter({ hasText: `11–${total} of ${total}` }).waitFor();
    } finally {
      await context.close();
    }
  }, T);
});

describe("a city's cooperations, paged by the server", () => {
  it("shows 10 a page, the page in the address as ?cpage=, kept by a reload and Back, the range in English and Chinese", async () => {
    // Mannheim leads 11 of the programme's pairs and is a member of the seeded IUC cooperations.
    const city = (await api<{ cooperations: { id: string }[]; total: number }>("GET", "/cooperations?city=mannheim-de&limit=500"));
    const total = city.total;
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThanOrEqual(20);
    const cityRow = (page: Page, i: number) => page.getByTestId(`city-cooperation-${city.cooperations[i]!.id}`);
    const { page, context } = await openPage("visitor");
    try {
      const seen: string[] = [];
      page.on("request", (r) => { if (r.url().includes("/api/v1/cooperations?")) seen.push(r.url()); });
      await page.goto(`${server.baseUrl}/cities/mannheim-de?tab=cooperations`);
      const range = page.getByTestId("city-cooperations-range");
      await range.filter({ hasText: `1–10 of ${total}` }).waitFor();
      await cityRow(page, 0).waitFor();
      await cityRow(page, 9).waitFor();
      expect(await page.getByTestId("city-cooperations").locator("tbody tr[data-testid^='city-cooperation-']").count()).toBe(10);
      expect(seen.some((u) => /[?&]city=mannheim-de(&|$)/.test(u) && /[?&]limit=10(&|$)/.test(u) && /[?&]offset=0(&|$)/.test(u))).toBe(true);

      const pager = page.getByTestId("city-cooperations-paged").locator(".ant-pagination");
      await pager.locator("li.ant-pagination-item-2").click();
      await page.waitForURL((u) => u.searchParams.get("cpage") === "2" && u.searchParams.get("tab") === "cooperations");
      await range.filter({ hasText: `11–${total} of ${total}` }).waitFor();
      await cityRow(page, 10).waitFor();
      expect(await cityRow(page, 0).count()).toBe(0);
      expect(await page.getByTestId("city-cooperations").locator("tbody tr[data-testid^='city-cooperation-']").count()).toBe(total - 10);
      expect(seen.some((u) => /[?&]city=mannheim-de(&|$)/.test(u) && /[?&]offset=10(&|$)/.test(u))).toBe(true);

      // A link to page 2 opens page 2; Back returns to page 1.
      await page.reload();
      await range.filter({ hasText: `11–${total} of ${total}` }).waitFor();
      await cityRow(page, 10).waitFor();
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has("cpage") && u.searchParams.get("tab") === "cooperations");
      await range.filter({ hasText: `1–10 of ${total}` }).waitFor();
      await cityRow(page, 0).waitFor();

      await page.getByTestId("lang-zh").click();
      await range.filter({ hasText: `第 1–10 项，共 ${total} 项` }).waitFor();
      await expect(pager.getAttribute("aria-label")).resolves.toBe("城市合作的分页");
    } finally {
      await context.close();
    }
  }, T);
});

describe("the practice library, paged by the server", () => {
  it("shows 20 practices a page, page 2 in the address, and a new search starts at page 1", async () => {
    const total = (await api<{ total: number }>("GET", "/practices?limit=1")).total;
    expect(total).toBeGreaterThan(20);
    const second = (await api<{ results: { id: string }[] }>("GET", "/practices?limit=20&offset=20&lang=en")).results;
    const { page, context } = await openPage("visitor");
    try {
      await page.goto(`${server.baseUrl}/practices`);
      const range = page.getByTestId("practice-range");
      await range.filter({ hasText: `1–20 of ${total}` }).waitFor();
      const two = page.getByTestId("practice-pages").locator("li.ant-pagination-item-2");
      await two.focus();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("title")), { timeout: 20_000 }).toBe("2");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("page") === "2");
      await range.filter({ hasText: `21–${Math.min(40, total)} of ${total}` }).waitFor();
      await page.getByTestId(`practice-result-${second[0]!.id}`).waitFor();
      await page.reload();
      await page.getByTestId(`practice-result-${second[0]!.id}`).waitFor();
      // A search goes back to its first page.
      await page.getByTestId("practice-search-input").fill("congestion");
      await page.getByTestId("practice-search-button").click();
      await page.waitForURL((u) => u.searchParams.get("q") === "congestion" && !u.searchParams.has("page"));
      await page.getByTestId("practice-result-london-congestion-charge").waitFor();
    } finally {
      await context.close();
    }
  }, T);
});

describe("the audit trail, paged by the server", () => {
  it("shows numbered pages of 50, newest first, with the total, the page in the address", async () => {
    // More audited writes: 30 cooperations of no programme, so the trail has more than one page of 50.
    for (let i = 0; i < 30; i++) await api("POST", "/cooperations", { names: { en: `Audit filler ${i}` }, members: [{ slug: "prague-cz", role: "lead" }, { slug: "chongqing-cn", role: "partner" }] });
    const { page, context } = await openPage("admin");
    try {
      const first = (await api<{ entries: { seq: number }[] }>("GET", "/audit?limit=100&order=desc")).entries;
      const all = (await api<{ total: number }>("GET", "/audit?limit=1")).total;
      expect(all).toBeGreaterThan(50);
      expect(first[0]!.seq).toBeGreaterThan(first[1]!.seq);
      await page.goto(`${server.baseUrl}/admin?tab=audit`);
      const range = page.getByTestId("audit-range");
      await range.filter({ hasText: `1–50 of ${all}` }).waitFor();
      await page.getByTestId(`audit-row-${first[0]!.seq}`).waitFor();
      // Newest first: the table's rows in descending sequence, the newest write on top.
      const shown = async () => (await page.getByTestId("audit-table").locator("tbody tr[data-testid^='audit-row-']").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-testid")!.slice("audit-row-".length)))));
      expect(await shown()).toEqual(first.slice(0, 50).map((e) => e.seq));
      await page.getByTestId("audit-tab").locator(".ant-pagination li.ant-pagination-item-2").click();
      await page.waitForURL((u) => u.searchParams.get("page") === "2" && u.searchParams.get("tab") === "audit");
      await range.filter({ hasText: `51–${Math.min(100, all)} of ${all}` }).waitFor();
      await page.getByTestId(`audit-row-${first[50]!.seq}`).waitFor();
      expect(await page.getByTestId(`audit-row-${first[0]!.seq}`).count()).toBe(0);
      expect(await shown()).toEqual(first.slice(50, 100).map((e) => e.seq));
      await page.reload();
      await page.getByTestId(`audit-row-${first[50]!.seq}`).waitFor();
    } finally {
      await context.close();
    }
  }, T);
});

describe("a record's history, paged by the server", () => {
  it("shows the newest 20 changes first and the creation on page 2, the page in the address", async () => {
    const coop = order[2]!.id;
    for (let v = 1; v <= 21; v++) await api("PATCH", `/cooperations/${coop}`, { version: v, names: { en: `Renamed pair v${v + 1}` } });
    const all = (await api<{ entries: { seq: number; action: string }[]; total: number }>("GET", `/history/cooperation/${coop}?order=desc`));
    expect(all.total).toBe(22);
    const { page, context } = await openPage("admin");
    try {
      await page.goto(`${server.baseUrl}/cooperations/${coop}?tab=history`);
      const range = page.getByTestId("history-range");
      await range.filter({ hasText: "1–20 of 22" }).waitFor();
      await page.getByTestId(`history-entry-${all.entries[0]!.seq}`).waitFor();
      expect(await page.getByTestId("history-list").locator("[data-testid^=history-entry-]").count()).toBe(20);
      await page.getByTestId("history-pages").locator("li.ant-pagination-item-2").click();
      await page.waitForURL((u) => u.searchParams.get("hpage") === "2" && u.searchParams.get("tab") === "history");
      await range.filter({ hasText: "21–22 of 22" }).waitFor();
      const created = page.getByTestId(`history-entry-${all.entries[21]!.seq}`);
      await created.waitFor();
      expect(all.entries[21]!.action).toBe("create");
      await expect(created.innerText()).resolves.toMatch(/Created/);
    } finally {
      await context.close();
    }
  }, T);
});

describe("readiness links of a cooperation page", () => {
  it("ask for the assessments of every action in one request, and each action shows its own", async () => {
    const coop = order[0]!.id;
    const actions: { id: string }[] = [];
    for (const t of ["Bus depot charging", "School roofs solar", "Heat pump pilot", "Cycle lanes"]) actions.push(await api("POST", `/cooperations/${coop}/actions`, { titles: { en: t }, status: "planned", completionPct: 0 }));
    await api("POST", "/readiness-assessments", { action: actions[1]!.id });
    const { page, context } = await openPage("admin");
    try {
      const asked: string[] = [];
      page.on("request", (r) => { if (r.url().includes("/api/v1/readiness-assessments")) asked.push(r.url()); });
      await page.goto(`${server.baseUrl}/cooperations/${coop}?tab=plan`);
      await page.getByTestId(`readiness-action-${actions[1]!.id}-open`).waitFor();
      for (const a of [actions[0]!, actions[2]!, actions[3]!]) await page.getByTestId(`readiness-action-${a.id}-assess`).waitFor();
      await page.waitForLoadState("networkidle");
      expect(asked).toEqual([`${server.baseUrl}/api/v1/readiness-assessments?cooperation=${encodeURIComponent(coop)}`]);
    } finally {
      await context.close();
    }
  }, T);
});
