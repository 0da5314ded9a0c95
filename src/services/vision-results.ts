import { PARTICIPANT_GROUPS, type ParticipantGroup, type Statement } from "../domain/vision.js";
import { type AgreementCount, agreementCount, analyseConsensus, type StatementFinding, type VoteValue } from "../engines/consensus/index.js";
import { notFound } from "../errors.js";
import type { AppContext } from "./context.js";

const VALUE = { agree: 1, disagree: -1, pass: 0 } as const;

export interface FindingView extends StatementFinding {
  text: string;
  language: Statement["language"];
  aspect: Statement["aspect"];
  kind: Statement["kind"];
}

export interface VisionResults {
  process: { id: string; question: { en: string; zh: string | null }; district: string; status: string };
  participants: number;
  statements: number;
  votes: number;
  k: number;
  silhouette: number;
  density: number;
  explained: [number, number];
  thresholds: ReturnType<typeof analyseConsensus>["thresholds"];
  map: { participant: string; name: string; participantGroup: ParticipantGroup; x: number; y: number; group: number; votes: number; sparse: boolean }[];
  groups: { id: number; size: number; participantGroups: Partial<Record<ParticipantGroup, number>> }[];
  breakdown: { statement: string; text: string; total: AgreementCount; groups: AgreementCount[]; participantGroups: Partial<Record<ParticipantGroup, AgreementCount>> }[];
  consensus: FindingView[];
  divisive: FindingView[];
}

/**
 * The opinion map, groups, common vision (consensus) and divisive statements of a process, from
 * the votes on its accepted statements (engines/consensus). As in Pol.is, an author counts as
 * agreeing with their own statement. Adds the breakdown by participant group (residents,
 * developers, …) beside the opinion groups.
 */
export async function visionResults(ctx: AppContext, processId: string, opts: { seed?: number; k?: number } = {}): Promise<VisionResults> {
  const process = await ctx.vision.process(processId);
  if (!process) throw notFound("vision_process", processId);
  const [people, statements, votes] = await Promise.all([
    ctx.visionParticipation.participants(processId),
    ctx.visionParticipation.statements(processId, "accepted"),
    ctx.visionParticipation.votes(processId),
  ]);
  const row = new Map(people.map((p, i) => [p.id, i]));
  const col = new Map(statements.map((s, j) => [s.id, j]));
  const matrix: VoteValue[][] = people.map(() => statements.map(() => null));
  statements.forEach((s, j) => {
    const i = row.get(s.author);
    if (i !== undefined) (matrix[i] as VoteValue[])[j] = 1;
  });
  let cast = 0;
  for (const v of votes) {
    const i = row.get(v.participant);
    const j = col.get(v.statement);
    if (i === undefined || j === undefined) continue;
    (matrix[i] as VoteValue[])[j] = VALUE[v.vote];
    cast++;
  }
  const r = analyseConsensus({ participants: people.map((p) => p.id), statements: statements.map((s) => s.id), votes: matrix }, { seed: opts.seed, k: opts.k });
  const byGroup = (members: number[]) => {
    const out: Partial<Record<ParticipantGroup, number>> = {};
    for (const i of members) {
      const g = people[i]?.group;
      if (g) out[g] = (out[g] ?? 0) + 1;
    }
    return out;
  };
  const view = (f: StatementFinding): FindingView => {
    const s = statements[col.get(f.statement) ?? -1] as Statement;
    return { ...f, text: s.text, language: s.language, aspect: s.aspect, kind: s.kind };
  };
  return {
    process: { id: process.id, question: process.question, district: process.district, status: process.status },
    participants: people.length,
    statements: statements.length,
    votes: cast,
    k: r.k,
    silhouette: r.silhouette,
    density: r.density,
    explained: r.explained,
    thresholds: r.thresholds,
    map: r.participants.map((p, i) => ({ participant: p.id, name: people[i]?.name ?? "", participantGroup: people[i]?.group ?? "others", x: p.x, y: p.y, group: p.group, votes: p.votes, sparse: p.sparse })),
    groups: r.groups.map((g) => ({ id: g.id, size: g.size, participantGroups: byGroup(g.members.map((m) => row.get(m) ?? -1)) })),
    breakdown: statements.map((s, j) => {
      const participantGroups: Partial<Record<ParticipantGroup, AgreementCount>> = {};
      for (const g of PARTICIPANT_GROUPS) {
        const members = people.flatMap((p, i) => (p.group === g ? [i] : []));
        if (members.length) participantGroups[g] = agreementCount(matrix, members, j);
      }
      const e = r.statements[j] as (typeof r.statements)[number];
      return { statement: s.id, text: s.text, total: e.total, groups: e.groups, participantGroups };
    }),
    consensus: r.consensus.map(view),
    divisive: r.divisive.map(view),
  };
}
