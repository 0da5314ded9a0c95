import type { PairingCandidates } from "../domain/pairing.js";
import type { CooperationStatus } from "../domain/cooperation.js";
import { notFound } from "../errors.js";
import type { AppContext } from "./context.js";

/** Statuses of a cooperation that still holds its cities' places on the board (completed and discontinued ones free them). */
export const LIVE_STATUSES: readonly CooperationStatus[] = ["proposed", "agreed", "active"];

/** A pair of cities already joined by a live cooperation of the programme. */
export interface FormedPair {
  a: string;
  b: string;
  cooperationId: string;
  status: CooperationStatus;
  /** The cooperation's names. */
  names: { en: string; zh: string | null };
}

type Member = { slug: string; names: { en: string; zh: string | null }; country: string };

/**
 * The pairs of the programme's live cooperations: every side-A member with every side-B member.
 * A member stored without a side takes the side of the programme whose countries include it.
 */
export async function formedPairs(ctx: AppContext, programmeId: string, members?: Map<string, Member>): Promise<FormedPair[]> {
  const programme = await ctx.matching.programme(programmeId);
  const sideOfCountry = (country: string) => programme?.sides.find((s) => s.countries.includes(country))?.key ?? null;
  const out: FormedPair[] = [];
  for (const c of await ctx.cooperations.list({ programme: programmeId })) {
    if (!LIVE_STATUSES.includes(c.status)) continue;
    const side = (m: (typeof c.members)[number]) => m.side ?? sideOfCountry(m.country);
    const as = c.members.filter((m) => side(m) === "a");
    const bs = c.members.filter((m) => side(m) === "b");
    for (const m of c.members) members?.set(m.slug, m);
    for (const a of as) for (const b of bs) out.push({ a: a.slug, b: b.slug, cooperationId: c.id, status: c.status, names: c.names });
  }
  return out;
}

/**
 * The candidate cities of each side of a programme for its pairing board: the cities of its
 * accepted applications (and eligible ones when asked), on the side of the call they applied
 * to, or — for a call open to both sides — the side whose countries (or regions) include them;
 * and the members of its live cooperations (status `member`), with those cooperations' pairs
 * (`formed`), which the board keeps as fixed pairs.
 */
export async function pairingCandidates(ctx: AppContext, programmeId: string, opts: { includeEligible?: boolean } = {}): Promise<PairingCandidates> {
  const programme = await ctx.matching.programme(programmeId);
  if (!programme) throw notFound("programme", programmeId);
  const rows = await ctx.matching.applicants(programmeId, opts.includeEligible ? ["accepted", "eligible"] : ["accepted"]);
  const sideOf = (country: string, region: string | null) =>
    programme.sides.find((s) => s.countries.includes(country) || (region !== null && s.regions.includes(region)))?.key ?? null;
  const seen = new Map<string, PairingCandidates["candidates"][number]>();
  for (const r of rows) {
    const side = r.callSide ?? sideOf(r.country, r.region);
    const prev = seen.get(r.slug);
    // A city accepted in one call and eligible in another counts once, as accepted.
    if (!prev || (prev.status !== "accepted" && r.status === "accepted")) seen.set(r.slug, { slug: r.slug, names: r.names, country: r.country, status: r.status, side });
  }
  const members = new Map<string, Member>();
  const formed = await formedPairs(ctx, programmeId, members);
  for (const f of formed) {
    for (const [slug, side] of [[f.a, "a"], [f.b, "b"]] as const) {
      const m = members.get(slug);
      if (!seen.has(slug) && m) seen.set(slug, { slug, names: m.names, country: m.country, status: "member", side });
    }
  }
  return {
    programmeId,
    names: programme.names,
    themes: programme.themes,
    sides: programme.sides.map((s) => ({ key: s.key, names: s.names, countries: s.countries })),
    candidates: [...seen.values()].sort((x, y) => x.slug.localeCompare(y.slug)),
    formed,
  };
}
