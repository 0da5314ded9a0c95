import { beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/support/databases.js";
import { loadClimateFixture } from "../../test/support/climate-fixture.js";
import type { ActivityInput } from "../domain/inventory.js";
import { ConflictError, InvalidInputError } from "../errors.js";
import { climateTables } from "./climate-tables.js";
import type { AppContext } from "./context.js";
import { createInventory } from "./create-inventory.js";
import { exportInventory } from "./export-inventory.js";
import { finaliseInventory, reopenInventory } from "./finalise-inventory.js";
import { importInventoryActivities } from "./import-inventory-activities.js";
import { cityInventories } from "./inventory-view.js";
import { updateInventory } from "./update-inventory.js";
import { VersionConflictError } from "./version-conflict.js";
import { useTestContext } from "../../test/support/context.js";

const activities: ActivityInput[] = [
  { gpc: "I.1.1", amount: 1000, unit: "TJ", factor: "ipcc2006:natural-gas" },
  { gpc: "I.1.2", amount: 100_000, unit: "MWh", factor: "cn-mee:grid:province:chongqing:2022" },
  { gpc: "II.1.1", amount: 2000, unit: "TJ", factor: "ipcc2006:gas-diesel-oil" },
  { gpc: "III.1.1", emissions: [{ gas: "CH4", value: 1000, unit: "t" }] },
];

/** Notation keys for every BASIC reference number the activities above leave empty. */
function coverRest(given: ActivityInput[]): ActivityInput[] {
  const t = climateTables();
  const covered = new Set(given.map((a) => a.gpc));
  return t.order.filter((ref) => t.references.get(ref)!.basic && !covered.has(ref)).map((gpc) => ({ gpc, notationKey: "NO" as const }));
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof Error)) throw new Error("expected a rejection");
  return e;
}

