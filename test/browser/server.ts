/**
 * Browser-test harness: builds the web UI when missing or stale, starts the real server on a free port with
 * a fresh SQLite file (first start seeds the reference data), and opens Debian's Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { freePort } from "../support/free-port.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Running {
  baseUrl: string;
  /** An administrator of the test server: sign in with these, or send `authHeaders` from Node. */
  admin: { email: string; password: string };
  /** `Authorization: Bearer …` of the administrator, for API calls a test makes from Node. */
  authHeaders: Record<string, string>;
  stop: () => Promise<void>;
  output: () => string;
}


/**
 * Builds dist/web when it is missing, stale or not a production build (scripts/build.js: production
 * mode whatever NODE_ENV vitest set, and a lock so that test files starting together build it once).
 */
export async function ensureWebBuilt(): Promise<void> {
  // Not spawnSync: a build of a minute on a loaded machine would block the test worker's event loop,
  // and vitest then fails the run with "Timeout calling onTaskUpdate" although every test passed.
  const child = spawn(process.execPath, ["scripts/build.js", "web"], { cwd: ROOT, stdio: "inherit" });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  if (status !== 0) throw new Error(`web build failed with exit code ${status}`);
}

/** Starts `citybridge serve` on a fresh database and waits until /api/health/ready answers (first start seeds: up to 120 s). */
export async function startServer(timeoutMs = 120_000): Promise<Running> {
  await ensureWebBuilt();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "citybridge-browser-"));
  const db = join(dir, "test.db");
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["bin/citybridge.js", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db], {
    cwd: ROOT,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => { log += d.toString(); });
  child.stderr?.on("data", (d: Buffer) => { log += d.toString(); });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${child.exitCode} before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health/ready`);
      if (res.ok) {
        const admin = createTestAdmin(db);
        const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(admin) });
        const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
        const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
        // `users create-admin` prints a one-time password: choose another before any write (this session stays).
        const own = `${admin.password}-own`;
        const changed = await fetch(`${baseUrl}/api/v1/auth/password`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf }, body: JSON.stringify({ currentPassword: admin.password, newPassword: own }) });
        if (!changed.ok) throw new Error(`changing the one-time password failed: ${changed.status} ${await changed.text()}`);
        admin.password = own;
        const token = await fetch(`${baseUrl}/api/v1/auth/tokens`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf }, body: JSON.stringify({ name: "browser tests" }) });
        const { secret } = (await token.json()) as { secret: string };
        return { baseUrl, stop, output: () => log, admin, authHeaders: { authorization: `Bearer ${secret}` } };
      }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`server did not answer /api/health/ready within ${timeoutMs / 1000} s:\n${log}`);
}

/** Creates an administrator in the server's database through the CLI, as an operator would. */
function createTestAdmin(db: string): { email: string; password: string } {
  const email = "browser-admin@example.org";
  const r = spawnSync(process.execPath, ["bin/citybridge.js", "users", "create-admin", "--email", email, "--json", "--db", db], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`users create-admin failed: ${r.stderr}`);
  return { email, password: (JSON.parse(r.stdout) as { password: string }).password };
}

/** Debian's Chromium (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * The lifecycle every browser test file shares: one server and one Chromium for the file, a fresh
 * 1280×720 page for each test. `bind` receives the server once it is up (before the file's own
 * beforeAll hooks run) and each test's page before the test.
 */
/**
 * With `oneAdminSession`, the administrator signs in once for the file and each test's context starts
 * with that session's cookies: the server allows 10 sign-ins a minute per address (SIGN_IN_LIMIT), and a
 * file that also signs in other users per test would hit it. For files that never end the admin's session.
 */
export function useBrowser(bind: (s: { server: Running; page?: Page }) => void, opts: { pageTimeoutMs?: number; signedIn?: boolean; oneAdminSession?: boolean } = {}): void {
  let server: Running | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let adminState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    bind({ server });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    const reuse = opts.signedIn !== false && opts.oneAdminSession ? adminState : undefined;
    context = await browser!.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB", storageState: reuse });
    // Signed in as the administrator unless the test file asks to be anonymous (the cookie jar is shared with the page).
    if (opts.signedIn !== false && !reuse) {
      const r = await context.request.post(`${server!.baseUrl}/api/v1/auth/sign-in`, { data: server!.admin });
      if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
      if (opts.oneAdminSession) adminState = await context.storageState();
    }
    const page = await context.newPage();
    page.setDefaultTimeout(opts.pageTimeoutMs ?? 20_000);
    bind({ server: server!, page });
  });
  afterEach(async () => {
    await context?.close();
  });
}

/** A fresh 1280×720 page in its own context, signed in as the administrator or signed out; the caller closes the context. */
export async function openPage(browser: Browser, server: Running, as: "admin" | "visitor", timeoutMs = 30_000): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB" });
  if (as === "admin") {
    const r = await context.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, { data: server.admin });
    if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  return { page, context };
}

/** Each tab of a city page with what shows that its content is there. */
export const CITY_TABS: Array<[tab: string, ready: string]> = [
  ["overview", "[data-testid^='figure-']"],
  ["indicators", "[data-testid^='indicator-chart-'] canvas"],
  ["air", "[data-testid=air-calendar] canvas"],
  ["climate", "[data-testid=inventory-none], [data-testid=inventory-summary]"],
  ["practices", "[data-testid=gap-practices]"],
  ["counterparts", "[data-testid=counterparts-family], [data-testid=counterparts-empty], [data-testid=counterparts-none]"],
  ["cooperations", "[data-testid=city-cooperations], [data-testid=city-cooperations-empty]"],
  ["districts", "[data-testid=districts-tab] [data-testid^='district-']"],
];
