import type { Hj633Column, Hj633Table } from "./hj633-table.js";

/** Index values are whole numbers; remove the float noise of the division before rounding up. */
const ceilIndex = (x: number): number => Math.ceil(Math.round(x * 1e9) / 1e9);

/**
 * Individual air-quality index (IAQI) of one pollutant under China's HJ 633: linear between the
 * two breakpoints around the concentration, rounded up to a whole number.
 * Returns null when the concentration is above the column's last breakpoint: the caller applies
 * the standard's rule for that case (a fixed value, another averaging time, or the cap at 500).
 *
 * IAQI = (IAQI_hi − IAQI_lo) / (BP_hi − BP_lo) × (C − BP_lo) + IAQI_lo
 *
 * @param column pollutant and averaging time, e.g. `pm25_24h`
 * @param concentration µg/m³ (CO: mg/m³), ≥ 0
 * @example iaqi("pm25_24h", 95, HJ633_2012) //=> 125
 * Source: HJ 633-2012 §4, formula (1) and Table 1; HJ 633-2026 Table 3; rounding up to an
 * integer: HJ 633-2026 §4.2.6 (applied to both editions).
 */
export function iaqi(column: Hj633Column, concentration: number, table: Hj633Table): number | null {
  if (!(concentration >= 0)) throw new RangeError(`${column}: concentration must be a number ≥ 0, got ${concentration}`);
  const bp = table.columns[column];
  for (let i = 0; i + 1 < bp.length; i++) {
    const lo = bp[i];
    const hi = bp[i + 1];
    if (lo === null || lo === undefined || hi === null || hi === undefined) break;
    if (concentration <= hi) {
      const iLo = table.iaqi[i]!;
      const iHi = table.iaqi[i + 1]!;
      return ceilIndex(((iHi - iLo) / (hi - lo)) * (concentration - lo) + iLo);
    }
  }
  return null;
}

/** The highest IAQI a column of the table reaches (500, or 200 / 300 for columns that end early). */
export function columnTop(column: Hj633Column, table: Hj633Table): { concentration: number; iaqi: number } {
  const bp = table.columns[column];
  let last = 0;
  for (let i = 0; i < bp.length && bp[i] !== null; i++) last = i;
  return { concentration: bp[last]!, iaqi: table.iaqi[last]! };
}
