import type { District, NewDistrict, VisionProcess } from "../domain/vision.js";
import { notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { readableId } from "./vision-ids.js";
import { VersionConflictError } from "./version-conflict.js";

export type ProcessSummary = VisionProcess & { participants: number; statements: number; votes: number };
export type DistrictWithProcesses = District & { processes: ProcessSummary[] };

async function withProcesses(ctx: AppContext, districts: District[]): Promise<DistrictWithProcesses[]> {
  const processes = await ctx.vision.processesOfDistricts(districts.map((d) => d.id));
  const counts = await ctx.visionParticipation.counts(processes.map((p) => p.id));
  return districts.map((d) => ({
    ...d,
    processes: processes.filter((p) => p.district === d.id).map((p) => ({ ...p, ...(counts.get(p.id) ?? { participants: 0, statements: 0, votes: 0 }) })),
  }));
}

/** A city's districts, each with its vision processes and how many took part. */
export async function cityDistricts(ctx: AppContext, city: string): Promise<DistrictWithProcesses[]> {
  if (!(await ctx.cities.get(city))) throw notFound("city", city);
  return withProcesses(ctx, await ctx.vision.districtsOfCity(city));
}

export async function getDistrict(ctx: AppContext, id: string): Promise<DistrictWithProcesses> {
  const d = await ctx.vision.district(id);
  if (!d) throw notFound("district", id);
  return (await withProcesses(ctx, [d]))[0] as DistrictWithProcesses;
}

/** Adds a named area of a city, optionally with its boundary (GeoJSON, validated by the domain schema). */
export async function createDistrict(ctx: AppContext, city: string, input: NewDistrict, createdBy: string, now = new Date()): Promise<District> {
  if (!(await ctx.cities.get(city))) throw notFound("city", city);
  const at = now.toISOString();
  const d: District = { id: readableId(input.names.en), city, names: { en: input.names.en, zh: input.names.zh ?? null }, boundary: input.boundary ?? null, version: 1, createdBy, createdAt: at, updatedAt: at };
  await ctx.vision.insertDistrict(d);
  return d;
}

/** Renames a district or changes its boundary if `version` is current; else VersionConflictError with the current one. */
export async function updateDistrict(ctx: AppContext, id: string, input: NewDistrict & { version: number }, now = new Date()): Promise<District> {
  const current = await ctx.vision.district(id);
  if (!current) throw notFound("district", id);
  const next: District = { ...current, names: { en: input.names.en, zh: input.names.zh ?? null }, boundary: input.boundary ?? null, updatedAt: now.toISOString() };
  if (current.version !== input.version || !(await ctx.vision.replaceDistrict(next, input.version))) {
    const fresh = (await ctx.vision.district(id)) ?? current;
    throw new VersionConflictError(`district ${id} is at version ${fresh.version}, not ${input.version}: it was changed by someone else`, fresh);
  }
  return (await ctx.vision.district(id)) as District;
}
