import { type PairingProposal, type PairingProposalResult, PairingProposalSchema } from "../domain/pairing.js";
import { InvalidInputError, notFound, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { lockForWrite } from "../db/write-lock.js";
import { createCooperation } from "./cooperations.js";
import { formedPairs } from "./pairing-candidates.js";
import { candidateStatus } from "./programme-pairing.js";

/**
 * Turns pairs of the pairing board into proposed cooperations of the programme: the pairs of one
 * side-A city become one cooperation (that city the lead, its side-B partners the partners).
 * Pairs already joined by a live cooperation of the programme are skipped, so proposing the same
 * pairs twice creates nothing new. Every city must be an accepted applicant, a member of a live
 * cooperation of the programme, or listed in `added` (proposed on purpose by the manager).
 *
 * @throws NotFoundError (404) for an unknown programme; InvalidInputError (400) naming each city
 * that never applied or was not accepted and is not in `added`, or a city on both sides.
 */
export async function proposePairs(ctx: AppContext, programmeId: string, raw: PairingProposal, createdBy: string, now = new Date()): Promise<PairingProposalResult> {
  const input = PairingProposalSchema.parse(raw);
  // One transaction (the request's, when it has one) holding the programme's proposal lock from
  // the look-up of formed pairs to the last insert: of two identical proposals sent at once, to
  // one server or two, the second waits, then finds the pairs formed and skips them.
  return ctx.database.inTransaction(async () => {
    await lockForWrite(ctx.database, `pairing-proposals:${programmeId}`);
    return propose(ctx, programmeId, input, createdBy, now);
  });
}

async function propose(ctx: AppContext, programmeId: string, input: PairingProposal, createdBy: string, now: Date): Promise<PairingProposalResult> {
  const programme = await ctx.matching.programme(programmeId);
  if (!programme) throw notFound("programme", programmeId);
  const formed = await formedPairs(ctx, programmeId);
  const statusOf = await candidateStatus(ctx, programmeId, formed);
  const added = new Set(input.added);
  const problems: Problem[] = [];
  const as = new Set(input.pairs.map(([a]) => a));
  const bs = new Set(input.pairs.map(([, b]) => b));
  for (const slug of as) if (bs.has(slug)) problems.push({ column: "pairs", value: slug, message: "is on both sides" });
  for (const slug of new Set([...as, ...bs])) {
    const status = statusOf(slug);
    if ((status === "added" || status === "eligible") && !added.has(slug)) {
      problems.push({ column: "pairs", value: slug, message: status === "eligible" ? "has applied but is not accepted; list it in `added` to propose it on purpose" : "has not applied to the programme; list it in `added` to propose it on purpose" });
    }
  }
  if (problems.length) throw new InvalidInputError(`${problems.length} problem(s) in the proposed pairs`, problems.slice(0, 50), problems.length, { code: "pairing.invalid_pairs", params: { count: problems.length } });

  const formedOf = new Map(formed.map((f) => [`${f.a}|${f.b}`, f.cooperationId]));
  const skipped: PairingProposalResult["skipped"] = [];
  const groups = new Map<string, string[]>();
  for (const [a, b] of input.pairs) {
    const id = formedOf.get(`${a}|${b}`);
    if (id) {
      if (!skipped.some((s) => s.a === a && s.b === b)) skipped.push({ a, b, cooperationId: id });
      continue;
    }
    const partners = groups.get(a) ?? [];
    if (!partners.includes(b)) partners.push(b);
    groups.set(a, partners);
  }
  const names = await ctx.matching.names();
  const name = (slug: string, lang: "en" | "zh") => {
    const n = names.get(slug);
    if (!n) throw notFound("city", slug);
    return lang === "zh" ? (n.zh ?? n.en) : n.en;
  };
  const created: PairingProposalResult["created"] = [];
  for (const [a, partners] of groups) {
    const c = await createCooperation(ctx, {
      programmeId,
      names: { en: `${name(a, "en")} – ${partners.map((b) => name(b, "en")).join(", ")}`, zh: `${name(a, "zh")} – ${partners.map((b) => name(b, "zh")).join("、")}` },
      themes: programme.themes,
      members: [{ slug: a, role: "lead", side: "a" }, ...partners.map((b) => ({ slug: b, role: "partner" as const, side: "b" as const }))],
      origin: "pairing",
    }, createdBy, now);
    created.push({ id: c.id, names: c.names, members: c.members.map((m) => m.slug) });
  }
  return { created, skipped };
}
