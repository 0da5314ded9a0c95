import { describe, expect, it } from "vitest";
import { COOPERATION_STATUSES, type CooperationStatus } from "../../domain/cooperation.js";
import { allowedTransitions, transition } from "./status.js";

const LEGAL: [CooperationStatus, CooperationStatus][] = [
  ["proposed", "agreed"],
  ["proposed", "discontinued"],
  ["agreed", "active"],
  ["agreed", "discontinued"],
  ["active", "completed"],
  ["active", "discontinued"],
];
const isLegal = (a: CooperationStatus, b: CooperationStatus) => LEGAL.some(([x, y]) => x === a && y === b);
const ALL_PAIRS = COOPERATION_STATUSES.flatMap((a) => COOPERATION_STATUSES.map((b) => [a, b] as [CooperationStatus, CooperationStatus]));

describe("cooperation status", () => {
  it.each(LEGAL)("allows %s → %s", (from, to) => {
    expect(transition(from, to, "2018-01-01", "2017-01-01")).toEqual({ ok: true });
  });

  it.each(ALL_PAIRS.filter(([a, b]) => !isLegal(a, b)))("refuses %s → %s with the reason in English and Chinese", (from, to) => {
    const r = transition(from, to, "2018-01-01", null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("illegal");
    expect(r.reason.en).toContain(from);
    expect(r.reason.zh).toMatch(/城市合作/);
  });

  it("says that completed and discontinued are final", () => {
    for (const s of ["completed", "discontinued"] as const) {
      expect(allowedTransitions(s)).toEqual([]);
      const r = transition(s, "active", "2020-01-01", null);
      expect(!r.ok && r.reason.en).toContain("final");
    }
  });

  it("refuses a date before the previous transition and accepts the same day", () => {
    const r = transition("proposed", "agreed", "2017-05-30", "2017-05-31");
    expect(r).toMatchObject({ ok: false, code: "date-order" });
    expect(!r.ok && r.reason.en).toBe("the date 2017-05-30 is before the previous status change on 2017-05-31");
    expect(transition("proposed", "agreed", "2017-05-31", "2017-05-31")).toEqual({ ok: true });
  });

  it("lists the next statuses of every status", () => {
    expect(allowedTransitions("proposed")).toEqual(["agreed", "discontinued"]);
    expect(allowedTransitions("agreed")).toEqual(["active", "discontinued"]);
    expect(allowedTransitions("active")).toEqual(["completed", "discontinued"]);
  });
});
