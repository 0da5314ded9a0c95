import type { Lang } from "../api";

/**
 * The language a statement is written in, for its tag: any Han character makes it Chinese, Latin
 * letters without Han make it English, and otherwise (digits, emoji, nothing yet) the UI language.
 */
export function detectTextLanguage(text: string, uiLang: Lang): Lang {
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/\p{Script=Latin}/u.test(text)) return "en";
  return uiLang;
}
