/** What a unit measures. Energy is kept in MJ, mass in kg and volume in m³. */
export type Dimension = "energy" | "mass" | "volume";

export interface UnitDefinition {
  dimension: Dimension;
  /** How many base units (MJ, kg or m³) one of this unit is. */
  toBase: number;
}

/**
 * Units of activity data and of factor denominators, by symbol.
 * 1 kWh = 3.6 MJ exactly (SI); 1 Gg = 1 kt = 10⁶ kg; 1 L = 10⁻³ m³.
 */
export const UNITS: Readonly<Record<string, UnitDefinition>> = {
  kWh: { dimension: "energy", toBase: 3.6 },
  MWh: { dimension: "energy", toBase: 3600 },
  GWh: { dimension: "energy", toBase: 3.6e6 },
  MJ: { dimension: "energy", toBase: 1 },
  GJ: { dimension: "energy", toBase: 1e3 },
  TJ: { dimension: "energy", toBase: 1e6 },
  g: { dimension: "mass", toBase: 1e-3 },
  kg: { dimension: "mass", toBase: 1 },
  t: { dimension: "mass", toBase: 1e3 },
  kt: { dimension: "mass", toBase: 1e6 },
  Gg: { dimension: "mass", toBase: 1e6 },
  Mt: { dimension: "mass", toBase: 1e9 },
  L: { dimension: "volume", toBase: 1e-3 },
  "m³": { dimension: "volume", toBase: 1 },
};

/** Other spellings users type for the same unit. */
const ALIASES: Readonly<Record<string, string>> = { m3: "m³", l: "L", tonne: "t", tonnes: "t", kwh: "kWh", mwh: "MWh" };

/**
 * The definition of a unit symbol (with common spellings such as `m3`), or null when unknown.
 * @example unit("MWh") //=> { dimension: "energy", toBase: 3600 }
 */
export function unit(symbol: string): (UnitDefinition & { symbol: string }) | null {
  const s = symbol.trim();
  const key = UNITS[s] ? s : ALIASES[s];
  const def = key ? UNITS[key] : undefined;
  return def && key ? { ...def, symbol: key } : null;
}

/**
 * Splits a compound unit `numerator/denominator` into known units, or null.
 * @example ratioUnit("kg/TJ") //=> { numerator: {dimension: "mass", …}, denominator: {dimension: "energy", …} }
 */
export function ratioUnit(symbol: string): { numerator: UnitDefinition & { symbol: string }; denominator: UnitDefinition & { symbol: string } } | null {
  const parts = symbol.split("/");
  if (parts.length !== 2) return null;
  const numerator = unit(parts[0]!);
  const denominator = unit(parts[1]!);
  return numerator && denominator ? { numerator, denominator } : null;
}

/** The unit symbols accepted, for messages. */
export const UNIT_SYMBOLS = Object.keys(UNITS);
