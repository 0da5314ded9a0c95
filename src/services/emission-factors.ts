import { BUILTIN_FACTOR_NAMESPACES, type EmissionFactor, type NewEmissionFactor } from "../domain/emission-factor.js";
import { ratioUnit } from "../engines/gpc/index.js";
import { SourceRepository } from "../db/index.js";
import { EmissionFactorRepository, type FactorSearch } from "../db/repositories/emission-factor.repository.js";
import { ConflictError, InvalidInputError, notFound, type Problem } from "../errors.js";
import type { AppContext } from "./context.js";
import { resolveSources } from "./resolve-sources.js";

export interface FactorPage {
  items: EmissionFactor[];
  /** The id to pass as `after` for the next page, or null. */
  next: string | null;
}

/** A page of the library, by id, optionally filtered by text, kind, gas, unit, year, region, source and origin. */
export async function listEmissionFactors(ctx: AppContext, s: Omit<FactorSearch, "limit"> & { limit: number }): Promise<FactorPage> {
  const rows = await ctx.emissionFactors.search({ ...s, limit: s.limit + 1 });
  const items = rows.slice(0, s.limit);
  return { items, next: rows.length > s.limit ? items[items.length - 1]!.id : null };
}

export async function getEmissionFactor(ctx: AppContext, id: string): Promise<EmissionFactor> {
  const f = await ctx.emissionFactors.get(id);
  if (!f) throw notFound("emission_factor", id);
  return f;
}

/**
 * Adds a user's own factor. It needs a source (an existing source id or a citation, which
 * becomes a new source), an id outside the shipped namespaces, and units of mass of gas per
 * unit of activity (kg/TJ, kg/kWh, t/t…).
 */
export async function addEmissionFactor(ctx: AppContext, input: NewEmissionFactor, createdBy: string, now = new Date()): Promise<EmissionFactor> {
  const problems: Problem[] = [];
  const ns = input.id.split(":")[0]!;
  if ((BUILTIN_FACTOR_NAMESPACES as readonly string[]).includes(ns)) {
    problems.push({ column: "id", value: input.id, message: `uses the namespace "${ns}" of the shipped library; choose your own, e.g. my-city:${input.id.split(":").slice(1).join(":")}` });
  }
  const seen = new Set<string>();
  input.gases.forEach((g, i) => {
    const r = ratioUnit(g.unit);
    if (!r || r.numerator.dimension !== "mass") problems.push({ column: `gases.${i}.unit`, value: g.unit, message: "is not mass of gas per unit of activity (e.g. kg/TJ, kg/kWh, t/t)" });
    if (seen.has(g.gas)) problems.push({ column: `gases.${i}.gas`, value: g.gas, message: "appears twice" });
    seen.add(g.gas);
  });
  if (problems.length > 0) throw new InvalidInputError("the emission factor is not valid", problems, undefined, { code: "emission_factor.invalid", params: { count: problems.length } });
  if (await ctx.emissionFactors.get(input.id)) throw new ConflictError(`an emission factor with id "${input.id}" already exists`, { code: "conflict.emission_factor_exists", params: { id: input.id } });

  const at = now.toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const sourceId = (await resolveSources(new SourceRepository(trx), [input.source], at)).get(input.source)!;
    const factor: EmissionFactor = {
      id: input.id,
      names: { en: input.names.en, zh: input.names.zh ?? null },
      kind: input.kind,
      gases: input.gases,
      ncvTjPerGg: input.ncvTjPerGg ?? null,
      year: input.year ?? null,
      region: input.region ?? null,
      source: sourceId,
      note: input.note ?? null,
      builtin: false,
      createdBy,
      createdAt: at,
    };
    await new EmissionFactorRepository(trx).insert(factor);
    return factor;
  });
}
