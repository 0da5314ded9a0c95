// Pure helpers for the CDP-ICLEI city-wide emissions files (2016–2021).
import countries from "i18n-iso-countries";
import { foldAccents, parsePlainNumber } from "./text";

/**
 * The year of an accounting period, defined as the year in which the period ends.
 *   "2017-01-01 - 2017-12-31" → 2017;  "2013-04-01 - 2014-03-31" → 2014
 *   "12/31/2013 12:00:00 AM" (2016 file, "Measurement Year", end of the period) → 2013
 *   "2015-01-01 - 2016-01-01" → 2015: a one-year period whose end is given as 1 January
 *   of the next year is a calendar year written with an exclusive end date.
 * Returns null for "", "-" and anything unrecognised.
 */
export function accountingYear(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  const range = /^(\d{4})-(\d{2})-(\d{2})\s*-\s*(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (range) {
    const [, sy, sm, sd, ey, em, ed] = range.map(Number) as [number, number, number, number, number, number, number];
    const exclusiveEnd = em === 1 && ed === 1 && sm === 1 && sd === 1 && ey === sy + 1;
    return exclusiveEnd ? sy : ey;
  }
  const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(\s.*)?$/.exec(t);
  if (usDate) return Number(usDate[3]);
  const isoDate = /^(\d{4})-\d{2}-\d{2}$/.exec(t);
  if (isoDate) return Number(isoDate[1]);
  const year = /^(\d{4})$/.exec(t);
  if (year) return Number(year[1]);
  return null;
}

/** CDP country names that i18n-iso-countries' getAlpha2Code does not know. */
export const CDP_COUNTRY_ISO2: Readonly<Record<string, string>> = {
  "Bolivia (Plurinational State of)": "BO",
  "China, Hong Kong Special Administrative Region": "HK",
  "Republic of Moldova": "MD",
  "Taiwan, Greater China": "TW",
  "United Kingdom of Great Britain and Northern Ireland": "GB",
  "Venezuela (Bolivarian Republic of)": "VE",
  "Viet Nam": "VN",
};

/** CDP country name → ISO 3166-1 alpha-2, or null. */
export function cdpCountryToIso2(name: string): string | null {
  const n = name.trim();
  return CDP_COUNTRY_ISO2[n] ?? countries.getAlpha2Code(n, "en") ?? null;
}

/** Leading words naming the authority rather than the place (matched after accent folding, lower case). */
const AUTHORITY_PREFIXES = [
  "prefeitura municipal de", "prefeitura municipal da", "prefeitura municipal do", "prefeitura da cidade de",
  "prefeitura de", "prefeitura do", "prefeitura da", "municipalidad metropolitana de",
  "municipalidad provincial de", "municipalidad distrital de", "municipalidad de", "municipio de",
  "municipio del", "ayuntamiento de", "ajuntament de", "alcaldia mayor de", "alcaldia municipal de",
  "alcaldia de", "gobierno autonomo municipal de", "gobierno municipal de", "gobierno de",
  "intendencia de", "comune di", "citta di", "citta metropolitana di", "ville de", "mairie de",
  "communaute urbaine de", "metropole de", "city and county of", "city of", "town of", "township of",
  "village of", "county of", "borough of", "municipality of", "municipal corporation of",
  "corporation of", "government of", "metropolitan government of", "the", "landeshauptstadt",
  "hansestadt", "universitatsstadt", "stadt", "gemeente", "gemeinde", "kommune", "miasto",
  "urzad miasta", "grad", "obcina", "mesto", "statutarni mesto", "hlavni mesto", "dimos", "municipiul",
];

/** Trailing words naming the authority. */
const AUTHORITY_SUFFIXES = [
  "metropolitan municipality", "metropolitan city", "metropolitan government", "municipal corporation",
  "municipal council", "city council", "county council", "borough council", "district council",
  "city government", "city hall", "municipal government", "municipality", "council", "government",
  "kommune", "kommun", "kaupunki", "stad", "gemeente", "city", "metropolitan", "municipal",
  "prefecture", "shi",
];

/**
 * Normalise a CDP or GeoNames city name for comparison: accent fold, lower case, drop a
 * trailing ", XX" state code and any parenthesis, strip authority words ("City of",
 * "Ayuntamiento de", "Comune di", "Stadt", "Council" …), collapse to single spaces.
 * "Ayuntamiento de Málaga" → "malaga"; "City of Winona, MN" → "winona"; "New York City" → "new york".
 */
export function normaliseCityName(name: string): string {
  let s = foldAccents(name)
    .replace(/['’‘ʻʼ`´]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/,\s*[a-z]{2}\.?\s*$/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of AUTHORITY_PREFIXES) {
      if (s.startsWith(`${p} `) && s.length > p.length + 1) {
        s = s.slice(p.length + 1).trim();
        changed = true;
      }
    }
    for (const suffix of AUTHORITY_SUFFIXES) {
      if (s.endsWith(` ${suffix}`) && s.length > suffix.length + 1) {
        s = s.slice(0, -suffix.length - 1).trim();
        changed = true;
      }
    }
  }
  return s;
}

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/**
 * Parse a CDP location: "POINT (lon lat)" (2018–2021) or "(lat, lon)" (2016–2017).
 * Returns null when missing or out of range (including the 0,0 placeholder).
 */
export function parseCdpLocation(text: string | undefined): LatLon | null {
  const t = (text ?? "").trim();
  let lat: number;
  let lon: number;
  const point = /^POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/i.exec(t);
  const pair = /^\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)$/.exec(t);
  if (point) [lon, lat] = [Number(point[1]), Number(point[2])];
  else if (pair) [lat, lon] = [Number(pair[1]), Number(pair[2])];
  else return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}

