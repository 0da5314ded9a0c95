/** A city's latest value of an indicator, with its period and source id. */
export interface LatestObservation {
  indicator: string;
  value: number;
  period: string;
  source: string;
}

/** What a gap is measured against: a published reference (e.g. WHO 2021) or the median of peer cities. */
export interface GapReference {
  value: number;
  /** "reference": the catalogue's strictest reference value; "median": the median of `peers` cities. */
  kind: "reference" | "median";
  label: { en: string; zh: string } | null;
  /** Source id of the reference value; null for a median (computed from the observations' sources). */
  source: string | null;
  /** Number of cities in the median. */
  peers: number | null;
}

export interface IndicatorGap {
  indicator: string;
  theme: string;
  observation: LatestObservation;
  reference: GapReference;
  /** How many times worse than the reference (> 1): value / reference when lower is better, reference / value when higher is better. */
  ratio: number;
}

/** The parts of a catalogue indicator the gap needs. */
export interface GapIndicator {
  code: string;
  theme: string;
  direction: "lower" | "higher" | null;
  references: { label: { en: string; zh: string }; value: number; source: string }[];
}

/**
 * Where a city is furthest from where it should be: for each indicator with a direction, the
 * ratio of its latest value to the strictest published reference value (e.g. PM2.5 against
 * the WHO 2021 guideline), or, when the catalogue gives none, to the median of the other
 * cities' latest values. Totals (codes ending in `total`) and context figures are skipped:
 * they depend on city size. Only indicators worse than their reference are returned, worst first.
 *
 * @param medians per indicator code, the median of the cities' latest values and how many cities
 * @example indicatorGaps([{ indicator: "air.pm25_annual", value: 38, period: "2023", source: "x" }], catalogue, new Map())
 * //=> [{ indicator: "air.pm25_annual", ratio: 7.6, reference: { value: 5, kind: "reference", … }, … }]
 * Reference: the "needs" of a city in citybridge's matching design (docs/ARCHITECTURE.md);
 * reference values as listed in data/indicators.json with their sources.
 */
export function indicatorGaps(latest: readonly LatestObservation[], catalogue: readonly GapIndicator[], medians: ReadonlyMap<string, { value: number; peers: number }>): IndicatorGap[] {
  const gaps: IndicatorGap[] = [];
  for (const obs of latest) {
    const ind = catalogue.find((i) => i.code === obs.indicator);
    if (!ind || !ind.direction || ind.theme === "context" || ind.code.endsWith("total")) continue;
    let reference: GapReference | null = null;
    if (ind.references.length) {
      const strictest = [...ind.references].sort((a, b) => (ind.direction === "lower" ? a.value - b.value : b.value - a.value))[0]!;
      reference = { value: strictest.value, kind: "reference", label: strictest.label, source: strictest.source, peers: null };
    } else {
      const m = medians.get(ind.code);
      if (m && m.peers >= 5) reference = { value: m.value, kind: "median", label: null, source: null, peers: m.peers };
    }
    if (!reference || reference.value <= 0 || obs.value <= 0) continue;
    const ratio = ind.direction === "lower" ? obs.value / reference.value : reference.value / obs.value;
    if (ratio > 1) gaps.push({ indicator: ind.code, theme: ind.theme, observation: obs, reference, ratio: Math.round(ratio * 100) / 100 });
  }
  return gaps.sort((a, b) => b.ratio - a.ratio || a.indicator.localeCompare(b.indicator));
}

/** Median of a list of numbers (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
