import { randomUUID } from "node:crypto";
import type { Kpi, KpiUpdate, KpiValue, KpiValueInput, NewKpi } from "../domain/cooperation.js";
import { type Coded, InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { getCooperation } from "./cooperations.js";
import { VersionConflictError } from "./version-conflict.js";

const bad = (column: string, value: string, message: string, coded: Coded) => new InvalidInputError(`${column}: "${value}" ${message}`, [{ column, value, message, ...coded }], 1, coded);

/** A KPI belongs to an action or a pilot of the cooperation (both scope-checked); its city is a member; its indicator exists. */
async function checkKpi(ctx: AppContext, cooperationId: string, input: NewKpi): Promise<void> {
  const coop = await getCooperation(ctx, cooperationId);
  if (!input.actionId && !input.pilotId) throw new InvalidInputError("a KPI belongs to an action or a pilot", [{ column: "actionId", message: "give actionId or pilotId" }], 1, { code: "kpi.owner_required" });
  if (input.actionId && input.pilotId) throw bad("pilotId", input.pilotId, "cannot be given together with actionId", { code: "kpi.action_and_pilot" });
  if (input.actionId) {
    const a = await ctx.cooperations.actions.get(input.actionId);
    if (!a || a.cooperationId !== cooperationId) throw bad("actionId", input.actionId, "is not an action of this cooperation", { code: "kpi.action_not_in_cooperation", params: { id: input.actionId } });
  }
  if (input.pilotId) {
    // Scope-checked like actionId: a pilot of another cooperation (or programme) is refused.
    const p = await ctx.work.getPilot(input.pilotId);
    if (!p) throw bad("pilotId", input.pilotId, "is not a known pilot project", { code: "validation.unknown_pilot", params: { field: "pilotId", value: input.pilotId } });
    if (p.cooperationId !== cooperationId) throw bad("pilotId", input.pilotId, "is not a pilot project of this cooperation", { code: "pilot.other_cooperation", params: { id: input.pilotId, cooperation: cooperationId } });
  }
  if (input.city && !coop.members.some((m) => m.slug === input.city)) throw bad("city", input.city, "is not a member city of the cooperation", { code: "cooperation.not_a_member", params: { field: "city", value: input.city } });
  if (input.indicator && !(await ctx.indicators.get(input.indicator))) throw bad("indicator", input.indicator, "is not an indicator of the catalogue", { code: "validation.unknown_indicator", params: { field: "indicator", value: input.indicator } });
  if (input.targetYear < Number(input.baselineDate.slice(0, 4))) throw bad("targetYear", String(input.targetYear), `is before the baseline date ${input.baselineDate}`, { code: "kpi.target_before_baseline", params: { date: input.baselineDate } });
}

function fromInput(input: NewKpi, base: Pick<Kpi, "id" | "cooperationId" | "version" | "createdBy" | "createdAt">, now: string): Kpi {
  return {
    ...base,
    actionId: input.actionId ?? null,
    pilotId: input.pilotId ?? null,
    indicator: input.indicator ?? null,
    city: input.city ?? null,
    names: { en: input.names.en, zh: input.names.zh || null },
    unit: input.unit,
    baselineValue: input.baselineValue,
    baselineDate: input.baselineDate,
    targetValue: input.targetValue,
    targetYear: input.targetYear,
    updatedAt: now,
  };
}

export async function listKpis(ctx: AppContext, cooperationId: string, actionId?: string): Promise<Kpi[]> {
  await getCooperation(ctx, cooperationId);
  return ctx.cooperations.kpis.list(cooperationId, actionId);
}

export async function getKpi(ctx: AppContext, id: string): Promise<Kpi> {
  const k = await ctx.cooperations.kpis.get(id);
  if (!k) throw notFound("kpi", id);
  return k;
}

export async function createKpi(ctx: AppContext, cooperationId: string, input: NewKpi, createdBy: string, now = new Date()): Promise<Kpi> {
  await checkKpi(ctx, cooperationId, input);
  const at = now.toISOString();
  const k = fromInput(input, { id: randomUUID(), cooperationId, version: 1, createdBy, createdAt: at }, at);
  await ctx.cooperations.kpis.insert(k);
  return k;
}

/** Replaces a KPI if `version` is current. */
export async function updateKpi(ctx: AppContext, id: string, input: KpiUpdate, now = new Date()): Promise<Kpi> {
  const current = await getKpi(ctx, id);
  const stale = (c: Kpi) => new VersionConflictError(`KPI ${id} is at version ${c.version}, not ${input.version}: it was changed by someone else`, c);
  if (current.version !== input.version) throw stale(current);
  await checkKpi(ctx, current.cooperationId, input);
  const k = fromInput(input, current, now.toISOString());
  if (!(await ctx.cooperations.kpis.replace(k, input.version))) throw stale(await getKpi(ctx, id));
  return getKpi(ctx, id);
}

export async function deleteKpi(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.cooperations.kpis.delete(id))) throw notFound("kpi", id);
}

export async function kpiValues(ctx: AppContext, id: string): Promise<KpiValue[]> {
  await getKpi(ctx, id);
  return ctx.cooperations.kpis.values(id);
}

/** Records a measured value of the KPI on a date (a second value on the same date replaces it). */
export async function recordKpiValue(ctx: AppContext, id: string, input: KpiValueInput, recordedBy: string, now = new Date()): Promise<KpiValue> {
  await getKpi(ctx, id);
  const v: KpiValue = { date: input.date, value: input.value, note: input.note || null, recordedBy, recordedAt: now.toISOString() };
  await ctx.cooperations.kpis.recordValue(id, v);
  return v;
}
