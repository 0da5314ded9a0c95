import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../../test/support/context.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { PracticeRecordSchema } from "../../domain/practice.js";
import type { AppContext } from "../../services/context.js";
import { preparePractices } from "../../services/prepare-practices.js";
import { down, up } from "./0008-practice-index-keys.js";

describe("migration 0008 (practice index keys) on sqlite", () => {
  let ctx: AppContext;
  useTestContext("sqlite", (c) => (ctx = c));

  it("re-keys index rows written before it exactly as the repository keys new ones", async () => {
    await loadFixture(ctx);
    const inputs = [
      { id: "a", title_en: "Congestion charge", city: "Chongqing", country: "CN", themes: ["congestion", "transport"], outcomes: [{ metric: "Traffic", value: -20, unit: "%", source_url: "https://example.org/a", kind: "measured" }] },
      { id: "b", title_en: "Tree planting", city: "Malmö", country: "SE", themes: ["green"], outcomes: [] },
    ].map((r) => PracticeRecordSchema.parse({ ...r, sources: [{ title: "Report", url: "https://example.org/a", publisher: null, year: 2020 }] }));
    await ctx.practices.saveMany(await preparePractices(ctx, inputs), "test", "2026-01-01T00:00:00.000Z");
    const keys = async () => (await sql<{ rowid: number; title: string }>`select rowid, title from practice_fts order by rowid`.execute(ctx.database.db)).rows;
    const written = await keys();
    expect(written).toHaveLength(2);

    await down(ctx.database.db as unknown as Kysely<unknown>);
    const docs = (await ctx.database.db.selectFrom("practices").select("doc").orderBy("doc").execute()).map((r) => Number(r.doc));
    expect((await keys()).map((k) => k.rowid)).toEqual(docs);

    await up(ctx.database.db as unknown as Kysely<unknown>);
    expect(await keys()).toEqual(written);
    const found = await ctx.practices.search({ terms: ["congestion"], theme: "transport", measured: true, limit: 20, offset: 0 });
    expect(found.hits.map((h) => h.id)).toEqual(["a"]);
  });
});
