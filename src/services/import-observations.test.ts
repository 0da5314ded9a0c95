import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { openDatabase } from "../db/index.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import { type AppContext, createContext } from "./context.js";
import { importObservations, type ImportProgress } from "./import-observations.js";

const csv = (text: string) => () => Readable.from([Buffer.from(text)]);

async function problemsOf(ctx: AppContext, text: string): Promise<InvalidInputError> {
  const err = await importObservations(ctx, { open: csv(text), importedBy: "test" }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidInputError);
  return err as InvalidInputError;
}

describe.each(DIALECTS)("importObservations on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = createContext(t.database);
    await loadFixture(ctx);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.database.db.deleteFrom("observations").execute();
  });

  const good = [
    "city,indicator,period,value,source,note",
    "chongqing-cn,air.pm25_annual,2019,38,who-aqg-2021,",
    "chongqing-cn,air.pm25_annual,2020,33,who-aqg-2021,a note",
    "malaga-es,air.no2_annual,2021-12-31,21.5,Ayuntamiento de Málaga air report 2021,",
  ].join("\n");

  it("writes every row of a valid file and says what it did", async () => {
    const r = await importObservations(ctx, { open: csv(good), importedBy: "test", now: new Date("2026-01-02T03:04:05Z") });
    expect(r).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    const obs = await ctx.observations.forCity("chongqing-cn");
    expect(obs.map((o) => [o.period, o.value, o.note])).toEqual([["2019", 38, null], ["2020", 33, "a note"]]);
    expect(obs[0]).toMatchObject({ importedBy: "test", importedAt: "2026-01-02T03:04:05.000Z" });
  });

  it("changes nothing when the same file is imported twice", async () => {
    await importObservations(ctx, { open: csv(good), importedBy: "first" });
    const before = await ctx.observations.forCity("chongqing-cn");
    const r = await importObservations(ctx, { open: csv(good), importedBy: "second" });
    expect(r).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await ctx.observations.forCity("chongqing-cn")).toEqual(before);
    expect((await ctx.sources.list()).filter((s) => s.citation.startsWith("Ayuntamiento"))).toHaveLength(1);
  });

  it("updates a row whose value changed and leaves the others alone", async () => {
    await importObservations(ctx, { open: csv(good), importedBy: "test" });
    const r = await importObservations(ctx, { open: csv(good.replace(",38,", ",39,")), importedBy: "test" });
    expect(r).toEqual({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
    expect((await ctx.observations.forCity("chongqing-cn", "air.pm25_annual"))[0]?.value).toBe(39);
  });

  it("turns an unknown source text into a new source with that citation", async () => {
    await importObservations(ctx, { open: csv(good), importedBy: "test" });
    const [o] = await ctx.observations.forCity("malaga-es");
    const source = await ctx.sources.get(o!.source);
    expect(source).toMatchObject({ id: "ayuntamiento-de-malaga-air-report-2021", citation: "Ayuntamiento de Málaga air report 2021" });
  });

  it("reports every problem with row, column, value and reason, and writes nothing", async () => {
    const err = await problemsOf(
      ctx,
      [
        "city,indicator,period,value,source",
        "chongqing-cn,air.pm25_annual,2019,38,who-aqg-2021",
        "chongqing-cn,air.pm25_annual,2020,\"12,5\",who-aqg-2021",
        "atlantis-xx,air.pm25_annual,2020,1,who-aqg-2021",
        "chongqing-cn,air.pm99,2019-02-29,abc,",
        "chongqing-cn,air.pm25_annual,2019",
      ].join("\n"),
    );
    expect(err.problems).toEqual([
      { row: 3, column: "value", value: "12,5", message: 'is not a number (use "." as decimal separator and no thousands separators)', code: "import.decimal_comma" },
      { row: 4, column: "city", value: "atlantis-xx", message: expect.stringContaining("is not a known city slug"), code: "import.unknown_city" },
      { row: 5, column: "indicator", value: "air.pm99", message: expect.stringContaining("is not an indicator code"), code: "import.unknown_indicator" },
      { row: 5, column: "period", value: "2019-02-29", message: "must be a year (2019) or a date (2019-06-30)", code: "import.bad_period" },
      { row: 5, column: "value", value: "abc", message: "is not a number", code: "import.not_a_number" },
      { row: 5, column: "source", value: "", message: "is required", code: "import.required" },
      { row: 6, message: "has 3 fields, expected 5", code: "import.field_count", params: { found: 3, expected: 5 } },
    ]);
    expect(err.message).toBe("7 problems in the file; nothing was imported");
    expect(await ctx.observations.count()).toBe(0);
  });

  it("rejects a header with missing or unknown columns before reading rows", async () => {
    const err = await problemsOf(ctx, "city,indicator,year,value\nchongqing-cn,air.pm25_annual,2019,3\n");
    expect(err.problems).toEqual([
      { row: 1, column: "year", message: expect.stringContaining("is not a known column"), code: "import.unknown_column", params: { expected: expect.stringContaining("city") } },
      { row: 1, column: "period", message: "is missing from the header" },
      { row: 1, column: "source", message: "is missing from the header" },
    ]);
  });

  it("rejects an empty file and a file that is not CSV", async () => {
    expect((await problemsOf(ctx, "")).problems[0]).toMatchObject({ row: 1, message: "the header row is missing" });
    const bad = await problemsOf(ctx, 'city,indicator,period,value,source\n"chongqing-cn,air.pm25_annual,2019,3,x\n');
    expect(bad.problems[0]?.message).toMatch(/is not valid CSV/);
  });

  it("lets the later row win when a key repeats in the file", async () => {
    const r = await importObservations(ctx, {
      open: csv("city,indicator,period,value,source\nzhengzhou-cn,air.pm25_annual,2019,50,x\nzhengzhou-cn,air.pm25_annual,2019,51,x\n"),
      importedBy: "test",
    });
    expect(r.rows).toBe(2);
    expect(r.inserted).toBe(1);
    expect((await ctx.observations.forCity("zhengzhou-cn"))[0]?.value).toBe(51);
  });

  it("lets the later row win when a key repeats in the file and the earlier row would change the stored one", async () => {
    const file = (...values: number[]) => `city,indicator,period,value,source\n${values.map((v) => `zhengzhou-cn,air.pm25_annual,2019,${v},x`).join("\n")}\n`;
    await importObservations(ctx, { open: csv(file(50)), importedBy: "test" });
    expect((await importObservations(ctx, { open: csv(file(60, 50)), importedBy: "test" })).inserted).toBe(0);
    expect((await ctx.observations.forCity("zhengzhou-cn"))[0]?.value).toBe(50);
    await importObservations(ctx, { open: csv(file(50, 70)), importedBy: "test" });
    expect((await ctx.observations.forCity("zhengzhou-cn"))[0]?.value).toBe(70);
  });

  it("stores the provenance columns and updates a row whose provenance alone changed", async () => {
    const file = (quality: string) =>
      `city,indicator,period,value,source,note,place,match,basis,quality\nprague-cz,air.pm25_annual,2019,12,x,,Praha,name,measured,${quality}\n`;
    expect(await importObservations(ctx, { open: csv(file("")), importedBy: "test" })).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });
    expect(await importObservations(ctx, { open: csv(file("estimated")), importedBy: "test" })).toEqual({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
    expect((await ctx.observations.forCity("prague-cz"))[0]).toMatchObject({ place: "Praha", match: "name", basis: "measured", quality: "estimated" });
    const bad = await problemsOf(ctx, file("x").replace("measured", "guessed"));
    expect(bad.problems).toEqual([{ row: 2, column: "basis", value: "guessed", message: "must be one of measured, modelled, reported (or empty)", code: "import.bad_choice", params: { options: "measured, modelled, reported" } }]);
  });

  it("writes nothing, and leaves no staged row behind, when the last row of a large file is wrong", async () => {
    const lines = ["city,indicator,period,value,source"];
    for (let d = 0; d < 12_000; d++) lines.push(`prague-cz,air.pm25_annual,${1800 + (d % 400)}-01-${String(1 + Math.floor(d / 400)).padStart(2, "0")},1,late-problem`);
    lines.push("prague-cz,air.pm25_annual,2019,abc,late-problem");
    const err = await problemsOf(ctx, lines.join("\n"));
    expect(err.problems).toEqual([{ row: 12_002, column: "value", value: "abc", message: "is not a number", code: "import.not_a_number" }]);
    expect(await ctx.observations.count()).toBe(0);
    expect(await ctx.sources.get("late-problem")).toBeNull();
    // The staging table is gone: a good file imports afterwards as if nothing had happened.
    expect(await importObservations(ctx, { open: csv(good), importedBy: "test" })).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
  });

  it("shows readers nothing of a file until it is all written, and lets them query meanwhile", async () => {
    const lines = ["city,indicator,period,value,source"];
    for (let d = 0; d < 12_000; d++) lines.push(`prague-cz,air.pm25_annual,${new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)},2,x`);
    const seenWhileReading: number[] = [];
    const reads: Promise<void>[] = [];
    const r = await importObservations(ctx, {
      open: csv(lines.join("\n")),
      importedBy: "test",
      onProgress: (p) => {
        if (p.phase === "validate" && p.rows === 10_000) reads.push(ctx.observations.count().then((n) => void seenWhileReading.push(n)));
      },
    });
    await Promise.all(reads);
    // The read is sent while the file is still being read; on a busy machine the server may run
    // it only after the commit (it failed once so in a fresh-clone run on PostgreSQL). Either way
    // it sees none of the file or all of it, never a part.
    expect(seenWhileReading).toHaveLength(1);
    expect([0, 12_000]).toContain(seenWhileReading[0]);
    expect(r.inserted).toBe(12_000);
    expect(await ctx.observations.count()).toBe(12_000);
  });

  it.runIf(dialect === "postgres")("counts the same where the server does not count rows (track_counts off: the upsert instead of MERGE)", async () => {
    const url = new URL(t.config.databaseUrl!);
    url.searchParams.set("options", "-c track_counts=off");
    const uncounted = openDatabase({ databaseUrl: url.toString(), sqlitePath: "" });
    try {
      const c = createContext(uncounted);
      expect((await uncounted.pool!.query("select current_setting('track_counts') as v")).rows[0]).toEqual({ v: "off" });
      expect(await importObservations(c, { open: csv(good), importedBy: "test" })).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
      expect(await importObservations(c, { open: csv(good), importedBy: "test" })).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
      expect(await importObservations(c, { open: csv(good.replace(",38,", ",39,")), importedBy: "test" })).toEqual({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
      expect((await c.observations.forCity("chongqing-cn", "air.pm25_annual"))[0]?.value).toBe(39);
    } finally {
      await uncounted.close();
    }
  });

  it("imports a large file in batches and reports progress in both phases", async () => {
    const lines = ["city,indicator,period,value,source"];
    for (let d = 0; d < 12_000; d++) {
      const date = new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      lines.push(`prague-cz,air.pm25_annual,${date},${(d % 97) / 3},bench`);
    }
    const seen: ImportProgress[] = [];
    const r = await importObservations(ctx, { open: csv(lines.join("\n")), importedBy: "test", onProgress: (p) => seen.push(p) });
    expect(r).toEqual({ rows: 12_000, inserted: 12_000, updated: 0, unchanged: 0 });
    expect(seen.filter((p) => p.phase === "validate").map((p) => p.rows)).toEqual([5000, 10000, 12000]);
    expect(seen.filter((p) => p.phase === "write").at(-1)?.rows).toBe(12_000);
    expect(await ctx.observations.count({ city: "prague-cz" })).toBe(12_000);
  });
});
