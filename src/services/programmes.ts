import type { Call, CallRecord, CallUpdate, NewCall, NewProgramme, Programme, ProgrammeUpdate } from "../domain/programme.js";
import { CallUpdateSchema, NewCallSchema, NewProgrammeSchema, ProgrammeUpdateSchema } from "../domain/programme.js";
import type { Source } from "../domain/source.js";
import { callIsOpen, isoDay } from "../engines/cooperation/call-window.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { readableId } from "./readable-id.js";
import { VersionConflictError } from "./version-conflict.js";

type ProgrammeFields = Omit<Programme, "id" | "version" | "createdBy" | "createdAt" | "updatedAt" | "counts" | "sources">;

function checkPeriod(start: string | null, end: string | null, field = "endDate"): void {
  if (start && end && end < start) throw new InvalidInputError(`the end date ${end} comes before the start date ${start}`, [{ column: field, value: end, message: `must be ${start} or later` }], undefined, { code: "dates.end_before_start", params: { start, end } });
}

async function checkSources(ctx: AppContext, ids: string[]): Promise<void> {
  for (const id of ids) {
    if (!(await ctx.sources.get(id))) throw new InvalidInputError(`no source with id "${id}"`, [{ column: "sourceIds", value: id, message: "is not a known source" }], undefined, { code: "validation.unknown_source", params: { field: "sourceIds", value: id } });
  }
}

function fields(input: ReturnType<typeof NewProgrammeSchema.parse>): ProgrammeFields {
  return {
    names: { en: input.names.en, zh: input.names.zh ?? null },
    descriptions: { en: input.descriptions?.en || null, zh: input.descriptions?.zh || null },
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    themes: input.themes,
    sides: input.sides.map((s) => ({ key: s.key, names: { en: s.names.en, zh: s.names.zh ?? null }, countries: s.countries })),
    funder: input.funder ?? null,
    eligibility: input.eligibility,
    sourceIds: input.sourceIds,
  };
}

/** Every programme with its counts of calls, applications and cooperations. */
export async function listProgrammes(ctx: AppContext): Promise<Programme[]> {
  const [list, counts] = await Promise.all([ctx.programmes.list(), ctx.programmes.counts()]);
  return list.map((p) => ({ ...p, counts: counts.get(p.id) ?? { calls: 0, applications: 0, cooperations: 0 } }));
}

/**
 * One page of the programmes (newest start first, ties by id) with their counts, read a page at a
 * time in the database, and how many programmes there are over all pages.
 */
export async function pageProgrammes(ctx: AppContext, page: { limit: number; offset: number }): Promise<{ items: Programme[]; total: number }> {
  const [list, total] = await Promise.all([ctx.programmes.list(page), ctx.programmes.count()]);
  const counts = await ctx.programmes.counts(list.map((p) => p.id));
  return { items: list.map((p) => ({ ...p, counts: counts.get(p.id) ?? { calls: 0, applications: 0, cooperations: 0 } })), total };
}

/** One programme with its counts and its cited sources. */
export async function getProgramme(ctx: AppContext, id: string): Promise<Programme> {
  const p = await ctx.programmes.get(id);
  if (!p) throw notFound("programme", id);
  const counts = (await ctx.programmes.counts([id])).get(id) ?? { calls: 0, applications: 0, cooperations: 0 };
  const sources = (await Promise.all(p.sourceIds.map((s) => ctx.sources.get(s)))).filter((s): s is Source => s !== null);
  return { ...p, counts, sources };
}

/** Creates a programme: names, period, themes, sides with their countries, funder, eligibility rules. */
export async function createProgramme(ctx: AppContext, input: NewProgramme, createdBy: string, now = new Date()): Promise<Programme> {
  const f = fields(NewProgrammeSchema.parse(input));
  checkPeriod(f.startDate, f.endDate);
  await checkSources(ctx, f.sourceIds);
  const at = now.toISOString();
  const id = readableId(f.names.en);
  await ctx.programmes.insert({ id, ...f, version: 1, createdBy, createdAt: at, updatedAt: at });
  return getProgramme(ctx, id);
}

