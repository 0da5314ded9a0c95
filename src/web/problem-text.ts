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

/** A value of a param that names a thing of the UI (a role, a status) in the UI language. */
function term(key: string, fallback: string): string {
  return i18next.exists(key) ? i18next.t(key) : fallback;
}

/**
 * A param holding a slug or code (`city`, `indicator`, `cooperation`) replaced by the name the
 * server sent beside it (`cityNameEn`/`cityNameZh`, src/problem-codes.ts namedParam) in the UI
 * language: Chinese falls back to the English name, and without names the slug stays.
 */
function named(params: Record<string, unknown>, zh: boolean): Record<string, unknown> {
  const out = { ...params };
  for (const key of Object.keys(params)) {
    const m = /^(.+)NameEn$/.exec(key);
    if (!m) continue;
    const base = m[1]!;
    const name = (zh ? params[`${base}NameZh`] : undefined) ?? params[key];
    if (typeof name === "string" && name !== "") out[base] = name;
  }
  return out;
}

/**
 * Params whose values are codes, rendered in the UI language: the roles of `auth.role_required`
 * from its `grants` (`city_editor:prague-cz;…`), application statuses of a refused screening move.
 */
function localParams(code: string, rawParams: Record<string, unknown> = {}): Record<string, unknown> {
  const zh = (i18next.resolvedLanguage ?? i18next.language ?? "en").startsWith("zh");
  const params = named(rawParams, zh);
  if (code === "auth.role_required" && typeof params.grants === "string" && params.grants !== "") {
    const roles = params.grants.split(";").map((g) => {
      const [role = "", scope = ""] = g.split(":");
      const name = term(`account.roles.${role}`, role.replace(/_/g, " "));
      return zh ? `${name}（${scope}）` : `${name} (${scope})`;
    });
    return { ...params, roles: roles.join(zh ? "；" : "; ") };
  }
  if (code === "conflict.screening_move") {
    const status = (s: unknown) => term(`programmes.application.statuses.${String(s)}`, String(s));
    return { ...params, from: status(params.from), to: status(params.to) };
  }
  return params;
}

function translated(code: string | undefined, params: Record<string, unknown> | undefined, english: string | undefined): string | null {
  if (!code || !i18next.isInitialized || !i18next.exists(code, { ns: "errors" })) return null;
  const zh = (i18next.resolvedLanguage ?? i18next.language ?? "en").startsWith("zh");
  if (!zh && english && GENERIC.has(code)) return english;
  return i18next.t(code, { ns: "errors", ...localParams(code, params) });
}

/** The message of a whole problem; `fallback` (the server's English) for an unknown code. */
export function problemText(p: Problem | null | undefined, fallback: string): string {
  return translated(p?.code, p?.params, p?.detail) ?? fallback;
}

/** The reason of one listed problem (a file cell or a field), e.g. "不是数字". */
export function problemItemText(item: ImportProblem): string {
  return translated(item.code, item.params, item.message) ?? item.message;
}
