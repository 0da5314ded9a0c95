import type { FastifyInstance } from "fastify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/support/app.js";
import { COOP_FIXTURE, loadCooperationFixture } from "../../../test/support/cooperation-fixture.js";
import { DIALECTS } from "../../../test/support/databases.js";
import { loadFixture } from "../../../test/support/fixture.js";
import type { City } from "../../domain/city.js";
import type { Observation } from "../../domain/observation.js";
import type { AppContext } from "../../services/context.js";

const YEARS = Array.from({ length: 15 }, (_, i) => 2005 + i); // 2005–2019
const donorSlug = (j: number) => `donor-${String(j).padStart(2, "0")}-cn`;
/** A donor's made-up series: its own level, trend and wiggle. */
const donor = (j: number, y: number) => 100 + 10 * j + (j % 5) * (y - 2005) + 3 * Math.sin(j + y);

function cn(slug: string, en: string): City {
  return {
    slug, geonamesId: null, names: { en, zh: `${en}市`, local: null }, country: "CN", region: "Eastern Asia", admin1: null,
    coordinates: { lat: 30, lon: 110 }, population: { value: null, year: null, source: null }, areaKm2: null, timezone: null,
  };
}

/**
 * 14 made-up Chinese donor cities with CO2 2005–2019 (donor 14 lacks 2018), Zhengzhou in another
 * cooperation of the same programme, Longyan in another programme's cooperation started in 2012,
 * and Chongqing = 0.6 × donor 1 + 0.4 × donor 2 until 2016, 15 below it from 2017.
 */
async function loadImpactData(ctx: AppContext): Promise<void> {
  await loadFixture(ctx);
  await loadCooperationFixture(ctx);
  await ctx.cities.upsertMany(Array.from({ length: 14 }, (_, i) => cn(donorSlug(i + 1), `Donor ${i + 1}`)));
  const obs: Observation[] = [];
  const put = (city: string, year: number, value: number) =>
    obs.push({ city, indicator: "ghg.co2_total", period: String(year), value, source: "geonames", note: null, importedBy: "test", importedAt: "2026-01-01T00:00:00.000Z", place: null, match: null, basis: null, quality: null });
  for (const y of YEARS) {
    for (let j = 1; j <= 14; j++) if (!(j === 14 && y === 2018)) put(donorSlug(j), y, donor(j, y));
    put("chongqing-cn", y, 0.6 * donor(1, y) + 0.4 * donor(2, y) - (y >= 2017 ? 15 : 0));
    put("zhengzhou-cn", y, donor(3, y));
    put("longyan-cn", y, donor(4, y) + 1);
  }
  await ctx.observations.upsert(obs);
  const db = ctx.database.db;
  const at = "2026-01-01T00:00:00.000Z";
  const meta = { version: 1, created_by: "fixture", created_at: at, updated_at: at };
  const coop = async (id: string, programme: string, start: string, members: string[]) => {
    await db.insertInto("cooperations").values({ id, programme_id: programme, name_en: id, name_zh: null, themes_json: "[]", start_date: start, end_date: null, status: "active", origin: "manual", source_ids_json: "[]", ...meta }).execute();
    for (const slug of members) await db.insertInto("cooperation_members").values({ cooperation_id: id, city_slug: slug, role: "partner", side: null, joined_on: null }).execute();
  };
  await coop("coop-zz", COOP_FIXTURE.programme, "2026-01-01", ["zhengzhou-cn", "malaga-es"]);
  await coop("coop-ly", COOP_FIXTURE.otherProgramme, "2012-05-01", ["longyan-cn", "prague-cz"]);
  // The programme's cooperation that can be evaluated: Chongqing from 2017 (Prague has no CO2).
  await coop("coop-cq17", COOP_FIXTURE.programme, "2017-03-15", ["chongqing-cn", "prague-cz"]);
}

