/**
 * Issue 18.3 end to end: in 中文, server errors are shown in Chinese from their problem codes
 * (src/problem-codes.ts → src/web/i18n/errors.ts), never as the server's English text: a failed
 * sign-in and a rejected import with a decimal comma. And a vision statement typed in Chinese is
 * tagged 中文 (the language follows the text's script, starting from the UI language).
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
const T = 90_000;

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers: { "content-type": "application/json", ...server.authHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

/** Opens `path` with the UI in Chinese (the language choice the app keeps in localStorage). */
async function openInChinese(path: string): Promise<void> {
  await page.addInitScript(() => window.localStorage.setItem("citybridge.lang", "zh"));
  await page.goto(`${server.baseUrl}${path}`);
  await page.locator("html[lang='zh-CN']").waitFor({ state: "attached" });
}

describe("server errors in 中文", () => {
  it("says a wrong password in Chinese, with no English server text", async () => {
    await openInChinese("/sign-in");
    await page.getByTestId("sign-in-email").fill(server.admin.email);
    await page.getByTestId("sign-in-password").fill("not the password");
    // Wait for the answer of the sign-in request, then for the message it produces.
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/sign-in") && r.request().method() === "POST", { timeout: 30_000 });
    await page.getByTestId("sign-in-submit").click();
    const body = (await (await answer).json()) as { code: string; detail: string };
    expect(body.code).toBe("auth.wrong_credentials");
    const alert = page.getByTestId("sign-in-error");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/电子邮箱或密码错误/);
    expect(text).not.toMatch(/wrong|password|e-mail/i);
  }, T);

  it("lists the problems of a rejected import in Chinese, with no English server text", async () => {
    const r = await page.context().request.post(`${server.baseUrl}/api/v1/auth/sign-in`, { data: { email: server.admin.email, password: server.admin.password } });
    expect(r.ok(), await r.text()).toBe(true);
    await openInChinese("/import");
    const input = page.getByTestId("import-upload").locator("input[type=file]");
    await input.waitFor({ state: "attached" });
    const bad = 'city,indicator,period,value,source,note\nchongqing-cn,air.pm25_annual,2031,30.5,who-aqg-2021,\nchongqing-cn,air.pm25_annual,2032,"12,5",who-aqg-2021,\n';
    await input.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    const problems = page.getByTestId("import-problems");
    await problems.waitFor({ timeout: 30_000 });
    const table = await problems.innerText();
    expect(table).toMatch(/12,5/);
    expect(table).toMatch(/不是数字（请用“\.”作小数点，不要使用千位分隔符）/);
    expect(table).not.toMatch(/is not a number|decimal separator/);
    const failed = await page.getByTestId("import-failed").innerText();
    expect(failed).toMatch(/文件中有 1 个问题；未导入任何数据/);
    expect(failed).not.toMatch(/problem|nothing was imported/i);
  }, T);

  it("tags a statement typed in Chinese as 中文 (the picker follows the text's script)", async () => {
    const district = await api<{ id: string }>("POST", "/cities/prague-cz/districts", { names: { en: "Karlín", zh: "卡林" } });
    const proc = await api<{ id: string }>("POST", `/districts/${district.id}/processes`, { question: { en: "Karlín in 2035?", zh: "2035年的卡林？" }, startsOn: "2026-03-01" });
    await openInChinese(`/cities/prague-cz/districts/${district.id}?process=${proc.id}`);
    await page.getByTestId("join-name").fill("李");
    await page.getByTestId("join-group-residents").click();
    await page.getByTestId("join-submit").click();
    await page.getByTestId("joined-as").waitFor();
    const text = page.getByTestId("statement-text");
    const picker = page.getByTestId("statement-language");
    await text.waitFor();
    // It starts on the UI language, follows English text, and Chinese text again.
    await expect.poll(() => picker.innerText(), { timeout: 15_000 }).toMatch(/中文/);
    await text.fill("More shade trees");
    await expect.poll(() => picker.innerText(), { timeout: 15_000 }).toMatch(/English/);
    await text.fill("沿江多种树，增加遮荫");
    await expect.poll(() => picker.innerText(), { timeout: 15_000 }).toMatch(/中文/);
    await page.getByTestId("statement-submit").click();
    await page.getByTestId("statement-submitted").waitFor();
    const stored = await api<{ items: { text: string; language: string }[] }>("GET", `/vision-processes/${proc.id}/statements`);
    expect(stored.items.map((s) => [s.text, s.language])).toEqual([["沿江多种树，增加遮荫", "zh"]]);
  }, T);
});
