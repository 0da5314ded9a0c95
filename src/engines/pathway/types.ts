/**
 * Plain data shapes of the pathway engine: targets per the GCoM Common Reporting Framework,
 * yearly series in tCO2e, and the Paris-aligned reference points of data/pathway/references.json.
 */

export interface Bilingual {
  en: string;
  zh: string;
}

/** One point per year. */
export interface YearValue {
  year: number;
  tCO2e: number;
}

export type TrajectoryMethod = "linear" | "constant-rate";
export type TargetType = "base-year" | "fixed-level" | "baseline-scenario" | "intensity";

/** Business-as-usual growth rates, % per year. */
export interface BauRates {
  populationGrowthPct: number;
  gdpPerCapitaGrowthPct: number;
  /** Change in emissions per unit of GDP; 0 = today's technology. */
  intensityChangePct: number;
}

/** A target as the Common Reporting Framework describes it. */
export interface TargetDefinition {
  type: TargetType;
  baseYear: number;
  /** tCO2e in the base year. */
  baseEmissions: number;
  targetYear: number;
  /** % below the base year, the BAU or the base intensity. */
  reductionPct: number | null;
  /** tCO2e to reach (fixed-level). */
  targetLevel: number | null;
  /** Residents in the base year (intensity per person). */
  basePopulation: number | null;
  netZeroYear: number | null;
  method: TrajectoryMethod;
  bau: BauRates | null;
}

/** A planned action: reduction ramping up linearly from startYear to full effect in fullYear. */
export interface ActionWedgeDefinition {
  id: string;
  startYear: number;
  fullYear: number;
  /** tCO2e per year avoided at full effect. */
  reductionTCO2e: number;
}

/** A reference line as fractions of a reference year's emissions (null: the target's base year). */
export interface ReferenceLineDefinition {
  id: string;
  names: Bilingual;
  referenceYear: number | null;
  points: { year: number; fraction: number }[];
  source: string;
}

export interface PerCapitaReferenceDefinition {
  id: string;
  names: Bilingual;
  year: number;
  tCO2ePerPerson: number;
  source: string;
}

export type NdcCommitment =
  | { kind: "peak"; year: number; gases: string }
  | { kind: "net-zero"; year: number; gases: string }
  | { kind: "base-year"; baseYear: number; year: number; reductionPct: number; gases: string }
  | { kind: "intensity"; denominator: string; baseYear: number; year: number; reductionPct: number; gases: string };

export interface NdcDefinition {
  id: string;
  /** ISO 3166-1 alpha-2 codes of the countries it covers. */
  countries: string[];
  names: Bilingual;
  source: string;
  commitments: NdcCommitment[];
}

/** data/pathway/references.json */
export interface PathwayReferences {
  sources: { id: string; citation: string; url: string | null; licence: string | null }[];
  lines: ReferenceLineDefinition[];
  perCapita: PerCapitaReferenceDefinition[];
  ndcs: NdcDefinition[];
}
