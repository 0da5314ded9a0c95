import type { Activity, ActivityUpdate, NewActivity, NewOutput, Output } from "../domain/activity.js";
import type { ActivityRecord } from "../db/repositories/cooperation-work.repository.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";
import { cooperationOrThrow, dateOrderProblem, readableId, textPair, throwIfProblems, titlePair } from "./work-checks.js";

/** A cooperation's activities by start date. */
export async function cooperationActivities(ctx: AppContext, cooperationId: string): Promise<Activity[]> {
  await cooperationOrThrow(ctx, cooperationId);
  return ctx.work.activitiesOfCooperation(cooperationId);
}

/** A programme's activities: programme-wide ones (no cooperation) and those of all its cooperations. */
export async function programmeActivities(ctx: AppContext, programmeId: string): Promise<Activity[]> {
  if (!(await ctx.work.programmeExists(programmeId))) throw notFound("programme", programmeId);
  return ctx.work.activitiesOfProgramme(programmeId);
}

export async function getActivity(ctx: AppContext, id: string): Promise<Activity> {
  const a = await ctx.work.getActivity(id);
  if (!a) throw notFound("activity", id);
  return a;
}

async function organisationsOrThrow(ctx: AppContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await ctx.work.organisationRefs(unique);
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound("organisation", missing);
  return unique;
}

/** Records a study visit, roundtable, workshop… of a cooperation, with its participating organisations. */
export async function createActivity(ctx: AppContext, cooperationId: string, input: NewActivity, createdBy: string, now = new Date()): Promise<Activity> {
  const coop = await cooperationOrThrow(ctx, cooperationId);
  throwIfProblems("invalid activity", [dateOrderProblem(input.startDate, input.endDate ?? null)]);
  const at = now.toISOString();
  const a: ActivityRecord = {
    id: readableId(input.titles.en),
    cooperationId,
    programmeId: coop.programmeId,
    kind: input.kind,
    titles: titlePair(input.titles),
    descriptions: textPair(input.descriptions),
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    place: input.place?.trim() || null,
    organisationIds: await organisationsOrThrow(ctx, input.organisationIds ?? []),
    sourceIds: [],
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.work.insertActivity(a);
  return getActivity(ctx, a.id);
}

/** Changes the given fields if `version` is current; otherwise VersionConflictError with the current activity. */
export async function updateActivity(ctx: AppContext, id: string, patch: ActivityUpdate, now = new Date()): Promise<Activity> {
  const current = await ctx.work.activityRecord(id);
  if (!current) throw notFound("activity", id);
  const conflict = async () => {
    const c = await getActivity(ctx, id);
    return new VersionConflictError(`activity ${id} is at version ${c.version}, not ${patch.version}: it was changed by someone else`, c);
  };
  if (current.version !== patch.version) throw await conflict();
  const next: ActivityRecord = {
    ...current,
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.titles ? { titles: titlePair(patch.titles) } : {}),
    ...(patch.descriptions !== undefined ? { descriptions: textPair(patch.descriptions) } : {}),
    ...(patch.startDate ? { startDate: patch.startDate } : {}),
    ...(patch.endDate !== undefined ? { endDate: patch.endDate } : {}),
    ...(patch.place !== undefined ? { place: patch.place?.trim() || null } : {}),
    ...(patch.organisationIds ? { organisationIds: await organisationsOrThrow(ctx, patch.organisationIds) } : {}),
    updatedAt: now.toISOString(),
  };
  throwIfProblems("invalid activity", [dateOrderProblem(next.startDate, next.endDate)]);
  if (!(await ctx.work.replaceActivity(next, patch.version))) throw await conflict();
  return getActivity(ctx, id);
}

export async function deleteActivity(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.work.deleteActivity(id))) throw notFound("activity", id);
}

/** Adds an output (MoU, joint declaration, report, pilot project) to an activity, with its document link. */
export async function addOutput(ctx: AppContext, activityId: string, input: NewOutput, createdBy: string, now = new Date()): Promise<Output> {
  const activity = await getActivity(ctx, activityId);
  if (input.pilotId) {
    const pilot = await ctx.work.getPilot(input.pilotId);
    if (!pilot) throw notFound("pilot", input.pilotId);
    if (activity.cooperationId !== null && pilot.cooperationId !== activity.cooperationId) {
      throw new InvalidInputError(`pilot project "${input.pilotId}" belongs to another cooperation`, [
        { column: "pilotId", value: input.pilotId, message: `is not a pilot project of cooperation ${activity.cooperationId}` },
      ], undefined, { code: "pilot.other_cooperation", params: { id: input.pilotId, cooperation: activity.cooperationId } });
    }
  }
  const o: Output = {
    id: readableId(input.titles.en),
    activityId,
    kind: input.kind,
    titles: titlePair(input.titles),
    date: input.date ?? null,
    url: input.url ?? null,
    pilotId: input.pilotId ?? null,
    createdBy,
    createdAt: now.toISOString(),
  };
  await ctx.work.insertOutput(o);
  return o;
}

export async function deleteOutput(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.work.deleteOutput(id))) throw notFound("output", id);
}
