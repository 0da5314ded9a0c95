import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openParallelReader } from "./parallel-reader.js";

describe("parallel reader", () => {
  const dir = mkdtempSync(join(tmpdir(), "citybridge-reader-"));
  const path = join(dir, "r.db");
  const main = new SQLite(path);
  main.pragma("journal_mode = WAL");
  main.exec("create table t (k integer primary key, v text)");
  main.prepare("insert into t values (?, ?)").run(1, "one");
  const reader = openParallelReader(path);
  afterAll(async () => {
    await reader.close();
    main.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers statements with parameters on its own connection, several at once", async () => {
    const rows = await Promise.all([1, 2].map((k) => reader.get<{ v: string }>("select v from t where k = ?", [k])));
    expect(rows).toEqual([{ v: "one" }, undefined]);
  });

  it("sees what is committed, not what a transaction of the main connection has not committed yet", async () => {
    main.exec("begin");
    main.prepare("insert into t values (?, ?)").run(2, "two");
    expect(await reader.get("select count(*) as n from t", [])).toEqual({ n: 1 });
    main.exec("commit");
    expect(await reader.get("select count(*) as n from t", [])).toEqual({ n: 2 });
  });

  it("rejects statements when the file cannot be opened (callers then run them themselves)", async () => {
    const gone = openParallelReader(join(dir, "missing.db"));
    await expect(gone.get("select 1", [])).rejects.toThrow();
    await expect(gone.get("select 1", [])).rejects.toThrow();
    await gone.close();
    await expect(reader.get("select count(*) as n from t", [])).resolves.toEqual({ n: 2 });
  });

  it("rejects a statement that fails, and refuses to write", async () => {
    await expect(reader.get("select x from nowhere", [])).rejects.toThrow(/no such table/);
    await expect(reader.get("insert into t values (3, 'three') returning k", [])).rejects.toThrow(/readonly/);
    expect(await reader.get("select count(*) as n from t", [])).toEqual({ n: 2 });
  });
});
