import { describe, expect, it } from "vitest";
import everySector from "./fixtures/in/every-sector-ar6.json" with { type: "json" };
import issueExample from "./fixtures/in/issue-example.json" with { type: "json" };
import { completeness, coverageOf } from "./completeness.js";
import { computeInventory } from "./compute-inventory.js";
import { referenceOrder } from "./reference-index.js";
import { REFS, TABLE, tables } from "./test-tables.js";
import type { Activity, GwpSetId } from "./types.js";

// Golden fixtures: fixtures/in/*.json → fixtures/out/*.json. After a reviewed change, regenerate
// with `npx vitest run src/engines/gpc -u` and read the diff.
const FIXTURES: [string, { population: number; gwp: string; activities: unknown[] }][] = [
  ["issue-example", issueExample],
  ["every-sector-ar6", everySector],
];

describe("golden inventories", () => {
  it.each(FIXTURES)("%s gives the reviewed result", async (name, input) => {
    const result = computeInventory({ activities: input.activities as Activity[], population: input.population }, tables(input.gwp as GwpSetId));
    const { missingBasic, missingBasicPlus } = completeness(referenceOrder(TABLE), REFS, coverageOf(result.activities));
    await expect(`${JSON.stringify({ result, missingBasic, missingBasicPlus }, null, 1)}\n`).toMatchFileSnapshot(`./fixtures/out/${name}.json`);
  });

  it("adds up the issue's example by hand: 56,100 + 148,200 + 28,000 = 232,300 tCO2e", () => {
    const r = computeInventory({ activities: issueExample.activities as Activity[], population: issueExample.population }, tables("ar5"));
    expect(r.total).toEqual({ basic: 232300, basicPlus: 232300, all: 232300 });
    expect(r.bySector).toEqual({ I: 56100, II: 148200, III: 28000, IV: 0, V: 0, VI: 0 });
    expect(r.byScope).toEqual({ "1": 232300, "2": 0, "3": 0 });
    expect(r.byGas).toEqual({ CO2: 204300, CH4: 1000, N2O: 0 });
    expect(r.perCapita).toEqual({ basic: 0.2323, basicPlus: 0.2323 });
  });
});

describe("completeness", () => {
  it("lists BASIC reference numbers with neither data nor a notation key", () => {
    const r = computeInventory({ activities: issueExample.activities as Activity[] }, tables());
    const c = completeness(referenceOrder(TABLE), REFS, coverageOf(r.activities));
    expect(c.basicComplete).toBe(false);
    expect(c.missingBasic).toContain("I.1.2");
    expect(c.missingBasic).not.toContain("I.1.1");
    expect(c.missingBasic).not.toContain("I.1.3"); // scope 3 of energy is BASIC+
    expect(c.missingBasicPlus).toContain("I.1.3");
    expect(c.missingBasicPlus).not.toContain("IV.1"); // carries NE (given as IV.1.1, the old three-part form)
    expect(c.rows.find((row) => row.ref === "IV.1")).toMatchObject({ status: "notation-key", notationKeys: ["NE"] });
  });

  it("is complete when every BASIC reference number has data or a key", () => {
    const basicRefs = referenceOrder(TABLE).filter((ref) => REFS.get(ref)!.basic);
    const activities: Activity[] = basicRefs.map((gpc) => ({ gpc, notationKey: "NO" }));
    const c = completeness(referenceOrder(TABLE), REFS, coverageOf(computeInventory({ activities }, tables()).activities));
    expect(c.basicComplete).toBe(true);
    expect(c.basicPlusComplete).toBe(false);
    expect(basicRefs).toHaveLength(32);
  });
});
