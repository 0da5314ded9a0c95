import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { impactTotals } from "./impact.js";
import { kpiStatus, type KpiStatusInput } from "./kpi-status.js";

const base = (values: { date: string; value: number }[], asOf = "2025-06-30"): KpiStatusInput => ({
  baseline: { date: "2020-01-01", value: 100 },
  target: { value: 50, year: 2029 },
  values,
  asOf,
});

describe("kpiStatus", () => {
  it("says not yet reported when no value was recorded after the baseline", () => {
    const r = kpiStatus(base([{ date: "2020-01-01", value: 90 }]));
    expect(r.status).toBe("no_data");
    expect(r.reason).toEqual({ en: "not yet reported", zh: "尚未报告" });
    expect(r.direction).toBe("reduction");
    expect(r.targetDate).toBe("2029-12-31");
  });

  it("is on track when the latest value is at the straight line", () => {
    // halfway in time (2025-01-01 is 1827 of 3652 days) and halfway in value
    const r = kpiStatus(base([{ date: "2025-01-01", value: 75 }]));
    expect(r.status).toBe("on_track");
    expect(r.progressPct).toBeCloseTo(50, 5);
    expect(r.expectedPct).toBeCloseTo((1827 / 3652) * 100, 5);
    expect(r.expectedValue).toBeCloseTo(100 - 50 * (1827 / 3652), 5);
    expect(r.reason.en).toContain("on track");
    expect(r.reason.zh).toContain("正常");
  });

  it("is at risk from 60 % and off track below 60 % of the expected progress", () => {
    // expected ≈ 50.03 % at 2025-01-01: 35 % achieved → ratio 0.70; 25 % → 0.50
    expect(kpiStatus(base([{ date: "2025-01-01", value: 82.5 }])).status).toBe("at_risk");
    expect(kpiStatus(base([{ date: "2025-01-01", value: 87.5 }])).status).toBe("off_track");
    expect(kpiStatus(base([{ date: "2025-01-01", value: 87.5 }])).reason.zh).toContain("偏离");
  });

  it("is on track once the target is met, whatever the date", () => {
    const r = kpiStatus(base([{ date: "2020-02-01", value: 49 }]));
    expect(r.status).toBe("on_track");
    expect(r.reason.en).toContain("already met");
  });

  it("judges an increase the same way as a reduction", () => {
    const up: KpiStatusInput = { baseline: { date: "2020-01-01", value: 20 }, target: { value: 40, year: 2029 }, values: [{ date: "2025-01-01", value: 27 }], asOf: "2025-06-30" };
    const r = kpiStatus(up);
    expect(r.direction).toBe("increase");
    expect(r.progressPct).toBeCloseTo(35, 5);
    expect(r.status).toBe("at_risk");
  });

  it("ignores values after the day of the judgement", () => {
    expect(kpiStatus(base([{ date: "2026-01-01", value: 40 }], "2025-06-30")).status).toBe("no_data");
  });

  it("projects a least-squares trend and lets a bad trend downgrade a good last value", () => {
    // exact line: 100 → 90 after one year → projects to 100 − 10·(3652/365.25)…
    const onLine = kpiStatus(base([{ date: "2021-01-01", value: 95 }, { date: "2022-01-01", value: 90 }]));
    expect(onLine.projectedValue).toBeCloseTo(50, 0);
    expect(onLine.status).toBe("on_track");
    // a big early drop, then rising again: last value is still at the line, the trend is not
    const turning = kpiStatus(base([{ date: "2020-06-01", value: 80 }, { date: "2022-01-01", value: 85 }, { date: "2024-01-01", value: 80 }]));
    expect(turning.projectedValue).not.toBeNull();
    expect(turning.status).not.toBe("on_track");
    expect(turning.reason.en).toContain("trend");
  });

  it("keeps a KPI to maintain on track within 5 % of its target", () => {
    const flat = (v: number) => kpiStatus({ baseline: { date: "2020-01-01", value: 10 }, target: { value: 10, year: 2025 }, values: [{ date: "2021-01-01", value: v }], asOf: "2022-01-01" });
    expect(flat(10.4).status).toBe("on_track");
    expect(flat(11.2).status).toBe("at_risk");
    expect(flat(13).status).toBe("off_track");
    expect(flat(13).direction).toBe("maintain");
  });

  it("rejects a target date that is not after the baseline", () => {
    expect(() => kpiStatus({ ...base([]), target: { value: 50, year: 2019 } })).toThrow(RangeError);
  });

  const date = fc.integer({ min: 1, max: 3000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const input = fc.record({
    b: fc.double({ min: -1000, max: 1000, noNaN: true }),
    change: fc.double({ min: 1, max: 1000, noNaN: true }),
    v: fc.double({ min: -3000, max: 3000, noNaN: true }),
    d: date,
  });

  it("never judges a value closer to the target worse than one further away (property)", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 500, noNaN: true }), ({ b, change, v, d }, better) => {
        const mk = (value: number) => kpiStatus({ baseline: { date: "2020-01-01", value: b }, target: { value: b - change, year: 2030 }, values: [{ date: d, value }], asOf: "2030-12-31" });
        const rank = { on_track: 0, at_risk: 1, off_track: 2, no_data: 3 } as const;
        return rank[mk(v - better).status] <= rank[mk(v).status];
      }),
    );
  });

  it("gives the same status to a reduction and its mirrored increase (property)", () => {
    fc.assert(
      fc.property(input, ({ b, change, v, d }) => {
        const down = kpiStatus({ baseline: { date: "2020-01-01", value: b }, target: { value: b - change, year: 2030 }, values: [{ date: d, value: v }], asOf: "2030-12-31" });
        const up = kpiStatus({ baseline: { date: "2020-01-01", value: -b }, target: { value: -b + change, year: 2030 }, values: [{ date: d, value: -v }], asOf: "2030-12-31" });
        return down.status === up.status && up.direction === "increase" && down.direction === "reduction";
      }),
    );
  });

  it("always explains itself in both languages (property)", () => {
    fc.assert(
      fc.property(input, ({ b, change, v, d }) => {
        const r = kpiStatus({ baseline: { date: "2020-01-01", value: b }, target: { value: b + change, year: 2030 }, values: [{ date: d, value: v }], asOf: "2030-12-31" });
        return r.reason.en.length > 0 && r.reason.zh.length > 0 && ["on_track", "at_risk", "off_track"].includes(r.status);
      }),
    );
  });
});

describe("impactTotals", () => {
  it("sums expected impact of all but cancelled actions and achieved impact of done ones, per unit", () => {
    expect(
      impactTotals([
        { status: "done", impacts: [{ value: 5, unit: "tCO2e/yr" }, { value: 2, unit: "µg/m³" }] },
        { status: "planned", impacts: [{ value: 3, unit: "tCO2e/yr" }] },
        { status: "cancelled", impacts: [{ value: 100, unit: "tCO2e/yr" }] },
      ]),
    ).toEqual([
      { unit: "tCO2e/yr", expected: 8, achieved: 5 },
      { unit: "µg/m³", expected: 2, achieved: 2 },
    ]);
  });
});
