import type { BauRates, YearValue } from "./types.js";

/**
 * Business-as-usual emissions from the base year: population × GDP per person × emissions per
 * GDP (the Kaya identity), each growing at a constant yearly rate,
 * E(t) = E₀ · [(1+p)(1+g)(1+k)]^(t−t₀). Without rates, emissions stay flat.
 * C40 (Deadline 2020) warns that BAU curves tend to be overstated.
 * @example businessAsUsual({ baseYear: 2020, baseTCO2e: 100, toYear: 2021, rates: { populationGrowthPct: 1, gdpPerCapitaGrowthPct: 2, intensityChangePct: 0 } })
 * //=> [{year: 2020, tCO2e: 100}, {year: 2021, tCO2e: 103.02}]
 * Source: Kaya, Y. (1990), Impact of carbon dioxide emission control on GNP growth (IPCC EIS).
 */
export function businessAsUsual(p: { baseYear: number; baseTCO2e: number; toYear: number; rates: BauRates | null }): YearValue[] {
  const r = p.rates;
  const factor = r ? (1 + r.populationGrowthPct / 100) * (1 + r.gdpPerCapitaGrowthPct / 100) * (1 + r.intensityChangePct / 100) : 1;
  const out: YearValue[] = [];
  for (let year = p.baseYear; year <= p.toYear; year++) out.push({ year, tCO2e: p.baseTCO2e * factor ** (year - p.baseYear) });
  return out;
}

/** Population in a year from the base year's, growing at the BAU rate (flat without one). */
export function projectedPopulation(basePopulation: number, baseYear: number, year: number, rates: BauRates | null): number {
  return basePopulation * (1 + (rates?.populationGrowthPct ?? 0) / 100) ** (year - baseYear);
}
