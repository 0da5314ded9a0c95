import { randomUUID } from "node:crypto";
import type { CooperationScope } from "../db/repositories/cooperation-work.repository.js";
import { foldText } from "../domain/text.js";
import { InvalidInputError, notFound, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";

/** The cooperation with its member cities, or NotFoundError. */
export async function cooperationOrThrow(ctx: AppContext, id: string): Promise<CooperationScope> {
  const c = await ctx.work.cooperation(id);
  if (!c) throw notFound("cooperation", id);
  return c;
}

/** A problem when `end` comes before `start` (both ISO dates; either may be missing). */
export function dateOrderProblem(start: string | null, end: string | null, field = "endDate", startField = "startDate"): Problem | null {
  return start && end && end < start ? { column: field, value: end, message: `must be on or after the ${startField} ${start}`, code: "dates.end_before_start", params: { start, end } } : null;
}

/** Throws InvalidInputError listing the problems, if there are any. */
export function throwIfProblems(what: string, problems: (Problem | null)[]): void {
  const found = problems.filter((p): p is Problem => p !== null);
  if (found.length === 0) return;
  const first = found[0] as Problem;
  const coded = first.code ? { code: first.code, params: { ...(first.params ?? {}), ...(first.column !== undefined ? { field: first.column } : {}) } } : { code: "validation.invalid" as const, params: { field: first.column ?? "" } };
  throw new InvalidInputError(`${what}: ${first.column} ${first.value !== undefined ? `"${first.value}" ` : ""}${first.message}`, found, found.length, coded);
}

/** A short readable id: the English name as a slug plus a random suffix ("mannheim-freight-link-3f9a1c2b"). */
export function readableId(name: string): string {
  const slug = foldText(name).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  const suffix = randomUUID().slice(0, 8);
  return slug ? `${slug}-${suffix}` : suffix;
}

/** Optional bilingual text from input: blank strings become null. */
export function textPair(t: { en?: string | null; zh?: string | null } | null | undefined): { en: string | null; zh: string | null } {
  return { en: t?.en?.trim() || null, zh: t?.zh?.trim() || null };
}

/** Titles from input: English required, Chinese optional (blank → null). */
export function titlePair(t: { en: string; zh?: string | null }): { en: string; zh: string | null } {
  return { en: t.en.trim(), zh: t.zh?.trim() || null };
}
