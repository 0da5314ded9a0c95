import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Gazetteer, type GazetteerCity, placeKey, splitLabel } from "./place-match";

const city = (slug: string, country: string, names: string[], aliases: string[] = [], lat = 0, lon = 0, geonamesId = slug.length): GazetteerCity => ({
  slug, country, names, aliases, lat, lon, geonamesId,
});

describe("placeKey", () => {
  it("folds accents and case and drops authority words such as Shi and City", () => {
    expect(placeKey("Chongqing Shi")).toBe("chongqing");
    expect(placeKey("Málaga")).toBe("malaga");
    expect(placeKey("Mexico City")).toBe("mexico");
    expect(placeKey("重庆市")).toBe("zh:重庆");
  });

  it("keeps a district (Qu) apart from the city of the same name", () => {
    expect(placeKey("Suzhou Qu")).not.toBe(placeKey("Suzhou"));
  });

  it("splits bilingual labels", () => {
    expect(splitLabel("Bruxelles/Brussel (greater city)")).toEqual(["Bruxelles", "Brussel (greater city)"]);
    expect(splitLabel("Chongqing; 重庆")).toEqual(["Chongqing", "重庆"]);
  });
});

describe("Gazetteer.matchName", () => {
  const gaz = new Gazetteer(
    [
      city("rome-it", "IT", ["Rome"], ["Roma", "Rom", "ROM"]),
      city("suzhou-cn", "CN", ["Suzhou", "苏州市"], [], 31.3, 120.6, 1),
      city("suzhou-01-cn", "CN", ["Suzhou", "宿州市"], [], 33.6, 116.98, 2),
      city("chongqing-cn", "CN", ["Chongqing", "重庆市"], ["Yuzhou", "Chongqing Shi", "CKG"], 29.56, 106.55, 3),
      city("yuzhou-cn", "CN", ["Yuzhou"], [], 34.16, 113.47, 4),
      city("wuxi-cn", "CN", ["Wuxi"], [], 31.57, 120.29, 5),
      city("changsha-cn", "CN", ["Changsha"], [], 28.2, 112.97, 6),
    ],
    [
      { geonamesId: 100, country: "CN", names: ["Wuxi"], population: 60_000, featureCode: "PPLA3" },
      { geonamesId: 101, country: "CN", names: ["Changsha"], population: 47_000, featureCode: "PPLA4" },
      { geonamesId: 102, country: "IT", names: ["Roma"], population: 500, featureCode: "PPL" },
    ],
  );

  it("matches a city's own name, and an exonym through GeoNames alternate names", () => {
    expect(gaz.matchName("CN", "Chongqing Shi")).toMatchObject({ kind: "matched", slug: "chongqing-cn", via: "name" });
    expect(gaz.matchName("IT", "Roma")).toMatchObject({ kind: "matched", slug: "rome-it", via: "alias" });
  });

  it("never matches across countries", () => {
    expect(gaz.matchName("FR", "Roma")).toEqual({ kind: "unmatched" });
  });

  it("refuses a name that two of our cities bear, rather than guessing", () => {
    expect(gaz.matchName("CN", "Suzhou Shi")).toEqual({ kind: "ambiguous", key: "suzhou", bearers: ["suzhou-01-cn", "suzhou-cn"] });
  });

  it("refuses a name that another sizeable GeoNames place bears, but not a township", () => {
    expect(gaz.matchName("CN", "Wuxi")).toMatchObject({ kind: "ambiguous", bearers: ["wuxi-cn", "geonames:100"] });
    expect(gaz.matchName("CN", "Changsha")).toMatchObject({ kind: "matched", slug: "changsha-cn" });
  });

  it("prefers a city's own name over another city's alternate name", () => {
    expect(gaz.matchName("CN", "Yuzhou")).toMatchObject({ kind: "matched", slug: "yuzhou-cn", via: "name" });
  });

  it("ignores short and all-capital alternate names (codes such as CKG)", () => {
    expect(gaz.matchName("CN", "CKG")).toEqual({ kind: "unmatched" });
    expect(gaz.matchName("IT", "Rom")).toEqual({ kind: "unmatched" });
  });

  it("refuses a label whose names point to two different cities", () => {
    expect(gaz.matchLabel("CN", "Chongqing/Yuzhou")).toMatchObject({ kind: "ambiguous" });
    expect(gaz.matchLabel("CN", "Chongqing; 重庆市")).toMatchObject({ kind: "matched", slug: "chongqing-cn" });
  });
});

