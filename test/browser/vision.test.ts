/**
 * Issue 8 end to end: a district vision process where three participants submit and vote, the
 * moderator accepts statements and the common vision appears on the results; a readiness
 * assessment of a seeded pilot shows the radar and a gap; labels in Chinese.
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
const T = 180_000;

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

async function joinAndSay(name: string, group: string, text: string): Promise<void> {
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId(`join-group-${group}`).click();
  await page.getByTestId("join-submit").click();
  await page.getByTestId("joined-as").waitFor();
  await page.getByTestId("statement-text").fill(text);
  await page.getByTestId("statement-submit").click();
  await page.getByTestId("moderation-queue").getByText(text).waitFor();
}

const tokenKey = (process: string) => `citybridge.vision.${process}.token`;

/** Switches this browser to a participant by putting their stored token back, then votes on each statement shown. */
async function voteAs(url: string, process: string, token: string, votes: Record<string, "agree" | "disagree">): Promise<void> {
  await page.evaluate(([k, v]) => window.localStorage.setItem(k as string, v as string), [tokenKey(process), token]);
  await page.goto(`${url}&part=vote`);
  await page.getByTestId("vote-progress").waitFor();
  await expect(page.getByTestId("vote-progress").innerText()).resolves.toMatch(/0 of 2/);
  for (let i = 0; i < 2; i++) {
    const text = await page.getByTestId("vote-text").innerText();
    const v = votes[text];
    if (!v) throw new Error(`unexpected statement to vote on: ${text}`);
    // The keyboard shortcut for agree, the button for disagree: both paths are used.
    if (v === "agree") await page.keyboard.press("a");
    else await page.getByTestId("vote-disagree").click();
    await page.getByTestId("vote-progress").getByText(`${i + 1} of 2`).waitFor();
  }
  await page.getByTestId("vote-done").waitFor();
}