describe.each(DIALECTS)("impact API on %s", (dialect) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  useTestApp(dialect, loadImpactData, (s) => ({ app, ctx } = s));
  const get = (url: string) => app.inject({ method: "GET", url });
  const url = `/api/v1/cooperations/${COOP_FIXTURE.cooperation}/impact`;

  it("evaluates a member city: recovers the weights, shows the −15 gap, lists the excluded donors", async () => {
    const r = await get(`${url}?city=chongqing-cn&indicator=ghg.co2_total&start=2017`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.preFrom).toBe(2005);
    expect(body.preFromChosen).toBe("most_donors");
    expect(body.donors).toHaveLength(13);
    expect(body.weights).toEqual([
      { unit: "donor-01-cn", weight: expect.closeTo(0.6, 6) },
      { unit: "donor-02-cn", weight: expect.closeTo(0.4, 6) },
    ]);
    expect(body.series.at(-1)).toMatchObject({ year: 2019, gap: expect.closeTo(-15, 4) });
    expect(body.preRmspe).toBeLessThan(1e-6);
    expect(body.placebo).toMatchObject({ of: 14 });
    expect(body.placebo.runs).toHaveLength(13);
    expect(body.placebo.runs[0].gaps).toHaveLength(15);
    const excluded = Object.fromEntries(body.excludedDonors.map((x: { unit: string; reason: string }) => [x.unit, x.reason]));
    expect(excluded).toEqual({ "zhengzhou-cn": "same_programme", "longyan-cn": "other_cooperation", "donor-14-cn": "missing_years" });
    expect(body.names["chongqing-cn"]).toEqual({ en: "Chongqing", zh: "重庆市" });
    expect(body.verdict.en).toMatch(/^Chongqing's CO2 emissions from 2017 on were \d+\.\d % below the synthetic control; /);
    expect(body.verdict.zh).toContain("重庆市的二氧化碳排放量自 2017 年起比合成控制低");
    expect(body.warnings).toEqual([]); // 13 donors, 3 post years, an exact fit inside the donors' range
  });

  it("serves the city route with a chosen donor list", async () => {
    const r = await get("/api/v1/cities/chongqing-cn/impact?indicator=ghg.co2_total&start=2017&donors=donor-01-cn,donor-02-cn,donor-03-cn");
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().donorRule).toBe("list");
    expect(r.json().placebo.of).toBe(4);
    expect(r.json().warnings.map((w: { code: string }) => w.code)).toContain("few_donors");
  });

  it.each([
    ["a city that is not a member", `${url}?city=zhengzhou-cn&indicator=ghg.co2_total&start=2017`, 400, "not a member"],
    ["the cooperation's own start (2026) leaving no post-period", `${url}?city=chongqing-cn&indicator=ghg.co2_total`, 400, "no post-period"],
    ["a start with no pre-period", `${url}?city=chongqing-cn&indicator=ghg.co2_total&start=2005`, 400, "no pre-period"],
    ["a start that is not a year", `${url}?city=chongqing-cn&indicator=ghg.co2_total&start=soon`, 400, "start"],
    ["an unknown cooperation", "/api/v1/cooperations/nope/impact?city=chongqing-cn&indicator=ghg.co2_total&start=2017", 404, "no cooperation"],
    ["an unknown indicator", `${url}?city=chongqing-cn&indicator=ghg.nothing&start=2017`, 404, "no indicator"],
    ["an unknown donor", "/api/v1/cities/chongqing-cn/impact?indicator=ghg.co2_total&start=2017&donors=donor-01-cn,nowhere-xx", 400, "nowhere-xx"],
    ["a city without the indicator", "/api/v1/cities/mannheim-de/impact?indicator=ghg.co2_total&start=2017", 400, "no yearly value"],
  ])("answers %s with problem+json", async (_what, u, status, text) => {
    const r = await get(u);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(r.body).toContain(text);
  });

  it("names the city, the indicator and the cooperation of a refusal in both languages beside their slug or code (params)", async () => {
    const mannheim = (await ctx.cities.get("mannheim-de"))!;
    const co2 = (await ctx.indicators.get("ghg.co2_total"))!;
    const none = await get("/api/v1/cities/mannheim-de/impact?indicator=ghg.co2_total&start=2017");
    expect(none.statusCode).toBe(400);
    const names = { cityNameEn: mannheim.names.en, indicatorNameEn: co2.names.en, indicatorNameZh: co2.names.zh, ...(mannheim.names.zh ? { cityNameZh: mannheim.names.zh } : {}) };
    expect(none.json()).toMatchObject({ code: "impact.no_yearly_values", params: { city: "mannheim-de", indicator: "ghg.co2_total", ...names } });
    expect(co2.names.zh).toMatch(/\p{Script=Han}/u);
    const zhengzhou = (await ctx.cities.get("zhengzhou-cn"))!;
    const outsider = await get(`${url}?city=zhengzhou-cn&indicator=ghg.co2_total&start=2017`);
    expect(outsider.statusCode).toBe(400);
    const coop = (await ctx.cooperations.get(outsider.json().params.cooperation))!;
    expect(outsider.json()).toMatchObject({ code: "impact.not_a_member", params: { city: "zhengzhou-cn", cityNameEn: zhengzhou.names.en, cooperationNameEn: coop.names.en } });
    expect(outsider.json().params.cityNameZh).toBe(zhengzhou.names.zh ?? undefined);
    // A refusal of the engine, which knows only the slug: the service adds the city's names.
    const chongqing = (await ctx.cities.get("chongqing-cn"))!;
    const early = await get(`${url}?city=chongqing-cn&indicator=ghg.co2_total&start=2005`);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: "impact.no_pre_period", params: { unit: "chongqing-cn", unitNameEn: chongqing.names.en, start: 2005 } });
    expect(early.json().params.unitNameZh).toBe(chongqing.names.zh ?? undefined);
    // Every param is still a plain string or number (the Problem schema).
    for (const v of [...Object.values(none.json().params), ...Object.values(outsider.json().params)]) expect(["string", "number"]).toContain(typeof v);
  });

  it("never answers 500 to odd but well-formed queries (windows, donor lists, years)", async () => {
    const slug = fc.constantFrom("chongqing-cn", "mannheim-de", "zhengzhou-cn", "donor-01-cn", "donor-14-cn", "nowhere-cn");
    await fc.assert(
      fc.asyncProperty(
        slug,
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        fc.option(fc.oneof(fc.constantFrom("country", "family", ",", "chongqing-cn"), fc.array(slug, { maxLength: 4 }).map((a) => a.join(","))), { nil: undefined }),
        fc.boolean(),
        async (city, start, preFrom, donors, viaCity) => {
          const q = new URLSearchParams({ indicator: "ghg.co2_total" });
          if (start !== undefined) q.set("start", String(start));
          if (preFrom !== undefined) q.set("preFrom", String(preFrom));
          if (donors !== undefined) q.set("donors", donors);
          if (!viaCity) q.set("city", city);
          const r = await get(viaCity ? `/api/v1/cities/${city}/impact?${q}` : `${url}?${q}`);
          expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
          if (r.statusCode >= 400) expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 80, seed: 41 },
    );
  });

  it("lists every member city × indicator of the programme with its effect, p-value and fit, or why there is none", async () => {
    const r = await get(`/api/v1/programmes/${COOP_FIXTURE.programme}/impact?indicator=ghg.co2_total`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.indicators).toEqual(["ghg.co2_total"]);
    const rows = Object.fromEntries(body.rows.map((x: { cooperation: { id: string }; city: { slug: string } }) => [`${x.cooperation.id}/${x.city.slug}`, x]));
    expect(Object.keys(rows).sort()).toEqual(["coop-a1/chongqing-cn", "coop-a1/mannheim-de", "coop-cq17/chongqing-cn", "coop-cq17/prague-cz", "coop-zz/malaga-es", "coop-zz/zhengzhou-cn"]);
    const cq = rows["coop-cq17/chongqing-cn"];
    expect(cq).toMatchObject({ status: "evaluated", start: 2017, preYears: 12, postYears: 3, donors: 13, of: 14, preFit: "good", reason: null, warnings: [] });
    // −15 against a synthetic level of 0.6·donor 1 + 0.4·donor 2 after 2017.
    const synth = [2017, 2018, 2019].map((y) => 0.6 * (110 + (y - 2005) + 3 * Math.sin(1 + y)) + 0.4 * (120 + 2 * (y - 2005) + 3 * Math.sin(2 + y)));
    expect(cq.effectShare).toBeCloseTo(-15 / (synth.reduce((a, b) => a + b, 0) / 3), 4);
    expect(cq.pValue).toBeCloseTo(cq.rank / 14, 12);
    expect(cq.preFitShare).toBeLessThan(1e-6);
    expect(cq.verdict.en).toMatch(/^Chongqing's CO2 emissions from 2017 on were \d+\.\d % below/);
    expect(rows["coop-a1/chongqing-cn"]).toMatchObject({ status: "no_post_years", start: 2026, pValue: null, reason: { en: expect.stringContaining("nothing after the start yet") } });
    expect(rows["coop-cq17/prague-cz"]).toMatchObject({ status: "no_data", reason: { en: "Prague has no yearly value of CO2 emissions.", zh: expect.stringContaining("没有") } });
  });

  it("keeps programme evaluations only while the data are unchanged", async () => {
    const u = `/api/v1/programmes/${COOP_FIXTURE.programme}/impact?indicator=ghg.co2_total`;
    const effect = async () => (await get(u)).json().rows.find((x: { cooperation: { id: string } }) => x.cooperation.id === "coop-cq17").effectShare as number;
    const before = await effect();
    expect(await effect()).toBe(before);
    await ctx.observations.upsert([{ city: "chongqing-cn", indicator: "ghg.co2_total", period: "2019", value: 50, source: "geonames", note: null, importedBy: "test", importedAt: "2026-01-02T00:00:00.000Z" }]);
    expect(await effect()).toBeLessThan(before - 0.05);
  });

  it("lists a city's indicators with yearly values and their years before and from the start", async () => {
    const r = await get("/api/v1/cities/chongqing-cn/impact/indicators?start=2017");
    expect(r.statusCode, r.body).toBe(200);
    const co2 = r.json().indicators.find((i: { code: string }) => i.code === "ghg.co2_total");
    expect(co2).toMatchObject({ years: YEARS, preYears: 12, postYears: 3, evaluable: true, enough: true, unit: expect.any(String) });
    const late = (await get("/api/v1/cities/chongqing-cn/impact/indicators?start=2008")).json().indicators.find((i: { code: string }) => i.code === "ghg.co2_total");
    expect(late).toMatchObject({ preYears: 3, enough: false, evaluable: true });
  });

  it.each([
    ["an unknown programme", "/api/v1/programmes/nope/impact?indicator=ghg.co2_total", 404, "no programme"],
    ["an unknown indicator", `/api/v1/programmes/${COOP_FIXTURE.programme}/impact?indicator=ghg.co2_total,ghg.nothing`, 400, "ghg.nothing"],
    ["a malformed indicator", `/api/v1/programmes/${COOP_FIXTURE.programme}/impact?indicator=CO2!`, 400, "indicator"],
    ["no indicator", `/api/v1/programmes/${COOP_FIXTURE.programme}/impact`, 400, "indicator"],
    ["seven indicators", `/api/v1/programmes/${COOP_FIXTURE.programme}/impact?indicator=a.a,a.b,a.c,a.d,a.e,a.f,a.g`, 400, "indicator"],
    ["an unknown city's indicators", "/api/v1/cities/nowhere-xx/impact/indicators?start=2017", 404, "no city"],
    ["indicators without a start year", "/api/v1/cities/chongqing-cn/impact/indicators?start=later", 400, "start"],
  ])("answers %s with problem+json", async (_what, u, status, text) => {
    const r = await get(u);
    expect(r.statusCode).toBe(status);
    expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(r.body).toContain(text);
  });

  it("appears in the OpenAPI document", async () => {
    const doc = (await get("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/cooperations/{id}/impact", "/api/v1/cities/{slug}/impact", "/api/v1/programmes/{id}/impact", "/api/v1/cities/{slug}/impact/indicators"]));
  });
});