describe("Gazetteer.citiesInArea", () => {
  const gaz = new Gazetteer(
    [
      city("mannheim-de", "DE", ["Mannheim"], [], 49.49, 8.47, 1),
      city("ludwigshafen-am-rhein-de", "DE", ["Ludwigshafen am Rhein"], [], 49.48, 8.44, 2),
      city("heidelberg-de", "DE", ["Heidelberg"], [], 49.41, 8.69, 3),
      city("speyer-de", "DE", ["Speyer"], [], 49.32, 8.43, 4),
    ],
    [],
  );

  it("gives an urban centre every city named in its list within the radius, nearest first", () => {
    const r = gaz.citiesInArea("DE", ["Mannheim", "Mannheim; Ludwigshafen am Rhein"], { lat: 49.49, lon: 8.46 }, { namedKm: 40, nearestKm: 5 });
    expect(r.cities.map((c) => c.slug)).toEqual(["mannheim-de", "ludwigshafen-am-rhein-de"]);
    expect(r.cities.every((c) => c.via === "name")).toBe(true);
  });

  it("falls back to the nearest city within 5 km when no name fits, and to none beyond", () => {
    expect(gaz.citiesInArea("DE", ["Rhein-Neckar"], { lat: 49.33, lon: 8.43 }, { namedKm: 40, nearestKm: 5 }).cities).toMatchObject([{ slug: "speyer-de", via: "coordinates" }]);
    expect(gaz.citiesInArea("DE", ["Rhein-Neckar"], { lat: 49.0, lon: 8.0 }, { namedKm: 40, nearestKm: 5 }).cities).toEqual([]);
  });

  it("does not take a named city further than the radius", () => {
    expect(gaz.citiesInArea("DE", ["Heidelberg"], { lat: 50.2, lon: 8.69 }, { namedKm: 40, nearestKm: 5 }).cities).toEqual([]);
  });
});

describe("generated theme data", () => {
  const DATA = join(import.meta.dirname, "..", "..", "data");
  const read = (file: string) => parse(readFileSync(join(DATA, "observations", file)), { columns: true }) as Record<string, string>[];
  const who = read("who-air.csv");
  const cities = parse(readFileSync(join(DATA, "cities.csv")), { columns: true }) as Record<string, string>[];

  it("has Chongqing's measured PM2.5 from WHO for every year the source has, with WHO's own place names", () => {
    const rows = who.filter((r) => r.city === "chongqing-cn" && r.indicator === "air.pm25_annual");
    expect(rows.map((r) => r.period)).toEqual(["2014", "2015", "2016", "2017", "2018", "2019"]);
    expect(rows.find((r) => r.period === "2019")).toMatchObject({ value: "37.35", place: "Chongqing Shi", basis: "measured" });
    expect(rows.find((r) => r.period === "2014")?.place).toBe("Chongqing");
  });

  it("reaches Rome through WHO's Roma, and Mannheim's public transport share of 2016 from Eurostat", () => {
    expect(who.find((r) => r.city === "rome-it" && r.indicator === "air.pm25_annual" && r.period === "2019")).toMatchObject({ place: "Roma", value: "12.96" });
    const mannheim = read("eurostat-transport.csv").find((r) => r.city === "mannheim-de" && r.indicator === "transport.public_transport_share" && r.period === "2016");
    expect(mannheim).toMatchObject({ value: "22.9", quality: "estimated", basis: "reported" });
  });

  it("gives no Chinese city the value of another Chinese city of the same name", () => {
    const zhNamesake = new Map<string, string[]>();
    for (const c of cities.filter((c) => c.country === "CN")) zhNamesake.set(placeKey(c.name_en!), [...(zhNamesake.get(placeKey(c.name_en!)) ?? []), c.slug!]);
    const shared = new Set([...zhNamesake].filter(([, slugs]) => slugs.length > 1).map(([k]) => k));
    expect(shared.has("suzhou")).toBe(true);
    const files = ["who-air.csv", "stowell-green.csv"];
    const offending = files.flatMap(read).filter((r) => r.city!.endsWith("-cn") && shared.has(placeKey(r.place!.replace(/\s*\(.*\)$/, ""))));
    expect(offending).toEqual([]);
  });

  it("matches the IUC cities and their partners wherever the sources have them", () => {
    const all = ["who-air.csv", "ghs-ucdb.csv", "stowell-green.csv", "eurostat-transport.csv"].flatMap(read);
    const has = (slug: string, indicator: string) => all.some((r) => r.city === slug && r.indicator === indicator);
    for (const slug of ["chongqing-cn", "zhengzhou-cn", "changchun-cn", "shantou-cn", "longyan-cn", "prague-cz", "rome-it", "nice-fr", "mannheim-de"]) {
      expect(has(slug, "air.pm25_modelled") || has(slug, "air.pm25_annual"), slug).toBe(true);
    }
    expect(has("malaga-es", "air.no2_annual")).toBe(true);
    expect(has("prague-cz", "air.pm25_annual")).toBe(true);
  });
});
