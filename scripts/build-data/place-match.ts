// Pure matching of a source's place names (and, where the source has them, coordinates) to the
// product's cities. Rules, in the order they are applied:
//  - same country always;
//  - a name is compared by its key (accents folded, lower case, authority words such as "Shi",
//    "City", "Comune di" dropped; Chinese names without 市/区/县 …);
//  - a city's own names (GeoNames name, ASCII name, local and Chinese names) come before its
//    GeoNames alternate names (exonyms such as "Roma", "Praha", "Wien");
//  - a key that fits two or more places is refused, never guessed: two of our cities, or one of
//    ours and another GeoNames populated place of the same country with at least
//    AMBIGUITY_POPULATION people whose own name has that key (townships and sections of a
//    place, GeoNames PPLA4 and PPLX, do not count: a Chinese township named Changsha is not a
//    second Changsha that a city-level source could mean).
import { normaliseCityName, distanceKm, type LatLon } from "./cdp";
import { stripChineseSuffix } from "./chinese-names";

/** Populated places at least this large count when a name is checked for a second bearer. */
export const AMBIGUITY_POPULATION = 20_000;

/** Alternate names shorter than this, or written in capitals only (IATA codes such as "CKG"), are not used. */
const MIN_ALIAS_LENGTH = 4;

const CJK = /[\u3400-\u9fff]/;

/** The key a place name is compared by; "" when the name has nothing comparable. */
export function placeKey(name: string): string {
  const t = name.trim().normalize("NFC");
  if (CJK.test(t)) return `zh:${stripChineseSuffix(t.replace(/\s+/g, ""))}`;
  return normaliseCityName(t);
}

