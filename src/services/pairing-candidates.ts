import type { PairingCandidates } from "../domain/pairing.js";
import { NotFoundError } from "../errors.js";
import type { AppContext } from "./context.js";

/**
 * The candidate cities of each side of a programme for its pairing board: the cities of its
 * accepted applications (and eligible ones when asked), on the side of the call they applied
 * to, or — for a call open to both sides — the side whose countries (or regions) include them.
 */
export async function pairingCandidates(ctx: AppContext, programmeId: string, opts: { includeEligible?: boolean } = {}): Promise<PairingCandidates> {
  const programme = await ctx.matching.programme(programmeId);
  if (!programme) throw new NotFoundError(`no programme with id "${programmeId}"`);
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
  return {
    programmeId,
    names: programme.names,
    themes: programme.themes,
    sides: programme.sides.map((s) => ({ key: s.key, names: s.names, countries: s.countries })),
    candidates: [...seen.values()],
  };
}
