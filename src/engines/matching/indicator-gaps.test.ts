import { describe, expect, it } from "vitest";
import { type GapIndicator, indicatorGaps, median } from "./indicator-gaps.js";
import { practicesForGaps } from "./practices-for-gaps.js";

const catalogue: GapIndicator[] = [
  { code: "air.pm25_annual", theme: "air", direction: "lower", references: [
    { label: { en: "WHO 2021", zh: "世卫组织2021" }, value: 5, source: "who-aqg-2021" },
    { label: { en: "China grade II", zh: "二级" }, value: 35, source: "gb-3095-2012" },
  ] },
  { code: "energy.grid_intensity", theme: "energy", direction: "lower", references: [] },
  { code: "transport.public_transport_share", theme: "transport", direction: "higher", references: [] },
  { code: "ghg.total", theme: "ghg", direction: "lower", references: [] },
];
const obs = (indicator: string, value: number) => ({ indicator, value, period: "2023", source: "s" });

describe("indicatorGaps", () => {
  it("measures PM2.5 against the strictest reference: 38 µg/m³ is 7.6× WHO's 5", () => {
    const [g] = indicatorGaps([obs("air.pm25_annual", 38)], catalogue, new Map());
    expect(g).toMatchObject({ indicator: "air.pm25_annual", ratio: 7.6, reference: { value: 5, kind: "reference", source: "who-aqg-2021" } });
  });

  it("falls back to the peers' median, and inverts the ratio when higher is better", () => {
    const medians = new Map([["energy.grid_intensity", { value: 400, peers: 4000 }], ["transport.public_transport_share", { value: 40, peers: 50 }]]);
    const gaps = indicatorGaps([obs("energy.grid_intensity", 600), obs("transport.public_transport_share", 20)], catalogue, medians);
    expect(gaps.map((g) => [g.indicator, g.ratio])).toEqual([["transport.public_transport_share", 2], ["energy.grid_intensity", 1.5]]);
  });

  it("skips totals, indicators better than their reference, and medians of fewer than 5 cities", () => {
    const medians = new Map([["energy.grid_intensity", { value: 400, peers: 3 }], ["ghg.total", { value: 1, peers: 100 }]]);
    expect(indicatorGaps([obs("air.pm25_annual", 4), obs("energy.grid_intensity", 900), obs("ghg.total", 9e6)], catalogue, medians)).toEqual([]);
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("practicesForGaps", () => {
  const gaps = indicatorGaps([obs("air.pm25_annual", 38)], catalogue, new Map());
  it("ranks a practice with an outcome on the indicator above one that only shares the theme, with reasons", () => {
    const r = practicesForGaps(gaps, [
      { id: "theme-only", themes: ["air"], measured: true, outcomes: [] },
      { id: "outcome", themes: ["air"], measured: true, outcomes: [{ indicator: "air.pm25_annual", metric: "Annual mean PM2.5" }] },
      { id: "unrelated", themes: ["waste"], measured: true, outcomes: [] },
    ]);
    expect(r.map((m) => m.id)).toEqual(["outcome", "theme-only"]);
    expect(r[0]!.reasons).toEqual([{ indicator: "air.pm25_annual", match: "outcome", metric: "Annual mean PM2.5" }]);
    expect(r[0]!.score).toBe(11.4);
  });
});
