import { DATA_DIR } from "../../src/services/seed.js";
import { seedClimate } from "../../src/services/seed-climate.js";
import type { AppContext } from "../../src/services/context.js";
import { loadFixture } from "./fixture.js";

/** The fixture cities plus the shipped climate data: GPC sources and the emission factor library. */
export async function loadClimateFixture(ctx: AppContext): Promise<void> {
  await loadFixture(ctx);
  await seedClimate(ctx, DATA_DIR);
}
