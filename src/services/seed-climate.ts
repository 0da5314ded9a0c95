import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { EmissionFactorRepository } from "../db/repositories/emission-factor.repository.js";
import { SourceRepository } from "../db/index.js";
import { SourceSchema } from "../domain/source.js";
import type { AppContext } from "./context.js";
import { readFactorLibrary } from "./factor-library.js";

const SourcesFile = z.object({ sources: z.array(SourceSchema) });

/**
 * Loads the climate reference data: the sources of data/gpc and data/pathway, and the emission
 * factor library of data/factors (IPCC 2006 fuels, China MEE grid factors, Ember countries).
 * Safe to repeat: keyed by id; users' own factors are left alone.
 */
export async function seedClimate(ctx: AppContext, dataDir: string, onStep: (message: string) => void = () => {}): Promise<{ sources: number; factors: number }> {
  const now = new Date().toISOString();
  const sources = ["gpc/sources.json", "pathway/references.json"].flatMap((f) => SourcesFile.parse(JSON.parse(readFileSync(join(dataDir, f), "utf8"))).sources);
  const factors = readFactorLibrary(join(dataDir, "factors"), now);
  await ctx.database.db.transaction().execute(async (trx) => {
    await new SourceRepository(trx).upsertMany(sources, now);
    await new EmissionFactorRepository(trx).upsertMany(factors);
  });
  onStep(`${factors.length} emission factors, ${sources.length} climate sources`);
  return { sources: sources.length, factors: factors.length };
}
