import type { ReactNode } from "react";
import { useLang } from "../lang";

/**
 * Content shown in its original language: a citation, a source's own place name, a URL, a text
 * that has no translation. Marked with its language (screen readers read it right, and the 中文
 * walk test knows it is content, not an untranslated label).
 */
export function Orig({ children, lang = "en", title }: { children: ReactNode; lang?: string; title?: string }) {
  return <span lang={lang} title={title}>{children}</span>;
}

/** A code or identifier (a time zone, a token prefix, a command): not a word to translate. */
export function Code({ children }: { children: ReactNode }) {
  return <span data-content="code" translate="no">{children}</span>;
}

/**
 * A city's name in the UI language; where it has no Chinese name the English (GeoNames) name is
 * shown, marked as such (also when a server filled the Chinese name in with the English one).
 */
export function CityName({ names }: { names: { en: string; zh?: string | null } }) {
  const lang = useLang();
  if (lang === "zh" && names.zh && /\p{Script=Han}/u.test(names.zh)) return <>{names.zh}</>;
  return lang === "zh" ? <span lang="en">{names.en}</span> : <>{names.en}</>;
}

/** Text as entered (a place, a role, a note): marked as English in 中文 when it has no Chinese in it. */
export function FreeText({ text }: { text: string | null | undefined }) {
  const lang = useLang();
  if (!text) return null;
  return lang === "zh" && !/\p{Script=Han}/u.test(text) ? <span lang="en">{text}</span> : <>{text}</>;
}
