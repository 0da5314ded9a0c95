import i18next from "i18next";
import { GENERIC_PROBLEM_CODES } from "../problem-codes";
import type { ImportProblem, Problem } from "./api";

/**
 * Problem+json in the user's language: the API sends a stable `code` with `params` next to its
 * English `detail`; the text comes from the i18n namespace `errors` (src/web/i18n/errors.ts).
 * An unknown code (a newer server) falls back to the server's English text. For the generic codes
 * the English UI keeps the server's more precise English detail.
 */
const GENERIC = new Set<string>(GENERIC_PROBLEM_CODES);

function translated(code: string | undefined, params: Record<string, unknown> | undefined, english: string | undefined): string | null {
  if (!code || !i18next.isInitialized || !i18next.exists(code, { ns: "errors" })) return null;
  const zh = (i18next.resolvedLanguage ?? i18next.language ?? "en").startsWith("zh");
  if (!zh && english && GENERIC.has(code)) return english;
  return i18next.t(code, { ns: "errors", ...params });
}

/** The message of a whole problem; `fallback` (the server's English) for an unknown code. */
export function problemText(p: Problem | null | undefined, fallback: string): string {
  return translated(p?.code, p?.params, p?.detail) ?? fallback;
}

/** The reason of one listed problem (a file cell or a field), e.g. "不是数字". */
export function problemItemText(item: ImportProblem): string {
  return translated(item.code, item.params, item.message) ?? item.message;
}
