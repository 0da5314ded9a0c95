import { type AgreementCount, agreementCount } from "./group-agreement.js";
import { type ConfidenceLevel, confidenceLevel } from "./confidence.js";
import { type Point, kMeans, silhouette } from "./k-means.js";
import { pca2 } from "./pca2.js";
import { checkVoteMatrix, imputeCentred, type VoteMatrix } from "./vote-matrix.js";

/** Thresholds of the analysis; the defaults are stated in CONSENSUS_DEFAULTS. */
export interface ConsensusOptions {
  /** Seed of the PRNG behind PCA start vectors and k-means++ (same seed → same result). */
  seed?: number;
  /** Fixed number of opinion groups; otherwise chosen by silhouette among 2–5. */
  k?: number;
  /** Participants with fewer votes are placed on the map but flagged `sparse` and not used to form groups. */
  minVotes?: number;
  /** Smoothed agreement every group must reach for a consensus statement. */
  consensusAgreement?: number;
  /** Votes each group must have cast on a statement for it to count as consensus or divisive (a smaller group: all its members). */
  minGroupVotes?: number;
  /** Difference between the most and least agreeing group that makes a statement divisive. */
  divisiveSpread?: number;
}

export const CONSENSUS_DEFAULTS = { seed: 1, minVotes: 3, consensusAgreement: 0.6, minGroupVotes: 2, divisiveSpread: 0.5 } as const;

export interface PlacedParticipant {
  id: string;
  /** Position on the opinion map (first two principal components, vote units). */
  x: number;
  y: number;
  /** Opinion group, 0-based. */
  group: number;
  votes: number;
  /** Fewer than `minVotes` votes: placed by nearest group, not used to form the groups. */
  sparse: boolean;
}

export interface StatementFinding {
  statement: string;
  /** Consensus: the lowest group agreement; divisive: overall agreement. Smoothed, 0–1. */
  agreement: number;
  /** Highest minus lowest group agreement. */
  spread: number;
  /** Smoothed agreement of each group, in group order. */
  groups: number[];
  /** Votes (agree, disagree, pass) the finding rests on. */
  votes: number;
  /** The lowest share of any group's members who voted on it, 0–1. */
  density: number;
  confidence: ConfidenceLevel;
}

export interface ConsensusResult {
  k: number;
  /** Mean silhouette width of the groups (0 with one group). */
  silhouette: number;
  /** Variance share of the two map axes. */
  explained: [number, number];
  /** Votes cast / (participants × statements). */
  density: number;
  participants: PlacedParticipant[];
  groups: { id: number; size: number; members: string[] }[];
  statements: { id: string; total: AgreementCount; groups: AgreementCount[] }[];
  consensus: StatementFinding[];
  divisive: StatementFinding[];
  thresholds: Required<Omit<ConsensusOptions, "k">>;
}