describe("district visions: a common vision from three participants", () => {
  it("submits, moderates and votes, and shows the consensus statement on the results", async () => {
    const district = await api<{ id: string }>("POST", "/cities/prague-cz/districts", { names: { en: "Holešovice", zh: "霍莱肖维采" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "What should Holešovice be like in 2035?", zh: "2035年的霍莱肖维采应当是什么样？" }, startsOn: "2026-03-01" });

    await page.goto(`${server.baseUrl}/cities/prague-cz?tab=districts`);
    await page.getByTestId(`process-link-${proc.id}`).click();
    await page.waitForURL(new RegExp(`/cities/prague-cz/districts/${district.id}\\?process=${proc.id}`));
    await page.getByTestId("join-form").waitFor();

    const tokens: Record<string, string | null> = {};
    for (const [name, group, text] of [["Ana", "residents", "More trees along the river"], ["Bo", "housing-developers", "More parking for new homes"], ["Cy", "businesses", "A car-free centre"]] as const) {
      await joinAndSay(name, group, text);
      tokens[name] = await page.evaluate((k) => window.localStorage.getItem(k), tokenKey(proc.id));
      await page.getByTestId("join-leave").click();
    }

    // The moderator accepts the three statements.
    const queue = page.getByTestId("moderation-queue");
    for (let i = 0; i < 3; i++) {
      await queue.locator("[data-testid^=accept-]").first().click();
      await expect.poll(() => queue.locator("[data-testid^=accept-]").count(), { timeout: 10_000 }).toBe(2 - i);
    }
    await page.getByTestId("accepted-statements").getByText("A car-free centre").waitFor();
    expect(new Set(Object.values(tokens)).size).toBe(3);

    const url = page.url().replace(/&part=[a-z]+/, "");
    for (const [name, votes] of [
      ["Ana", { "More parking for new homes": "disagree", "A car-free centre": "agree" }],
      ["Bo", { "More trees along the river": "agree", "A car-free centre": "disagree" }],
      ["Cy", { "More trees along the river": "agree", "More parking for new homes": "disagree" }],
    ] as const) await voteAs(url, proc.id, tokens[name] as string, votes);

    await page.getByTestId("part-results").click();
    await page.getByTestId("consensus").getByText("More trees along the river").waitFor();
    await expect(page.getByTestId("consensus").innerText()).resolves.toMatch(/Group A[\s\S]*Group B/);
    await page.getByTestId("opinion-map").locator("canvas").first().waitFor();
    // With one participant alone in a group, smoothing keeps the spread under 50 %: nothing is called divisive yet.
    await expect(page.getByTestId("divisive").innerText()).resolves.toMatch(/No divisive statement/);
    await expect(page.getByTestId("group-breakdown").innerText()).resolves.toMatch(/Residents/);

    // The consensus becomes a vision document, which is then edited against the version it was opened at.
    await page.getByTestId("vision-document").getByText("More trees along the river").click();
    await page.getByTestId("doc-title").fill("A greener riverside");
    await page.getByTestId("doc-text").fill("Trees along the river by 2035.");
    await page.getByTestId("doc-save").click();
    await page.getByTestId("doc-saved").waitFor();
    const doc = page.locator("[data-testid^='vision-document-']").first();
    await expect(doc.innerText()).resolves.toMatch(/A greener riverside/);
    await page.locator("[data-testid^='edit-document-']").first().click();
    await expect(page.getByTestId("doc-editing").innerText()).resolves.toMatch(/A greener riverside/);
    await expect(page.getByTestId("doc-title").inputValue()).resolves.toBe("A greener riverside");
    await page.getByTestId("doc-text").fill("Trees and shade along the river by 2035.");
    await page.getByTestId("doc-save").click();
    await expect.poll(() => doc.innerText(), { timeout: 15_000 }).toMatch(/Trees and shade along the river by 2035/);
    expect(await page.getByTestId("doc-editing").count()).toBe(0);

    await page.getByTestId("lang-zh").click();
    await page.getByTestId("consensus").getByText("共同愿景（共识）").waitFor();
    await expect(page.getByTestId("part-vote").innerText()).resolves.toBe("投票");

    // The moderator (signed in) closes the process: no more joining; it can be reopened.
    await page.getByTestId("process-status-toggle").getByText("结束此进程").waitFor();
    await page.getByTestId("lang-en").click();
    await page.getByTestId("process-status-toggle").click();
    await page.getByTestId("process-status-confirm").click();
    await page.getByTestId("process-status-toggle").getByText("Reopen the process").waitFor();
    await expect(page.getByTestId("district-page").innerText()).resolves.toMatch(/closed/);
    expect(await page.getByTestId("join-submit").count()).toBe(0);
    expect((await api<{ processes: { id: string; status: string }[] }>("GET", `/districts/${district.id}`)).processes.find((p) => p.id === proc.id)?.status).toBe("closed");
  }, T);
});

