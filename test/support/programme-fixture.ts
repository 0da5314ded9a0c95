import type { AppContext } from "../../src/services/context.js";
import { createCall, createProgramme } from "../../src/services/programmes.js";

/**
 * A two-sided EU–China programme (DE, ES, CZ / CN; at least 50,000 inhabitants) with one call
 * (deadline 2026-03-31, at least 400,000 inhabitants), created through the services at `now`.
 * The fixture cities must be loaded first.
 */
export async function createPilotProgramme(ctx: AppContext, now: Date): Promise<{ programmeId: string; callId: string }> {
  const p = await createProgramme(
    ctx,
    {
      names: { en: "EU–China pilot", zh: "中欧试点" },
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      themes: ["transport"],
      sides: [
        { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] },
        { key: "b", names: { en: "China", zh: "中国" }, countries: ["CN"] },
      ],
      eligibility: { minPopulation: 50000 },
      sourceIds: ["geonames"],
    },
    "test",
    now,
  );
  const call = await createCall(ctx, p.id, { titles: { en: "Call 2026" }, deadline: "2026-03-31", eligibility: { minPopulation: 400000 } }, "test", now);
  return { programmeId: p.id, callId: call.id };
}