/** Changes the given fields of a programme if `version` is current; otherwise VersionConflictError with the current one. */
export async function updateProgramme(ctx: AppContext, id: string, input: ProgrammeUpdate, now = new Date()): Promise<Programme> {
  const u = ProgrammeUpdateSchema.parse(input);
  const current = await getProgramme(ctx, id);
  const conflict = (c: Programme) => new VersionConflictError(`programme ${id} is at version ${c.version}, not ${u.version}: it was changed by someone else`, c);
  if (current.version !== u.version) throw conflict(current);
  const next: Programme = {
    ...current,
    names: u.names ? { en: u.names.en, zh: u.names.zh ?? null } : current.names,
    descriptions: u.descriptions ? { en: u.descriptions.en || null, zh: u.descriptions.zh || null } : current.descriptions,
    startDate: u.startDate !== undefined ? u.startDate : current.startDate,
    endDate: u.endDate !== undefined ? u.endDate : current.endDate,
    themes: u.themes ?? current.themes,
    sides: u.sides ? u.sides.map((s) => ({ key: s.key, names: { en: s.names.en, zh: s.names.zh ?? null }, countries: s.countries })) : current.sides,
    funder: u.funder !== undefined ? u.funder : current.funder,
    eligibility: u.eligibility ?? current.eligibility,
    sourceIds: u.sourceIds ?? current.sourceIds,
    updatedAt: now.toISOString(),
  };
  checkPeriod(next.startDate, next.endDate);
  await checkSources(ctx, next.sourceIds);
  if (!(await ctx.programmes.replace(next, u.version))) throw conflict(await getProgramme(ctx, id));
  return getProgramme(ctx, id);
}

function withOpen(c: CallRecord, today: string, applicationCount?: number): Call {
  return { ...c, open: callIsOpen(c, today), ...(applicationCount === undefined ? {} : { applicationCount }) };
}

function checkCallSide(p: Programme, side: string | null): void {
  if (side !== null && !p.sides.some((s) => s.key === side)) {
    throw new InvalidInputError(`programme ${p.id} has no side "${side}"`, [{ column: "side", value: side, message: `must be one of the programme's sides (${p.sides.map((s) => s.key).join(", ") || "none"})` }], undefined, { code: "programme.unknown_side", params: { side, sides: p.sides.map((s) => s.key).join(", ") } });
  }
}

/** The calls of a programme, latest deadline first, each with whether it is open today and its number of applications. */
export async function listCalls(ctx: AppContext, programmeId: string, now = new Date()): Promise<Call[]> {
  await getProgramme(ctx, programmeId);
  const [calls, counts] = await Promise.all([ctx.programmes.listCalls(programmeId), ctx.programmes.applicationCounts(programmeId)]);
  return calls.map((c) => withOpen(c, isoDay(now), counts.get(c.id) ?? 0));
}

export async function getCall(ctx: AppContext, id: string, now = new Date()): Promise<Call> {
  const c = await ctx.programmes.getCall(id);
  if (!c) throw notFound("call", id);
  return withOpen(c, isoDay(now));
}

/** Opens a call for applications in a programme, with a deadline and rules overriding the programme's. */
export async function createCall(ctx: AppContext, programmeId: string, input: NewCall, createdBy: string, now = new Date()): Promise<Call> {
  const p = await getProgramme(ctx, programmeId);
  const n = NewCallSchema.parse(input);
  checkCallSide(p, n.side ?? null);
  checkPeriod(n.opensOn ?? null, n.deadline, "deadline");
  const at = now.toISOString();
  const c: CallRecord = {
    id: readableId(n.titles.en),
    programmeId,
    titles: { en: n.titles.en, zh: n.titles.zh ?? null },
    descriptions: { en: n.descriptions?.en || null, zh: n.descriptions?.zh || null },
    side: n.side ?? null,
    opensOn: n.opensOn ?? null,
    deadline: n.deadline,
    eligibility: n.eligibility,
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.programmes.insertCall(c);
  return withOpen(c, isoDay(now));
}

/** Changes the given fields of a call if `version` is current; otherwise VersionConflictError with the current one. */
export async function updateCall(ctx: AppContext, id: string, input: CallUpdate, now = new Date()): Promise<Call> {
  const u = CallUpdateSchema.parse(input);
  const current = await getCall(ctx, id, now);
  const conflict = (c: Call) => new VersionConflictError(`call ${id} is at version ${c.version}, not ${u.version}: it was changed by someone else`, c);
  if (current.version !== u.version) throw conflict(current);
  const next: CallRecord = {
    ...current,
    titles: u.titles ? { en: u.titles.en, zh: u.titles.zh ?? null } : current.titles,
    descriptions: u.descriptions ? { en: u.descriptions.en || null, zh: u.descriptions.zh || null } : current.descriptions,
    side: u.side !== undefined ? u.side : current.side,
    opensOn: u.opensOn !== undefined ? u.opensOn : current.opensOn,
    deadline: u.deadline ?? current.deadline,
    eligibility: u.eligibility ?? current.eligibility,
    updatedAt: now.toISOString(),
  };
  checkCallSide(await getProgramme(ctx, current.programmeId), next.side);
  checkPeriod(next.opensOn, next.deadline, "deadline");
  if (!(await ctx.programmes.replaceCall(next, u.version))) throw conflict(await getCall(ctx, id, now));
  return getCall(ctx, id, now);
}
