/**
 * Issue 6, the work of a cooperation end to end: record a study visit with an MoU, add a private
 * partner with a commitment, add a pilot project with a follow-up fund application and its award,
 * see them listed, and read the labels in 中文 — against the real server on a fresh database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chooseOption } from "./select";
import { type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
// Generous waits: the machine is shared, and a test should wait for a state rather than a time.
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { pageTimeoutMs: 45_000 });
const T = 150_000;
let coopId = "";

/** Picks `label` in the antd Select with `testId`. */
const choose = (testId: string, label: string) => chooseOption(page, page.getByTestId(testId), label);

async function open(tab: string): Promise<void> {
  await page.goto(`${server.baseUrl}/cooperations/${coopId}?tab=${tab}`);
  await page.getByTestId(`${tab}-tab`).waitFor();
}

beforeAll(async () => {
  const res = await fetch(`${server.baseUrl}/api/v1/cooperations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...server.authHeaders },
    body: JSON.stringify({ names: { en: "Work test: Chongqing – Mannheim", zh: "重庆—曼海姆" }, members: [{ slug: "chongqing-cn", role: "lead" }, { slug: "mannheim-de", role: "partner" }] }),
  });
  if (res.status !== 201) throw new Error(`could not create the cooperation: ${res.status} ${await res.text()}`);
  coopId = ((await res.json()) as { id: string }).id;
});

describe("cooperation work: activities, partners and pilot projects", () => {
  it("records a study visit with a new organisation and an MoU output, shown on the timeline", async () => {
    await open("activities");
    await page.getByTestId("activities-empty").waitFor();
    await page.getByTestId("activity-title-en").fill("Study visit to the Port of Mannheim");
    await page.getByTestId("activity-title-zh").fill("曼海姆港考察访问");
    await page.getByTestId("activity-start").fill("2026-04-10");
    await page.getByTestId("activity-end").fill("2026-04-12");
    await page.getByTestId("activity-place").fill("Mannheim");
    await page.getByTestId("activity-orgs-new").click();
    await page.getByTestId("org-name-en").fill("Mannheim Chamber of Commerce");
    await choose("org-kind", "Private");
    await page.getByTestId("org-country").fill("de");
    await page.getByTestId("org-create-ok").click();
    await page.getByTestId("org-form").waitFor({ state: "detached" });
    await page.getByTestId("activity-submit").click();
    const timeline = page.getByTestId("activities-timeline");
    await timeline.waitFor();
    await expect(timeline.innerText()).resolves.toMatch(/Study visit[\s\S]*Study visit to the Port of Mannheim[\s\S]*Mannheim Chamber of Commerce/);
    await page.getByTestId("output-add").click();
    await page.getByTestId("output-title-en").fill("MoU on rail freight logistics");
    await page.getByTestId("output-title-zh").fill("铁路货运物流合作备忘录");
    await page.getByTestId("output-url").fill("https://example.org/mou.pdf");
    await page.getByTestId("output-submit").click();
    const mou = page.getByTestId("output-mou");
    await mou.waitFor();
    await expect(mou.innerText()).resolves.toMatch(/Memorandum of understanding[\s\S]*MoU on rail freight logistics/);
    await expect(mou.locator("a").getAttribute("href")).resolves.toBe("https://example.org/mou.pdf");
  }, T);

  it("adds a new private partner with its role and commitment, grouped by kind with the mix", async () => {
    await open("partners");
    await page.getByTestId("partners-empty").waitFor();
    await page.getByTestId("partner-mode").getByText("New organisation").click();
    await page.getByTestId("org-name-en").fill("MVV Energie");
    await choose("org-kind", "Private");
    await page.getByTestId("org-sector").fill("energy");
    await page.getByTestId("partner-role").fill("technology partner");
    await page.getByTestId("partner-commitment-en").fill("Designs the heat pump pilot");
    await page.getByTestId("partner-commitment-zh").fill("设计热泵试点");
    await page.getByTestId("partner-submit").click();
    const group = page.getByTestId("partners-private");
    await group.waitFor();
    await expect(group.innerText()).resolves.toMatch(/MVV Energie[\s\S]*technology partner[\s\S]*Designs the heat pump pilot/);
    await expect(page.getByTestId("partner-mix").locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(/Private 1/);
  }, T);

  it("adds a pilot project with a fund application, then records the award", async () => {
    await open("pilots");
    await page.getByTestId("pilots-empty").waitFor();
    await page.getByTestId("pilot-title-en").fill("Chongqing–Europe rail freight link");
    await page.getByTestId("pilot-title-zh").fill("渝欧铁路货运通道");
    await choose("pilot-city", "Chongqing");
    await page.getByTestId("pilot-budget").fill("250000");
    await page.getByTestId("pilot-submit").click();
    await page.getByTestId("pilot-title").waitFor();
    await expect(page.getByTestId("pilot-budget-value").innerText()).resolves.toBe("250,000 EUR");
    await page.getByTestId("fund-name").fill("IUC pilot project fund");
    await page.getByTestId("fund-submitted").fill("2026-05-01");
    await page.getByTestId("fund-requested").fill("100000");
    await page.getByTestId("fund-score").fill("87");
    await page.getByTestId("fund-submit").click();
    await page.getByTestId("fund-decision").filter({ hasText: "Pending" }).waitFor();
    await page.locator("[data-testid^=fund-decide-]").click();
    await choose("decision-select", "Awarded");
    await page.getByTestId("decision-date").fill("2026-06-15");
    await page.getByTestId("decision-amount").fill("90000");
    await page.getByTestId("decision-ok").click();
    await page.getByTestId("fund-decision").filter({ hasText: "Awarded" }).waitFor();
    await expect(page.getByTestId("pilot-funds").innerText()).resolves.toMatch(/90,000 EUR/);
  }, T);

  it("shows the seeded programme-wide activities of IUC Asia on a cooperation's timeline, read-only", async () => {
    await page.goto(`${server.baseUrl}/cooperations/iuc-asia-chongqing-mannheim?tab=activities`);
    const declaration = page.getByTestId("activity-iuc-asia-joint-declaration-2017");
    await declaration.waitFor();
    await expect(declaration.innerText()).resolves.toMatch(/Programme-wide[\s\S]*joint declaration/i);
    await expect(declaration.getByRole("button", { name: "Delete" }).count()).resolves.toBe(0);
  }, T);

  it("shows the work in 中文", async () => {
    await open("activities");
    await page.getByTestId("lang-zh").click();
    await page.getByTestId("activity-kind-tag").filter({ hasText: "考察访问" }).waitFor();
    await expect(page.getByTestId("activity-title").innerText()).resolves.toBe("曼海姆港考察访问");
    await expect(page.getByTestId("output-mou").innerText()).resolves.toMatch(/合作备忘录[\s\S]*铁路货运物流合作备忘录/);
    await page.getByTestId("coop-tab-partners").click();
    await page.getByTestId("partners-tab").waitFor();
    await expect(page.getByTestId("partners-tab").innerText()).resolves.toMatch(/合作伙伴机构[\s\S]*政府-企业-公众合作[\s\S]*企业/);
    await expect(page.getByTestId("commitment-text").innerText()).resolves.toBe("设计热泵试点");
    await page.getByTestId("coop-tab-pilots").click();
    await page.getByTestId("pilots-tab").getByTestId("pilot-title").waitFor();
    await expect(page.getByTestId("pilots-tab").innerText()).resolves.toMatch(/试点项目[\s\S]*渝欧铁路货运通道[\s\S]*已获资助/);
  }, T);
});