function chooseClusters(points: Point[], k: number | undefined, seed: number): { labels: number[]; centres: [number, number][]; silhouette: number } {
  const distinct = new Set(points.map((p) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`)).size;
  if (distinct < 2 || k === 1) return { labels: points.map(() => 0), centres: [centroid(points)], silhouette: 0 };
  const ks = k !== undefined ? [Math.min(k, distinct)] : range(2, Math.min(5, distinct, points.length - 1));
  if (ks.length === 0) ks.push(2);
  let best: { labels: number[]; centres: [number, number][]; silhouette: number } | null = null;
  for (const kk of ks) {
    const c = kMeans(points, kk, seed);
    const s = silhouette(points, c.labels);
    if (!best || s > best.silhouette + 1e-12) best = { labels: c.labels, centres: c.centres, silhouette: s };
  }
  return best as { labels: number[]; centres: [number, number][]; silhouette: number };
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
const centroid = (ps: Point[]): [number, number] => (ps.length ? [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length] : [0, 0]);

/**
 * Opinion groups and the common vision from a vote matrix, as Pol.is does: mean-impute and
 * centre the votes, project participants on the first two principal components (power
 * iteration; a sparse voter's projection is scaled by √(statements / votes) so missing votes do
 * not pull them to the centre), cluster the participants with enough votes by seeded k-means
 * (k by best silhouette among 2–5 unless fixed), place the others at the nearest group. Then,
 * per group and statement, agree/disagree/pass counts and the smoothed agreement
 * (agree + 1) / (votes + 2). Consensus: every group agrees ≥ 0.6 with ≥ 2 votes each (all of
 * its members' votes when a group is smaller). Divisive: the groups' agreements differ by ≥ 0.5
 * (same vote rule).
 * @example analyseConsensus({ participants: ["a", "b"], statements: ["s"], votes: [[1], [1]] }).consensus[0].statement //=> "s"
 * Source: Small et al. 2021, "Polis: Scaling deliberation by mapping high dimensional opinion spaces", Recerca 26(2).
 */
export function analyseConsensus(m: VoteMatrix, options: ConsensusOptions = {}): ConsensusResult {
  checkVoteMatrix(m);
  const o = { ...CONSENSUS_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<ConsensusOptions> & typeof CONSENSUS_DEFAULTS;
  const n = m.participants.length;
  const cols = m.statements.length;
  const counts = m.votes.map((row) => row.filter((v) => v !== null).length);
  const map = pca2(imputeCentred(m.votes), o.seed);
  const points: Point[] = map.points.map((p, i) => {
    const scale = (counts[i] ?? 0) > 0 ? Math.sqrt(cols / (counts[i] ?? 1)) : 0;
    return [p[0] * scale, p[1] * scale];
  });

  let fit = range(0, n - 1).filter((i) => (counts[i] ?? 0) >= o.minVotes);
  if (fit.length < 2) fit = range(0, n - 1).filter((i) => (counts[i] ?? 0) > 0);
  const clusters = fit.length ? chooseClusters(fit.map((i) => points[i] as Point), options.k, o.seed) : { labels: [], centres: [[0, 0]] as [number, number][], silhouette: 0 };
  const raw = new Array<number>(n).fill(0);
  fit.forEach((i, f) => (raw[i] = clusters.labels[f] ?? 0));
  const fitted = new Set(fit);
  for (let i = 0; i < n; i++) {
    if (fitted.has(i)) continue;
    const p = points[i] as Point;
    raw[i] = clusters.centres.reduce((b, c, ci) => ((p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 < (p[0] - (clusters.centres[b] as Point)[0]) ** 2 + (p[1] - (clusters.centres[b] as Point)[1]) ** 2 ? ci : b), 0);
  }
  // Number groups by their first member in participant order, so labels do not depend on k-means internals.
  const order = new Map<number, number>();
  for (const l of raw) if (!order.has(l)) order.set(l, order.size);
  const labels = raw.map((l) => order.get(l) as number);
  const groups = range(0, order.size - 1).map((g) => {
    const members = range(0, n - 1).filter((i) => labels[i] === g);
    return { id: g, size: members.length, index: members, members: members.map((i) => m.participants[i] as string) };
  });

  const statements = m.statements.map((id, j) => ({ id, total: agreementCount(m.votes, range(0, n - 1), j), groups: groups.map((g) => agreementCount(m.votes, g.index, j)) }));
  const finding = (s: (typeof statements)[number], agreement: number): StatementFinding => {
    const ag = s.groups.map((c) => c.agreement);
    const density = groups.length ? Math.min(...groups.map((g, gi) => (g.size ? (s.groups[gi]?.votes ?? 0) / g.size : 0))) : 0;
    return { statement: s.id, agreement, spread: Math.max(...ag) - Math.min(...ag), groups: ag, votes: s.total.votes, density, confidence: confidenceLevel(Math.min(1, Math.max(0, density))) };
  };
  // A group smaller than minGroupVotes needs a vote from every member (a lone participant can still be a group).
  const enough = (s: (typeof statements)[number]) => groups.length > 0 && s.groups.every((c, g) => c.votes >= Math.min(o.minGroupVotes, groups[g]?.size ?? 0));
  const consensus = statements
    .filter((s) => enough(s) && s.groups.every((c) => c.agreement >= o.consensusAgreement))
    .map((s) => finding(s, Math.min(...s.groups.map((c) => c.agreement))))
    .sort((a, b) => b.agreement - a.agreement);
  const divisive = statements
    .filter((s) => groups.length > 1 && enough(s))
    .map((s) => finding(s, s.total.agreement))
    .filter((f) => f.spread >= o.divisiveSpread)
    .sort((a, b) => b.spread - a.spread);

  const cast = counts.reduce((s, c) => s + c, 0);
  return {
    k: groups.length,
    silhouette: clusters.silhouette,
    explained: map.explained,
    density: n && cols ? cast / (n * cols) : 0,
    participants: m.participants.map((id, i) => ({ id, x: (points[i] as Point)[0], y: (points[i] as Point)[1], group: labels[i] as number, votes: counts[i] ?? 0, sparse: (counts[i] ?? 0) < o.minVotes })),
    groups: groups.map(({ id, size, members }) => ({ id, size, members })),
    statements,
    consensus,
    divisive,
    thresholds: { seed: o.seed, minVotes: o.minVotes, consensusAgreement: o.consensusAgreement, minGroupVotes: o.minGroupVotes, divisiveSpread: o.divisiveSpread },
  };
}