/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface MatchableCity extends LatLon {
  readonly slug: string;
  readonly country: string;
  readonly admin1: string;
  readonly nameKey: string; // normaliseCityName(name_en)
}

export type CdpCityMatch =
  | {
      readonly kind: "matched";
      readonly city: MatchableCity;
      readonly distanceKm: number | null;
      readonly locationSwapped: boolean;
    }
  | { readonly kind: "ambiguous"; readonly slugs: readonly string[] }
  | { readonly kind: "too-far"; readonly slugs: readonly string[] }
  | { readonly kind: "unmatched" };

export const MAX_MATCH_DISTANCE_KM = 30;

/**
 * Match a CDP row to one city: same country, a normalised name equal to the normalised
 * GeoNames name (any of City / City Short Name / Organization), and — when the row has a
 * location — within 30 km of the GeoNames point. Only an unambiguous single city is accepted.
 */
export function matchCdpCity(
  row: { readonly iso2: string | null; readonly names: readonly string[]; readonly location: LatLon | null },
  citiesByCountry: ReadonlyMap<string, readonly MatchableCity[]>,
): CdpCityMatch {
  if (!row.iso2) return { kind: "unmatched" };
  const keys = new Set(row.names.map(normaliseCityName).filter((k) => k !== ""));
  for (const key of [...keys]) {
    const alias = CITY_NAME_ALIASES[`${row.iso2}|${key}`];
    if (alias) keys.add(alias);
  }
  if (SCANDINAVIAN.has(row.iso2)) {
    // "Göteborgs Stad", "Stockholms stad": genitive -s before stad/kommun.
    for (const name of row.names) {
      const m = /^(.+)s\s+(stad|kommun|kommune)$/i.exec(name.trim());
      if (m?.[1]) keys.add(normaliseCityName(m[1]));
    }
  }
  const pool = citiesByCountry.get(row.iso2) ?? [];
  const states = stateHints(row.iso2, row.names);
  const byName = pool.filter((c) => keys.has(c.nameKey) && (states.size === 0 || states.has(c.admin1)));
  if (byName.length === 0) return { kind: "unmatched" };
  const location = row.location;
  if (!location) {
    if (byName.length === 1 && byName[0]) {
      return { kind: "matched", city: byName[0], distanceKm: null, locationSwapped: false };
    }
    return { kind: "ambiguous", slugs: byName.map((c) => c.slug) };
  }
  const near = (p: LatLon): MatchableCity[] => byName.filter((c) => distanceKm(c, p) < MAX_MATCH_DISTANCE_KM);
  let found = near(location);
  let locationSwapped = false;
  const swapped = { lat: location.lon, lon: location.lat };
  if (found.length === 0 && Math.abs(swapped.lat) <= 90) {
    // Some CDP rows give "POINT (lat lon)" instead of "POINT (lon lat)".
    found = near(swapped);
    locationSwapped = found.length > 0;
  }
  const [only] = found;
  if (found.length === 1 && only) {
    const d = distanceKm(only, locationSwapped ? swapped : location);
    return { kind: "matched", city: only, distanceKm: d, locationSwapped };
  }
  if (found.length === 0) return { kind: "too-far", slugs: byName.map((c) => c.slug) };
  return { kind: "ambiguous", slugs: found.map((c) => c.slug) };
}

