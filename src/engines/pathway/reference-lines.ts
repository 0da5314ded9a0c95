import type { Bilingual, PerCapitaReferenceDefinition, ReferenceLineDefinition, YearValue } from "./types.js";

export interface ReferenceLine {
  id: string;
  names: Bilingual;
  source: string;
  /** One point per year; empty when not available. */
  series: YearValue[];
  available: boolean;
  /** Why the line cannot be drawn for this city, e.g. no 2019 emissions. */
  reason: string | null;
}

/** Linear interpolation through anchor points, one value per year. */
function interpolate(points: { year: number; value: number }[]): YearValue[] {
  const out: YearValue[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    for (let year = a.year; year < b.year; year++) out.push({ year, tCO2e: a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year) });
  }
  const last = points[points.length - 1]!;
  out.push({ year: last.year, tCO2e: last.value });
  return out;
}

/**
 * A Paris-aligned reference line for one city: the definition's fractions applied to the city's
 * emissions in the reference year (the target's base year when the definition names none).
 * @example referenceLine(AR6_1_5C, { year: 2019, tCO2e: 100 }).series //=> 2019: 100 … 2030: 57 … 2035: 40
 * Source: IPCC AR6 SYR SPM B.6 / Table SPM.1 (−43 % by 2030, −60 % by 2035 from 2019; the 2035 figure is not in the WGIII SPM); IPCC SR1.5 SPM C.1 (net-zero CO2, not all greenhouse gases, around 2050).
 */
export function referenceLine(def: ReferenceLineDefinition, anchor: YearValue | null): ReferenceLine {
  const base = { id: def.id, names: def.names, source: def.source };
  if (!anchor) return { ...base, series: [], available: false, reason: def.referenceYear ? `needs the city's ${def.referenceYear} emissions` : "needs a base year" };
  if (def.referenceYear !== null && anchor.year !== def.referenceYear) {
    return { ...base, series: [], available: false, reason: `needs the city's ${def.referenceYear} emissions` };
  }
  const points = [{ year: anchor.year, value: anchor.tCO2e }];
  for (const p of def.points) if (p.year > anchor.year) points.push({ year: p.year, value: anchor.tCO2e * p.fraction });
  if (points.length < 2) return { ...base, series: [], available: false, reason: `the base year is after ${def.points[def.points.length - 1]?.year}` };
  return { ...base, series: interpolate(points), available: true, reason: null };
}

/**
 * A per-person benchmark as the city's total in the benchmark year: level × population.
 * @example perCapitaReference(C40_2030, 1_000_000).series //=> [{ year: 2030, tCO2e: 2_900_000 }]
 * Source: C40 Cities and Arup (2016), Deadline 2020: about 2.9 tCO2e per person by 2030.
 */
export function perCapitaReference(def: PerCapitaReferenceDefinition, population: number | null): ReferenceLine {
  const base = { id: def.id, names: def.names, source: def.source };
  if (population === null || !(population > 0)) return { ...base, series: [], available: false, reason: "needs the city's population" };
  return { ...base, series: [{ year: def.year, tCO2e: def.tCO2ePerPerson * population }], available: true, reason: null };
}
