/**
 * Plain data shapes of the GPC engine. The tables themselves live in data/gpc/*.json and are
 * passed in by the caller; nothing here reads files.
 * Standard: GPC 2014 (WRI, C40, ICLEI), Global Protocol for Community-Scale GHG Emission Inventories.
 */

export const GASES = ["CO2", "CH4", "N2O"] as const;
/** The greenhouse gases an activity may report; masses are tonnes of the gas itself. */
export type Gas = (typeof GASES)[number];

export const NOTATION_KEYS = ["NO", "IE", "NE", "C"] as const;
/** GPC notation keys: not occurring, included elsewhere, not estimated, confidential. */
export type NotationKey = (typeof NOTATION_KEYS)[number];

export type Ch4Origin = "fossil" | "non-fossil";
export type Scope = 1 | 2 | 3;
export type GwpSetId = "ar5" | "ar6";

export interface Bilingual {
  en: string;
  zh: string;
}

/** One reference number of the GPC table, e.g. I.1.2 (residential, grid-supplied energy, scope 2). */
export interface GpcReferenceRow {
  ref: string;
  scope: Scope;
  /** Counted in the BASIC total. */
  basic: boolean;
  /** Counted in the BASIC+ total (every BASIC row is also BASIC+). */
  basicPlus: boolean;
  names: Bilingual;
  /** Other spellings of the same reference number, accepted on input (IV.1.1, citybridge's old form, for the GPC's IV.1). */
  aliases?: string[];
}

export interface GpcSubsector {
  id: string;
  names: Bilingual;
  references: GpcReferenceRow[];
}

export interface GpcSector {
  id: string;
  names: Bilingual;
  /** Which AR6 methane GWP applies when an activity does not say. */
  ch4Origin: Ch4Origin;
  subsectors: GpcSubsector[];
}

/** data/gpc/reference.json */
export interface GpcReferenceTable {
  standard: string;
  source: string;
  scopes: { id: Scope; names: Bilingual }[];
  notationKeys: { key: NotationKey; names: Bilingual; description: Bilingual }[];
  sectors: GpcSector[];
}

/** A reference number with everything known about it, as found by referenceIndex. */
export interface GpcReference extends GpcReferenceRow {
  sector: string;
  subsector: string;
  ch4Origin: Ch4Origin;
}

/** A set of 100-year global warming potentials (data/gpc/gwp.json). */
export interface GwpSet {
  id: GwpSetId;
  names: Bilingual;
  source: string;
  values: { CO2: number; CH4: Record<Ch4Origin, number>; N2O: number };
}

/** A quantity of one gas per unit of activity, or a mass of gas: `{gas: "CO2", value: 56100, unit: "kg/TJ"}`. */
export interface GasValue {
  gas: Gas;
  value: number;
  unit: string;
}

/** A quantity with a compound unit, e.g. a density `{value: 0.84, unit: "kg/L"}`. */
export interface UnitValue {
  value: number;
  unit: string;
}

/** An emission factor from the library, referred to by id (`ipcc2006:natural-gas`). */
export interface FactorDefinition {
  id: string;
  gases: GasValue[];
  /** Net calorific value in TJ/Gg (= MJ/kg), used to turn a mass of fuel into energy. */
  ncvTjPerGg?: number | null;
}

/**
 * One line of activity data. Exactly one of: `amount` + `unit` with `factor` and/or `factors`;
 * `emissions` (already calculated); or a `notationKey`.
 */
export interface Activity {
  gpc: string;
  description?: string;
  amount?: number;
  unit?: string;
  /** Library factor id. */
  factor?: string;
  factors?: GasValue[];
  emissions?: GasValue[];
  notationKey?: NotationKey;
  ch4Origin?: Ch4Origin;
  /** For converting volume to mass: kg/m³, kg/L, t/m³. */
  density?: UnitValue;
  /** For converting mass or volume to energy: MJ/kg, GJ/t, TJ/Gg, MJ/m³, MJ/L. */
  calorificValue?: UnitValue;
  /** Where the activity data comes from. */
  source?: string;
}

/** Tonnes of each gas. */
export type GasTonnes = Record<Gas, number>;