/**
 * Local or English names used by CDP reporters where GeoNames uses the other form, keyed
 * "{ISO2}|{normalised CDP name}" → normalised GeoNames name. Matches still need the country
 * and, where a location is given, the 30 km check.
 */
export const CITY_NAME_ALIASES: Readonly<Record<string, string>> = {
  "IT|roma": "rome",
  "IT|roma capitale": "rome",
  "IT|milano": "milan",
  "IT|torino": "turin",
  "IT|firenze": "florence",
  "IT|napoli": "naples",
  "IT|venezia": "venice",
  "IT|genova": "genoa",
  "IT|padova": "padua",
  "DE|cologne": "koln",
  "DE|munchen": "munich",
  "DE|nuremberg": "nurnberg",
  "AT|wien": "vienna",
  "CZ|praha": "prague",
  "PL|warszawa": "warsaw",
  "RO|bucuresti": "bucharest",
  "GR|athina": "athens",
  "BE|bruxelles": "brussels",
  "BE|brussel": "brussels",
  "BE|antwerpen": "antwerpen",
  "DK|kobenhavn": "copenhagen",
  "SE|gothenburg": "goteborg",
  "ES|seville": "sevilla",
  "PT|lisboa": "lisbon",
};

/** Canadian province abbreviations → GeoNames admin1 codes (GeoNames admin1CodesASCII, CA.01–CA.14). */
export const CA_PROVINCE_ADMIN1: Readonly<Record<string, string>> = {
  AB: "01", BC: "02", MB: "03", NB: "04", NL: "05", NS: "07", ON: "08", PE: "09", QC: "10", SK: "11",
  YT: "12", NT: "13", NU: "14",
};

/**
 * GeoNames admin1 codes named by a ", XX" suffix in US / Canadian CDP names
 * ("City of Lancaster, PA" → {"PA"}; "City of Guelph, ON" → {"08"}). Empty set: no constraint.
 */
export function stateHints(iso2: string, names: readonly string[]): Set<string> {
  const hints = new Set<string>();
  if (iso2 !== "US" && iso2 !== "CA") return hints;
  for (const name of names) {
    const m = /,\s*([A-Z]{2})\.?\s*$/.exec(name.trim());
    if (!m?.[1]) continue;
    const code = iso2 === "US" ? m[1] : CA_PROVINCE_ADMIN1[m[1]];
    if (code) hints.add(code);
  }
  return hints;
}

const SCANDINAVIAN = new Set<string | null>(["SE", "NO", "DK"]);

/** How a total was obtained; ranks larger scope higher. */
export type TotalBasis = "basic+" | "basic" | "scope1+2" | "total";

export const BASIS_RANK: Readonly<Record<TotalBasis, number>> = { "basic+": 3, basic: 2, total: 1, "scope1+2": 1 };

/**
 * The total city-wide emissions of a 2018–2021 row: TOTAL BASIC if it is a positive number,
 * else TOTAL BASIC+, else Scope 1 + Scope 2 when both are numbers. Scope 1 / Scope 2 are the
 * "Total Scope 1/2" columns, or, when those are empty, the direct / indirect emissions on the
 * questionnaire's "Total emissions (excluding generation of grid-supplied energy)" row.
 */
export function pickGpcTotal(fields: {
  readonly basic?: string;
  readonly basicPlus?: string;
  readonly scope1?: string;
  readonly scope2?: string;
  readonly scope1ExclGrid?: string;
  readonly scope2ExclGrid?: string;
}): { value: number; basis: TotalBasis; scopesFrom?: "totals" | "excl-grid-row" } | null {
  const basic = parsePlainNumber(fields.basic);
  if (basic !== null && basic > 0) return { value: basic, basis: "basic" };
  const basicPlus = parsePlainNumber(fields.basicPlus);
  if (basicPlus !== null && basicPlus > 0) return { value: basicPlus, basis: "basic+" };
  const s1 = parsePlainNumber(fields.scope1);
  const s2 = parsePlainNumber(fields.scope2);
  if (s1 !== null && s2 !== null && s1 + s2 > 0) return { value: s1 + s2, basis: "scope1+2", scopesFrom: "totals" };
  const e1 = parsePlainNumber(fields.scope1ExclGrid);
  const e2 = parsePlainNumber(fields.scope2ExclGrid);
  if (s1 === null && s2 === null && e1 !== null && e2 !== null && e1 + e2 > 0) {
    return { value: e1 + e2, basis: "scope1+2", scopesFrom: "excl-grid-row" };
  }
  return null;
}
