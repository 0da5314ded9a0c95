import type { District, NewProcess, ProcessUpdate, VisionProcess } from "../domain/vision.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { readableId } from "./vision-ids.js";
import { VersionConflictError } from "./version-conflict.js";

function checkPeriod(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) throw new InvalidInputError("the process cannot end before it starts", [{ column: "endsOn", value: endsOn, message: `must be ${startsOn} or later` }], undefined, { code: "dates.end_before_start", params: { start: startsOn, end: endsOn } });
}

/** Opens a vision process in a district: a question (en/zh) and a period. */
export async function createProcess(ctx: AppContext, district: string, input: NewProcess, createdBy: string, now = new Date()): Promise<VisionProcess> {
  if (!(await ctx.vision.district(district))) throw notFound("district", district);
  checkPeriod(input.startsOn, input.endsOn);
  const at = now.toISOString();
  const p: VisionProcess = {
    id: readableId(input.question.en),
    district,
    question: { en: input.question.en, zh: input.question.zh ?? null },
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    status: "open",
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.vision.insertProcess(p);
  return p;
}

export async function getProcess(ctx: AppContext, id: string): Promise<VisionProcess & { districtInfo: District }> {
  const p = await ctx.vision.process(id);
  if (!p) throw notFound("vision_process", id);
  return { ...p, districtInfo: (await ctx.vision.district(p.district)) as District };
}

/** Changes the question or period, or opens/closes the process, if `version` is current. */
export async function updateProcess(ctx: AppContext, id: string, input: ProcessUpdate, now = new Date()): Promise<VisionProcess> {
  const current = await ctx.vision.process(id);
  if (!current) throw notFound("vision_process", id);
  checkPeriod(input.startsOn, input.endsOn);
  const next: VisionProcess = { ...current, question: { en: input.question.en, zh: input.question.zh ?? null }, startsOn: input.startsOn, endsOn: input.endsOn ?? null, status: input.status, updatedAt: now.toISOString() };
  if (current.version !== input.version || !(await ctx.vision.replaceProcess(next, input.version))) {
    const fresh = (await ctx.vision.process(id)) ?? current;
    throw new VersionConflictError(`vision process ${id} is at version ${fresh.version}, not ${input.version}: it was changed by someone else`, fresh);
  }
  return (await ctx.vision.process(id)) as VisionProcess;
}

/** Every vision process (of one city if given) with its district, newest first. */
export async function listProcesses(ctx: AppContext, city?: string): Promise<{ process: VisionProcess; district: District }[]> {
  if (city && !(await ctx.cities.get(city))) throw notFound("city", city);
  return ctx.vision.listProcesses(city);
}
