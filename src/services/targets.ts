import { randomUUID } from "node:crypto";
import type { ClimateAction, NewClimateAction, NewTarget, Target } from "../domain/target.js";
import { targetEmissions } from "../engines/pathway/index.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";

async function cityOrThrow(ctx: AppContext, city: string): Promise<void> {
  if (!(await ctx.cities.get(city))) throw notFound("city", city);
}

/** Checks what a target type needs (via the pathway engine) and that years are in order. */
function validate(t: Target): void {
  if (t.targetYear <= t.baseYear) throw new InvalidInputError("the target year must come after the base year", [{ column: "targetYear", value: String(t.targetYear), message: `must be after the base year ${t.baseYear}` }], undefined, { code: "target.year_order", params: { base: t.baseYear } });
  if (t.netZeroYear !== null && t.netZeroYear < t.targetYear) {
    throw new InvalidInputError("the net-zero year cannot come before the target year", [{ column: "netZeroYear", value: String(t.netZeroYear), message: `must be ${t.targetYear} or later` }], undefined, { code: "target.net_zero_before_target", params: { target: t.targetYear } });
  }
  targetEmissions(t); // raises InvalidInputError naming the missing field
}

function fromInput(input: NewTarget, base: Pick<Target, "id" | "city" | "version" | "createdBy" | "createdAt">, now: string): Target {
  return {
    ...base,
    type: input.type,
    names: input.names ? { en: input.names.en, zh: input.names.zh ?? null } : null,
    baseYear: input.baseYear,
    baseEmissions: input.baseEmissions,
    targetYear: input.targetYear,
    reductionPct: input.reductionPct ?? null,
    targetLevel: input.targetLevel ?? null,
    basePopulation: input.basePopulation ?? null,
    netZeroYear: input.netZeroYear ?? null,
    method: input.method,
    sectors: input.sectors,
    gases: input.gases,
    bau: input.bau ?? null,
    budget: input.budget ?? null,
    source: input.source ?? null,
    updatedAt: now,
  };
}

export async function cityTargets(ctx: AppContext, city: string): Promise<Target[]> {
  await cityOrThrow(ctx, city);
  return ctx.targets.listForCity(city);
}

export async function getTarget(ctx: AppContext, id: string): Promise<Target> {
  const t = await ctx.targets.get(id);
  if (!t) throw notFound("target", id);
  return t;
}

/** Stores a city's target (CRF type, base and target years, reduction or level, net-zero year, coverage). */
export async function createTarget(ctx: AppContext, city: string, input: NewTarget, createdBy: string, now = new Date()): Promise<Target> {
  await cityOrThrow(ctx, city);
  const at = now.toISOString();
  const t = fromInput(input, { id: randomUUID(), city, version: 1, createdBy, createdAt: at }, at);
  validate(t);
  await ctx.targets.insert(t);
  return t;
}

/** Replaces a target if `version` is current; otherwise VersionConflictError with the current one. */
export async function updateTarget(ctx: AppContext, id: string, input: NewTarget & { version: number }, now = new Date()): Promise<Target> {
  const current = await getTarget(ctx, id);
  const conflict = (c: Target) => new VersionConflictError(`target ${id} is at version ${c.version}, not ${input.version}: it was changed by someone else`, c);
  if (current.version !== input.version) throw conflict(current);
  const t = fromInput(input, current, now.toISOString());
  validate(t);
  if (!(await ctx.targets.replace(t, input.version))) throw conflict(await getTarget(ctx, id));
  return getTarget(ctx, id);
}

export async function deleteTarget(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.targets.delete(id))) throw notFound("target", id);
}

export async function cityActions(ctx: AppContext, city: string): Promise<ClimateAction[]> {
  await cityOrThrow(ctx, city);
  return ctx.climateActions.listForCity(city);
}

/** Records a planned action with the yearly reduction it is expected to deliver at full effect. */
export async function createAction(ctx: AppContext, city: string, input: NewClimateAction, createdBy: string, now = new Date()): Promise<ClimateAction> {
  await cityOrThrow(ctx, city);
  if (input.fullYear < input.startYear) {
    throw new InvalidInputError("the full-effect year cannot come before the start year", [{ column: "fullYear", value: String(input.fullYear), message: `must be ${input.startYear} or later` }], undefined, { code: "measure.full_before_start", params: { start: input.startYear } });
  }
  const a: ClimateAction = {
    id: randomUUID(),
    city,
    names: { en: input.names.en, zh: input.names.zh ?? null },
    sector: input.sector ?? null,
    startYear: input.startYear,
    fullYear: input.fullYear,
    reductionTCO2e: input.reductionTCO2e,
    source: input.source ?? null,
    createdBy,
    createdAt: now.toISOString(),
  };
  await ctx.climateActions.insert(a);
  return a;
}

export async function deleteAction(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.climateActions.delete(id))) throw notFound("action", id);
}
