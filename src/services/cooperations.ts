import { randomUUID } from "node:crypto";
import type {
  Cooperation,
  CooperationStatus,
  CooperationUpdate,
  MemberInput,
  NewCooperation,
  TransitionInput,
} from "../domain/cooperation.js";
import { NewCooperationSchema } from "../domain/cooperation.js";
import type { CooperationFilter, CooperationRecord, CooperationWrite } from "../db/repositories/cooperation.repository.js";
import { allowedTransitions, transition } from "../engines/cooperation/index.js";
import { InvalidInputError, notFound, NotFoundError } from "../errors.js";
import { namedParam } from "../problem-codes.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";

/** A refused status change: InvalidInputError with the reason in both languages. */
export class TransitionRefusedError extends InvalidInputError {
  constructor(readonly reason: { en: string; zh: string }) {
    super(reason.en, [{ column: "to", message: reason.en }]);
  }
}

const withAllowed = (c: CooperationRecord): Cooperation => ({ ...c, allowedTransitions: allowedTransitions(c.status) });

/** A short readable id: the slug of the English name and a random suffix. */
export function cooperationId(nameEn: string): string {
  const slug = nameEn
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "cooperation"}-${randomUUID().slice(0, 6)}`;
}

export async function listCooperations(ctx: AppContext, filter: CooperationFilter = {}): Promise<Cooperation[]> {
  return (await ctx.cooperations.list(filter)).map(withAllowed);
}

/** One page of the cooperations matching `filter` (by English name, ties by id), read a page at a time in the database, and how many match over all pages. */
export async function pageCooperations(ctx: AppContext, filter: CooperationFilter, page: { limit: number; offset: number }): Promise<{ items: Cooperation[]; total: number }> {
  const [list, total] = await Promise.all([ctx.cooperations.list(filter, page), ctx.cooperations.count(filter)]);
  return { items: list.map(withAllowed), total };
}

export async function getCooperation(ctx: AppContext, id: string): Promise<Cooperation> {
  const c = await ctx.cooperations.get(id);
  if (!c) throw notFound("cooperation", id);
  return withAllowed(c);
}

/** Checks members: every city exists (404 naming it), no city twice, at most one lead. */
async function checkMembers(ctx: AppContext, members: MemberInput[]): Promise<void> {
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    if (seen.has(m.slug)) {
      const names = (await ctx.cities.get(m.slug))?.names;
      throw new InvalidInputError(`city "${m.slug}" is listed twice`, [{ column: `members.${i}.slug`, value: m.slug, message: "is listed twice" }], undefined, { code: "cooperation.city_twice", params: namedParam("city", m.slug, names) });
    }
    seen.add(m.slug);
    if (!(await ctx.cities.get(m.slug))) throw new NotFoundError(`no city with slug "${m.slug}" (members.${i}.slug)`, { code: "not_found.city", params: { id: m.slug } });
  }
  const leads = members.filter((m) => m.role === "lead");
  if (leads.length > 1) {
    throw new InvalidInputError(`a cooperation has at most one lead city, not ${leads.length}`, [
      { column: "members", value: leads.map((m) => m.slug).join(", "), message: "more than one member has the role lead" },
    ], undefined, { code: "cooperation.lead_count", params: { count: leads.length } });
  }
}

function checkDates(start: string | null, end: string | null): void {
  if (start && end && end < start) throw new InvalidInputError("the end date is before the start date", [{ column: "endDate", value: end, message: `is before the start date ${start}` }], undefined, { code: "dates.end_before_start", params: { start: start, end: end } });
}

/** Creates a cooperation (status proposed, recorded as its first transition dated `today`). */
export async function createCooperation(ctx: AppContext, raw: NewCooperation, createdBy: string, now = new Date()): Promise<Cooperation> {
  const input = NewCooperationSchema.parse(raw);
  const programmeId = input.programmeId ?? null;
  if (programmeId && !(await ctx.cooperations.existing("programmes", [programmeId])).has(programmeId)) {
    throw notFound("programme", programmeId);
  }
  await checkMembers(ctx, input.members);
  checkDates(input.startDate ?? null, input.endDate ?? null);
  const at = now.toISOString();
  const write: CooperationWrite = {
    id: cooperationId(input.names.en),
    programmeId,
    names: { en: input.names.en, zh: input.names.zh || null },
    themes: input.themes,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    status: "proposed",
    origin: input.origin,
    sourceIds: [],
    members: input.members.map((m) => ({ slug: m.slug, role: m.role, side: m.side ?? null })),
  };
  await ctx.cooperations.insert(write, { from: null, to: "proposed", date: at.slice(0, 10), note: null, recordedBy: createdBy, recordedAt: at }, createdBy, at);
  return getCooperation(ctx, write.id);
}

const conflict = (c: Cooperation, version: number) =>
  new VersionConflictError(`cooperation ${c.id} is at version ${c.version}, not ${version}: it was changed by someone else`, c);

/** Changes names, themes, dates or members, if `version` is current. */
export async function updateCooperation(ctx: AppContext, id: string, input: CooperationUpdate, now = new Date()): Promise<Cooperation> {
  const current = await getCooperation(ctx, id);
  if (current.version !== input.version) throw conflict(current, input.version);
  if (input.members) await checkMembers(ctx, input.members);
  const write: CooperationWrite = {
    id,
    programmeId: current.programmeId,
    names: input.names ? { en: input.names.en, zh: input.names.zh || null } : current.names,
    themes: input.themes ?? current.themes,
    startDate: input.startDate === undefined ? current.startDate : input.startDate,
    endDate: input.endDate === undefined ? current.endDate : input.endDate,
    status: current.status,
    origin: current.origin,
    sourceIds: current.sources.map((s) => s.id),
    members: (input.members ?? current.members).map((m) => ({ slug: m.slug, role: m.role, side: m.side ?? null })),
  };
  checkDates(write.startDate, write.endDate);
  if (!(await ctx.cooperations.update(write, input.version, now.toISOString()))) throw conflict(await getCooperation(ctx, id), input.version);
  return getCooperation(ctx, id);
}

/** Moves the status (legal moves only, dated on or after the last one), if `version` is current. */
export async function transitionCooperation(ctx: AppContext, id: string, input: TransitionInput, recordedBy: string, now = new Date()): Promise<Cooperation> {
  const current = await getCooperation(ctx, id);
  if (current.version !== input.version) throw conflict(current, input.version);
  const last = current.transitions.at(-1)?.date ?? null;
  const verdict = transition(current.status, input.to, input.date, last);
  if (!verdict.ok) throw new TransitionRefusedError(verdict.reason);
  const from: CooperationStatus = current.status;
  const ok = await ctx.cooperations.transition(
    id,
    { from, to: input.to, date: input.date, note: input.note || null, recordedBy, recordedAt: now.toISOString() },
    input.version,
  );
  if (!ok) throw conflict(await getCooperation(ctx, id), input.version);
  return getCooperation(ctx, id);
}
