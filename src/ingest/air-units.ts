import { MOLAR_MASS, MOLAR_VOLUME_25C } from "../engines/aqi/gas-conversion.js";
import type { AirPollutant } from "../domain/air.js";

/** OpenAQ parameter names of the six pollutants; other parameters (temperature, pm1, no, …) are ignored. */
export const OPENAQ_PARAMETERS: Record<string, AirPollutant> = { pm25: "pm25", "pm2.5": "pm25", pm10: "pm10", so2: "so2", no2: "no2", co: "co", o3: "o3" };

/** Spellings of units seen in OpenAQ files, by what they mean. */
export const UNIT_SPELLINGS = {
  ug: ["µg/m³", "μg/m³", "ug/m3", "ug/m³", "µg/m3", "μg/m3", "UG/M3", "ug/m^3"],
  mg: ["mg/m³", "mg/m3", "MG/M3"],
  ppm: ["ppm", "PPM"],
  ppb: ["ppb", "PPB"],
} as const;
export type UnitKind = keyof typeof UNIT_SPELLINGS;

const GASES = new Set<AirPollutant>(["so2", "no2", "o3", "co"]);

/**
 * The factor that turns a value in `unit` into citybridge's unit for the pollutant (µg/m³; CO
 * mg/m³), converting ppm and ppb at 25 °C and 1 atm (24.45 L/mol); null when the unit cannot
 * apply (ppm for particles, an unknown unit).
 * @example unitFactor("co", "µg/m³") //=> 0.001
 * @example unitFactor("no2", "ppb") //=> 1.8816 (µg/m³ per ppb)
 */
export function unitFactor(pollutant: AirPollutant, unit: string): number | null {
  const kind = (Object.keys(UNIT_SPELLINGS) as UnitKind[]).find((k) => (UNIT_SPELLINGS[k] as readonly string[]).includes(unit.trim()));
  if (!kind) return null;
  const massScale = pollutant === "co" ? 0.001 : 1; // µg/m³ → CO's mg/m³
  if (kind === "ug") return massScale;
  if (kind === "mg") return 1000 * massScale;
  if (!GASES.has(pollutant)) return null;
  const ugPerPpb = MOLAR_MASS[pollutant as "so2" | "no2" | "o3" | "co"] / MOLAR_VOLUME_25C;
  return (kind === "ppm" ? 1000 : 1) * ugPerPpb * massScale;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Every (parameter name, unit spelling) pair citybridge reads whose unit applies: its pollutant and the factor to its unit. */
export function unitPairs(): { parameter: string; unit: string; p: AirPollutant; f: number }[] {
  const pairs: { parameter: string; unit: string; p: AirPollutant; f: number }[] = [];
  for (const [parameter, p] of Object.entries(OPENAQ_PARAMETERS)) {
    for (const unit of Object.values(UNIT_SPELLINGS).flat()) {
      const f = unitFactor(p, unit);
      if (f !== null) pairs.push({ parameter, unit, p, f });
    }
  }
  return pairs;
}

/**
 * SQL rows `(parameter, units, p, f)` for every parameter name and unit spelling citybridge
 * reads whose unit applies (unitPairs): the pollutant key and the factor to its unit.
 */
export function unitMapSql(): string {
  const rows = unitPairs().map(({ parameter, unit, p, f }) => `(${quote(parameter)}, ${quote(unit)}, ${quote(p)}, ${f}::DOUBLE)`);
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS unit_map(parameter, units, p, f)`;
}

/** SQL rows `(parameter, p)` of the parameter names citybridge indexes. */
export function parameterMapSql(): string {
  const rows = Object.entries(OPENAQ_PARAMETERS).map(([name, p]) => `(${quote(name)}, ${quote(p)})`);
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS parameter_map(parameter, p)`;
}
