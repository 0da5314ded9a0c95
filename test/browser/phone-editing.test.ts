/**
 * Issue 18 item 1, the editing screens on a phone (390×844) and the tablet widths (768, 820, 991 px).
 * Each flow is walked as the person who does it, signed in with their role: an administrator opens a
 * programme, its programme manager opens a call; a programme manager adds an action, a partner and a
 * pilot to a cooperation; a city editor imports observations, creates an inventory, and moderates a
 * district vision statement (written by a resident); an administrator edits a practice; a partner
 * contributor records an activity; a city editor creates a target; a programme manager assesses a
 * pilot's readiness and runs the pairing board (candidates, solve, pin, propose). At each step:
 * no sideways scrolling, every field and the submit button reachable (scrolled to, inside the screen,
 * not under the sticky header, not too narrow to type in), modals no wider than the screen, and the
 * saved record shown. Then, at 360 px (the narrowest phones), the screens with fixed-width fields: the
 * Roles tab's user picker and grant form, the emission-factor library's add form, a practice's measures,
 * an inventory row's wide reference and factor lists.
 * Then every public page of phone.test.ts and the editing pages at tablet widths.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { chooseOption } from "./select";
import { CITY_TABS, type Running, useBrowser } from "./server";

let server: Running;
let page: Page;
useBrowser((s) => {
  server = s.server;
  if (s.page) page = s.page;
}, { pageTimeoutMs: 45_000, oneAdminSession: true });
const T = 180_000;
const PASSWORD = "correct horse battery staple";
/** Narrower than this, a text field shows a few characters only: too small to type a name or a date (dd/mm/yyyy and its picker icon) into. */
const MIN_FIELD_PX = 120;
/** A number field (a year, a percentage, an amount) needs room for about six digits. */
const MIN_NUMBER_PX = 60;
/** A select shows its chosen value (a unit such as "MWh", a status) and opens a list as wide as it needs. */
const MIN_SELECT_PX = 80;

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

/** Creates a user with the given roles and signs this browser in as them (instead of the administrator). */
async function signInAs(email: string, roles: { role: string; scope: string }[]): Promise<void> {
  const user = await api<{ id: string }>("POST", "/users", { email, name: email.split("@")[0], password: PASSWORD, isAdmin: false });
  for (const r of roles) await api("POST", `/users/${user.id}/roles`, r);
  await page.context().clearCookies();
  for (let attempt = 1; ; attempt++) {
    const r = await page.context().request.post(`${server.baseUrl}/api/v1/auth/sign-in`, { data: { email, password: PASSWORD } });
    if (r.ok()) return;
    const body = await r.text();
    // The server allows 10 sign-ins a minute per address and says when to try again: wait that long (the
    // administrator's session is shared by the file's tests, so this happens only when a test is retried).
    const seconds = r.status() === 429 ? Number((JSON.parse(body) as { params?: { seconds?: number } }).params?.seconds ?? 60) : NaN;
    if (!Number.isFinite(seconds) || attempt === 3) throw new Error(`sign-in as ${email} failed: ${r.status()} ${body}`);
    await new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000));
  }
}

async function viewport(width: number, height = 844): Promise<void> {
  await page.setViewportSize({ width, height });
}

/** Opens a page and waits for the element a person came for. */
async function open(path: string, ready: Locator | string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await (typeof ready === "string" ? page.getByTestId(ready) : ready).first().waitFor();
}

/** The page is no wider than the screen (the widest element named when it is). */
async function expectNoSideScroll(what: string): Promise<void> {
  const w = await overflow();
  expect(w.scroll, `${what}: the page is ${w.scroll} px wide on a ${w.inner} px screen (${w.widest})`).toBeLessThanOrEqual(w.inner);
}

