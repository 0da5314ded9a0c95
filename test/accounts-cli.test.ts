import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./support/free-port.js";
import { BIN, CLI_ENV, cliRunner } from "./support/cli.js";

let dir: string;
let db: string;

const run = cliRunner();

function count(file: string, sql: string): number {
  const d = new Database(file, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
}


describe("citybridge users and db backup", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "citybridge-accounts-"));
    db = join(dir, "main.db");
    expect(run("db", "seed", "--db", db).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the first administrator with a printed one-time password, never a default one", () => {
    const r = run("users", "create-admin", "--email", "Admin@Example.org", "--json", "--db", db);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { user: { email: string; isAdmin: boolean }; password: string };
    expect(out.user).toMatchObject({ email: "admin@example.org", isAdmin: true });
    expect(out.password.length).toBeGreaterThanOrEqual(20);
    const again = run("users", "create-admin", "--email", "second@example.org", "--json", "--db", db);
    expect(JSON.parse(again.stdout).password).not.toBe(out.password);
    const d = new Database(db, { readonly: true });
    const hashes = d.prepare("select password_hash as h from users").all() as { h: string }[];
    d.close();
    expect(hashes.every((x) => x.h.startsWith("$argon2id$"))).toBe(true);
    const marks = new Database(db, { readonly: true });
    // The printed password is one-time: the administrator must choose their own before any other write.
    expect(marks.prepare("select must_change_password as m from users where email = 'admin@example.org'").get()).toEqual({ m: 1 });
    marks.close();
    expect(run("users", "create-admin", "--email", "admin@example.org", "--db", db).code).toBe(1);
    expect(run("users", "create-admin", "--email", "not-an-email", "--db", db).code).toBe(2);
    expect(run("users", "list", "--db", db).stdout).toContain("admin@example.org\tAdministrator\tadministrator");
    const audit = new Database(db, { readonly: true });
    const entries = audit.prepare("select actor, action, entity, after_json from audit_log where entity = 'user'").all() as { actor: string; action: string; after_json: string }[];
    audit.close();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor: expect.stringMatching(/^cli:/), action: "create" });
    expect(entries[0]?.after_json).not.toContain("argon2");
  });

  it("backs up the database while the server is running, and restores it", async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--db", db], { env: CLI_ENV, stdio: "ignore" });
    try {
      for (let i = 0; i < 200; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Keep the server busy reading while the backup runs.
      const reads = Promise.all(Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/api/v1/cities?limit=50`).then((r) => r.status)));
      const backup = join(dir, "backup.db");
      const r = run("db", "backup", backup, "--db", db);
      expect(r.code, r.stderr).toBe(0);
      expect((await reads).every((s) => s === 200)).toBe(true);
      expect(count(backup, "select count(*) as n from cities")).toBe(count(db, "select count(*) as n from cities"));
      expect(count(backup, "select count(*) as n from users")).toBe(2);
    } finally {
      server.kill("SIGTERM");
    }
    run("users", "create-admin", "--email", "after-backup@example.org", "--db", db);
    expect(count(db, "select count(*) as n from users")).toBe(3);
    const restored = run("db", "restore", join(dir, "backup.db"), "--db", db);
    expect(restored.code, restored.stderr).toBe(0);
    expect(count(db, "select count(*) as n from users")).toBe(2);
  }, 120_000);

  it("refuses to restore a file that is not a citybridge database, exit 2, leaving the database as it was", () => {
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not a database");
    const r = run("db", "restore", junk, "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a citybridge database backup");
    expect(count(db, "select count(*) as n from users")).toBe(2);
  });
});
