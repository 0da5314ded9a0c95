import type { ReactNode } from "react";
import type { Lang } from "../api";
import { useLang } from "../lang";

const HAN = /\p{Script=Han}/u;

/**
 * A name in the reader's language as text, and whether it is English shown on a 中文 page (to be
 * marked `lang="en"`): the Chinese name when it is written in Chinese, else the English one (the
 * GeoNames name of a city without a Chinese name, or a Chinese field the server filled with it).
 * For places that cannot hold a <span>, such as SVG text; `CityName` renders it.
 */
export function nameIn(names: { en?: string | null; zh?: string | null } | null | undefined, lang: Lang): { text: string; english: boolean } {
  if (!names) return { text: "", english: false };
  if (lang === "zh" && names.zh && HAN.test(names.zh)) return { text: names.zh, english: false };
  const text = names.en || names.zh || "";
  return { text, english: lang === "zh" && !HAN.test(text) };
}

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
  const { text, english } = nameIn(names, useLang());
  return english ? <span lang="en">{text}</span> : <>{text}</>;
}

/** Text as entered (a place, a role, a note): marked as English in 中文 when it has no Chinese in it. */
export function FreeText({ text }: { text: string | null | undefined }) {
  const lang = useLang();
  if (!text) return null;
  return lang === "zh" && !HAN.test(text) ? <span lang="en">{text}</span> : <>{text}</>;
}