/** The element lies within the screen's width (a modal, a drawer, a card). */
async function expectWithinWidth(locator: Locator, what: string): Promise<void> {
  await locator.waitFor({ state: "visible" });
  const box = await locator.boundingBox();
  const vw = page.viewportSize()!.width;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box!.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends right of the screen (${Math.round(box!.x + box!.width)} > ${vw})`).toBeLessThanOrEqual(vw + 0.5);
}

/**
 * Every field of `form` and its submit button, each scrolled to the top of its scrolling box (the
 * worst case: where the sticky header is), must be inside the screen, hit by a tap at its centre
 * (nothing on top of it) and — for text fields — wide enough to type in. Returns the problems.
 */
async function formProblems(form: Locator, submit: Locator, minField: number): Promise<string[]> {
  await form.waitFor({ state: "visible" });
  await submit.waitFor({ state: "visible" });
  const submitHandle = await submit.elementHandle();
  return form.evaluate((root, [button, min, minNumber, minSelect]) => {
    const problems: string[] = [];
    const label = (el: Element) => el.getAttribute("data-testid") ?? el.getAttribute("aria-label") ?? el.getAttribute("id") ?? el.tagName.toLowerCase();
    const fields = Array.from(root.querySelectorAll<HTMLElement>("input, textarea, .ant-select, .ant-picker, .ant-radio-button-wrapper, .ant-checkbox-wrapper"))
      .filter((el) => {
        if (el instanceof HTMLInputElement && ["hidden", "checkbox", "radio", "file"].includes(el.type)) return false;
        // the search box of a select, the input of a date picker: the select/picker itself is checked
        if (el.matches("input") && el.closest(".ant-select, .ant-picker")) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      });
    const check = (el: HTMLElement, what: string, textField: boolean) => {
      el.scrollIntoView({ block: "start", inline: "nearest" });
      const r = el.getBoundingClientRect();
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`${what} is cut off at the side (${Math.round(r.left)}–${Math.round(r.right)} of ${vw} px)`);
      const number = el.matches("[role=spinbutton], input[type=number]") || !!el.closest(".ant-input-number");
      // a select shows a chosen value (a unit, a status) and opens a full list: narrower is fine
      const least = number ? minNumber : el.matches(".ant-select") ? minSelect : min;
      if (textField && r.width < least) problems.push(`${what} is ${Math.round(r.width)} px wide (less than ${least})`);
      const x = Math.min(Math.max(r.left + r.width / 2, 1), vw - 1);
      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 16), 1), vh - 1);
      const hit = document.elementFromPoint(x, y);
      // A toast ("Saved") covers the top for three seconds and goes: not a layout fault.
      if (hit?.closest(".ant-message, .ant-notification")) return;
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) && hit.getBoundingClientRect().height <= r.height + 2)) {
        const by = hit ? `${hit.tagName.toLowerCase()}.${String(hit.className).split(" ")[0]}` : "nothing";
        problems.push(`${what} is covered by ${by} when scrolled to`);
      }
    };
    for (const el of fields) check(el, label(el), el.matches("input, textarea, .ant-select, .ant-picker") && !(el instanceof HTMLInputElement && el.maxLength > 0 && el.maxLength <= 4));
    check(button as HTMLElement, `the submit button ${label(button as Element)}`, false);
    return problems;
  }, [submitHandle, minField, MIN_NUMBER_PX, MIN_SELECT_PX] as const);
}

async function expectFormUsable(form: Locator, submit: Locator, what: string): Promise<void> {
  const problems = await formProblems(form, submit, MIN_FIELD_PX);
  if (problems.length && process.env.PHONE_SHOTS) await page.screenshot({ path: `${process.env.PHONE_SHOTS}/${what.replace(/\W+/g, "-")}.png`, fullPage: false });
  expect(problems, `${what} on a ${page.viewportSize()!.width} px screen`).toEqual([]);
}

/** The open modal: within the screen's width; returns it. */
async function openModal(what: string): Promise<Locator> {
  const modal = page.locator(".ant-modal:visible").last();
  await modal.locator(".ant-modal-container").waitFor({ state: "visible" });
  // The opening animation (rc-motion's zoom classes) scales the modal: measure once it has ended — no motion
  // class left, no finite animation running (spinners run for ever), and drawn at its laid-out width.
  await expect.poll(() => modal.evaluate((el) => {
    const wrap = el.closest(".ant-modal-wrap") ?? el;
    const moving = [wrap, ...Array.from(wrap.querySelectorAll("*"))].some((e) => /-(enter|appear|leave)\b/.test(String(e.className)));
    const running = wrap.getAnimations({ subtree: true }).some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity);
    const box = el.querySelector<HTMLElement>(".ant-modal-container");
    const scaled = !box || Math.abs(box.getBoundingClientRect().width - box.offsetWidth) > 0.5;
    return moving || running || scaled ? "moving" : "still";
  }), { timeout: 15_000 }).toBe("still");
  await expectWithinWidth(modal.locator(".ant-modal-container"), `the ${what} modal`);
  return modal;
}

const numberInput = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

describe("editing on a phone (390×844): every field and button reachable, the record saved", () => {
  it("an administrator opens a programme, its programme manager opens a call and sees it listed", async () => {
    await viewport(390);
    await open("/programmes", "programme-list");
    await expectNoSideScroll("programmes list");
    await page.getByTestId("new-programme").click();
    const modal = await openModal("new programme");
    await expectFormUsable(modal.getByTestId("programme-form"), page.getByTestId("programme-create-submit"), "the new-programme form");
    await page.getByTestId("programme-name-en").fill("Phone twinning programme");
    await page.getByTestId("programme-name-zh").fill("手机结对合作项目");
    await page.getByTestId("programme-start").fill("2026-01-01");
    await page.getByTestId("programme-end").fill("2028-12-31");
    await page.getByTestId("programme-side-a-name").fill("EU");
    await page.getByTestId("programme-side-a-countries").fill("DE, ES, CZ");
    await page.getByTestId("programme-side-b-name").fill("China");
    await page.getByTestId("programme-side-b-countries").fill("CN");
    await page.getByTestId("programme-create-submit").click();
    await page.waitForURL(/\/programmes\/phone-twinning-programme-[a-z0-9]+$/);
    await page.getByTestId("programme-title").filter({ hasText: "Phone twinning programme" }).waitFor();
    await page.getByTestId("programme-overview").waitFor();
    await expectNoSideScroll("the new programme's overview");
    const programmeId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

    await signInAs("manager.phone@example.org", [{ role: "programme_manager", scope: programmeId }]);
    await open(`/programmes/${encodeURIComponent(programmeId)}?tab=call`, "calls-empty");
    await expectNoSideScroll("the call tab, no call yet");
    await page.getByTestId("new-call").click();
    const callModal = await openModal("new call");
    await expectFormUsable(callModal.locator("form"), page.getByTestId("call-create-submit"), "the new-call form");
    await page.getByTestId("call-title-en").fill("Phone call 2026");
    await page.getByTestId("call-title-zh").fill("2026年手机征集");
    await page.getByTestId("call-deadline").fill("2099-12-31");
    await page.getByTestId("call-create-submit").click();
    await page.getByTestId("call-list").filter({ hasText: "Phone call 2026" }).waitFor();
    await page.getByTestId("application-form").waitFor();
    await expectNoSideScroll("the call tab with its call and the application form");
    await expectFormUsable(page.getByTestId("application-form"), page.getByTestId("application-submit"), "the application form");
  }, T);

  it("a programme manager adds an action, a partner and a pilot to a cooperation", async () => {
    const coop = await api<{ id: string }>("POST", "/cooperations", {
      programmeId: "iuc-asia", names: { en: "Phone test: Chongqing – Mannheim", zh: "手机测试：重庆—曼海姆" }, themes: ["transport"], startDate: "2026-01-01",
      members: [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "mannheim-de", role: "partner", side: "b" }],
    });
    await signInAs("manager.iuc@example.org", [{ role: "programme_manager", scope: "iuc-asia" }]);
    await viewport(390);
    const base = `/cooperations/${coop.id}`;

    await open(`${base}?tab=plan`, "actions-empty");
    await expectNoSideScroll("the action plan tab");
    await page.getByTestId("action-add").click();
    const modal = await openModal("new action");
    await expectFormUsable(page.getByTestId("action-form"), page.getByTestId("action-save"), "the action form");
    await page.getByTestId("action-title-en").fill("Electric bus pilot on a phone");
    await chooseOption(page, page.getByTestId("action-owner"), "Chongqing");
    await numberInput("action-impact-value").fill("1200");
    await page.getByTestId("action-impact-unit").fill("tCO2e/yr");
    await page.getByTestId("action-save").click();
    await modal.waitFor({ state: "hidden" });
    await page.getByTestId("actions-table").getByTestId("action-title").filter({ hasText: "Electric bus pilot on a phone" }).waitFor();
    await expectNoSideScroll("the action plan with its action");

    await open(`${base}?tab=partners`, "partners-empty");
    await expectNoSideScroll("the partners tab");
    await page.getByTestId("partner-mode").getByText("New organisation").click();
    await page.getByTestId("org-name-en").waitFor();
    await expectFormUsable(page.getByTestId("partner-form"), page.getByTestId("partner-submit"), "the partner form");
    await page.getByTestId("org-name-en").fill("Phone Energy GmbH");
    await chooseOption(page, page.getByTestId("org-kind"), "Private");
    await page.getByTestId("partner-role").fill("technology partner");
    await page.getByTestId("partner-commitment-en").fill("Designs the heat pump pilot");
    await page.getByTestId("partner-submit").click();
    await page.getByTestId("partners-private").filter({ hasText: "Phone Energy GmbH" }).waitFor();
    await expectNoSideScroll("the partners tab with its partner");

    await open(`${base}?tab=pilots`, "pilots-empty");
    await expectNoSideScroll("the pilots tab");
    await expectFormUsable(page.getByTestId("pilot-form"), page.getByTestId("pilot-submit"), "the pilot form");
    await page.getByTestId("pilot-title-en").fill("Rail freight link on a phone");
    await chooseOption(page, page.getByTestId("pilot-city"), "Chongqing");
    await numberInput("pilot-budget").fill("250000");
    await page.getByTestId("pilot-submit").click();
    await page.getByTestId("pilot-title").filter({ hasText: "Rail freight link on a phone" }).waitFor();
    await expect(page.getByTestId("pilot-budget-value").innerText()).resolves.toBe("250,000 EUR");
    await expectNoSideScroll("the pilots tab with its pilot");
    await expectFormUsable(page.getByTestId("fund-form"), page.getByTestId("fund-submit"), "the fund application form");
  }, T);

  it("a city editor imports observations, creates an inventory and moderates a resident's vision statement", async () => {
    const district = await api<{ id: string }>("POST", "/cities/chongqing-cn/districts", { names: { en: "Jiangbei", zh: "江北区" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "What should Jiangbei be like in 2035?", zh: "2035年的江北区应当是什么样？" }, startsOn: "2026-03-01" });
    await signInAs("editor.phone@example.org", [{ role: "city_editor", scope: "chongqing-cn" }, { role: "city_editor", scope: "prague-cz" }]);
    await viewport(390);

    // Observations: the upload box on screen, the result counted.
    await open("/import", "import-upload");
    await expectNoSideScroll("the import page");
    await expectWithinWidth(page.getByTestId("import-upload"), "the upload box");
    const csv = "city,indicator,period,value,source,note\nchongqing-cn,air.pm25_annual,2031,30.5,who-aqg-2021,phone test\n";
    await page.getByTestId("import-upload").locator("input[type=file]").setInputFiles({ name: "phone.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("import-result").waitFor();
    await expect(page.getByTestId("import-inserted").innerText()).resolves.toMatch(/1/);
    await expectNoSideScroll("the import result");

    // An inventory: the create modal, then the sector table.
    await open("/cities/prague-cz?tab=climate", "inventory-none");
    await expectNoSideScroll("the climate tab without an inventory");
    await page.getByTestId("inventory-new").click();
    const modal = await openModal("new inventory");
    const create = modal.locator(".ant-modal-footer .ant-btn-primary");
    await expectFormUsable(page.getByTestId("inventory-new-form"), create, "the new-inventory form");
    await numberInput("inventory-new-year").fill("2021");
    await create.click();
    await page.getByTestId("inventory-summary").waitFor();
    await expect(page.getByTestId("inventory-status").innerText()).resolves.toBe("Draft");
    await page.getByTestId("editor-add-I").click();
    await numberInput("activity-0-amount").waitFor();
    await expectNoSideScroll("the inventory editor with a row");
    await expectFormUsable(page.getByTestId("editor-table-I"), page.getByTestId("inventory-save"), "the inventory's sector table");

    // A resident's statement (the editor joins as a participant), then its moderation.
    await open(`/cities/chongqing-cn/districts/${district.id}?process=${proc.id}`, "join-form");
    await expectNoSideScroll("the district vision page");
    await expectFormUsable(page.getByTestId("join-form").locator("form"), page.getByTestId("join-submit"), "the join form");
    await page.getByTestId("join-name").fill("Li Na");
    await page.getByTestId("join-group-residents").click();
    await page.getByTestId("join-submit").click();
    await page.getByTestId("joined-as").waitFor();
    const statement = page.getByTestId("statement-text");
    await expectFormUsable(page.locator("form").filter({ has: statement }), page.getByTestId("statement-submit"), "the statement form");
    await statement.fill("Shaded walkways along the Jialing river");
    await page.getByTestId("statement-submit").click();
    const queue = page.getByTestId("moderation-queue");
    await queue.getByText("Shaded walkways along the Jialing river").waitFor();
    await expectNoSideScroll("the vision page with the moderation queue");
    const accept = queue.locator("[data-testid^=accept-]").first();
    await expect(formProblems(queue, accept, MIN_FIELD_PX)).resolves.toEqual([]);
    await accept.click();
    await page.getByTestId("accepted-statements").getByText("Shaded walkways along the Jialing river").waitFor();
    await expectNoSideScroll("the vision page with the accepted statement");
  }, T);

  it("an administrator edits a practice and sees the new summary", async () => {
    await viewport(390);
    await open("/practices/london-congestion-charge", "practice-edit");
    await expectNoSideScroll("the practice page with its tools");
    await page.getByTestId("practice-edit").click();
    const modal = await openModal("practice editor");
    await expect.poll(() => page.getByTestId("practice-summary-en").inputValue()).toMatch(/\w/);
    await expectFormUsable(page.getByTestId("practice-form"), page.getByTestId("practice-form-submit"), "the practice form");
    await page.getByTestId("practice-summary-en").fill("Edited on a phone: a charge for driving into central London.");
    await page.getByTestId("practice-form-submit").click();
    await modal.waitFor({ state: "hidden", timeout: 30_000 });
    await page.getByTestId("practice-summary").filter({ hasText: "Edited on a phone" }).waitFor();
    await expectNoSideScroll("the edited practice");
  }, T);

  it("a partner contributor records an activity with a new organisation and sees it on the timeline", async () => {
    const coop = await api<{ id: string }>("POST", "/cooperations", {
      programmeId: "iuc-asia", names: { en: "Phone test: Zhengzhou – Málaga", zh: "手机测试：郑州—马拉加" }, themes: ["transport"], startDate: "2026-01-01",
      members: [{ slug: "zhengzhou-cn", role: "lead", side: "a" }, { slug: "malaga-es", role: "partner", side: "b" }],
    });
    await signInAs("contributor.phone@example.org", [{ role: "partner_contributor", scope: coop.id }]);
    await viewport(390);
    // The programme's own activities (IUC Asia's joint declaration) are on every timeline: the form is what the contributor came for.
    await open(`/cooperations/${coop.id}?tab=activities`, "activity-form");
    await expectNoSideScroll("the activities tab");
    await expectFormUsable(page.getByTestId("activity-form"), page.getByTestId("activity-submit"), "the activity form");
    await page.getByTestId("activity-title-en").fill("Study visit to the Port of Málaga on a phone");
    await page.getByTestId("activity-title-zh").fill("手机上记录的马拉加港考察");
    await page.getByTestId("activity-start").fill("2026-05-04");
    await page.getByTestId("activity-end").fill("2026-05-06");
    await page.getByTestId("activity-place").fill("Málaga");
    // A new organisation from the activity form: its own modal, within the screen and usable.
    await page.getByTestId("activity-orgs-new").click();
    const orgModal = await openModal("new organisation");
    await expectFormUsable(page.getByTestId("org-form"), page.getByTestId("org-create-ok"), "the new-organisation form");
    await page.getByTestId("org-name-en").fill("Málaga Port Authority");
    await chooseOption(page, page.getByTestId("org-kind"), "Public");
    await page.getByTestId("org-country").fill("es");
    await page.getByTestId("org-create-ok").click();
    await orgModal.waitFor({ state: "hidden" });
    await page.getByTestId("activity-orgs").filter({ hasText: "Málaga Port Authority" }).waitFor();
    await page.getByTestId("activity-submit").click();
    const timeline = page.getByTestId("activities-timeline");
    await timeline.getByText("Study visit to the Port of Málaga on a phone").waitFor();
    await expect(timeline.innerText()).resolves.toMatch(/Málaga Port Authority/);
    await expectNoSideScroll("the activities tab with its activity");
  }, T);

  it("a city editor creates a target and sees it chosen with its pathway", async () => {
    await signInAs("editor.target@example.org", [{ role: "city_editor", scope: "zhengzhou-cn" }]);
    await viewport(390);
    await open("/cities/zhengzhou-cn?tab=climate&view=pathway", "target-new");
    await expectNoSideScroll("the targets and pathway view");
    await page.getByTestId("target-new").click();
    const modal = await openModal("new target");
    const create = modal.locator(".ant-modal-footer .ant-btn-primary");
    await expectFormUsable(page.getByTestId("target-form"), create, "the new-target form");
    await modal.locator("input#name").fill("Phone target: peak and fall");
    await numberInput("target-base-emissions").fill("120000000");
    await create.click();
    await modal.waitFor({ state: "hidden" });
    await page.getByTestId("target-select").filter({ hasText: "Phone target: peak and fall" }).waitFor();
    await page.getByTestId("pathway-status").waitFor();
    await expectNoSideScroll("the pathway of the new target");
    // The narrowest phones: the target picker (long labels) still fits the screen.
    await viewport(360);
    await expectWithinWidth(page.getByTestId("target-select"), "the target picker at 360 px");
    await expectNoSideScroll("the pathway of the new target at 360 px");
  }, T);

  it("a programme manager starts a readiness assessment from a pilot, scores it and finds it from the pilot", async () => {
    const coop = await api<{ id: string }>("POST", "/cooperations", {
      programmeId: "iuc-asia", names: { en: "Phone test: Chongqing – Prague", zh: "手机测试：重庆—布拉格" }, themes: ["energy"], startDate: "2026-01-01",
      members: [{ slug: "chongqing-cn", role: "lead", side: "a" }, { slug: "prague-cz", role: "partner", side: "b" }],
    });
    const pilot = await api<{ id: string }>("POST", `/cooperations/${coop.id}/pilots`, { titles: { en: "District heating pilot on a phone" }, citySlug: "prague-cz", budget: 90000, currency: "EUR", status: "in_progress" });
    await signInAs("manager.readiness@example.org", [{ role: "programme_manager", scope: "iuc-asia" }]);
    await viewport(390);
    await open(`/cooperations/${coop.id}?tab=pilots`, `readiness-pilot-${pilot.id}-assess`);
    await expectNoSideScroll("the pilots tab with the assess button");
    await expectWithinWidth(page.getByTestId(`readiness-pilot-${pilot.id}-assess`), "the assess-readiness button");
    await page.getByTestId(`readiness-pilot-${pilot.id}-assess`).click();
    await page.waitForURL(/\/readiness\/[0-9a-f-]{36}$/);
    await page.getByTestId("readiness-title").filter({ hasText: "District heating pilot on a phone" }).waitFor();
    await page.getByTestId("readiness-save").waitFor();
    await expectNoSideScroll("the readiness assessment");
    await expectFormUsable(page.getByTestId("readiness-page"), page.getByTestId("readiness-save"), "the readiness assessment");
    await chooseOption(page, page.getByTestId("score-participation"), /^1 — /);
    await page.getByTestId("evidence-participation").fill("Residents not yet consulted");
    await page.getByTestId("readiness-save").click();
    await page.getByTestId("readiness-saved").waitFor();
    await page.getByTestId("gap-participation").filter({ hasText: "Residents not yet consulted" }).waitFor();
    const assessmentUrl = page.url();
    await open(`/cooperations/${coop.id}?tab=pilots`, `readiness-pilot-${pilot.id}-open`);
    await page.getByTestId(`readiness-pilot-${pilot.id}-open`).click();
    await page.waitForURL(assessmentUrl);
    await page.getByTestId("gap-participation").waitFor();
  }, T);

  it("a programme manager chooses candidates on the pairing board, solves, pins a pair and proposes the cooperations", async () => {
    const programme = await api<{ id: string }>("POST", "/programmes", {
      names: { en: "Phone pairing programme", zh: "手机配对项目" }, themes: ["transport"],
      sides: [{ key: "a", names: { en: "China", zh: "中国" }, countries: ["CN"] }, { key: "b", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] }],
    });
    await signInAs("manager.pairing@example.org", [{ role: "programme_manager", scope: programme.id }]);
    await viewport(390);
    await open(`/programmes/${encodeURIComponent(programme.id)}?tab=pairing`, "pairing-board");
    await page.getByTestId("pairing-no-candidates").waitFor();
    await expectNoSideScroll("the pairing board without candidates");
    // Candidates typed in by hand: the city picker of each side, on screen and wide enough to type in.
    const add = async (side: "a" | "b", term: string, slug: string) => {
      const picker = page.getByTestId(`pairing-add-${side}`);
      await expectWithinWidth(picker, `the side-${side} city picker`);
      for (let attempt = 1; ; attempt++) {
        await picker.click();
        await picker.getByRole("combobox").fill(term);
        await page.getByTestId(`pick-option-${slug}`).click({ timeout: 10_000 }).catch(() => undefined);
        const took = await page.getByTestId(`candidate-${side}-${slug}`).waitFor({ timeout: 5_000 }).then(() => true, () => false);
        if (took) break;
        if (attempt === 5) throw new Error(`could not add ${slug} to side ${side}`);
      }
      await page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden", timeout: 5_000 }).catch(() => undefined);
    };
    await add("a", "Zhengzhou", "zhengzhou-cn");
    await add("a", "Chongqing", "chongqing-cn");
    await add("b", "Mannheim", "mannheim-de");
    await add("b", "Malaga", "malaga-es");
    // One partner per city on each side, then solve with all four candidates.
    await numberInput("pairing-k").fill("1");
    await expect.poll(() => new URL(page.url()).searchParams.get("k")).toBe("1");
    // The board solved by itself once both sides had a city: wait for that answer before solving the full request.
    const solveButton = page.getByTestId("pairing-solve");
    const isBusy = () => solveButton.evaluate((el) => el.classList.contains("ant-btn-loading"));
    await expect.poll(isBusy, { timeout: 30_000 }).toBe(false);
    await solveButton.click();
    // Solved for what the board shows: the button is no longer the highlighted "solve again" nor spinning.
    await expect.poll(() => solveButton.evaluate((el) => el.classList.contains("ant-btn-loading") || el.classList.contains("ant-btn-primary")), { timeout: 30_000 }).toBe(false);
    const pairs = page.getByTestId("pairing-pairs").locator("[data-testid^=pair-]");
    await expect.poll(() => pairs.count(), { timeout: 30_000 }).toBe(2);
    await expectNoSideScroll("the solved pairing board");
    await expectFormUsable(page.getByTestId("pairing-board"), page.getByTestId("pairing-solve"), "the pairing board");
    // Pin Chongqing – Málaga and solve again: the pin holds, the total before is shown.
    await chooseOption(page, page.getByTestId("constraint-a"), "Chongqing");
    await chooseOption(page, page.getByTestId("constraint-b"), "Málaga");
    await page.getByTestId("constraint-pin").click();
    await page.getByTestId("constraint-pinned-chongqing-cn-malaga-es").waitFor();
    await solveButton.click();
    await page.getByTestId("pairing-previous").waitFor();
    await page.getByTestId("pair-chongqing-cn-malaga-es").waitFor();
    await page.getByTestId("pair-zhengzhou-cn-mannheim-de").waitFor();
    expect(new URL(page.url()).searchParams.get("fix")).toBe("chongqing-cn~malaga-es");
    await expectNoSideScroll("the pairing board after a pin");
    // Propose: the confirmation (hand-picked cities) within the screen, then the pairs listed as formed.
    await page.getByTestId("pairing-propose").click();
    const confirm = page.getByTestId("pairing-propose-confirm");
    await confirm.waitFor();
    await expectWithinWidth(page.locator(".ant-popconfirm:visible").first(), "the propose confirmation");
    await expect(formProblems(page.locator(".ant-popconfirm:visible").first(), confirm, MIN_FIELD_PX)).resolves.toEqual([]);
    await confirm.click();
    await expect(page.getByTestId("pairing-proposed").innerText()).resolves.toMatch(/2 cooperation\(s\) proposed/);
    await page.getByTestId("formed-chongqing-cn-malaga-es").waitFor();
    await page.getByTestId("formed-zhengzhou-cn-mannheim-de").waitFor();
    await expectNoSideScroll("the pairing board with the proposed cooperations");
  }, T);
});

/** `inner` lies within the content box of `outer` (a field inside its card or modal, which may clip or scroll it sideways without the page doing so). */
async function expectInside(inner: Locator, outer: Locator, what: string): Promise<void> {
  await inner.waitFor({ state: "visible" });
  const a = await inner.boundingBox();
  const b = await outer.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { left: r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth), right: r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth) };
  });
  expect(a, `${what} has no box`).not.toBeNull();
  expect(a!.x, `${what} starts left of its container (${Math.round(a!.x)} < ${Math.round(b.left)})`).toBeGreaterThanOrEqual(b.left - 0.5);
  expect(a!.x + a!.width, `${what} ends right of its container (${Math.round(a!.x + a!.width)} > ${Math.round(b.right)})`).toBeLessThanOrEqual(b.right + 0.5);
}

describe("editing screens at 360 px, the narrowest phones: fixed-width fields fit the screen", () => {
  it("an administrator chooses a user on the Roles tab and sees the grant form's scope input within the screen, for each role", async () => {
    // A new address each try (CI retries a failed test once; the first try's user would still be there).
    const email = `narrow.roles.${Date.now().toString(36)}@example.org`;
    await api("POST", "/users", { email, name: "Narrow Roles", password: PASSWORD, isAdmin: false });
    await viewport(360);
    await open("/admin?tab=roles", "roles-user");
    await expectNoSideScroll("the Roles tab at 360 px");
    await expectWithinWidth(page.getByTestId("roles-user"), "the user picker at 360 px");
    await expectInside(page.getByTestId("roles-user"), page.getByTestId("roles-tab"), "the user picker");
    await chooseOption(page, page.getByTestId("roles-user"), email);
    await page.getByTestId("user-no-roles").waitFor();
    await page.getByTestId("grant-form").waitFor();
    // The scope input differs by role: a city search, a programme picker, a cooperation id.
    const scopes: Array<[role: string, label: RegExp, scope: string]> = [
      ["city_editor", /City editor/, "scope-city"],
      ["programme_manager", /Programme manager/, "scope-programme"],
      ["partner_contributor", /Partner contributor/, "scope-cooperation"],
    ];
    for (const [role, label, scope] of scopes) {
      if (role !== "city_editor") await chooseOption(page, page.getByTestId("grant-role"), label);
      await page.getByTestId(scope).waitFor();
      await expectNoSideScroll(`the grant form for ${role} at 360 px`);
      await expectWithinWidth(page.getByTestId("roles-user"), `the user picker with the grant form for ${role}`);
      await expectWithinWidth(page.getByTestId(scope), `the ${role} scope input at 360 px`);
      await expectInside(page.getByTestId(scope), page.getByTestId("user-roles").locator(".ant-card-body"), `the ${role} scope input`);
      await expectFormUsable(page.getByTestId("grant-form"), page.getByTestId("grant-submit"), `the grant form for ${role}`);
    }
    // On a desktop the fields keep their widths.
    await viewport(1280, 800);
    await expect.poll(async () => Math.round((await page.getByTestId("roles-user").boundingBox())?.width ?? 0)).toBe(360);
    await expect.poll(async () => Math.round((await page.getByTestId("scope-cooperation").boundingBox())?.width ?? 0)).toBe(320);
  }, T);

  it("an administrator opens the emission-factor library's add form and finds its source field within the screen", async () => {
    await viewport(360);
    await open("/emission-factors", "factor-add");
    await page.getByTestId("factor-source").waitFor();
    await expectNoSideScroll("the emission-factor library at 360 px");
    await expectWithinWidth(page.getByTestId("factor-source"), "the factor's source field at 360 px");
    await expectInside(page.getByTestId("factor-source"), page.getByTestId("factor-add").locator(".ant-card-body"), "the factor's source field");
    await expectFormUsable(page.getByTestId("factor-add").locator("form"), page.getByTestId("factor-save"), "the add-factor form");
    await viewport(1280, 800);
    await expect.poll(async () => Math.round((await page.getByTestId("factor-source").boundingBox())?.width ?? 0)).toBe(420);
  }, T);

  it("an administrator edits a practice and finds each measure field and its remove button within the screen", async () => {
    await viewport(360);
    await open("/practices/london-congestion-charge", "practice-edit");
    await page.getByTestId("practice-edit").click();
    const modal = await openModal("practice editor at 360 px");
    const measure = page.getByTestId("practice-measure-0");
    await expect.poll(() => measure.inputValue()).toMatch(/\w/);
    await expectNoSideScroll("the practice editor at 360 px");
    // The modal's own box does not scroll sideways either (it would hide the end of a measure row).
    await expect(modal.evaluate((el) => { const w = el.closest(".ant-modal-wrap")!; return w.scrollWidth - w.clientWidth; })).resolves.toBeLessThanOrEqual(0);
    const body = modal.locator(".ant-modal-body");
    const rows = page.getByTestId("practice-measures-edit").locator("input[data-testid^=practice-measure-]");
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const field = page.getByTestId(`practice-measure-${i}`);
      const remove = page.getByRole("button", { name: `Remove: Measure ${i + 1}`, exact: true });
      await field.scrollIntoViewIfNeeded();
      await expectWithinWidth(field, `measure ${i + 1} at 360 px`);
      await expectInside(field, body, `measure ${i + 1}`);
      await expectWithinWidth(remove, `the remove button of measure ${i + 1} at 360 px`);
      await expectInside(remove, body, `the remove button of measure ${i + 1}`);
    }
    await expectFormUsable(page.getByTestId("practice-form"), page.getByTestId("practice-form-submit"), "the practice form at 360 px");
    // On a desktop a measure is at least as wide as before (320 px).
    await viewport(1280, 800);
    await expect.poll(async () => (await page.getByTestId("practice-measure-0").boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(320);
  }, T);

  it("an administrator adds an inventory row and opens its reference and factor lists, each within the screen", async () => {
    // Málaga's draft inventory (already there when CI retries the test: nothing is saved to it here).
    const made = await fetch(`${server.baseUrl}/api/v1/cities/malaga-es/inventories`, { method: "POST", headers: { "content-type": "application/json", ...server.authHeaders }, body: JSON.stringify({ year: 2022 }) });
    expect([201, 409], await made.clone().text()).toContain(made.status);
    await viewport(360);
    await open("/cities/malaga-es?tab=climate", "inventory-summary");
    await page.getByTestId("editor-add-I").click();
    // The lists open wider than their fields (420 and 480 px on a desktop): on a phone no wider than the screen.
    const lists: Array<[Locator, string]> = [
      [page.getByTestId("activity-0-gpc"), "the GPC reference list"],
      [page.getByTestId("editor-table-I").locator(".ant-select").filter({ has: page.getByRole("combobox", { name: "Emission factor" }) }), "the emission-factor list"],
    ];
    for (const [select, what] of lists) {
      const list = page.locator(".ant-select-dropdown:visible").first();
      for (let attempt = 1; ; attempt++) {
        await select.click();
        if (await list.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
        if (attempt === 5) throw new Error(`${what} did not open`);
      }
      await expect.poll(() => list.evaluate((el) => el.getAnimations().filter((a) => a.playState === "running").length), { timeout: 10_000 }).toBe(0);
      await expectWithinWidth(list, `${what} at 360 px`);
      await expectNoSideScroll(`the inventory editor with ${what} open at 360 px`);
      await page.keyboard.press("Escape");
      await list.waitFor({ state: "hidden" });
    }
  }, T);
});

/** What each page shows once loaded (a selector), so the width is measured on the real content. */
const COOP = "iuc-asia-chongqing-mannheim";
const TABLET_WIDTHS = [768, 820, 991];

/** The page's width, and — when wider than the screen — the first element that sticks out. */
async function overflow(): Promise<{ scroll: number; inner: number; widest: string }> {
  return page.evaluate(() => {
    const inner = window.innerWidth;
    let widest = "";
    if (document.documentElement.scrollWidth > inner) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > inner + 0.5 && r.width > 0 && !el.closest(".ant-table-content, .ant-table-body, .ant-tabs-nav-list")) {
          widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} [${el.getAttribute("data-testid") ?? ""}] right=${Math.round(r.right)}`;
          break;
        }
      }
    }
    return { scroll: document.documentElement.scrollWidth, inner, widest };
  });
}