describe("districts: names and a boundary from a GeoJSON file", () => {
  it("renames a district and gives it a boundary, and says when someone saved first", async () => {
    const district = await api<{ id: string }>("POST", "/cities/prague-cz/districts", { names: { en: "Karlin" } });
    await page.goto(`${server.baseUrl}/cities/prague-cz?tab=districts`);
    const card = page.getByTestId(`district-${district.id}`);
    await expect(card.innerText()).resolves.toMatch(/No boundary/);
    await page.getByTestId(`edit-district-${district.id}`).click();
    // The card's own form (the new-district form has a file input too).
    const form = page.getByTestId(`edit-district-form-${district.id}`);
    await page.getByTestId("edit-district-en").fill("Karlín");
    const ring = [[14.44, 50.09], [14.46, 50.09], [14.46, 50.1], [14.44, 50.1], [14.44, 50.09]];
    const feature = { type: "Feature", properties: { name: "Karlín" }, geometry: { type: "Polygon", coordinates: [ring] } };
    await form.getByTestId("district-boundary-file").setInputFiles({ name: "karlin.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(feature)) });
    // The file is read asynchronously: wait for the form to show what it found.
    await expect.poll(() => form.getByTestId("district-boundary-state").innerText(), { timeout: 15_000 }).toBe("GeoJSON, 5 points");
    await page.getByTestId("edit-district-save").click();
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toMatch(/Karlín[\s\S]*GeoJSON, 5 points/);
    const stored = await api<{ names: { en: string }; boundary: { type: string }; version: number }>("GET", `/districts/${district.id}`);
    expect(stored.names.en).toBe("Karlín");
    expect(stored.boundary.type).toBe("Polygon");

    // A file that is not a polygon is refused in the form; a save based on an old version gets the notice.
    await page.getByTestId(`edit-district-${district.id}`).click();
    await form.getByTestId("district-boundary-file").setInputFiles({ name: "point.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ type: "Point", coordinates: [14.45, 50.09] })) });
    await expect.poll(() => form.getByTestId("district-boundary-error").innerText(), { timeout: 15_000 }).toMatch(/no Polygon or MultiPolygon/);
    await api("PUT", `/districts/${district.id}`, { names: { en: "Karlín", zh: "卡尔林" }, boundary: stored.boundary, version: stored.version });
    await page.getByTestId("edit-district-en").fill("Karlin district");
    await page.getByTestId("edit-district-save").click();
    await page.getByTestId("edit-district-conflict").waitFor();
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toMatch(/卡尔林/);
  }, T);
});

describe("innovation readiness", () => {
  it("starts an assessment for a seeded pilot from its card on the cooperation page, scores it, and shows the radar, a gap and practices, in Chinese too", async () => {
    await page.goto(`${server.baseUrl}/cooperations/iuc-asia-chongqing-mannheim?tab=pilots`);
    await page.getByTestId("readiness-pilot-iuc-asia-chongqing-mannheim-freight-railway-assess").click();
    await page.waitForURL(/\/readiness\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("readiness-title").innerText()).resolves.toMatch(/Freight railway link/);
    await page.getByTestId("score-participation").click();
    await page.getByTestId("score-participation-1").click();
    await page.getByTestId("evidence-participation").fill("one information evening");
    await page.getByTestId("score-trust").click();
    await page.getByTestId("score-trust-4").click();
    await page.getByTestId("role-facilitator").click();
    // Two partners and the tension between them, drawn as a graph.
    await page.getByTestId("partner-add").click();
    await page.getByTestId("partner-add").click();
    await page.getByTestId("partner-name-0").fill("Chongqing Railway Port");
    await page.getByTestId("partner-name-1").fill("Residents of Tuanjiecun");
    await chooseOption(page, page.getByTestId("tension-a"), "Chongqing Railway Port");
    await chooseOption(page, page.getByTestId("tension-b"), "Residents of Tuanjiecun");
    await page.getByTestId("tension-description").fill("night-time freight noise");
    await page.getByTestId("tension-add").click();
    await expect.poll(() => page.getByTestId("stakeholder-map").innerText(), { timeout: 15_000 }).toMatch(/Chongqing Railway Port ↔ Residents of Tuanjiecun[\s\S]*night-time freight noise/);
    await page.getByTestId("stakeholder-graph").locator("canvas").first().waitFor();
    expect(await page.getByTestId("stakeholder-graph").getAttribute("aria-label")).toMatch(/partners by sector \(2\) and the tensions between them \(1\)/);
    await page.getByTestId("readiness-save").click();
    await page.getByTestId("readiness-saved").waitFor();
    await page.getByTestId("gap-participation").waitFor();
    await expect(page.getByTestId("gap-participation").innerText()).resolves.toMatch(/Participation — 1 \(emerging\)/);
    await page.getByTestId("gap-participation").locator("a[href^='/practices/']").first().waitFor();
    await page.getByTestId("readiness-radar").locator("canvas").first().waitFor();
    await page.getByTestId("lang-zh").click();
    await expect(page.getByTestId("gap-participation").innerText()).resolves.toMatch(/参与 — 1（萌芽）|参与 — 1 \(萌芽\)/);
    await expect(page.getByTestId("readiness-title").innerText()).resolves.toMatch(/创新准备度/);
  }, T);
});
