import type { FundApplication, FundApplicationUpdate, NewFundApplication, NewPilot, Pilot, PilotUpdate } from "../domain/pilot.js";
import { NewFundApplicationSchema } from "../domain/pilot.js";
import type { PilotRecord } from "../db/repositories/cooperation-work.repository.js";
import { notFound, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";
import { cooperationOrThrow, dateOrderProblem, readableId, textPair, throwIfProblems, titlePair } from "./work-checks.js";

export async function cooperationPilots(ctx: AppContext, cooperationId: string): Promise<Pilot[]> {
  await cooperationOrThrow(ctx, cooperationId);
  return ctx.work.pilotsOfCooperation(cooperationId);
}

export async function getPilot(ctx: AppContext, id: string): Promise<Pilot> {
  const p = await ctx.work.getPilot(id);
  if (!p) throw notFound("pilot", id);
  return p;
}

const moneyProblem = (amount: number | null, currency: string | null, field: string): Problem | null =>
  amount !== null && currency === null ? { column: "currency", message: `is needed with the ${field}` } : null;

/** The rules of a pilot: it runs in a member city, ends after it starts, and a budget has a currency. */
function pilotProblems(p: PilotRecord, members: string[]): (Problem | null)[] {
  return [
    p.citySlug !== null && !members.includes(p.citySlug)
      ? { column: "citySlug", value: p.citySlug, message: `is not a member city of the cooperation (members: ${members.join(", ") || "none"})` }
      : null,
    dateOrderProblem(p.startDate, p.endDate),
    moneyProblem(p.budget, p.currency, "budget"),
  ];
}

/**
 * The rules of a fund decision: a decision date needs a decision other than pending and cannot
 * come before the submission; an amount is awarded only when the application was awarded, and
 * never more than was requested.
 */
export function fundApplicationProblems(f: FundApplication): (Problem | null)[] {
  return [
    f.decidedOn !== null && f.decision === "pending" ? { column: "decidedOn", value: f.decidedOn, message: "needs a decision: awarded, rejected or withdrawn" } : null,
    dateOrderProblem(f.submittedOn, f.decidedOn, "decidedOn", "submission date"),
    f.amountAwarded !== null && f.decision !== "awarded" ? { column: "amountAwarded", value: String(f.amountAwarded), message: `is only for an awarded application, not a ${f.decision} one` } : null,
    f.amountAwarded !== null && f.amountRequested !== null && f.amountAwarded > f.amountRequested
      ? { column: "amountAwarded", value: String(f.amountAwarded), message: `cannot exceed the amount requested (${f.amountRequested})` }
      : null,
    moneyProblem(f.amountRequested ?? f.amountAwarded, f.currency, "amount"),
  ];
}

/** Adds a pilot project to a cooperation (budget, member city, dates, status). */
export async function createPilot(ctx: AppContext, cooperationId: string, input: NewPilot, createdBy: string, now = new Date()): Promise<Pilot> {
  const coop = await cooperationOrThrow(ctx, cooperationId);
  const at = now.toISOString();
  const p: PilotRecord = {
    id: readableId(input.titles.en),
    cooperationId,
    titles: titlePair(input.titles),
    descriptions: textPair(input.descriptions),
    citySlug: input.citySlug ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    budget: input.budget ?? null,
    currency: input.currency ?? null,
    status: input.status ?? "planned",
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  throwIfProblems("invalid pilot project", pilotProblems(p, coop.members));
  await ctx.work.insertPilot(p);
  return getPilot(ctx, p.id);
}

export async function updatePilot(ctx: AppContext, id: string, patch: PilotUpdate, now = new Date()): Promise<Pilot> {
  const current = await getPilot(ctx, id);
  const conflict = (c: Pilot) => new VersionConflictError(`pilot project ${id} is at version ${c.version}, not ${patch.version}: it was changed by someone else`, c);
  if (current.version !== patch.version) throw conflict(current);
  const { partners: _p, fundApplications: _f, kpis: _k, ...record } = current;
  const next: PilotRecord = { ...record, updatedAt: now.toISOString() };
  if (patch.titles) next.titles = titlePair(patch.titles);
  if (patch.descriptions !== undefined) next.descriptions = textPair(patch.descriptions);
  if (patch.citySlug !== undefined) next.citySlug = patch.citySlug;
  if (patch.startDate !== undefined) next.startDate = patch.startDate;
  if (patch.endDate !== undefined) next.endDate = patch.endDate;
  if (patch.budget !== undefined) next.budget = patch.budget;
  if (patch.currency !== undefined) next.currency = patch.currency;
  if (patch.status) next.status = patch.status;
  const coop = await cooperationOrThrow(ctx, current.cooperationId);
  throwIfProblems("invalid pilot project", pilotProblems(next, coop.members));
  if (!(await ctx.work.replacePilot(next, patch.version))) throw conflict(await getPilot(ctx, id));
  return getPilot(ctx, id);
}

async function fundApplicationOrThrow(ctx: AppContext, id: string): Promise<FundApplication> {
  const f = await ctx.work.getFundApplication(id);
  if (!f) throw notFound("fund_application", id);
  return f;
}

/** Records a pilot's application to a competitive follow-up fund (score and decision may come later). */
export async function addFundApplication(ctx: AppContext, pilotId: string, input: NewFundApplication, createdBy: string, now = new Date()): Promise<FundApplication> {
  await getPilot(ctx, pilotId);
  const i = NewFundApplicationSchema.parse(input);
  const at = now.toISOString();
  const f: FundApplication = {
    id: readableId(i.fund),
    pilotId,
    fund: i.fund.trim(),
    submittedOn: i.submittedOn,
    amountRequested: i.amountRequested ?? null,
    currency: i.currency ?? null,
    score: i.score ?? null,
    decision: i.decision,
    decidedOn: i.decidedOn ?? null,
    amountAwarded: i.amountAwarded ?? null,
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  throwIfProblems("invalid fund application", fundApplicationProblems(f));
  await ctx.work.insertFundApplication(f);
  return f;
}

/** Changes a fund application (e.g. records its score and decision) if `version` is current. */
export async function updateFundApplication(ctx: AppContext, id: string, patch: FundApplicationUpdate, now = new Date()): Promise<FundApplication> {
  const current = await fundApplicationOrThrow(ctx, id);
  const conflict = (c: FundApplication) => new VersionConflictError(`fund application ${id} is at version ${c.version}, not ${patch.version}: it was changed by someone else`, c);
  if (current.version !== patch.version) throw conflict(current);
  const { version, ...fields } = patch;
  const next: FundApplication = { ...current, updatedAt: now.toISOString() };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (next as Record<string, unknown>)[k] = typeof v === "string" ? v.trim() : v;
  throwIfProblems("invalid fund application", fundApplicationProblems(next));
  if (!(await ctx.work.replaceFundApplication(next, version))) throw conflict(await fundApplicationOrThrow(ctx, id));
  return fundApplicationOrThrow(ctx, id);
}
