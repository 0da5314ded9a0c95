import { randomUUID } from "node:crypto";
import type { Assessment, AssessmentUpdate, NewAssessment } from "../domain/readiness.js";
import { InvalidInputError, notFound, NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";

type Fields = Omit<AssessmentUpdate, "version">;

/** Tensions must join two different partners of the map; partner ids must be unique. */
function checkStakeholders(a: Fields): void {
  const ids = new Set<string>();
  const problems = [];
  for (const p of a.partners) {
    if (ids.has(p.id)) problems.push({ column: "partners", value: p.id, message: "is used by two partners" });
    ids.add(p.id);
  }
  for (const t of a.tensions) {
    const [x, y] = t.between;
    for (const id of [x, y]) if (!ids.has(id)) problems.push({ column: "tensions", value: id, message: "is not a partner of this map" });
    if (x === y) problems.push({ column: "tensions", value: x, message: "a tension joins two different partners" });
  }
  if (problems.length) throw new InvalidInputError("the stakeholder map is inconsistent", problems, undefined, { code: "readiness.stakeholders_inconsistent", params: { count: problems.length } });
}

function fields(a: Fields): Pick<Assessment, "title" | "scores" | "role" | "roleNote" | "partners" | "tensions"> {
  const scores: Assessment["scores"] = {};
  for (const [k, v] of Object.entries(a.scores)) if (v) scores[k as keyof Assessment["scores"]] = { score: v.score, evidence: v.evidence ?? null };
  return {
    title: a.title ?? null,
    scores,
    role: a.role ?? null,
    roleNote: a.roleNote ?? null,
    partners: a.partners.map((p) => ({ id: p.id, name: p.name, sector: p.sector, interests: p.interests ?? null })),
    tensions: a.tensions,
  };
}

/** Starts a readiness self-assessment for a pilot or an action (by id); scores may be filled in later. */
export async function createAssessment(ctx: AppContext, input: NewAssessment, createdBy: string, now = new Date()): Promise<Assessment> {
  const kind = input.pilot ? "pilot" : "action";
  const subjectId = (input.pilot ?? input.action) as string;
  if (!(await ctx.readiness.subject(kind, subjectId))) throw new NotFoundError(`no ${kind} with id "${subjectId}"`, { code: "not_found.readiness_subject", params: { kind, id: subjectId } });
  checkStakeholders(input);
  const at = now.toISOString();
  const a: Assessment = { id: randomUUID(), pilot: input.pilot ?? null, action: input.action ?? null, ...fields(input), version: 1, createdBy, createdAt: at, updatedAt: at };
  await ctx.readiness.insert(a);
  return a;
}

export async function getAssessment(ctx: AppContext, id: string): Promise<Assessment> {
  const a = await ctx.readiness.get(id);
  if (!a) throw notFound("readiness_assessment", id);
  return a;
}

export async function listAssessments(ctx: AppContext, filter: { pilot?: string; action?: string; cooperation?: string }): Promise<Assessment[]> {
  return ctx.readiness.list(filter);
}

/** Replaces scores, role and stakeholder map if `version` is current; else VersionConflictError with the current one. */
export async function updateAssessment(ctx: AppContext, id: string, input: AssessmentUpdate, now = new Date()): Promise<Assessment> {
  const current = await getAssessment(ctx, id);
  checkStakeholders(input);
  const next: Assessment = { ...current, ...fields(input), updatedAt: now.toISOString() };
  if (current.version !== input.version || !(await ctx.readiness.replace(next, input.version))) {
    const fresh = await getAssessment(ctx, id);
    throw new VersionConflictError(`readiness assessment ${id} is at version ${fresh.version}, not ${input.version}: it was changed by someone else`, fresh);
  }
  return getAssessment(ctx, id);
}