/** Names in one label: "Bruxelles/Brussel" → both; "Chongqing; 重庆" → both. */
export function splitLabel(label: string): string[] {
  return label
    .split(/[/;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface GazetteerCity extends LatLon {
  readonly slug: string;
  readonly geonamesId: number;
  readonly country: string;
  /** The city's own names: GeoNames name and ASCII name, local and Chinese names. */
  readonly names: readonly string[];
  /** GeoNames alternate names (cities500 `alternatenames`). */
  readonly aliases: readonly string[];
}

/** Another GeoNames populated place, used only to see whether a name has a second bearer. */
export interface OtherPlace {
  readonly geonamesId: number;
  readonly country: string;
  readonly names: readonly string[];
  readonly population: number;
  /** GeoNames feature code (PPLA2, PPLA4, PPLX …). */
  readonly featureCode: string;
}

/** Feature codes of places that do not count as a second bearer of a city's name. */
const NOT_A_CITY = new Set(["PPLA4", "PPLX", "PPLL", "PPLH", "PPLQ", "PPLW"]);

export type MatchVia = "name" | "alias" | "coordinates";

export type NameMatch =
  | { readonly kind: "matched"; readonly slug: string; readonly via: "name" | "alias"; readonly key: string }
  | { readonly kind: "ambiguous"; readonly key: string; readonly bearers: readonly string[] }
  | { readonly kind: "unmatched" };

function usableAlias(alias: string): boolean {
  const a = alias.trim();
  return a.length >= MIN_ALIAS_LENGTH && a !== a.toUpperCase();
}

/** Index of the product's cities by country and name key, with the other bearers of each key. */
export class Gazetteer {
  private readonly own = new Map<string, Set<string>>();
  private readonly alias = new Map<string, Set<string>>();
  private readonly others = new Map<string, Set<string>>();
  readonly bySlug = new Map<string, GazetteerCity>();
  private readonly byCountry = new Map<string, GazetteerCity[]>();

  constructor(cities: readonly GazetteerCity[], otherPlaces: readonly OtherPlace[]) {
    const ours = new Set<number>();
    for (const c of cities) {
      ours.add(c.geonamesId);
      this.bySlug.set(c.slug, c);
      const list = this.byCountry.get(c.country) ?? [];
      list.push(c);
      this.byCountry.set(c.country, list);
      for (const n of c.names) this.add(this.own, c.country, placeKey(n), c.slug);
      for (const n of c.aliases) if (usableAlias(n)) this.add(this.alias, c.country, placeKey(n), c.slug);
    }
    for (const p of otherPlaces) {
      if (ours.has(p.geonamesId) || p.population < AMBIGUITY_POPULATION || NOT_A_CITY.has(p.featureCode)) continue;
      for (const n of p.names) this.add(this.others, p.country, placeKey(n), `geonames:${p.geonamesId}`);
    }
  }

  private add(index: Map<string, Set<string>>, country: string, key: string, id: string): void {
    if (key === "" || key === "zh:") return;
    const k = `${country}|${key}`;
    const set = index.get(k) ?? new Set<string>();
    set.add(id);
    index.set(k, set);
  }

  private bearers(index: Map<string, Set<string>>, country: string, key: string): string[] {
    return [...(index.get(`${country}|${key}`) ?? [])].sort();
  }

  /** Cities of a country. */
  citiesOf(country: string): readonly GazetteerCity[] {
    return this.byCountry.get(country) ?? [];
  }

  /**
   * One name of a source (a label may hold several, see splitLabel) in one country. Own names
   * first; an alias only when no city has the key as its own name. Refused when a second city of
   * ours, or another sizeable populated place, bears the key.
   */
  matchName(country: string, name: string): NameMatch {
    const key = placeKey(name);
    if (key === "" || key === "zh:") return { kind: "unmatched" };
    const others = this.bearers(this.others, country, key);
    const own = this.bearers(this.own, country, key);
    if (own.length > 0) {
      if (own.length > 1 || others.length > 0) return { kind: "ambiguous", key, bearers: [...own, ...others] };
      return { kind: "matched", slug: own[0]!, via: "name", key };
    }
    const alias = this.bearers(this.alias, country, key);
    if (alias.length === 0) return { kind: "unmatched" };
    if (alias.length > 1 || others.length > 0) return { kind: "ambiguous", key, bearers: [...alias, ...others] };
    return { kind: "matched", slug: alias[0]!, via: "alias", key };
  }

  /** A label that may hold several names: all names that match must agree on one city. */
  matchLabel(country: string, label: string): NameMatch {
    const results = splitLabel(label).map((n) => this.matchName(country, n));
    const ambiguous = results.find((r) => r.kind === "ambiguous");
    if (ambiguous) return ambiguous;
    const matched = results.filter((r): r is Extract<NameMatch, { kind: "matched" }> => r.kind === "matched");
    const slugs = [...new Set(matched.map((m) => m.slug))];
    if (slugs.length > 1) return { kind: "ambiguous", key: placeKey(label), bearers: slugs.sort() };
    return matched.find((m) => m.via === "name") ?? matched[0] ?? { kind: "unmatched" };
  }

  /**
   * The cities of an area with a centroid (an urban centre): those of its country named in its
   * name list and within `namedKm` of the centroid, and, if none is named, the nearest city within
   * `nearestKm`. A name that fits two of our cities within `namedKm` is refused.
   */
  citiesInArea(
    country: string,
    names: readonly string[],
    centroid: LatLon,
    opts: { namedKm: number; nearestKm: number },
  ): { cities: { slug: string; via: MatchVia; distanceKm: number }[]; refused: string[] } {
    const keys = new Set(names.flatMap(splitLabel).map(placeKey).filter((k) => k !== "" && k !== "zh:"));
    const near = this.citiesOf(country)
      .map((c) => ({ c, d: distanceKm(c, centroid) }))
      .filter((x) => x.d <= opts.namedKm);
    const byKey = new Map<string, { slug: string; via: "name" | "alias"; d: number }[]>();
    for (const { c, d } of near) {
      const ownKeys = new Set(c.names.map(placeKey));
      const aliasKeys = new Set(c.aliases.filter(usableAlias).map(placeKey));
      for (const k of keys) {
        const via = ownKeys.has(k) ? "name" : aliasKeys.has(k) ? "alias" : null;
        if (!via) continue;
        const list = byKey.get(k) ?? [];
        list.push({ slug: c.slug, via, d });
        byKey.set(k, list);
      }
    }
    const refused: string[] = [];
    const chosen = new Map<string, { slug: string; via: MatchVia; distanceKm: number }>();
    for (const [k, list] of byKey) {
      const slugs = [...new Set(list.map((x) => x.slug))];
      if (slugs.length > 1) {
        refused.push(`${k}: ${slugs.sort().join(", ")}`);
        continue;
      }
      const best = list.find((x) => x.via === "name") ?? list[0]!;
      const prev = chosen.get(best.slug);
      if (!prev || (prev.via === "alias" && best.via === "name")) chosen.set(best.slug, { slug: best.slug, via: best.via, distanceKm: best.d });
    }
    if (chosen.size === 0) {
      const nearest = near.filter((x) => x.d <= opts.nearestKm).sort((a, b) => a.d - b.d);
      if (nearest.length > 0) chosen.set(nearest[0]!.c.slug, { slug: nearest[0]!.c.slug, via: "coordinates", distanceKm: nearest[0]!.d });
    }
    return { cities: [...chosen.values()].sort((a, b) => a.distanceKm - b.distanceKm), refused: refused.sort() };
  }
}
