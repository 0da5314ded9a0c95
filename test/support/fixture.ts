import { readFileSync } from "node:fs";
import type { City } from "../../src/domain/city.js";
import type { Indicator } from "../../src/domain/indicator.js";
import type { Source } from "../../src/domain/source.js";
import type { AppContext } from "../../src/services/context.js";

const catalogue = JSON.parse(readFileSync(new URL("../../data/indicators.json", import.meta.url), "utf8")) as {
  sources: Source[];
  indicators: Indicator[];
};

function city(slug: string, en: string, zh: string | null, local: string | null, country: string, lat: number, lon: number, population: number | null): City {
  return {
    slug,
    geonamesId: null,
    names: { en, zh, local },
    country,
    region: country === "CN" ? "Eastern Asia" : "Europe",
    admin1: null,
    coordinates: { lat, lon },
    population: { value: population, year: null, source: population === null ? null : "geonames" },
    areaKm2: null,
    timezone: null,
  };
}

/** A handful of real cities (GeoNames coordinates and populations) for tests. */
export const FIXTURE_CITIES: City[] = [
  city("chongqing-cn", "Chongqing", "重庆市", "重庆市", "CN", 29.56278, 106.55278, 7457600),
  city("zhengzhou-cn", "Zhengzhou", "郑州市", "郑州市", "CN", 34.75778, 113.64861, 4253913),
  city("longyan-cn", "Longyan", "龙岩市", "龙岩市", "CN", 25.10722, 117.0225, null),
  city("mannheim-de", "Mannheim", null, null, "DE", 49.4891, 8.46694, 307960),
  city("malaga-es", "Málaga", null, "Málaga", "ES", 36.72016, -4.42034, 568305),
  city("prague-cz", "Prague", null, "Praha", "CZ", 50.08804, 14.42076, 1165581),
];

export const FIXTURE_SOURCES: Source[] = [
  { id: "geonames", citation: "GeoNames", url: "https://www.geonames.org/", licence: "CC BY 4.0" },
  ...catalogue.sources,
];

/** Loads the fixture cities, the sources and the real indicator catalogue. */
export async function loadFixture(ctx: AppContext): Promise<void> {
  await ctx.sources.upsertMany(FIXTURE_SOURCES, "2026-01-01T00:00:00.000Z");
  await ctx.indicators.upsertMany(catalogue.indicators);
  await ctx.cities.upsertMany(FIXTURE_CITIES);
}
