import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors.js";
import { computeInventory } from "./compute-inventory.js";
import { referenceOrder } from "./reference-index.js";
import { GWP, REFS, TABLE, tables } from "./test-tables.js";
import type { Activity } from "./types.js";

const ch4Landfill: Activity = { gpc: "III.1.1", emissions: [{ gas: "CH4", value: 1000, unit: "t" }] };

function problemsOf(activities: Activity[]): { column?: string; value?: string; message: string }[] {
  try {
    computeInventory({ activities }, tables());
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).problems;
  }
  throw new Error("expected InvalidInputError");
}

describe("computeInventory: scopes", () => {
  it("counts fuel burnt in homes as scope 1: 1,000 TJ × 56,100 kg/TJ = 56,100 tCO2", () => {
    const r = computeInventory({ activities: [{ gpc: "I.1.1", amount: 1000, unit: "TJ", factor: "ipcc2006:natural-gas" }] }, tables());
    expect(r.byScope).toEqual({ "1": 56100, "2": 0, "3": 0 });
    expect(r.byGas).toEqual({ CO2: 56100, CH4: 0, N2O: 0 });
    expect(r.total).toEqual({ basic: 56100, basicPlus: 56100, all: 56100 });
  });

  it("counts grid electricity used in homes as scope 2: 1,000,000 MWh × 0.5366 kg/kWh = 536,600 tCO2", () => {
    const r = computeInventory({ activities: [{ gpc: "I.1.2", amount: 1e6, unit: "MWh", factor: "cn-mee:grid:national:2022" }] }, tables());
    expect(r.byScope["2"]).toBe(536600);
    expect(r.total.basic).toBe(536600);
    expect(r.bySectorScope.I).toEqual({ "1": 0, "2": 536600, "3": 0 });
  });

  it("counts transmission losses as scope 3: in BASIC+ but not in BASIC", () => {
    const r = computeInventory({ activities: [{ gpc: "I.1.3", amount: 50_000, unit: "MWh", factor: "cn-mee:grid:national:2022" }] }, tables());
    expect(r.byScope["3"]).toBe(26830);
    expect(r.total).toEqual({ basic: 0, basicPlus: 26830, all: 26830 });
  });

  it("counts waste landfilled outside the city (III.1.2, scope 3) in BASIC", () => {
    const r = computeInventory({ activities: [{ ...ch4Landfill, gpc: "III.1.2" }] }, tables());
    expect(r.byScope["3"]).toBe(28000);
    expect(r.total.basic).toBe(28000);
  });

  it("keeps generation of grid energy (I.4.4) and imported waste (III.1.3) out of BASIC and BASIC+", () => {
    const r = computeInventory(
      { activities: [{ gpc: "I.4.4", amount: 100, unit: "TJ", factor: "ipcc2006:natural-gas" }, { ...ch4Landfill, gpc: "III.1.3" }] },
      tables(),
    );
    expect(r.total).toEqual({ basic: 0, basicPlus: 0, all: 5610 + 28000 });
    expect(r.byScope["1"]).toBe(33610);
  });
});

describe("GPC reference numbers", () => {
  const GPC_FORM: [string, string][] = [["IV.1", "IV.1.1"], ["IV.2", "IV.2.1"], ["V.1", "V.1.1"], ["V.2", "V.2.1"], ["V.3", "V.3.1"], ["VI.1", "VI.1.3"]];

  it.each(GPC_FORM)("%s is written as the GPC 2014 writes it, and the old form %s still resolves to it", (gpcForm, oldForm) => {
    expect(referenceOrder(TABLE)).toContain(gpcForm);
    expect(referenceOrder(TABLE)).not.toContain(oldForm);
    expect(REFS.get(gpcForm)?.ref).toBe(gpcForm);
    expect(REFS.get(oldForm)?.ref).toBe(gpcForm);
  });

  it("computes the same inventory from the old and the GPC's forms", () => {
    const activities = (forms: string[]): Activity[] => forms.map((gpc, i) => ({ gpc, emissions: [{ gas: "CO2", value: 100 * (i + 1), unit: "t" }] }));
    const old = computeInventory({ activities: activities(GPC_FORM.map(([, o]) => o)) }, tables());
    const gpc = computeInventory({ activities: activities(GPC_FORM.map(([g]) => g)) }, tables());
    expect(old.activities.map((a) => a.ref)).toEqual(GPC_FORM.map(([g]) => g));
    expect(old).toEqual(gpc);
  });
});

