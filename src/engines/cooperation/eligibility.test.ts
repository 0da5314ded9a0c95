import { describe, expect, it } from "vitest";
import type { ProgrammeSide } from "../../domain/programme.js";
import { callClosedReason, callIsOpen } from "./call-window.js";
import { checkEligibility, isEligible } from "./eligibility.js";
import { assertScreeningMove, screeningRefusal } from "./screening.js";

const SIDES: ProgrammeSide[] = [
  { key: "a", names: { en: "EU", zh: "欧盟" }, countries: ["DE", "ES", "CZ"] },
  { key: "b", names: { en: "China", zh: "中国" }, countries: ["CN"] },
];
const stage = { inventory: false, target: false, plan: false };

describe("checkEligibility", () => {
  it("refuses a population below the call's minimum with the reason in both languages", () => {
    const checks = checkEligibility({ country: "DE", population: 43000, stage }, { programme: {}, call: { minPopulation: 50000 }, callSide: null, sides: [] });
    expect(checks).toEqual([
      {
        rule: "minPopulation",
        ok: false,
        reason: { en: "population 43,000 is below the call's minimum of 50,000", zh: "人口 43,000 低于征集申请的最低要求 50,000" },
      },
    ]);
    expect(isEligible(checks)).toBe(false);
  });

  it("lets the call's minimum override the programme's", () => {
    const checks = checkEligibility({ country: "DE", population: 80000, stage }, { programme: { minPopulation: 100000 }, call: { minPopulation: 50000 }, callSide: null, sides: [] });
    expect(checks[0]).toMatchObject({ ok: true, reason: { en: "population 80,000 meets the call's minimum of 50,000" } });
  });

  it("uses the programme's minimum when the call sets none", () => {
    const checks = checkEligibility({ country: "DE", population: 80000, stage }, { programme: { minPopulation: 100000 }, call: {}, callSide: null, sides: [] });
    expect(checks[0]?.reason.en).toBe("population 80,000 is below the programme's minimum of 100,000");
  });

  it("is not ok when a minimum applies and the population is not reported", () => {
    const [c] = checkEligibility({ country: "CN", population: null, stage }, { programme: { minPopulation: 50000 }, call: {}, callSide: null, sides: [] });
    expect(c).toMatchObject({ rule: "minPopulation", ok: false });
    expect(c?.reason.en).toContain("population not reported");
    expect(c?.reason.zh).toContain("人口尚未报告");
  });

  it("requires the country to belong to the call's side", () => {
    const ctx = { programme: {}, call: {}, callSide: "a" as const, sides: SIDES };
    expect(checkEligibility({ country: "DE", population: 1, stage }, ctx)[0]).toMatchObject({ rule: "country", ok: true });
    const cn = checkEligibility({ country: "CN", population: 1, stage }, ctx)[0];
    expect(cn).toMatchObject({ rule: "country", ok: false });
    expect(cn?.reason.en).toBe("country CN is not on the EU side of this call (DE, ES, CZ)");
    expect(cn?.reason.zh).toContain("欧盟一方");
  });

  it("accepts a country of either side when the call is for both", () => {
    const ctx = { programme: {}, call: {}, callSide: null, sides: SIDES };
    expect(checkEligibility({ country: "CN", population: 1, stage }, ctx)[0]?.ok).toBe(true);
    expect(checkEligibility({ country: "FR", population: 1, stage }, ctx)[0]?.ok).toBe(false);
  });

  it("checks the stage of climate work the rules require, and only those", () => {
    const checks = checkEligibility(
      { country: "CN", population: 1, stage: { inventory: true, target: false, plan: false } },
      { programme: { requireInventory: true, requireTarget: true }, call: { requireTarget: false }, callSide: null, sides: [] },
    );
    expect(checks.map((c) => [c.rule, c.ok])).toEqual([["requireInventory", true]]);
    const plan = checkEligibility({ country: "CN", population: 1, stage }, { programme: {}, call: { requirePlan: true }, callSide: null, sides: [] });
    expect(plan).toEqual([{ rule: "requirePlan", ok: false, reason: { en: "no climate action plan yet: the call's rules require one", zh: "尚无气候行动计划：征集申请要求具备" } }]);
  });

  it("finds a city eligible when no rule applies", () => {
    const checks = checkEligibility({ country: "CN", population: null, stage }, { programme: {}, call: {}, callSide: null, sides: [] });
    expect(checks).toEqual([]);
    expect(isEligible(checks)).toBe(true);
  });
});

describe("screening", () => {
  it("accepts only from eligible and says why otherwise", () => {
    expect(() => assertScreeningMove("eligible", "accepted")).not.toThrow();
    expect(() => assertScreeningMove("ineligible", "accepted")).toThrow("only an eligible application can be accepted; this one is ineligible");
    expect(() => assertScreeningMove("submitted", "accepted")).toThrow("only an eligible application can be accepted");
  });

  it("declines from submitted, eligible or ineligible, and treats decisions as final", () => {
    for (const from of ["submitted", "eligible", "ineligible"] as const) expect(screeningRefusal(from, "declined")).toBeNull();
    expect(screeningRefusal("accepted", "declined")).toBe("the application is already accepted: a decision is final");
    expect(screeningRefusal("declined", "eligible")).toBe("the application is already declined: a decision is final");
  });

  it("lets a manager re-check eligibility before a decision", () => {
    expect(screeningRefusal("ineligible", "eligible")).toBeNull();
    expect(screeningRefusal("eligible", "ineligible")).toBeNull();
  });
});

describe("call window", () => {
  it("takes applications up to and including the deadline day", () => {
    expect(callIsOpen({ opensOn: null, deadline: "2026-03-31" }, "2026-03-31")).toBe(true);
    expect(callIsOpen({ opensOn: null, deadline: "2026-03-31" }, "2026-04-01")).toBe(false);
    expect(callClosedReason({ opensOn: null, deadline: "2026-03-31" }, "2026-04-01")).toBe("the call closed on 2026-03-31; applications are no longer taken (today is 2026-04-01)");
  });

  it("takes none before the opening day", () => {
    expect(callIsOpen({ opensOn: "2026-02-01", deadline: "2026-03-31" }, "2026-01-31")).toBe(false);
    expect(callClosedReason({ opensOn: "2026-02-01", deadline: "2026-03-31" }, "2026-01-31")).toContain("opens on 2026-02-01");
  });
});
