import { randomUUID } from "node:crypto";
import type { Moderation, NewStatement, Participant, ParticipantGroup, Statement, Vote, VoteRecord } from "../domain/vision.js";
import { detectStatementLanguage } from "../domain/vision.js";
import { ConflictError, InvalidInputError, notFound } from "../errors.js";
import type { AppContext } from "./context.js";
import { hashToken, newToken } from "./vision-ids.js";
import { VersionConflictError } from "./version-conflict.js";

async function openProcess(ctx: AppContext, id: string) {
  const p = await ctx.vision.process(id);
  if (!p) throw notFound("vision_process", id);
  if (p.status !== "open") throw new ConflictError(`vision process ${id} is closed`, { code: "conflict.process_closed", params: { id } });
  return p;
}

/** The participant a token belongs to in this process; InvalidInputError when it is unknown. */
export async function participantFor(ctx: AppContext, process: string, token: string): Promise<Participant> {
  const p = await ctx.visionParticipation.participantByToken(process, hashToken(token));
  if (!p) throw new InvalidInputError("unknown participant token for this process: join the process first", [{ column: "token", message: "is not a token of this process" }], undefined, { code: "vision.unknown_token" });
  return p;
}

/** Joins a process under a display name and group; returns the participant and its token (shown once, stored hashed). */
export async function joinProcess(ctx: AppContext, process: string, input: { name: string; group: ParticipantGroup }, now = new Date()): Promise<{ participant: Participant; token: string }> {
  await openProcess(ctx, process);
  const token = newToken();
  const participant: Participant = { id: randomUUID(), process, name: input.name, group: input.group, joinedAt: now.toISOString() };
  await ctx.visionParticipation.insertParticipant(participant, hashToken(token));
  return { participant, token };
}

/** A participant's own view: who they are and their votes. */
export async function participantState(ctx: AppContext, process: string, token: string): Promise<{ participant: Participant; votes: VoteRecord[] }> {
  const participant = await participantFor(ctx, process, token);
  return { participant, votes: await ctx.visionParticipation.votes(process, participant.id) };
}

/** Submits a statement; it waits for the moderator ("pending") before anyone can vote on it. */
export async function submitStatement(ctx: AppContext, process: string, input: NewStatement, now = new Date()): Promise<Statement> {
  await openProcess(ctx, process);
  const author = await participantFor(ctx, process, input.token);
  const s: Statement = {
    id: randomUUID(),
    process,
    author: author.id,
    authorGroup: author.group,
    text: input.text,
    language: input.language ?? detectStatementLanguage(input.text),
    aspect: input.aspect,
    kind: input.kind,
    status: "pending",
    reason: null,
    moderatedBy: null,
    moderatedAt: null,
    createdAt: now.toISOString(),
    version: 1,
  };
  await ctx.visionParticipation.insertStatement(s);
  return s;
}

export async function processStatements(ctx: AppContext, process: string, status?: Statement["status"]): Promise<Statement[]> {
  if (!(await ctx.vision.process(process))) throw notFound("vision_process", process);
  return ctx.visionParticipation.statements(process, status);
}

/** Accepts or hides (with a reason) a statement, if `version` is current. */
export async function moderateStatement(ctx: AppContext, id: string, m: Moderation, by: string, now = new Date()): Promise<Statement> {
  const current = await ctx.visionParticipation.statement(id);
  if (!current) throw notFound("statement", id);
  const reason = m.status === "hidden" ? (m.reason ?? null) : null;
  if (current.version !== m.version || !(await ctx.visionParticipation.moderate(id, { status: m.status, reason, by, at: now.toISOString() }, m.version))) {
    const fresh = (await ctx.visionParticipation.statement(id)) ?? current;
    throw new VersionConflictError(`statement ${id} is at version ${fresh.version}, not ${m.version}: it was moderated by someone else`, fresh);
  }
  return (await ctx.visionParticipation.statement(id)) as Statement;
}

/** Records a participant's vote on an accepted statement of someone else; voting again replaces the vote. */
export async function castVote(ctx: AppContext, statementId: string, input: { token: string; vote: Vote }, now = new Date()): Promise<VoteRecord> {
  const s = await ctx.visionParticipation.statement(statementId);
  if (!s) throw notFound("statement", statementId);
  await openProcess(ctx, s.process);
  const voter = await participantFor(ctx, s.process, input.token);
  if (s.status === "hidden") throw new ConflictError(`statement ${statementId} was hidden by the moderator${s.reason ? `: ${s.reason}` : ""}; it cannot be voted on`, { code: "conflict.statement_hidden", params: { id: statementId } });
  if (s.status === "pending") throw new ConflictError(`statement ${statementId} is waiting for the moderator; it cannot be voted on yet`, { code: "conflict.statement_pending", params: { id: statementId } });
  if (s.author === voter.id) throw new ConflictError("participants do not vote on their own statements", { code: "conflict.own_statement" });
  const v = { statement: statementId, participant: voter.id, vote: input.vote, votedAt: now.toISOString() };
  await ctx.visionParticipation.upsertVote({ ...v, process: s.process });
  return v;
}
