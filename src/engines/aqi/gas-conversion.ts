/** Gases the US index reads in ppb or ppm. */
export type Gas = "o3" | "no2" | "so2" | "co";

/** Molar masses, g/mol, from IUPAC standard atomic weights (H 1.008, C 12.011, N 14.007, O 15.999, S 32.06). */
export const MOLAR_MASS: Record<Gas, number> = { o3: 47.997, no2: 46.005, so2: 64.058, co: 28.01 };

/**
 * Molar volume of an ideal gas at 25 °C and 101.325 kPa, L/mol: the reference conditions of US
 * air-quality data (40 CFR 50.3) and of the WHO 2021 guideline conversions.
 */
export const MOLAR_VOLUME_25C = 24.45;

/**
 * Mixing ratio from a mass concentration at 25 °C and 1 atm: ppb from µg/m³, or equally ppm from
 * mg/m³. ppb = µg/m³ × 24.45 / M. Factors: 1 ppb O3 = 1.963 µg/m³, NO2 = 1.882 µg/m³,
 * SO2 = 2.620 µg/m³; 1 ppm CO = 1.146 mg/m³ (WHO AQG 2021 rounds these to 1.96, 1.88, 2.62, 1.15).
 * @example mixingRatio("no2", 100) //=> 53.15 (ppb)
 * Source: ideal gas law at 40 CFR 50.3 reference conditions (25 °C, 760 mm Hg).
 */
export function mixingRatio(gas: Gas, massConcentration: number): number {
  return (massConcentration * MOLAR_VOLUME_25C) / MOLAR_MASS[gas];
}

/**
 * Mass concentration from a mixing ratio at 25 °C and 1 atm: µg/m³ from ppb, or mg/m³ from ppm.
 * @example massConcentration("o3", 1) //=> 1.963 (µg/m³ per ppb)
 * Source: as mixingRatio.
 */
export function massConcentration(gas: Gas, ratio: number): number {
  return (ratio * MOLAR_MASS[gas]) / MOLAR_VOLUME_25C;
}
