import type {
  Commitment, CommitmentUpdate, NewCommitment, NewOrganisation, Organisation, OrganisationDetail, OrganisationUpdate,
} from "../domain/organisation.js";
import type { CommitmentRecord, OrganisationQuery } from "../db/repositories/cooperation-work.repository.js";
import { InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { VersionConflictError } from "./version-conflict.js";
import { cooperationOrThrow, readableId, textPair, titlePair } from "./work-checks.js";

async function cityOrThrow(ctx: AppContext, slug: string | null): Promise<void> {
  if (slug && !(await ctx.cities.get(slug))) throw notFound("city", slug);
}

export async function listOrganisations(ctx: AppContext, query: OrganisationQuery): Promise<Organisation[]> {
  return ctx.work.listOrganisations(query);
}

async function organisationOrThrow(ctx: AppContext, id: string): Promise<Organisation> {
  const o = await ctx.work.getOrganisation(id);
  if (!o) throw notFound("organisation", id);
  return o;
}

/** An organisation with its roles and commitments in all cooperations and pilot projects. */
export async function getOrganisation(ctx: AppContext, id: string): Promise<OrganisationDetail> {
  const o = await organisationOrThrow(ctx, id);
  return { ...o, commitments: await ctx.work.commitments({ organisationId: id }) };
}

/** Registers a partner organisation (public, private, academic, civil society or residents). */
export async function createOrganisation(ctx: AppContext, input: NewOrganisation, createdBy: string, now = new Date()): Promise<Organisation> {
  await cityOrThrow(ctx, input.citySlug ?? null);
  const at = now.toISOString();
  const o: Organisation = {
    id: readableId(input.names.en),
    names: titlePair(input.names),
    kind: input.kind,
    country: input.country ?? null,
    sector: input.sector?.trim() || null,
    citySlug: input.citySlug ?? null,
    website: input.website ?? null,
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.work.insertOrganisation(o);
  return o;
}

/** Changes the given fields if `version` is current; otherwise VersionConflictError with the current record. */
export async function updateOrganisation(ctx: AppContext, id: string, patch: OrganisationUpdate, now = new Date()): Promise<Organisation> {
  const current = await organisationOrThrow(ctx, id);
  const conflict = (c: Organisation) => new VersionConflictError(`organisation ${id} is at version ${c.version}, not ${patch.version}: it was changed by someone else`, c);
  if (current.version !== patch.version) throw conflict(current);
  if (patch.citySlug !== undefined) await cityOrThrow(ctx, patch.citySlug);
  const next: Organisation = {
    ...current,
    ...(patch.names ? { names: titlePair(patch.names) } : {}),
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.country !== undefined ? { country: patch.country } : {}),
    ...(patch.sector !== undefined ? { sector: patch.sector?.trim() || null } : {}),
    ...(patch.citySlug !== undefined ? { citySlug: patch.citySlug } : {}),
    ...(patch.website !== undefined ? { website: patch.website } : {}),
    updatedAt: now.toISOString(),
  };
  if (!(await ctx.work.replaceOrganisation(next, patch.version))) throw conflict(await organisationOrThrow(ctx, id));
  return organisationOrThrow(ctx, id);
}

/** The partners of a cooperation: every organisation's role and commitment (in it or one of its pilots). */
export async function cooperationCommitments(ctx: AppContext, cooperationId: string): Promise<Commitment[]> {
  await cooperationOrThrow(ctx, cooperationId);
  return ctx.work.commitments({ cooperationId });
}

async function pilotOfCooperation(ctx: AppContext, pilotId: string | null | undefined, cooperationId: string): Promise<void> {
  if (!pilotId) return;
  const p = await ctx.work.getPilot(pilotId);
  if (!p) throw notFound("pilot", pilotId);
  if (p.cooperationId !== cooperationId) {
    throw new InvalidInputError(`pilot project "${pilotId}" belongs to another cooperation`, [{ column: "pilotId", value: pilotId, message: `is not a pilot project of cooperation ${cooperationId}` }], undefined, { code: "pilot.other_cooperation", params: { id: pilotId, cooperation: cooperationId } });
  }
}

async function commitmentOrThrow(ctx: AppContext, id: string): Promise<Commitment> {
  const c = await ctx.work.getCommitment(id);
  if (!c) throw notFound("commitment", id);
  return c;
}

/** Records an organisation's role and commitment in a cooperation, or in one of its pilot projects. */
export async function createCommitment(ctx: AppContext, cooperationId: string, input: NewCommitment, createdBy: string, now = new Date()): Promise<Commitment> {
  await cooperationOrThrow(ctx, cooperationId);
  const org = await organisationOrThrow(ctx, input.organisationId);
  await pilotOfCooperation(ctx, input.pilotId, cooperationId);
  const at = now.toISOString();
  const c: CommitmentRecord = {
    id: readableId(`${org.names.en} ${input.role}`),
    organisationId: org.id,
    cooperationId,
    pilotId: input.pilotId ?? null,
    role: input.role.trim(),
    commitment: textPair(input.commitment),
    version: 1,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.work.insertCommitment(c);
  return commitmentOrThrow(ctx, c.id);
}

export async function updateCommitment(ctx: AppContext, id: string, patch: CommitmentUpdate, now = new Date()): Promise<Commitment> {
  const current = await commitmentOrThrow(ctx, id);
  const conflict = (c: Commitment) => new VersionConflictError(`commitment ${id} is at version ${c.version}, not ${patch.version}: it was changed by someone else`, c);
  if (current.version !== patch.version) throw conflict(current);
  if (patch.pilotId !== undefined) await pilotOfCooperation(ctx, patch.pilotId, current.cooperationId);
  const { organisation, ...rest } = current;
  const next: CommitmentRecord = {
    ...rest,
    organisationId: organisation.id,
    ...(patch.pilotId !== undefined ? { pilotId: patch.pilotId } : {}),
    ...(patch.role !== undefined ? { role: patch.role.trim() } : {}),
    ...(patch.commitment !== undefined ? { commitment: textPair(patch.commitment) } : {}),
    updatedAt: now.toISOString(),
  };
  if (!(await ctx.work.replaceCommitment(next, patch.version))) throw conflict(await commitmentOrThrow(ctx, id));
  return commitmentOrThrow(ctx, id);
}

export async function deleteCommitment(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.work.deleteCommitment(id))) throw notFound("commitment", id);
}
