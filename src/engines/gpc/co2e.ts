import type { Ch4Origin, GasTonnes, GwpSet } from "./types.js";

/**
 * CO2 equivalent of a mass of each gas, tCO2e = Σ t(gas) × GWP100(gas). For methane the set's
 * fossil or non-fossil value applies (equal in AR5: 28 for all methane, without climate–carbon feedbacks, as in UNFCCC
 * reporting under the Paris Agreement; 29.8 and 27.0 in AR6).
 * @example co2e({ CO2: 0, CH4: 1000, N2O: 0 }, AR5, "non-fossil") //=> 28000
 * @example co2e({ CO2: 0, CH4: 1000, N2O: 0 }, AR6, "non-fossil") //=> 27000
 * Source: IPCC AR5 WG1 Table 8.7; IPCC AR6 WG1 Table 7.15.
 */
export function co2e(gases: GasTonnes, gwp: GwpSet, ch4Origin: Ch4Origin): number {
  return gases.CO2 * gwp.values.CO2 + gases.CH4 * gwp.values.CH4[ch4Origin] + gases.N2O * gwp.values.N2O;
}
