import type { NewVisionDocument, VisionDocument } from "../domain/vision.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { readableId } from "./vision-ids.js";
import { VersionConflictError } from "./version-conflict.js";

/** Statements must be accepted ones of this process; targets the district's city's; actions must exist. */
async function checkLinks(ctx: AppContext, processId: string, input: NewVisionDocument): Promise<void> {
  const process = await ctx.vision.process(processId);
  if (!process) throw notFound("vision_process", processId);
  const district = await ctx.vision.district(process.district);
  const accepted = new Set((await ctx.visionParticipation.statements(processId, "accepted")).map((s) => s.id));
  const problems = input.statements.filter((s) => !accepted.has(s)).map((s) => ({ column: "statements", value: s, message: "is not an accepted statement of this process" }));
  for (const t of input.targets) {
    const target = await ctx.targets.get(t);
    if (!target || target.city !== district?.city) problems.push({ column: "targets", value: t, message: `is not a target of ${district?.city ?? "the district's city"}` });
  }
  for (const a of input.actions) if (!(await ctx.readiness.subject("action", a))) problems.push({ column: "actions", value: a, message: "is not an action of a cooperation" });
  if (problems.length) throw new InvalidInputError(`${problems.length} link(s) of the vision document are invalid`, problems, undefined, { code: "vision.document_links_invalid", params: { count: problems.length } });
}

/** The moderator turns consensus statements into a vision document linked to targets and actions. */
export async function createVisionDocument(ctx: AppContext, processId: string, input: NewVisionDocument, createdBy: string, now = new Date()): Promise<VisionDocument> {
  await checkLinks(ctx, processId, input);
  const at = now.toISOString();
  const d: VisionDocument = {
    id: readableId(input.title.en),
    process: processId,
    title: { en: input.title.en, zh: input.title.zh ?? null },
    text: { en: input.text.en, zh: input.text.zh ?? null },
    statements: [...new Set(input.statements)],
    targets: [...new Set(input.targets)],
    actions: [...new Set(input.actions)],
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.vision.saveDocument(d, null);
  return d;
}

export async function getVisionDocument(ctx: AppContext, id: string): Promise<VisionDocument> {
  const d = await ctx.vision.document(id);
  if (!d) throw notFound("vision_document", id);
  return d;
}

export async function processDocuments(ctx: AppContext, processId: string): Promise<VisionDocument[]> {
  if (!(await ctx.vision.process(processId))) throw notFound("vision_process", processId);
  return ctx.vision.documentsOfProcess(processId);
}

/** Replaces a vision document if `version` is current; else VersionConflictError with the current one. */
export async function updateVisionDocument(ctx: AppContext, id: string, input: NewVisionDocument & { version: number }, now = new Date()): Promise<VisionDocument> {
  const current = await getVisionDocument(ctx, id);
  await checkLinks(ctx, current.process, input);
  const next: VisionDocument = {
    ...current,
    title: { en: input.title.en, zh: input.title.zh ?? null },
    text: { en: input.text.en, zh: input.text.zh ?? null },
    statements: [...new Set(input.statements)],
    targets: [...new Set(input.targets)],
    actions: [...new Set(input.actions)],
    updatedAt: now.toISOString(),
  };
  if (current.version !== input.version || !(await ctx.vision.saveDocument(next, input.version))) {
    const fresh = await getVisionDocument(ctx, id);
    throw new VersionConflictError(`vision document ${id} is at version ${fresh.version}, not ${input.version}: it was changed by someone else`, fresh);
  }
  return getVisionDocument(ctx, id);
}
