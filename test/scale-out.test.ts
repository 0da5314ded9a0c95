import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BIN, CLI_ENV } from "./support/cli.js";
import { freePort } from "./support/free-port.js";

/**
 * Two real `citybridge serve` processes on one (embedded) PostgreSQL database, started at once on
 * an empty database, as a deployment with two replicas behind a proxy would run them.
 */
const CITIES = readFileSync(new URL("../data/cities.csv", import.meta.url), "utf8").trim().split("\n").length - 1;
const practice = {
  id: "scale-out-bus-lanes",
  title_en: "Bus lanes on the ring road",
  title_zh: "环路公交专用道",
  city: "Chongqing",
  country: "CN",
  themes: ["transport"],
  summary_en: "Dedicated bus lanes on the inner ring road.",
  outcomes: [{ metric: "Bus speed", value: 18, unit: "km/h", baseline: 12, year: 2021, source_url: "https://example.org/bus", indicator: null }],
  sources: [{ title: "Bus report", url: "https://example.org/bus", publisher: "Example", year: 2021 }],
};

interface Server {
  base: string;
  child: ChildProcess;
  log: () => string;
}

interface Sample {
  at: number;
  live: number;
  ready: number;
  cities: number;
  /** Cities in a 200 answer of /cities/points. */
  count: number | null;
}

let adminUrl: string;
let dbName: string;
let url: string;
const servers: Server[] = [];

async function start(instance: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--trust-proxy", "loopback"], {
    env: { ...CLI_ENV, DATABASE_URL: url, CITYBRIDGE_LOG: "error", CITYBRIDGE_INSTANCE: instance },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const s = { base: `http://127.0.0.1:${port}`, child, log: () => log };
  servers.push(s);
  return s;
}

const status = (u: string, init?: RequestInit) => fetch(u, init).then((r) => r.status, () => 0);

async function sample(s: Server, t0: number): Promise<Sample> {
  const at = Date.now() - t0;
  // Readiness first: a server that answered it is listening, so liveness asked next must answer 200
  // (asked the other way round, a server that starts listening between the two looks "not live but 503").
  const ready = await status(`${s.base}/api/health/ready`);
  const live = await status(`${s.base}/api/health`);
  const r = await fetch(`${s.base}/api/v1/cities/points`).catch(() => null);
  const count = r?.status === 200 ? ((await r.json()) as { items: unknown[] }).items.length : null;
  return { at, live, ready, cities: r?.status ?? 0, count };
}

async function json(r: Response): Promise<Record<string, unknown>> {
  return (await r.json()) as Record<string, unknown>;
}

