import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import { type PracticeRecordInput, PracticeRecordSchema } from "../../domain/practice.js";
import type { AppContext } from "../../services/context.js";
import { preparePractices } from "../../services/prepare-practices.js";
import { tokenize } from "../../engines/search/tokenize.js";
import { chineseSegmenter } from "../../services/practice-segmenter.js";
import { useTestContext } from "../../../test/support/context.js";

const NOW = "2026-01-01T00:00:00.000Z";
const URL_A = "https://example.org/a";

function record(id: string, over: Partial<PracticeRecordInput> = {}): PracticeRecordInput {
  return {
    id,
    title_en: "Low emission zone",
    title_zh: "低排放区",
    city: "Chongqing",
    country: "CN",
    themes: ["air"],
    summary_en: "A low emission zone for trucks in the centre.",
    sources: [{ title: "Report", url: URL_A, publisher: "City", year: 2020 }],
    outcomes: [],
    ...over,
  };
}
const measuredOutcome = { metric: "NO2 at roadside", value: 12, unit: "% reduction", source_url: URL_A, kind: "measured" as const };

describe.each(DIALECTS)("PracticeRepository on %s", (dialect) => {
  let ctx: AppContext;
  const save = async (...inputs: PracticeRecordInput[]) =>
    ctx.practices.saveMany(await preparePractices(ctx, inputs.map((i) => PracticeRecordSchema.parse(i))), "test", NOW);
  const find = async (q: string) => (await ctx.practices.search({ terms: [...new Set(tokenize(q, chineseSegmenter))], limit: 20, offset: 0 })).hits.map((h) => h.id);

  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
  });
  beforeEach(async () => {
    for (const id of await ctx.practices.ids()) await ctx.practices.delete(id);
  });

  it("ranks a measured practice above an unmeasured one with the same text match", async () => {
    await save(record("a-unmeasured"), record("b-measured", { outcomes: [{ ...measuredOutcome, kind: "modelled" }] }), record("c-measured", { outcomes: [measuredOutcome] }));
    const r = await ctx.practices.search({ terms: ["emission"], limit: 20, offset: 0 });
    expect(r.hits.map((h) => h.id)).toEqual(["c-measured", "a-unmeasured", "b-measured"]);
    expect(r.hits[0]!.score).toBeCloseTo(1.5 * r.hits[1]!.score, 6);
  });

  it("links the practice to the catalogue city and its region", async () => {
    await save(record("cq"));
    expect(await ctx.practices.get("cq")).toMatchObject({ citySlug: "chongqing-cn", region: "Eastern Asia", measured: false });
  });

  it("updates the index with the practice: a new title is found, the old one is not", async () => {
    await save(record("p"));
    expect(await find("trucks")).toEqual(["p"]);
    await save(record("p", { summary_en: "Bus lanes on the ring road.", title_en: "Bus lanes", title_zh: "公交专用道" }));
    expect(await find("trucks")).toEqual([]);
    expect(await find("公交")).toEqual(["p"]);
  });

  it("filters and counts by a practice's new country, themes and measured state after an edit", async () => {
    await save(record("p"), record("q", { themes: ["transport"] }));
    await save(record("p", { city: "Málaga", country: "ES", themes: ["transport", "congestion"], outcomes: [measuredOutcome] }));
    const all = await ctx.practices.search({ terms: ["emission"], limit: 20, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.facets.country).toEqual([{ value: "CN", count: 1 }, { value: "ES", count: 1 }]);
    expect(all.facets.theme).toEqual([{ value: "transport", count: 2 }, { value: "congestion", count: 1 }]);
    expect(all.facets.measured).toEqual([{ value: "false", count: 1 }, { value: "true", count: 1 }]);
    expect(all.hits.map((h) => h.id)).toEqual(["p", "q"]);
    const filtered = async (f: { theme?: "air" | "congestion"; country?: string; region?: string; measured?: boolean }) =>
      (await ctx.practices.search({ terms: ["emission"], limit: 20, offset: 0, ...f })).hits.map((h) => h.id);
    expect(await filtered({ country: "ES" })).toEqual(["p"]);
    expect(await filtered({ country: "CN" })).toEqual(["q"]);
    expect(await filtered({ country: "SE" })).toEqual([]);
    expect(await filtered({ theme: "congestion" })).toEqual(["p"]);
    expect(await filtered({ theme: "air" })).toEqual([]);
    expect(await filtered({ measured: false })).toEqual(["q"]);
    expect(await filtered({ region: "Eastern Asia" })).toEqual(["q"]);
    expect(await filtered({ region: "Atlantis" })).toEqual([]);
  });

  it("writes nothing, not even index entries, when one practice of a batch fails", async () => {
    const good = await preparePractices(ctx, [PracticeRecordSchema.parse(record("good"))]);
    const bad = await preparePractices(ctx, [PracticeRecordSchema.parse(record("bad", { outcomes: [measuredOutcome] }))]);
    bad[0]!.draft.outcomes[0]!.indicator = "air.not_an_indicator"; // violates the foreign key after the practice row is written
    await expect(ctx.practices.saveMany([...good, ...bad], "test", NOW)).rejects.toThrow();
    expect(await ctx.practices.count()).toBe(0);
    expect(await find("trucks")).toEqual([]);
  });

  it("removes a deleted practice from the index", async () => {
    await save(record("gone"));
    expect(await ctx.practices.delete("gone")).toBe(true);
    expect(await find("emission")).toEqual([]);
    expect(await ctx.practices.delete("gone")).toBe(false);
  });

  it("offers index words as spelling candidates", async () => {
    await save(record("v"));
    const words = (await ctx.practices.vocabulary("emision")).map((v) => v.term);
    expect(words).toContain("emission");
  });
});
