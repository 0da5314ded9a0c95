import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadClimateFixture } from "../../test/support/climate-fixture.js";
import type { NewTarget } from "../domain/target.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import { cityPathway } from "./city-pathway.js";
import type { AppContext } from "./context.js";
import { createAction, createTarget, updateTarget } from "./targets.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

const target: NewTarget = {
  type: "base-year",
  baseYear: 2019,
  baseEmissions: 1.2e7,
  targetYear: 2030,
  reductionPct: 43,
  basePopulation: 1e6,
  netZeroYear: 2050,
  method: "linear",
  sectors: ["I", "II", "III"],
  gases: ["CO2", "CH4", "N2O"],
  bau: { populationGrowthPct: 1, gdpPerCapitaGrowthPct: 2, intensityChangePct: -3 },
  budget: { tCO2e: 1e8, source: "test budget" },
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => null, (e: unknown) => e);
}

describe.each(DIALECTS)("targets and pathways on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadClimateFixture(ctx);
    await ctx.sources.upsertMany([{ id: "test-ghg", citation: "test GHG totals", url: null, licence: null }], "2026-01-01T00:00:00Z");
    const obs = (city: string, period: string, value: number) => ({ city, indicator: "ghg.total", period, value, source: "test-ghg", note: null, importedBy: "test", importedAt: "2026-01-01T00:00:00Z" });
    await ctx.observations.upsert([obs("malaga-es", "1990", 2.4e6), obs("malaga-es", "2019", 2e6), obs("malaga-es", "2021", 1.9e6)]);
  });

  it("checks what each target type needs", async () => {
    const e = await rejection(createTarget(ctx, "chongqing-cn", { ...target, type: "intensity", basePopulation: null }, "test"));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).problems[0]).toMatchObject({ column: "basePopulation" });
    expect(await rejection(createTarget(ctx, "chongqing-cn", { ...target, targetYear: 2019 }, "test"))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(createTarget(ctx, "atlantis-xx", target, "test"))).toBeInstanceOf(NotFoundError);
  });

  it("replaces a target only from its current version", async () => {
    const created = await createTarget(ctx, "longyan-cn", { ...target, type: "fixed-level", reductionPct: null, targetLevel: 5e6 }, "test");
    const updated = await updateTarget(ctx, created.id, { ...target, version: 1, reductionPct: 50 });
    expect(updated).toMatchObject({ version: 2, type: "base-year", reductionPct: 50, targetLevel: null });
    const stale = await rejection(updateTarget(ctx, created.id, { ...target, version: 1 }));
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect((stale as VersionConflictError<{ version: number }>).current.version).toBe(2);
  });

  it("draws the trajectory, BAU, wedges, gap, reference lines, NDC checks and budget of a Chinese city's target", async () => {
    const tg = await createTarget(ctx, "chongqing-cn", target, "test");
    await createAction(ctx, "chongqing-cn", { names: { en: "Electric buses" }, sector: "II", startYear: 2021, fullYear: 2025, reductionTCO2e: 1e6 }, "test");
    await createAction(ctx, "chongqing-cn", { names: { en: "Building retrofits", zh: "建筑改造" }, startYear: 2024, fullYear: 2024, reductionTCO2e: 2e6 }, "test");
    const p = await cityPathway(ctx, "chongqing-cn", tg.id);
    const at = (s: { year: number; tCO2e: number }[], year: number) => s.find((x) => x.year === year)!.tCO2e;

    expect(p.targetEmissions).toBeCloseTo(6.84e6, 3);
    expect(p.trajectory).toHaveLength(2050 - 2019 + 1);
    expect(at(p.trajectory, 2030)).toBeCloseTo(6.84e6, 3);
    const k = 1.01 * 1.02 * 0.97;
    expect(at(p.bau, 2030)).toBeCloseTo(1.2e7 * k ** 11, 3);
    expect(p.wedges.map((w) => at(w.series, 2023))).toEqual([6e5, 0]);
    expect(at(p.planned, 2030)).toBeCloseTo(1.2e7 * k ** 11 - 3e6, 3);
    expect(at(p.gap, 2030)).toBeCloseTo(1.2e7 * k ** 11 - 3e6 - 6.84e6, 3);

    const line = (id: string) => p.referenceLines.find((l) => l.id === id)!;
    expect(at(line("ipcc-ar6-1.5c").series, 2035)).toBeCloseTo(4.8e6, 3);
    expect(at(line("net-zero-2050").series, 2050)).toBe(0);
    expect(line("c40-2.9t-2030").series).toEqual([{ year: 2030, tCO2e: expect.closeTo(2.9 * 1e6 * 1.01 ** 11, 3) }]);

    expect(p.ndc?.id).toBe("cn-2021");
    expect(p.ndc?.checks.map((c) => c.status)).toEqual(["meets", "meets", "not-comparable"]);
    expect(p.budget?.trajectory.cumulative).toBeCloseTo(p.cumulative.trajectory, 3);
    expect(p.cumulative.trajectory).toBeCloseTo(((1.2e7 + 6.84e6) / 2) * 12, 1);
    // running total: 12.0e6, 23.5e6 … 98.9e6 in 2028, 106.2e6 in 2029 > 1e8
    expect(p.budget?.trajectory.exceededIn).toBe(2029);
  });

  it("uses the city's observed 2019 emissions and 1990 baseline for an EU city", async () => {
    const tg = await createTarget(ctx, "malaga-es", { ...target, baseYear: 2021, baseEmissions: 1.9e6, netZeroYear: null, bau: null, budget: null, basePopulation: null }, "test");
    const p = await cityPathway(ctx, "malaga-es", tg.id);
    const ar6 = p.referenceLines.find((l) => l.id === "ipcc-ar6-1.5c")!;
    expect(ar6.series[0]).toEqual({ year: 2019, tCO2e: 2e6 });
    expect(p.referenceLines.find((l) => l.id === "c40-2.9t-2030")).toMatchObject({ available: false, reason: "needs the city's population" });
    expect(p.history).toEqual([expect.objectContaining({ indicator: "ghg.total", source: "test-ghg", unit: "tCO2e" })]);
    // 2030: 1.9e6 × 0.57 = 1.083e6, i.e. 54.9 % below 1990's 2.4e6: short of the EU's 55 %
    expect(p.ndc?.checks[0]).toMatchObject({ status: "falls-short", detail: "54.9 % below 1990 in 2030 (NDC: 55 %)" });
    expect(p.ndc?.checks[1]).toMatchObject({ status: "falls-short" });
    expect(p.bau.every((x) => x.tCO2e === 1.9e6)).toBe(true);
    expect(await rejection(cityPathway(ctx, "chongqing-cn", tg.id))).toBeInstanceOf(NotFoundError);
  });
});