describe("two servers on one PostgreSQL database", () => {
  const samples: Sample[][] = [[], []];

  beforeAll(async () => {
    adminUrl = inject("pgAdminUrl");
    dbName = `cb_scaleout_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    url = u.toString();

    // Both at once on the empty database; sample both until both are ready.
    const t0 = Date.now();
    const pair = [await start("replica-a"), await start("replica-b")];
    const deadline = Date.now() + 240_000;
    let ready = [false, false];
    while (!ready.every(Boolean) && Date.now() < deadline) {
      const got = await Promise.all(pair.map((s) => sample(s, t0)));
      got.forEach((g, i) => samples[i]?.push(g));
      ready = ready.map((r, i) => r || got[i]?.ready === 200);
      for (const s of pair) if (s.child.exitCode !== null) throw new Error(`a server exited early:\n${s.log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!ready.every(Boolean)) throw new Error(`not ready in time:\n${pair.map((s) => s.log()).join("\n---\n")}`);
  }, 300_000);

  afterAll(async () => {
    const running = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
    for (const s of running) s.child.kill("SIGTERM");
    await Promise.all(running.map((s) => new Promise((r) => s.child.once("exit", r))));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }, 60_000);

  it("reports ready only once the seed is complete, and never serves a partial city list", async () => {
    const all = samples.flat();
    // Before it is ready a server answers 503 to the API (or is not listening yet), never a partial list.
    for (const s of all) {
      expect([0, 200, 503]).toContain(s.cities);
      if (s.cities === 200) expect(s.count).toBe(CITIES);
      if (s.ready === 200) expect(s.count).toBe(CITIES);
      if (s.ready === 503) expect(s.live).toBe(200);
    }
    // Both were seen alive but not ready while the seed ran, so the check above tested something.
    for (const list of samples) expect(list.some((s) => s.live === 200 && s.ready === 503 && s.cities === 503)).toBe(true);
    // One server seeded; the other waited for the startup lock and did not seed again.
    const logs = servers.map((s) => s.log());
    expect(logs.filter((l) => l.includes("first start: loading the reference data")).length).toBe(1);
    expect(logs.filter((l) => l.includes("another server is migrating or seeding")).length).toBe(1);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query("select value from runtime_state where key = 'seed'")).rows).toEqual([{ value: "completed" }]);
      expect(Number((await c.query("select count(*) as n from cities")).rows[0].n)).toBe(CITIES);
    } finally {
      await c.end();
    }
    const readyAt = samples.map((list) => list.find((s) => s.ready === 200)?.at);
    process.stderr.write(`scale-out: ${CITIES} cities; ready after ${readyAt.map((t) => `${((t ?? 0) / 1000).toFixed(1)} s`).join(" and ")}\n`);
  });

  describe("once both are ready", () => {
    let cookie: string;
    let csrf: string;
    const [a, b] = [() => servers[0] as Server, () => servers[1] as Server];

    beforeAll(() => {
      const r = spawnSync(process.execPath, [BIN, "users", "create-admin", "--email", "ops@example.org", "--json"], {
        encoding: "utf8",
        env: { ...CLI_ENV, DATABASE_URL: url },
        timeout: 60_000,
      });
      if (r.status !== 0) throw new Error(r.stderr);
      adminPassword = (JSON.parse(r.stdout) as { password: string }).password;
    }, 60_000);
    let adminPassword: string;

    const signIn = (s: Server, password: string, headers: Record<string, string> = {}) =>
      fetch(`${s.base}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email: "ops@example.org", password }) });

    it("shares a session: signed in on A, known on B", async () => {
      const r = await signIn(a(), adminPassword, { "x-forwarded-for": "198.51.100.1" });
      expect(r.status).toBe(200);
      cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      csrf = (await json(r)).csrfToken as string;
      const me = await fetch(`${b().base}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await json(me)).email).toBe("ops@example.org");
      // `users create-admin` prints a one-time password: choose another before any write (this session stays).
      const changed = await fetch(`${b().base}/api/v1/auth/password`, { method: "POST", headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf }, body: JSON.stringify({ currentPassword: adminPassword, newPassword: `${adminPassword}-own` }) });
      expect(changed.status).toBe(200);
      adminPassword = `${adminPassword}-own`;
    });

    it("limits wrong passwords spread over both servers as one, per client address through the proxy", async () => {
      const from = { "x-forwarded-for": "198.51.100.20" };
      const codes: number[] = [];
      for (let i = 0; i < 14; i++) codes.push((await signIn(i % 2 === 0 ? a() : b(), "wrong password", from)).status);
      // 10 a minute per client: the 11th attempt is refused, whichever server it reaches.
      expect(codes).toEqual([...Array<number>(10).fill(401), ...Array<number>(4).fill(429)]);
      const limited = await signIn(b(), "wrong password", from);
      expect(limited.headers.get("content-type")).toContain("application/problem+json");
      // Another client behind the same proxy has its own window.
      expect((await signIn(a(), "wrong password", { "x-forwarded-for": "198.51.100.21" })).status).toBe(401);
    });

    it("marks the session cookie Secure when the request came over TLS to the proxy", async () => {
      const tls = await signIn(b(), adminPassword, { "x-forwarded-for": "198.51.100.30", "x-forwarded-proto": "https" });
      expect(tls.status).toBe(200);
      expect(tls.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c))).toBe(true);
      const plain = await signIn(b(), adminPassword, { "x-forwarded-for": "198.51.100.31" });
      expect(plain.headers.getSetCookie().some((c) => /;\s*Secure/i.test(c))).toBe(false);
    });

    it("refuses a stale If-Match on B after a write on A (409)", async () => {
      const write = { "content-type": "application/json", cookie, "x-csrf-token": csrf };
      const created = await fetch(`${a().base}/api/v1/practices`, { method: "POST", headers: write, body: JSON.stringify(practice) });
      expect(created.status, await created.clone().text()).toBe(201);
      const etag = (await fetch(`${b().base}/api/v1/practices/${practice.id}`, { headers: { cookie } })).headers.get("etag") as string;
      expect(etag).toBeTruthy();
      const onA = await fetch(`${a().base}/api/v1/practices/${practice.id}`, { method: "PUT", headers: { ...write, "if-match": etag }, body: JSON.stringify({ ...practice, title_en: "Bus priority lanes" }) });
      expect(onA.status).toBe(200);
      const onB = await fetch(`${b().base}/api/v1/practices/${practice.id}`, { method: "PUT", headers: { ...write, "if-match": etag }, body: JSON.stringify({ ...practice, title_en: "Other title" }) });
      expect(onB.status).toBe(409);
      const now = await json(await fetch(`${b().base}/api/v1/practices/${practice.id}`));
      expect((now.title as { en: string }).en).toBe("Bus priority lanes");
      expect((await fetch(`${b().base}/api/v1/practices/${practice.id}`, { method: "DELETE", headers: { cookie, "x-csrf-token": csrf } })).status).toBe(204);
      // Each audit row names the server that wrote it.
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const rows = await c.query("select action, instance from audit_log where entity_id = $1 order by seq", [practice.id]);
        expect(rows.rows).toEqual([
          { action: "create", instance: "replica-a" },
          { action: "update", instance: "replica-a" },
          { action: "delete", instance: "replica-b" },
        ]);
      } finally {
        await c.end();
      }
    });

    // Last: it kills server A.
    it("rolls back an import whose server is killed mid-write: B never shows any of it, keeps serving, and imports the file whole", async () => {
      const SOURCE = "scale-out-killed-import";
      const cities = ["chongqing-cn", "zhengzhou-cn", "longyan-cn", "mannheim-de", "prague-cz", "malaga-es"];
      const ROWS = 30_000;
      const lines = ["city,indicator,period,value,source,note"];
      const start = Date.UTC(1900, 0, 1);
      for (let i = 0; i < ROWS; i++) {
        const day = new Date(start + Math.floor(i / cities.length) * 86_400_000).toISOString().slice(0, 10);
        lines.push(`${cities[i % cities.length]},air.pm25_annual,${day},${(i % 900) / 10},${SOURCE},`);
      }
      const csv = `${lines.join("\n")}\n`;
      const last = lines[lines.length - 1]?.split(",") ?? [];
      const write = { "content-type": "text/csv", cookie, "x-csrf-token": csrf };
      const imported = () => c.query("select count(*)::int as n from observations where source_id = $1", [SOURCE]).then((r) => (r.rows[0] as { n: number }).n);
      const onB = async () => {
        const r = await fetch(`${b().base}/api/v1/cities/malaga-es/observations?indicator=air.pm25_annual`);
        expect(r.status).toBe(200);
        return (await r.text()).split(SOURCE).length - 1;
      };

      const c = new pg.Client({ connectionString: url });
      const blocker = new pg.Client({ connectionString: url });
      await c.connect();
      await blocker.connect();
      try {
        // The source exists, and another transaction holds the file's last key uncommitted: A's
        // merge (MERGE or INSERT … into observations) writes its rows up to that one and then waits
        // there, in flight, until A is killed.
        await c.query("insert into sources (id, citation, url, licence, created_at) values ($1, $2, null, null, now()::text)", [SOURCE, "Scale-out killed import"]);
        expect(await onB()).toBe(0); // B caches the city's answer before the import
        await blocker.query("begin");
        await blocker.query("insert into observations (city_slug, indicator_code, period, value, source_id, note, imported_by, imported_at) values ($1, $2, $3, 1, $4, null, 'blocker', now()::text)", [last[0], last[1], last[2], SOURCE]);

        const blockerPid = ((await blocker.query("select pg_backend_pid() as pid")).rows[0] as { pid: number }).pid;
        const merging = (more: string) => c.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid not in ($1, pg_backend_pid()) and query like '%into observations%' and ${more}`, [blockerPid]).then((r) => (r.rows[0] as { n: number }).n);
        const upload = fetch(`${a().base}/api/v1/observations/import`, { method: "POST", headers: write, body: csv }).catch(() => null);
        let waiting = false;
        for (let i = 0; i < 2400 && !waiting; i++) {
          waiting = (await merging("wait_event_type = 'Lock'")) > 0;
          if (!waiting) await new Promise((r) => setTimeout(r, 50));
        }
        expect(waiting, "A's import reached its write and waits on the held key").toBe(true);
        a().child.kill("SIGKILL");
        await new Promise((r) => a().child.once("exit", r));
        expect(await upload).toBe(null); // the connection died with the server

        // While A's transaction is still open in PostgreSQL, and after it is gone, B shows nothing of it.
        expect(await onB()).toBe(0);
        await blocker.query("rollback");
        // PostgreSQL ends A's backend (and rolls its transaction back) once it finds the client gone.
        for (let i = 0; i < 600 && (await merging("state <> 'idle'")) > 0; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await merging("state <> 'idle'")).toBe(0);
        expect(await imported()).toBe(0);
        expect(await onB()).toBe(0);
        expect((await fetch(`${b().base}/api/health/ready`)).status).toBe(200);

        // The same file on B: all of it, at once visible on B (its cache was dropped by the write).
        const again = await fetch(`${b().base}/api/v1/observations/import`, { method: "POST", headers: write, body: csv });
        expect(again.status, await again.clone().text()).toBe(200);
        expect(await json(again)).toMatchObject({ rows: ROWS, inserted: ROWS });
        expect(await imported()).toBe(ROWS);
        expect(await onB()).toBe(ROWS / cities.length);
      } finally {
        await blocker.end();
        await c.end();
      }
    }, 240_000);
  });
});
