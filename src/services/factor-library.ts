import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";
import enNames from "i18n-iso-countries/langs/en.json" with { type: "json" };
import zhNames from "i18n-iso-countries/langs/zh.json" with { type: "json" };
import type { EmissionFactor } from "../domain/emission-factor.js";

countries.registerLocale(enNames);
countries.registerLocale(zhNames);

const SEEDED_BY = "seed";

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, comment: "#", trim: true }) as Record<string, string>[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

function factor(f: Omit<EmissionFactor, "builtin" | "createdBy" | "createdAt" | "note"> & { note?: string | null }, now: string): EmissionFactor {
  return { note: null, ...f, builtin: true, createdBy: SEEDED_BY, createdAt: now };
}

/** IPCC 2006 Vol.2 Ch.1 default CO2 factors (kg/TJ) with net calorific values (TJ/Gg). */
function ipccFuels(dir: string, now: string): EmissionFactor[] {
  const zh = new Map(readCsv(join(dir, "ipcc2006-fuel-names.csv")).map((r) => [r.fuel!, r]));
  return readCsv(join(dir, "ipcc2006-fuels.csv")).map((r) => {
    const names = zh.get(r.fuel!);
    if (!names) throw new Error(`data/factors/ipcc2006-fuel-names.csv has no row for "${r.fuel}"`);
    return factor(
      {
        id: `ipcc2006:${names.id}`,
        names: { en: `${r.fuel} (IPCC 2006 default)`, zh: `${names.name_zh}（IPCC 2006缺省值）` },
        kind: "fuel",
        gases: [{ gas: "CO2", value: Number(r.co2_kg_per_tj), unit: "kg/TJ" }],
        ncvTjPerGg: Number(r.ncv_tj_per_gg),
        year: null,
        region: null,
        source: "ipcc-2006-v2-ch1",
        note: "CO2 only (oxidation factor 1). CH4 and N2O defaults depend on the combustion technology (IPCC 2006 Vol.2 Ch.2-3); add them as your own factors.",
      },
      now,
    );
  });
}

const PROVINCE_CODES: Record<string, string> = { 重庆: "CN-CQ", 河南: "CN-HA", 吉林: "CN-JL", 广东: "CN-GD", 福建: "CN-FJ" };

/** China MEE / NBS electricity CO2 factors (kg/kWh) by year: national variants, grid regions, provinces. */
function chinaGrid(dir: string, now: string): EmissionFactor[] {
  const out: EmissionFactor[] = [];
  for (const r of readCsv(join(dir, "cn-mee-grid-factors.csv"))) {
    const nameEn = r.name_en!.replace(/\s*\(.*\)$/, "");
    const key =
      r.scope === "national"
        ? { "national average": "national", "national excl. market-traded non-fossil": "national-excl-market-non-fossil", "national fossil-only": "national-fossil" }[r.name_en!]
        : `${r.scope === "region" ? "region" : "province"}:${slug(nameEn)}`;
    if (!key) throw new Error(`data/factors/cn-mee-grid-factors.csv: unexpected national row "${r.name_en}"`);
    const region = r.scope === "national" ? "CN" : r.scope === "region" ? `CN grid: ${nameEn}` : (PROVINCE_CODES[r.name_zh!] ?? `CN: ${nameEn}`);
    for (const year of [2021, 2022, 2023]) {
      const value = r[`f${year}`];
      if (!value) continue;
      out.push(
        factor(
          {
            id: `cn-mee:grid:${key}:${year}`,
            names: { en: `China grid electricity ${year}: ${nameEn}`, zh: `${year}年电力平均二氧化碳排放因子：${r.name_zh}` },
            kind: "grid",
            gases: [{ gas: "CO2", value: Number(value), unit: "kg/kWh" }],
            ncvTjPerGg: null,
            year,
            region,
            source: `cn-mee-grid-${year}`,
            note: "Location-based average factor of electricity consumed.",
          },
          now,
        ),
      );
    }
  }
  return out;
}

/** Ember's regional aggregates, named in both languages. */
const EMBER_REGIONS: Record<string, [string, string]> = {
  AFRICA: ["Africa", "非洲"],
  ASEAN: ["ASEAN", "东盟"],
  ASIA: ["Asia", "亚洲"],
  EU: ["European Union", "欧盟"],
  EUROPE: ["Europe", "欧洲"],
  G20: ["G20", "二十国集团"],
  G7: ["G7", "七国集团"],
  "LATIN AMERICA AND CARIBBEAN": ["Latin America and Caribbean", "拉丁美洲和加勒比"],
  "MIDDLE EAST": ["Middle East", "中东"],
  "NORTH AMERICA": ["North America", "北美洲"],
  OCEANIA: ["Oceania", "大洋洲"],
  OECD: ["OECD", "经合组织"],
  WORLD: ["World", "世界"],
};
const SHORT_NAMES: Record<string, string> = { CN: "China" };

/** Ember country (and regional) average grid intensity, gCO2/kWh, as shipped in CO2.js 0.19.0. */
function emberGrid(dir: string, now: string): EmissionFactor[] {
  return readCsv(join(dir, "ember-co2js-0.19.0.csv")).map((r) => {
    const code = r.iso3!;
    const iso3 = /^[A-Z]{3}$/.test(code);
    const iso2 = iso3 ? countries.alpha3ToAlpha2(code) : undefined;
    const en = iso2 ? (SHORT_NAMES[iso2] ?? countries.getName(iso2, "en") ?? code) : (EMBER_REGIONS[code]?.[0] ?? code);
    const zh = iso2 ? (countries.getName(iso2, "zh") ?? null) : (EMBER_REGIONS[code]?.[1] ?? null);
    return factor(
      {
        id: `ember:${iso3 ? code : code.replace(/\s+/g, "-")}`,
        names: { en: `Grid electricity, ${en} average (Ember)`, zh: zh ? `${zh}电网平均碳排放强度（Ember）` : null },
        kind: "grid",
        gases: [{ gas: "CO2", value: Number(r.gco2_per_kwh), unit: "g/kWh" }],
        ncvTjPerGg: null,
        year: null,
        region: iso2 ?? code,
        source: "ember-co2js-0.19.0",
        note: "Latest year per country as published in CO2.js 0.19.0; the package does not state the data year. CC BY-SA 4.0.",
      },
      now,
    );
  });
}

/**
 * The shipped emission factor library, read from data/factors: IPCC 2006 fuels
 * (`ipcc2006:natural-gas`), China's grid factors by year (`cn-mee:grid:national:2022`,
 * `cn-mee:grid:province:chongqing:2022`) and Ember country intensities (`ember:CHN`).
 */
export function readFactorLibrary(factorsDir: string, now = new Date().toISOString()): EmissionFactor[] {
  return [...ipccFuels(factorsDir, now), ...chinaGrid(factorsDir, now), ...emberGrid(factorsDir, now)];
}