describe.each(DIALECTS)("inventories on %s", (dialect) => {
  let ctx: AppContext;
  useTestContext(dialect, (c) => (ctx = c));
  beforeAll(async () => {
    await loadClimateFixture(ctx);
  });

  it("creates a draft, computes it with the seeded factor library and lists it with its totals", async () => {
    const v = await createInventory(ctx, "chongqing-cn", { year: 2019, gwp: "ar5", population: 2e7, activities }, "test");
    // 56,100 + 100,000 MWh × 0.5227 kg/kWh = 52,270 + 148,200 + 28,000
    expect(v.result.total.basic).toBe(284570);
    expect(v.inventory).toMatchObject({ status: "draft", version: 1, city: "chongqing-cn", year: 2019 });
    expect(v.completeness.basicComplete).toBe(false);
    const list = await cityInventories(ctx, "chongqing-cn");
    expect(list).toEqual([expect.objectContaining({ id: v.inventory.id, total: { basic: 284570, basicPlus: 284570 }, basicComplete: false })]);
    expect(await rejection(createInventory(ctx, "chongqing-cn", { year: 2019, gwp: "ar5", activities: [] }, "test"))).toBeInstanceOf(ConflictError);
  });

  it("refuses activities the engine cannot compute, naming the index, and stores nothing", async () => {
    const e = await rejection(createInventory(ctx, "malaga-es", { year: 2020, gwp: "ar5", activities: [{ gpc: "I.1.1", amount: 1, unit: "TJ", factor: "ipcc2006:nope" }] }, "test"));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).problems[0]).toMatchObject({ column: "activities[0].factor", value: "ipcc2006:nope" });
    expect(await cityInventories(ctx, "malaga-es")).toEqual([]);
  });

  it("updates with the current version and answers an old version with the current inventory", async () => {
    const v = await createInventory(ctx, "prague-cz", { year: 2021, gwp: "ar5", activities: [] }, "test");
    const v2 = await updateInventory(ctx, v.inventory.id, { version: 1, gwp: "ar6", activities: [activities[3]!] });
    expect(v2.inventory.version).toBe(2);
    expect(v2.result.total.all).toBe(27000);
    const e = await rejection(updateInventory(ctx, v.inventory.id, { version: 1, notes: "stale" }));
    expect(e).toBeInstanceOf(VersionConflictError);
    expect((e as VersionConflictError<{ inventory: { version: number; gwp: string } }>).current.inventory).toMatchObject({ version: 2, gwp: "ar6" });
  });

  it("imports activity CSV all or nothing, with every problem's row and column", async () => {
    const v = await createInventory(ctx, "mannheim-de", { year: 2022, gwp: "ar5", activities: [] }, "test");
    const bad = [
      "gpc,amount,unit,factor,gas,value,value_unit,notation_key",
      "I.1.1,1000,TJ,ipcc2006:natural-gas,,,,",
      "I.9.1,5,TJ,ipcc2006:natural-gas,,,,",
      'I.1.2,"12,5",MWh,ember:DEU,,,,',
      "I.1.1,7,barrel,ipcc2006:natural-gas,,,,",
      "IV.1.1,,,,,,,XX",
    ].join("\n");
    const e = await rejection(importInventoryActivities(ctx, v.inventory.id, { csv: bad, version: 1 }));
    expect((e as InvalidInputError).problems).toEqual([
      expect.objectContaining({ row: 3, column: "gpc", value: "I.9.1" }),
      expect.objectContaining({ row: 4, column: "amount", value: "12,5" }),
      expect.objectContaining({ row: 5, column: "unit", value: "barrel" }),
      expect.objectContaining({ row: 6, column: "notation_key", value: "XX" }),
    ]);
    expect((await cityInventories(ctx, "mannheim-de"))[0]!.version).toBe(1);

    const good = [
      "gpc,description,amount,unit,factor,gas,value,value_unit,notation_key,source",
      "I.1.1,gas in homes,1000,TJ,ipcc2006:natural-gas,,,,,utility data 2022",
      "I.1.1,gas in homes (CH4),1000,TJ,,CH4,5,kg/TJ,,utility data 2022",
      "I.1.2,electricity,200000,MWh,ember:DEU,,,,,",
      "III.1.1,landfill,,,,CH4,500,t,,",
      "I.7.1,,,,,,,,NO,",
      "IV.1.1,,,,,,,,NE,", // the old three-part form, still accepted for the GPC's IV.1
      "V.1,,,,,,,,NE,",
    ].join("\n");
    const ok = await importInventoryActivities(ctx, v.inventory.id, { csv: good, version: 1 });
    expect(ok.inventory.activities).toHaveLength(7);
    expect(ok.inventory.activities[5]).toMatchObject({ gpc: "IV.1.1", notationKey: "NE" });
    expect(ok.inventory.activities[1]).toEqual({ gpc: "I.1.1", description: "gas in homes (CH4)", amount: 1000, unit: "TJ", factors: [{ gas: "CH4", value: 5, unit: "kg/TJ" }], source: "utility data 2022" });
    // 56,100 + 5 t CH4 × 28 + 200,000 MWh × 342.06 g/kWh + 500 t × 28
    expect(ok.result.total.basic).toBeCloseTo(56100 + 140 + 68412 + 14000, 6);
    expect(ok.result.notationKeys).toEqual({ "I.7.1": ["NO"], "IV.1": ["NE"], "V.1": ["NE"] });
    const exported = await exportInventory(ctx, v.inventory.id, "csv");
    expect(exported.body).toContain("mannheim-de,2022,ar5,IV.1,1,,,,,,NE,");
  });

  it("finalises only a complete inventory with a population, and writes ghg.total and ghg.per_capita", async () => {
    const v = await createInventory(ctx, "zhengzhou-cn", { year: 2020, gwp: "ar5", activities }, "test");
    const incomplete = await rejection(finaliseInventory(ctx, v.inventory.id, 1, "test"));
    expect(incomplete).toBeInstanceOf(InvalidInputError);
    const missing = (incomplete as InvalidInputError).problems;
    expect(missing.map((p) => p.value)).toContain("I.2.1");
    expect(missing.at(-1)).toMatchObject({ column: "population" });

    const v2 = await updateInventory(ctx, v.inventory.id, { version: 1, population: 1e7, activities: [...activities, ...coverRest(activities)] });
    expect(v2.completeness.missingBasic).toEqual([]);
    const fin = await finaliseInventory(ctx, v.inventory.id, 2, "test");
    expect(fin.inventory).toMatchObject({ status: "final", version: 3 });
    const obs = await ctx.observations.forCity("zhengzhou-cn");
    expect(obs.map((o) => [o.indicator, o.period, o.value, o.source])).toEqual([
      ["ghg.per_capita", "2020", 0.028457, "inventory-zhengzhou-cn-2020"],
      ["ghg.total", "2020", 284570, "inventory-zhengzhou-cn-2020"],
    ]);
    expect((await ctx.sources.get("inventory-zhengzhou-cn-2020"))?.citation).toMatch(/GPC inventory of Zhengzhou for 2020/);
    expect(await rejection(updateInventory(ctx, v.inventory.id, { version: 3, notes: "x" }))).toBeInstanceOf(ConflictError);

    const reopened = await reopenInventory(ctx, v.inventory.id, 3);
    expect(reopened.inventory).toMatchObject({ status: "draft", version: 4, finalisedAt: null });
    expect(await ctx.observations.forCity("zhengzhou-cn", "ghg.total")).toEqual([]);
  });

  it("exports activities as CSV and the CRF emissions table", async () => {
    const [inv] = await cityInventories(ctx, "chongqing-cn");
    const csv = await exportInventory(ctx, inv!.id, "csv");
    expect(csv.body.split("\n")[0]).toBe("city,year,gwp,gpc,scope,description,amount,unit,factor,factors,notation_key,co2_t,ch4_t,n2o_t,tco2e,source");
    expect(csv.body).toContain("chongqing-cn,2019,ar5,I.1.2,2,,100000,MWh,cn-mee:grid:province:chongqing:2022,,,52270,0,0,52270,");
    const crf = await exportInventory(ctx, inv!.id, "crf");
    const lines = crf.body.trim().split("\n");
    expect(lines[1]).toBe("Stationary energy,Residential buildings,I.1.1 I.1.2 I.1.3,56100,52270,,108370,,");
    expect(lines.at(-2)).toBe("Total BASIC,,,,,,284570,,GWP AR5");
    expect(JSON.parse((await exportInventory(ctx, inv!.id, "json")).body).result.total.basic).toBe(284570);
  });
});
