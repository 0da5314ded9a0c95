import { type Dimension, unit, type UnitDefinition } from "./units.js";

/**
 * Physical properties that bridge dimensions, in base units: density (kg/m³), calorific value
 * per mass (MJ/kg) and per volume (MJ/m³). Any may be missing.
 */
export interface Bridges {
  densityKgPerM3?: number;
  mjPerKg?: number;
  mjPerM3?: number;
}

/** Factor that turns one base unit of `from` into base units of `to`, or null when no bridge is given. */
function bridge(from: Dimension, to: Dimension, b: Bridges): number | null {
  if (from === to) return 1;
  const direct: Partial<Record<`${Dimension}>${Dimension}`, number | undefined>> = {
    "volume>mass": b.densityKgPerM3,
    "mass>volume": b.densityKgPerM3 ? 1 / b.densityKgPerM3 : undefined,
    "mass>energy": b.mjPerKg,
    "energy>mass": b.mjPerKg ? 1 / b.mjPerKg : undefined,
    "volume>energy": b.mjPerM3 ?? (b.densityKgPerM3 && b.mjPerKg ? b.densityKgPerM3 * b.mjPerKg : undefined),
    "energy>volume": b.mjPerM3 ? 1 / b.mjPerM3 : b.densityKgPerM3 && b.mjPerKg ? 1 / (b.densityKgPerM3 * b.mjPerKg) : undefined,
  };
  return direct[`${from}>${to}`] ?? null;
}

const NEEDS: Record<string, string> = {
  "volume>mass": "a density",
  "mass>volume": "a density",
  "mass>energy": "a calorific value (e.g. MJ/kg)",
  "energy>mass": "a calorific value (e.g. MJ/kg)",
  "volume>energy": "a calorific value per volume (MJ/m³) or a density and a calorific value",
  "energy>volume": "a calorific value per volume (MJ/m³) or a density and a calorific value",
};

/**
 * Converts an amount between units, across energy, mass and volume when a density or a
 * calorific value bridges them. Returns the amount, or the reason it cannot be converted.
 * @example convertAmount(1, "MWh", "GJ") //=> { value: 3.6 }
 * @example convertAmount(1000, "L", "kg", { densityKgPerM3: 840 }) //=> { value: 840 }
 * Units: kWh = 3.6 MJ (SI); NCV in TJ/Gg equals MJ/kg (IPCC 2006 Vol.2 Table 1.2).
 */
export function convertAmount(amount: number, from: string, to: string, bridges: Bridges = {}): { value: number } | { reason: string } {
  const a = unit(from);
  if (!a) return { reason: `unit "${from}" is not known` };
  const b = unit(to);
  if (!b) return { reason: `unit "${to}" is not known` };
  return convertWith(amount, a, b, bridges);
}

/** convertAmount for units already looked up. */
export function convertWith(
  amount: number,
  from: UnitDefinition & { symbol: string },
  to: UnitDefinition & { symbol: string },
  bridges: Bridges,
): { value: number } | { reason: string } {
  const k = bridge(from.dimension, to.dimension, bridges);
  if (k === null) {
    return { reason: `cannot convert ${from.symbol} (${from.dimension}) to ${to.symbol} (${to.dimension}) without ${NEEDS[`${from.dimension}>${to.dimension}`]}` };
  }
  return { value: (amount * from.toBase * k) / to.toBase };
}