describe("computeInventory: BASIC vs BASIC+", () => {
  it("adds IPPU, AFOLU and transport scope 3 only to BASIC+", () => {
    const r = computeInventory(
      {
        activities: [
          { gpc: "II.1.1", amount: 2000, unit: "TJ", factor: "ipcc2006:gas-diesel-oil" }, // 148,200 t, BASIC
          { gpc: "II.4.3", emissions: [{ gas: "CO2", value: 10_000, unit: "t" }] }, // BASIC+
          { gpc: "IV.1.1", emissions: [{ gas: "CO2", value: 5000, unit: "t" }] }, // old three-part form, alias of IV.1, BASIC+
          { gpc: "V.1", emissions: [{ gas: "CH4", value: 100, unit: "t" }] }, // 2,800 tCO2e, BASIC+
          { gpc: "VI.1", emissions: [{ gas: "CO2", value: 7, unit: "kt" }] }, // neither
        ],
        population: 1_000_000,
      },
      tables(),
    );
    expect(r.total).toEqual({ basic: 148200, basicPlus: 148200 + 10000 + 5000 + 2800, all: 148200 + 10000 + 5000 + 2800 + 7000 });
    expect(r.perCapita).toEqual({ basic: 0.1482, basicPlus: 0.166 });
    expect(r.bySector).toMatchObject({ I: 0, II: 158200, IV: 5000, V: 2800, VI: 7000 });
    expect(r.activities[2]?.ref).toBe("IV.1");
  });

  it("gives no per-capita figure without a population", () => {
    expect(computeInventory({ activities: [ch4Landfill] }, tables()).perCapita).toEqual({ basic: null, basicPlus: null });
  });
});

describe("computeInventory: notation keys", () => {
  it("records notation keys by reference number and counts nothing for them", () => {
    const r = computeInventory(
      { activities: [{ gpc: "IV.1", notationKey: "NE" }, { gpc: "I.7.1", notationKey: "NO" }, { gpc: "I.7.1", notationKey: "NO" }, ch4Landfill] },
      tables(),
    );
    expect(r.notationKeys).toEqual({ "IV.1": ["NE"], "I.7.1": ["NO"] });
    expect(r.total.all).toBe(28000);
    expect(r.activities.map((a) => a.tCO2e)).toEqual([0, 0, 0, 28000]);
  });
});

describe("computeInventory: GWP sets", () => {
  const activities: Activity[] = [
    ch4Landfill,
    { gpc: "I.8.1", emissions: [{ gas: "CH4", value: 100, unit: "t" }] },
    { gpc: "V.3", emissions: [{ gas: "N2O", value: 10, unit: "t" }] },
  ];

  it("uses AR5: CH4 28, N2O 265", () => {
    const r = computeInventory({ activities }, tables("ar5"));
    expect(r.gwp).toBe("ar5");
    expect(r.activities.map((a) => a.tCO2e)).toEqual([28000, 2800, 2650]);
  });

  it("AR5 follows one convention, UNFCCC reporting under the Paris Agreement: 28 for fossil and non-fossil methane alike, no climate–carbon feedbacks, and its name says so", () => {
    expect(GWP.ar5.values).toEqual({ CO2: 1, CH4: { fossil: 28, "non-fossil": 28 }, N2O: 265 });
    const fossil = computeInventory({ activities: [{ ...ch4Landfill, ch4Origin: "fossil" }] }, tables("ar5"));
    expect(fossil.activities[0]!.tCO2e).toBe(28000);
    expect(GWP.ar5.names.en).toMatch(/without climate–carbon feedbacks.*CH4 28 for all methane.*UNFCCC/);
    expect(GWP.ar5.names.zh).toMatch(/不含气候–碳反馈.*28/);
  });

  it("uses AR6: non-fossil CH4 27.0 for waste, fossil CH4 29.8 for gas systems, N2O 273", () => {
    const r = computeInventory({ activities }, tables("ar6"));
    expect(r.gwp).toBe("ar6");
    expect(r.gwpValues).toEqual({ CO2: 1, CH4: { fossil: 29.8, "non-fossil": 27 }, N2O: 273 });
    expect(r.activities.map((a) => a.tCO2e)).toEqual([27000, 2980, 2730]);
  });

  it("lets an activity say its methane is fossil", () => {
    const r = computeInventory({ activities: [{ ...ch4Landfill, ch4Origin: "fossil" }] }, tables("ar6"));
    expect(r.total.all).toBe(29800);
  });

  it("reports tonnes of each gas by gas, and their CO2e separately", () => {
    const r = computeInventory({ activities }, tables("ar6"));
    expect(r.byGas).toEqual({ CO2: 0, CH4: 1100, N2O: 10 });
    expect(r.byGasCO2e).toEqual({ CO2: 0, CH4: 27000 + 2980, N2O: 2730 });
  });
});

