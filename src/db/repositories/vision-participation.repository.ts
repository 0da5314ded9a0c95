import type { Kysely } from "kysely";
import type { Participant, Statement, Vote, VoteRecord } from "../../domain/vision.js";
import type { DatabaseSchema, VisionParticipantsTable, VisionStatementsTable } from "../schema.js";

const VOTE_VALUE: Record<Vote, number> = { agree: 1, disagree: -1, pass: 0 };
const VOTE_NAME = new Map<number, Vote>([
  [1, "agree"],
  [-1, "disagree"],
  [0, "pass"],
]);

function toParticipant(r: VisionParticipantsTable): Participant {
  return { id: r.id, process: r.process_id, name: r.display_name, group: r.stakeholder_group as Participant["group"], joinedAt: r.joined_at };
}

function toStatement(r: VisionStatementsTable & { author_group: string }): Statement {
  return {
    id: r.id,
    process: r.process_id,
    author: r.author_id,
    authorGroup: r.author_group as Statement["authorGroup"],
    text: r.text,
    language: r.language as Statement["language"],
    aspect: r.aspect as Statement["aspect"],
    kind: r.kind as Statement["kind"],
    status: r.status as Statement["status"],
    reason: r.reason,
    moderatedBy: r.moderated_by,
    moderatedAt: r.moderated_at,
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

/** Who takes part in a vision process, what they say and how they vote. */
export class VisionParticipationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insertParticipant(p: Participant, tokenHash: string): Promise<void> {
    await this.db
      .insertInto("vision_participants")
      .values({ id: p.id, process_id: p.process, display_name: p.name, stakeholder_group: p.group, token_hash: tokenHash, joined_at: p.joinedAt })
      .execute();
  }

  async participantByToken(process: string, tokenHash: string): Promise<Participant | null> {
    const r = await this.db.selectFrom("vision_participants").selectAll().where("process_id", "=", process).where("token_hash", "=", tokenHash).executeTakeFirst();
    return r ? toParticipant(r) : null;
  }

  async participants(process: string): Promise<Participant[]> {
    return (await this.db.selectFrom("vision_participants").selectAll().where("process_id", "=", process).orderBy("joined_at").orderBy("id").execute()).map(toParticipant);
  }

  private statementQuery() {
    return this.db.selectFrom("vision_statements as s").innerJoin("vision_participants as p", "p.id", "s.author_id").selectAll("s").select("p.stakeholder_group as author_group");
  }

  async statements(process: string, status?: Statement["status"]): Promise<Statement[]> {
    let q = this.statementQuery().where("s.process_id", "=", process);
    if (status) q = q.where("s.status", "=", status);
    return (await q.orderBy("s.created_at").orderBy("s.id").execute()).map(toStatement);
  }

  async statement(id: string): Promise<Statement | null> {
    const r = await this.statementQuery().where("s.id", "=", id).executeTakeFirst();
    return r ? toStatement(r) : null;
  }

  async insertStatement(s: Statement): Promise<void> {
    await this.db
      .insertInto("vision_statements")
      .values({
        id: s.id,
        process_id: s.process,
        author_id: s.author,
        text: s.text,
        language: s.language,
        aspect: s.aspect,
        kind: s.kind,
        status: s.status,
        reason: s.reason,
        moderated_by: s.moderatedBy,
        moderated_at: s.moderatedAt,
        created_at: s.createdAt,
        version: s.version,
      })
      .execute();
  }

  /** Sets the moderation status if the stored version is `expected`; false otherwise. */
  async moderate(id: string, m: { status: Statement["status"]; reason: string | null; by: string; at: string }, expected: number): Promise<boolean> {
    const r = await this.db
      .updateTable("vision_statements")
      .set({ status: m.status, reason: m.reason, moderated_by: m.by, moderated_at: m.at, version: expected + 1 })
      .where("id", "=", id)
      .where("version", "=", expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** One vote per participant and statement: a second vote replaces the first. */
  async upsertVote(v: VoteRecord & { process: string }): Promise<void> {
    await this.db
      .insertInto("vision_votes")
      .values({ statement_id: v.statement, participant_id: v.participant, process_id: v.process, vote: VOTE_VALUE[v.vote], voted_at: v.votedAt })
      .onConflict((oc) => oc.columns(["statement_id", "participant_id"]).doUpdateSet((eb) => ({ vote: eb.ref("excluded.vote"), voted_at: eb.ref("excluded.voted_at") })))
      .execute();
  }

  async votes(process: string, participant?: string): Promise<VoteRecord[]> {
    let q = this.db.selectFrom("vision_votes").select(["statement_id", "participant_id", "vote", "voted_at"]).where("process_id", "=", process);
    if (participant) q = q.where("participant_id", "=", participant);
    const rows = await q.orderBy("statement_id").orderBy("participant_id").execute();
    return rows.map((r) => ({ statement: r.statement_id, participant: r.participant_id, vote: VOTE_NAME.get(Number(r.vote)) ?? "pass", votedAt: r.voted_at }));
  }

  /** Statements and votes per process, for listing: counts cast in SQL. */
  async counts(processes: string[]): Promise<Map<string, { participants: number; statements: number; votes: number }>> {
    const out = new Map(processes.map((p) => [p, { participants: 0, statements: 0, votes: 0 }]));
    if (processes.length === 0) return out;
    const count = <T extends "vision_participants" | "vision_statements" | "vision_votes">(t: T) =>
      this.db
        .selectFrom(t as "vision_votes")
        .select(["process_id"])
        .select((eb) => eb.cast<number>(eb.fn.countAll(), "integer").as("n"))
        .where("process_id", "in", processes)
        .groupBy("process_id")
        .execute();
    for (const [key, t] of [["participants", "vision_participants"], ["statements", "vision_statements"], ["votes", "vision_votes"]] as const) {
      for (const r of await count(t)) {
        const c = out.get(r.process_id);
        if (c) c[key] = Number(r.n);
      }
    }
    return out;
  }
}