describe("tablet widths (768, 820, 991 px): public and editing pages fit the screen", () => {
  it("every public page of the phone test and the editing pages, signed in as an administrator", async () => {
    const district = await api<{ id: string }>("POST", "/cities/prague-cz/districts", { names: { en: "Karlín", zh: "卡尔林" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "What should Karlín be like in 2035?", zh: "2035年的卡尔林应当是什么样？" }, startsOn: "2026-03-01" });
    const pages: Array<[path: string, ready: string]> = [
      ["/", "[data-testid=world-map] canvas"],
      ["/cities", "[data-testid=cities-table] [data-testid^='city-link-']"],
      ["/practices", "[data-testid^='practice-result-']"],
      ["/practices/london-congestion-charge", "[data-testid=outcome-table]"],
      ...CITY_TABS.map(([tab, ready]): [string, string] => [`/cities/beijing-cn${tab === "overview" ? "" : `?tab=${tab}`}`, `[data-testid=city-page] [role=tabpanel]:visible >> ${ready}`]),
      ["/showcase/programmes/iuc-asia", "[data-testid^='showcase-coop-']"],
      [`/showcase/cooperations/${COOP}`, "[data-testid=showcase-cooperation]"],
      [`/cities/prague-cz/districts/${district.id}?process=${proc.id}`, "[data-testid=moderation-queue]"],
      // the editing pages, with their edit controls
      ["/programmes", "[data-testid=programme-list]"],
      ["/programmes/iuc-asia", "[data-testid=programme-overview]"],
      ["/programmes/iuc-asia?tab=call", "[data-testid=call-tab]"],
      ["/programmes/iuc-asia?tab=cooperations", "[data-testid=programme-cooperations]"],
      ["/programmes/iuc-asia?tab=pairing", "[data-testid=pairing-formed]"],
      [`/cooperations/${COOP}`, "[data-testid=cooperation-status]"],
      [`/cooperations/${COOP}?tab=plan`, "[data-testid=action-add]"],
      [`/cooperations/${COOP}?tab=activities`, "[data-testid=activity-form-card]"],
      [`/cooperations/${COOP}?tab=partners`, "[data-testid=partner-form-card]"],
      [`/cooperations/${COOP}?tab=pilots`, "[data-testid=pilot-form-card]"],
      ["/import", "[data-testid=import-upload]"],
      ["/cities/chongqing-cn?tab=climate", "[data-testid=inventory-new]"],
      ["/cities/chongqing-cn?tab=climate&view=pathway", "[data-testid=target-new]"],
      ["/cities/chongqing-cn?tab=air", "[data-testid=air-upload]"],
      ["/cities/chongqing-cn?tab=districts", "[data-testid=new-district]"],
    ];
    const wide: string[] = [];
    for (const [path, ready] of pages) {
      await viewport(TABLET_WIDTHS[0]!, 1024);
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      // A tablet turned or a window resized: the same page at each width (all three lie between antd's md and lg).
      for (const width of TABLET_WIDTHS) {
        await viewport(width, 1024);
        // charts and tables follow a resize on the next frames: wait for the page to settle within the screen
        const fits = await expect.poll(async () => (await overflow()).scroll, { timeout: 5_000 }).toBeLessThanOrEqual(width).then(() => true, () => false);
        if (!fits) {
          const o = await overflow();
          wide.push(`${path} at ${width} px: ${o.scroll} px wide (${o.widest})`);
        }
      }
    }
    expect(wide).toEqual([]);

    // The editing modals at the narrowest tablet width.
    await viewport(768, 1024);
    await open("/programmes", "new-programme");
    await page.getByTestId("new-programme").click();
    await openModal("new programme at 768 px");
    await expectFormUsable(page.getByTestId("programme-form"), page.getByTestId("programme-create-submit"), "the new-programme form");
    await open("/practices/london-congestion-charge", "practice-edit");
    await page.getByTestId("practice-edit").click();
    await openModal("practice editor at 768 px");
    await expectFormUsable(page.getByTestId("practice-form"), page.getByTestId("practice-form-submit"), "the practice form");
  }, T);
});
