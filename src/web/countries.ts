import countries from "i18n-iso-countries";
import enNames from "i18n-iso-countries/langs/en.json";
import zhNames from "i18n-iso-countries/langs/zh.json";
import type { Lang } from "./api";

countries.registerLocale(enNames);
countries.registerLocale(zhNames);

// Short names people use where the official one reads oddly in a table.
const OVERRIDES: Record<Lang, Record<string, string>> = { en: { CN: "China" }, zh: {} };

/** The country's name in the chosen language, or its ISO code when unknown. */
export function countryName(iso2: string, lang: Lang): string {
  return OVERRIDES[lang][iso2] ?? countries.getName(iso2, lang, { select: "official" }) ?? countries.getName(iso2, "en") ?? iso2;
}

/** ISO alpha-2 → name, for every country, in the chosen language. */
export function countryNames(lang: Lang): Record<string, string> {
  return { ...countries.getNames(lang, { select: "official" }), ...OVERRIDES[lang] };
}