describe("computeInventory: units", () => {
  it("turns litres of diesel into energy with a density and the factor's calorific value", () => {
    // 1000 L × 0.84 kg/L = 840 kg; × 43.0 MJ/kg = 36,120 MJ = 0.03612 TJ; × 74,100 kg/TJ = 2,676.492 kg
    const r = computeInventory(
      { activities: [{ gpc: "II.1.1", amount: 1000, unit: "L", density: { value: 0.84, unit: "kg/L" }, factor: "ipcc2006:gas-diesel-oil" }] },
      tables(),
    );
    expect(r.total.all).toBe(2.676492);
  });

  it("turns tonnes of gas into TJ with the IPCC net calorific value (48.0 TJ/Gg)", () => {
    const r = computeInventory({ activities: [{ gpc: "I.2.1", amount: 1, unit: "t", factor: "ipcc2006:natural-gas" }] }, tables());
    expect(r.total.all).toBe(2.6928);
  });

  it("takes cubic metres of gas with a calorific value per volume", () => {
    // 1,000,000 m³ × 38 MJ/m³ = 38 TJ; × 56,100 kg/TJ = 2,131.8 t
    const r = computeInventory(
      { activities: [{ gpc: "I.1.1", amount: 1e6, unit: "m³", calorificValue: { value: 38, unit: "MJ/m³" }, factor: "ipcc2006:natural-gas" }] },
      tables(),
    );
    expect(r.total.all).toBe(2131.8);
  });
});

describe("computeInventory: invalid input", () => {
  it("names the activity's index and the reason for every problem at once", () => {
    const problems = problemsOf([
      { gpc: "I.9.9", amount: 1, unit: "TJ", factor: "ipcc2006:natural-gas" },
      { gpc: "I.1.1", amount: 1, unit: "barrel", factor: "ipcc2006:natural-gas" },
      { gpc: "I.1.1", amount: 1, unit: "TJ", factor: "ipcc2006:unobtainium" },
      { gpc: "IV.1" },
      { gpc: "I.1.1", amount: 5, unit: "L", factor: "ipcc2006:natural-gas" },
      { gpc: "I.1.1", notationKey: "NO", amount: 3 } as Activity,
      { gpc: "I.1.1", emissions: [{ gas: "SF6" as "CO2", value: 1, unit: "t" }] },
    ]);
    expect(problems).toEqual([
      { column: "activities[0].gpc", value: "I.9.9", message: expect.stringContaining("is not a GPC reference number") },
      { column: "activities[1].unit", value: "barrel", message: expect.stringContaining("is not a known unit") },
      { column: "activities[2].factor", value: "ipcc2006:unobtainium", message: expect.stringContaining("is not an emission factor id") },
      { column: "activities[3].notationKey", message: expect.stringContaining("is missing") },
      { column: "activities[4].unit", value: "L", message: expect.stringContaining("cannot convert L (volume) to TJ (energy)") },
      { column: "activities[5].notationKey", value: "NO", message: expect.stringContaining("cannot be given together with data") },
      { column: "activities[6].emissions[0].gas", value: "SF6", message: expect.stringContaining("is not a gas") },
    ]);
  });

  it("rejects factor units that are not mass per activity", () => {
    expect(problemsOf([{ gpc: "I.1.1", amount: 1, unit: "TJ", factors: [{ gas: "CO2", value: 1, unit: "TJ/kg" }] }])[0]).toMatchObject({
      column: "activities[0].factors[0].unit",
      value: "TJ/kg",
    });
  });
});
