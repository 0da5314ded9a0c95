import { randomUUID } from "node:crypto";
import type { ActionPlan, ActionPlanInput, ActionUpdate, CooperationAction, NewAction } from "../domain/cooperation.js";
import { type Coded, InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { getCooperation } from "./cooperations.js";
import { VersionConflictError } from "./version-conflict.js";

const empty = { en: null, zh: null };
const bi = (v: { en?: string | null; zh?: string | null } | undefined) => ({ en: v?.en || null, zh: v?.zh || null });

/** The cooperation's Urban Cooperation Action Plan; an empty one at version 0 if never saved. */
export async function getActionPlan(ctx: AppContext, cooperationId: string): Promise<ActionPlan> {
  await getCooperation(ctx, cooperationId);
  return (
    (await ctx.cooperations.getPlan(cooperationId)) ?? {
      cooperationId,
      keyFocus: empty,
      challenges: empty,
      objectives: empty,
      expectedResults: empty,
      benefits: empty,
      sdgs: [],
      urbanAgenda: [],
      version: 0,
      updatedBy: null,
      updatedAt: null,
    }
  );
}

/** Replaces the UCAP fields if `version` is the stored one (0 for a plan never saved). */
export async function saveActionPlan(ctx: AppContext, cooperationId: string, input: ActionPlanInput, updatedBy: string, now = new Date()): Promise<ActionPlan> {
  const current = await getActionPlan(ctx, cooperationId);
  const stale = (c: ActionPlan) => new VersionConflictError(`the action plan is at version ${c.version}, not ${input.version}: it was changed by someone else`, c);
  if (current.version !== input.version) throw stale(current);
  const plan: ActionPlan = {
    ...current,
    keyFocus: bi(input.keyFocus),
    challenges: bi(input.challenges),
    objectives: bi(input.objectives),
    expectedResults: bi(input.expectedResults),
    benefits: bi(input.benefits),
    sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b),
    urbanAgenda: [...new Set(input.urbanAgenda)],
  };
  if (!(await ctx.cooperations.savePlan(plan, input.version, updatedBy, now.toISOString()))) throw stale(await getActionPlan(ctx, cooperationId));
  return getActionPlan(ctx, cooperationId);
}

export async function listActions(ctx: AppContext, cooperationId: string): Promise<CooperationAction[]> {
  await getCooperation(ctx, cooperationId);
  return ctx.cooperations.actions.list(cooperationId);
}

export async function getAction(ctx: AppContext, id: string): Promise<CooperationAction> {
  const a = await ctx.cooperations.actions.get(id);
  if (!a) throw notFound("action", id);
  return a;
}

/** Checks an action against its cooperation: owner is a member, partners and practice exist, dates in order, done ⇒ 100 %. */
async function checkAction(ctx: AppContext, cooperationId: string, input: NewAction): Promise<void> {
  const coop = await getCooperation(ctx, cooperationId);
  const bad = (column: string, value: string, message: string, coded: Coded) => new InvalidInputError(`${column}: "${value}" ${message}`, [{ column, value, message, ...coded }], 1, coded);
  if (input.ownerCity && !coop.members.some((m) => m.slug === input.ownerCity)) {
    throw bad("ownerCity", input.ownerCity, `is not a member city of the cooperation (members: ${coop.members.map((m) => m.slug).join(", ")})`, { code: "cooperation.not_a_member", params: { field: "ownerCity", value: input.ownerCity } });
  }
  const orgs = await ctx.cooperations.existing("organisations", input.partnerIds);
  const missing = input.partnerIds.find((p) => !orgs.has(p));
  if (missing) throw bad("partnerIds", missing, "is not a known organisation", { code: "validation.unknown_organisation", params: { field: "partnerIds", value: missing } });
  if (input.practiceId && !(await ctx.cooperations.existing("practices", [input.practiceId])).has(input.practiceId)) {
    throw bad("practiceId", input.practiceId, "is not a practice in the library", { code: "validation.unknown_practice", params: { field: "practiceId", value: input.practiceId } });
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw bad("endDate", input.endDate, `is before the start date ${input.startDate}`, { code: "dates.end_before_start", params: { start: input.startDate, end: input.endDate } });
  if (input.status === "done" && input.completionPct !== 100) throw bad("completionPct", String(input.completionPct), "must be 100 for a done action", { code: "action.done_needs_100" });
}

function fromInput(input: NewAction, base: Pick<CooperationAction, "id" | "cooperationId" | "version" | "createdBy" | "createdAt">, now: string): CooperationAction {
  return {
    ...base,
    titles: { en: input.titles.en, zh: input.titles.zh || null },
    theme: input.theme || null,
    ownerCity: input.ownerCity ?? null,
    partnerIds: [...new Set(input.partnerIds)],
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    budget: input.budget ?? null,
    currency: input.currency ?? null,
    fundingSource: input.fundingSource || null,
    status: input.status,
    completionPct: input.completionPct,
    impact: input.impact.map((i) => ({ value: i.value, unit: i.unit, label: i.label || null })),
    practiceId: input.practiceId ?? null,
    updatedAt: now,
  };
}

export async function createAction(ctx: AppContext, cooperationId: string, input: NewAction, createdBy: string, now = new Date()): Promise<CooperationAction> {
  await checkAction(ctx, cooperationId, input);
  const at = now.toISOString();
  const a = fromInput(input, { id: randomUUID(), cooperationId, version: 1, createdBy, createdAt: at }, at);
  await ctx.cooperations.actions.insert(a);
  return a;
}

/** Replaces an action if `version` is current. */
export async function updateAction(ctx: AppContext, id: string, input: ActionUpdate, now = new Date()): Promise<CooperationAction> {
  const current = await getAction(ctx, id);
  const stale = (c: CooperationAction) => new VersionConflictError(`action ${id} is at version ${c.version}, not ${input.version}: it was changed by someone else`, c);
  if (current.version !== input.version) throw stale(current);
  await checkAction(ctx, current.cooperationId, input);
  const a = fromInput(input, current, now.toISOString());
  if (!(await ctx.cooperations.actions.replace(a, input.version))) throw stale(await getAction(ctx, id));
  return getAction(ctx, id);
}

export async function deleteAction(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.cooperations.actions.delete(id))) throw notFound("action", id);
}
