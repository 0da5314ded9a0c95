import type { PairingRequest, PairingResult } from "../domain/pairing.js";
import { type CounterpartScore, counterpartScore } from "../engines/matching/counterpart-score.js";
import { programmePairing as solvePairing } from "../engines/matching/programme-pairing.js";
import { InvalidInputError, notFound, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { loadCounterpartInputs } from "./counterpart-inputs.js";
import { formedPairs } from "./pairing-candidates.js";
import { DATA_DIR } from "./seed.js";

/** The programme's constraints contradict each other (a fixed pair also forbidden, more fixed pairs than a capacity…): 422, never relaxed. */
export class InfeasiblePairingError extends InvalidInputError {}

type Reason = PairingResult["scores"][number][number]["reasons"][number];
const STRENGTH = new Set(["strength", "improving", "practices"]);
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The two best reasons of a cell, as shares of the symmetric score: strengths say who learns; context factors of both directions add up. */
function cellReasons(a: string, b: string, ab: CounterpartScore, ba: CounterpartScore, cell: number): Reason[] {
  if (cell <= 0) return [];
  const merged = new Map<string, Reason>();
  for (const [learner, s] of [[a, ab], [b, ba]] as const) {
    for (const r of s.reasons) {
      if (r.share <= 0) continue;
      const value = (r.share * s.score) / 2 / cell;
      const strength = STRENGTH.has(r.factor);
      const key = strength ? `${r.factor}|${r.facts.indicator ?? ""}|${learner}` : r.factor;
      const prev = merged.get(key);
      if (prev) prev.share += value;
      else merged.set(key, { factor: r.factor, share: value, learner: strength ? learner : null, detail: r.detail, facts: r.facts });
    }
  }
  return [...merged.values()]
    .sort((x, y) => y.share - x.share)
    .slice(0, 2)
    .map((r) => ({ ...r, share: Math.round(r.share * 100) / 100 }));
}

/**
 * The best pairing of a programme's candidates: each side-A city with up to `capacityA` side-B
 * partners, each side-B city with up to `capacityB`, fixed pairs kept and forbidden ones never
 * chosen, the most pairs the rules allow and among them the greatest total score. A cell's score
 * is symmetric: the mean of the counterpart score of b for a and of a for b (each learns from the
 * other), with its two main reasons. Exact (programme-pairing engine: Jonker–Volgenant or
 * successive shortest paths).
 *
 * Cooperations already formed in the programme (proposed, agreed or active) are kept: a formed pair
 * of two candidates is a fixed pair (marked with its `cooperationId`), and a formed partner who is
 * not on the board still takes one of the city's places. A city's capacity is never below its
 * formed pairs on the board, so a programme that formed more than its rules allow stays feasible.
 *
 * @throws InvalidInputError (400) naming an unknown city, a city on both sides or twice, or a pair
 * outside the candidates; InfeasiblePairingError (422) when the constraints contradict each other.
 */
export async function programmePairing(ctx: AppContext, programmeId: string, req: PairingRequest, dataDir: string = DATA_DIR): Promise<PairingResult> {
  if (!(await ctx.matching.programme(programmeId))) throw notFound("programme", programmeId);
  const inputs = await loadCounterpartInputs(ctx, dataDir);
  const problems: Problem[] = [];
  const sideIndex = (list: string[], column: "sideA" | "sideB", other: string[]) => {
    const index = new Map<string, number>();
    for (const slug of list) {
      if (!inputs.bySlug.has(slug)) problems.push({ column, value: slug, message: "is not a known city" });
      else if (index.has(slug)) problems.push({ column, value: slug, message: "is listed twice" });
      else if (other.includes(slug)) problems.push({ column, value: slug, message: "is on both sides" });
      index.set(slug, index.size);
    }
    return index;
  };
  const rowOf = sideIndex(req.sideA, "sideA", req.sideB);
  const colOf = sideIndex(req.sideB, "sideB", []);
  const pairsOf = (pairs: [string, string][], column: "fixed" | "forbidden") =>
    pairs.flatMap(([a, b]): [number, number][] => {
      const r = rowOf.get(a);
      const c = colOf.get(b);
      if (r === undefined || c === undefined) {
        problems.push({ column, value: `${a},${b}`, message: "is not a pair of a side A and a side B candidate" });
        return [];
      }
      return [[r, c]];
    });
  const formed = await formedPairs(ctx, programmeId);
  const onBoard = (f: { a: string; b: string }) => rowOf.has(f.a) && colOf.has(f.b);
  const formedKey = new Map(formed.filter(onBoard).map((f) => [`${f.a}|${f.b}`, f.cooperationId]));
  for (const [a, b] of req.forbidden) {
    const id = formedKey.get(`${a}|${b}`);
    if (id) problems.push({ column: "forbidden", value: `${a},${b}`, message: `is already a cooperation (${id})` });
  }
  const userFixed = new Set(req.fixed.map(([a, b]) => `${a}|${b}`));
  const allFixed: [string, string][] = [...req.fixed, ...formed.filter(onBoard).filter((f) => !userFixed.has(`${f.a}|${f.b}`)).map((f): [string, string] => [f.a, f.b])];
  const fixed = pairsOf(allFixed, "fixed");
  const forbidden = pairsOf(req.forbidden, "forbidden");
  // Places per city: the rule, less the formed partners off the board, never below its formed pairs on it.
  const capacity = (slugs: string[], cap: number, side: "a" | "b") =>
    slugs.map((slug) => {
      const mine = formed.filter((f) => f[side] === slug);
      const on = mine.filter(onBoard).length;
      return Math.max(on, cap - (mine.length - on));
    });
  if (problems.length) throw new InvalidInputError(`invalid pairing request: ${problems.length} problem(s)`, problems.slice(0, 50), problems.length, { code: "pairing.invalid_request", params: { count: problems.length } });

  const A = req.sideA.map((s) => inputs.bySlug.get(s)!);
  const B = req.sideB.map((s) => inputs.bySlug.get(s)!);
  const data = new Float64Array(A.length * B.length);
  const scores = A.map((a, i) =>
    B.map((b, j) => {
      const ab = counterpartScore(a, b, inputs.score)!;
      const ba = counterpartScore(b, a, inputs.score)!;
      const score = round4((ab.score + ba.score) / 2);
      data[i * B.length + j] = score;
      return { score, ab: ab.score, ba: ba.score, reasons: cellReasons(a.slug, b.slug, ab, ba, score) };
    }),
  );
  let solved;
  try {
    solved = solvePairing({ rows: A.length, cols: B.length, data }, { rowCapacity: capacity(req.sideA, req.capacityA, "a"), colCapacity: capacity(req.sideB, req.capacityB, "b"), fixed, forbidden });
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    // Name cities, not matrix positions.
    const named = e.problems.map((p): Problem => {
      if (p.value && /^\d+,\d+$/.test(p.value)) {
        const [r, c] = p.value.split(",").map(Number) as [number, number];
        return { ...p, value: `${req.sideA[r] ?? r},${req.sideB[c] ?? c}` };
      }
      if (p.row !== undefined) return { column: "sideA", value: req.sideA[p.row - 1], message: p.message };
      if (p.column && /^\d+$/.test(p.column)) return { column: "sideB", value: req.sideB[Number(p.column) - 1], message: p.message };
      return p;
    });
    const first = named[0];
    const reason = first ? `${first.column ?? ""} ${first.value ?? ""} ${first.message}`.trim() : e.message;
    throw new InfeasiblePairingError(`infeasible: ${reason}`, named, e.totalProblems, { code: "pairing.infeasible", params: { count: e.totalProblems } });
  }
  const pairs = solved.pairs.map((p) => {
    const [a, b] = [req.sideA[p.row]!, req.sideB[p.col]!];
    return { a, b, score: p.value, fixed: userFixed.has(`${a}|${b}`), cooperationId: formedKey.get(`${a}|${b}`) ?? null };
  });
  const statusOf = await candidateStatus(ctx, programmeId, formed);
  const city = (slug: string) => ({ slug, names: inputs.names.get(slug) ?? { en: slug, zh: null }, country: inputs.bySlug.get(slug)!.country, status: statusOf(slug) });
  return {
    programmeId,
    sideA: req.sideA.map(city),
    sideB: req.sideB.map(city),
    capacityA: req.capacityA,
    capacityB: req.capacityB,
    method: "cell = (score of b as counterpart for a + score of a as counterpart for b) / 2; pairing: most pairs within capacities, then greatest total (exact)",
    scores,
    pairs,
    total: round4(solved.total),
    formed: formed.map((f) => ({ ...f, onBoard: onBoard(f) })),
    unpaired: { a: req.sideA.filter((s) => !pairs.some((p) => p.a === s)), b: req.sideB.filter((s) => !pairs.some((p) => p.b === s)) },
  };
}

/** How each city stands in the programme: accepted or eligible applicant, member of a live cooperation, else added by hand. */
export async function candidateStatus(ctx: AppContext, programmeId: string, formed: { a: string; b: string }[]): Promise<(slug: string) => "accepted" | "eligible" | "member" | "added"> {
  const applied = new Map<string, string>();
  for (const r of await ctx.matching.applicants(programmeId, ["accepted", "eligible"])) if (applied.get(r.slug) !== "accepted") applied.set(r.slug, r.status);
  const members = new Set(formed.flatMap((f) => [f.a, f.b]));
  return (slug) => {
    const s = applied.get(slug);
    return s === "accepted" ? "accepted" : members.has(slug) ? "member" : s === "eligible" ? "eligible" : "added";
  };
}
