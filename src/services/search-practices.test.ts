import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadFixture } from "../../test/support/fixture.js";
import type { AppContext } from "./context.js";
import { DATA_DIR } from "./seed.js";
import { seedPractices } from "./seed-practices.js";
import { searchPractices } from "./search-practices.js";
import { useTestContext } from "../../test/support/context.js";

const ids = (r: { results: { id: string }[] }) => r.results.map((h) => h.id);

describe.each(DIALECTS)("searchPractices on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadFixture(ctx);
    await seedPractices(ctx, DATA_DIR);
  });

  it("seeds the 38 curated practices with every source they cite", async () => {
    expect(await ctx.practices.count()).toBe(38);
    const p = (await ctx.practices.get("stockholm-congestion-tax"))!;
    expect(p.sources.map((s) => s.publisher)).toEqual(["Sveriges Radio", "Reuters (via redOrbit)", "Caradisiac", "GoodPlanet"]);
    expect(p.outcomes.every((o) => o.source.url && p.sources.some((s) => s.url === o.source.url))).toBe(true);
    expect(p.outcomes[1]).toMatchObject({ value: 20, valueMax: 25, unit: "% reduction", indicator: "congestion.level" });
    expect(p.title.zh).toContain("拥堵税");
  });

  it("attributes Shenzhen's 1.35 Mt CO2 a year to the electric buses only, as its cited source does", async () => {
    const p = (await ctx.practices.get("shenzhen-electric-buses-and-taxis"))!;
    const co2 = p.outcomes.find((o) => o.value === 1.35)!;
    expect(co2.metric).toBe("CO2 emissions avoided per year by the electric buses");
    expect(co2.note).toMatch(/electric buses compared with conventional buses[\s\S]*does not cover the electric taxis/);
    expect(co2.source.url).toBe("https://www.chinadaily.com.cn/a/201712/28/WS5a44a848a31008cf16da406c.html");
    expect(p.sources.map((s) => s.publisher)).toContain("China Daily");
  });

  it("shows the summary in the reader's language when no query word is in it", async () => {
    const zh = await searchPractices(ctx, { lang: "zh", limit: 50 });
    const stockholm = zh.results.find((r) => r.id === "stockholm-congestion-tax");
    expect(stockholm?.snippetLang).toBe("zh");
    expect(stockholm?.snippet?.[0]?.text).toMatch(/^斯德哥尔摩/);
    const en = await searchPractices(ctx, { limit: 50 });
    expect(en.results.find((r) => r.id === "stockholm-congestion-tax")?.snippetLang).toBe("en");
  });

  it("finds congestion charges by 拥堵 through the Chinese fields", async () => {
    const r = await searchPractices(ctx, { q: "拥堵" });
    expect(ids(r)).toContain("stockholm-congestion-tax");
    expect(ids(r)).toContain("london-congestion-charge");
  });

  it("finds practices about public transport by 公共交通", async () => {
    const r = await searchPractices(ctx, { q: "公共交通" });
    expect(ids(r)).toEqual(expect.arrayContaining(["stockholm-congestion-tax", "milan-area-c", "vienna-365-euro-annual-pass"]));
  });

  it("matches prefixes: congest finds congestion", async () => {
    const r = await searchPractices(ctx, { q: "congest" });
    expect(ids(r)).toContain("stockholm-congestion-tax");
    expect(ids(r)).toContain("gothenburg-congestion-tax");
  });

  it("requires every word: congestion charge finds London's congestion charge first among charges", async () => {
    const r = await searchPractices(ctx, { q: "congestion charge" });
    expect(ids(r)).toContain("london-congestion-charge");
    expect(ids(r)).not.toContain("hangzhou-public-bicycle");
  });

  it("finds a Chinese practice from an English query and a European one from a Chinese query", async () => {
    expect(ids(await searchPractices(ctx, { q: "Hangzhou bicycle" }))[0]).toBe("hangzhou-public-bicycle");
    expect(ids(await searchPractices(ctx, { q: "斯德哥尔摩" }))[0]).toBe("stockholm-congestion-tax");
  });

  it("is accent- and case-insensitive", async () => {
    expect(ids(await searchPractices(ctx, { q: "MALMÖ" }))).toContain("malmo-western-harbour-bo01");
  });

  it("highlights the matched words in the snippet", async () => {
    const r = await searchPractices(ctx, { q: "congestion" });
    const parts = r.results[0]!.snippet!;
    expect(parts.some((p) => p.match && /congestion/i.test(p.text))).toBe(true);
  });

  it("counts facets over the matches and filters by theme, country and measured", async () => {
    const all = await searchPractices(ctx, { q: "" });
    expect(all.total).toBe(38);
    const cn = all.facets.country.find((f) => f.value === "CN")!;
    expect(cn.count).toBe(18);
    expect(all.facets.measured).toEqual([{ value: "true", count: 37 }, { value: "false", count: 1 }]);
    expect(all.facets.region.find((f) => f.value === "Eastern Asia")?.count).toBe(18);
    const waste = await searchPractices(ctx, { theme: "waste", country: "cn" });
    expect(ids(waste)).toContain("shanghai-household-waste-sorting");
    expect(waste.facets.theme.find((f) => f.value === "waste")?.count).toBe(waste.total);
    expect(ids(await searchPractices(ctx, { measured: false }))).toEqual(["barcelona-superblocks"]);
  });

  it("suggests close spellings when nothing matches", async () => {
    const r = await searchPractices(ctx, { q: "congestoin" });
    expect(r.total).toBe(0);
    expect(r.suggestions).toContain("congestion");
  });
});
