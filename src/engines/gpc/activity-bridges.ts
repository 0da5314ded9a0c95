import type { Bridges } from "./convert-amount.js";
import type { Activity } from "./types.js";
import { ratioUnit } from "./units.js";

/**
 * Reads an activity's density and calorific value into base units (kg/m³, MJ/kg, MJ/m³),
 * falling back to a factor's net calorific value (TJ/Gg = MJ/kg) for mass → energy.
 * Returns the bridges, or a problem naming the field.
 * @example activityBridges({ gpc: "I.1.1", density: { value: 0.84, unit: "kg/L" } }) //=> { bridges: { densityKgPerM3: 840 } }
 */
export function activityBridges(a: Activity, factorNcvTjPerGg?: number | null): { bridges: Bridges } | { field: string; value: string; reason: string } {
  const bridges: Bridges = {};
  if (a.density) {
    const r = ratioUnit(a.density.unit);
    if (!r || r.numerator.dimension !== "mass" || r.denominator.dimension !== "volume") {
      return { field: "density.unit", value: a.density.unit, reason: "is not a density unit (use kg/m³, kg/L or t/m³)" };
    }
    if (!(a.density.value > 0)) return { field: "density.value", value: String(a.density.value), reason: "must be greater than 0" };
    bridges.densityKgPerM3 = (a.density.value * r.numerator.toBase) / r.denominator.toBase;
  }
  if (a.calorificValue) {
    const r = ratioUnit(a.calorificValue.unit);
    if (!r || r.numerator.dimension !== "energy" || r.denominator.dimension === "energy") {
      return { field: "calorificValue.unit", value: a.calorificValue.unit, reason: "is not a calorific value unit (use MJ/kg, GJ/t, TJ/Gg, MJ/m³ or MJ/L)" };
    }
    if (!(a.calorificValue.value > 0)) return { field: "calorificValue.value", value: String(a.calorificValue.value), reason: "must be greater than 0" };
    const v = (a.calorificValue.value * r.numerator.toBase) / r.denominator.toBase;
    if (r.denominator.dimension === "mass") bridges.mjPerKg = v;
    else bridges.mjPerM3 = v;
  }
  if (bridges.mjPerKg === undefined && factorNcvTjPerGg) bridges.mjPerKg = factorNcvTjPerGg;
  return { bridges };
}
