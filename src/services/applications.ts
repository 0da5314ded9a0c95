import type { Application, ApplicationStatus, Decision, EligibilityCheck, NewApplication } from "../domain/programme.js";
import { DecisionSchema, NewApplicationSchema } from "../domain/programme.js";
import { callClosedReason, isoDay } from "../engines/cooperation/call-window.js";
import { checkEligibility, isEligible } from "../engines/cooperation/eligibility.js";
import { assertScreeningMove } from "../engines/cooperation/screening.js";
import { ConflictError, InvalidInputError, notFound } from "../errors.js";
import { namedParam } from "../problem-codes.js";
import type { AppContext } from "./context.js";
import { getCall, getProgramme } from "./programmes.js";
import { readableId } from "./readable-id.js";
import { VersionConflictError } from "./version-conflict.js";

/** The applications to one call, in the order they came in. */
export async function listCallApplications(ctx: AppContext, callId: string): Promise<Application[]> {
  await getCall(ctx, callId);
  return ctx.programmes.listApplications({ callId });
}

/** The applications to every call of a programme, optionally of one status (e.g. the accepted ones). */
export async function listProgrammeApplications(ctx: AppContext, programmeId: string, status?: ApplicationStatus): Promise<Application[]> {
  await getProgramme(ctx, programmeId);
  return ctx.programmes.listApplications({ programmeId, status });
}

export async function getApplication(ctx: AppContext, id: string): Promise<Application> {
  const a = await ctx.programmes.getApplication(id);
  if (!a) throw notFound("application", id);
  return a;
}

/** Checks a city's stage against the rules of a call (the city's country and population from its profile). */
async function eligibilityFor(ctx: AppContext, callId: string, city: { country: string; population: number | null }, stage: Application["stage"]): Promise<EligibilityCheck[]> {
  const call = await getCall(ctx, callId);
  const programme = await getProgramme(ctx, call.programmeId);
  return checkEligibility({ ...city, stage }, { programme: programme.eligibility, call: call.eligibility, callSide: call.side, sides: programme.sides });
}

function duplicate(a: Application): ConflictError {
  return new ConflictError(`${a.city.names.en} (${a.city.slug}) has already applied to this call: application ${a.id} is ${a.status}`, { code: "conflict.already_applied", params: { ...namedParam("city", a.city.slug, a.city.names), id: a.id, status: a.status } });
}

/**
 * Submits a city's application to an open call. Its eligibility is checked against the call's
 * and the programme's rules at once, and the status set to eligible or ineligible with the
 * reasons. Refused after the deadline, and when the city has already applied to the call.
 */
export async function submitApplication(ctx: AppContext, callId: string, input: NewApplication, createdBy: string, now = new Date()): Promise<Application> {
  const n = NewApplicationSchema.parse(input);
  const call = await getCall(ctx, callId, now);
  const closed = callClosedReason(call, isoDay(now));
  if (closed) {
    const notYet = call.opensOn !== null && isoDay(now) < call.opensOn;
    throw new ConflictError(closed, notYet ? { code: "conflict.call_not_open", params: { date: call.opensOn! } } : { code: "conflict.call_closed", params: { date: call.deadline } });
  }
  const city = await ctx.cities.get(n.city);
  if (!city) throw new InvalidInputError(`no city with slug "${n.city}"`, [{ column: "city", value: n.city, message: "is not a known city" }], undefined, { code: "validation.unknown_city", params: { field: "city", value: n.city } });
  const existing = await ctx.programmes.findApplication(callId, city.slug);
  if (existing) throw duplicate(existing);
  const stage = { inventory: n.stage.inventory ?? false, target: n.stage.target ?? false, plan: n.stage.plan ?? false };
  const facts = { country: city.country, population: city.population.value };
  const eligibility = await eligibilityFor(ctx, callId, facts, stage);
  const at = now.toISOString();
  const a: Application = {
    id: readableId(`${city.slug} ${call.id}`.slice(0, 30)),
    callId,
    programmeId: call.programmeId,
    city: { slug: city.slug, names: { en: city.names.en, zh: city.names.zh }, country: city.country, population: city.population.value },
    themes: n.themes,
    challenges: n.challenges || null,
    strengths: n.strengths || null,
    stage,
    contact: { name: n.contact.name ?? null, email: n.contact.email ?? null },
    status: isEligible(eligibility) ? "eligible" : "ineligible",
    eligibility,
    decisionNote: null,
    submittedAt: at,
    decidedAt: null,
    version: 1,
    createdBy,
    updatedAt: at,
  };
  try {
    await ctx.programmes.insertApplication(a);
  } catch (err) {
    // Two submissions at once: the unique (call, city) constraint keeps one.
    const raced = await ctx.programmes.findApplication(callId, city.slug);
    if (raced) throw duplicate(raced);
    throw err;
  }
  return getApplication(ctx, a.id);
}

/**
 * A manager's screening step: re-check eligibility (eligible/ineligible; the rules are checked
 * again against the city's current profile, and overriding them needs a note), accept (only an
 * eligible application) or decline. Refused with the reason when the move is not allowed; a
 * stale `version` gets VersionConflictError with the current application.
 */
export async function decideApplication(ctx: AppContext, id: string, input: Decision, now = new Date()): Promise<Application> {
  const d = DecisionSchema.parse(input);
  const current = await getApplication(ctx, id);
  const conflict = (c: Application) => new VersionConflictError(`application ${id} is at version ${c.version}, not ${d.version}: it was changed by someone else`, c);
  if (current.version !== d.version) throw conflict(current);
  assertScreeningMove(current.status, d.status);
  const note = d.note || null;
  let eligibility = current.eligibility;
  if (d.status === "eligible" || d.status === "ineligible") {
    eligibility = await eligibilityFor(ctx, current.callId, current.city, current.stage);
    const ok = isEligible(eligibility);
    if (ok !== (d.status === "eligible") && !note) {
      const why = ok ? "it meets every rule" : eligibility.filter((c) => !c.ok).map((c) => c.reason.en).join("; ");
      throw new InvalidInputError(`marking this application ${d.status} overrides the rules (${why}): give a note saying why`, [{ column: "note", message: "is required to override the eligibility rules" }], undefined, { code: "application.override_needs_note", params: { status: d.status } });
    }
  }
  const decided = d.status === "accepted" || d.status === "declined";
  const at = now.toISOString();
  const next: Application = { ...current, status: d.status, eligibility, decisionNote: note ?? current.decisionNote, decidedAt: decided ? at : current.decidedAt, updatedAt: at };
  if (!(await ctx.programmes.replaceApplication(next, d.version))) throw conflict(await getApplication(ctx, id));
  return getApplication(ctx, id);
}
