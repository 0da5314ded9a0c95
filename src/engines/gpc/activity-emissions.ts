import { convertWith } from "./convert-amount.js";
import { activityBridges } from "./activity-bridges.js";
import { type Activity, type FactorDefinition, GASES, type GasTonnes, type GasValue, type GpcReference, NOTATION_KEYS } from "./types.js";
import { ratioUnit, unit } from "./units.js";

/** A problem with one field of one activity; `field` is relative to the activity. */
export interface ActivityProblem {
  field: string;
  value?: string;
  reason: string;
}

export type ActivityOutcome =
  | { ok: { reference: GpcReference; gases: GasTonnes; notationKey: Activity["notationKey"] | null } }
  | { problems: ActivityProblem[] };

const zero = (): GasTonnes => ({ CO2: 0, CH4: 0, N2O: 0 });
const isGas = (g: string): boolean => (GASES as readonly string[]).includes(g);

/**
 * Emissions of one line of activity data, per gas, in tonnes of the gas:
 * activity (converted to the factor's unit) × factor, or emissions given directly.
 * Collects every problem instead of stopping at the first.
 * @example
 * activityEmissions({ gpc: "I.1.1", amount: 1000, unit: "TJ", factors: [{ gas: "CO2", value: 56100, unit: "kg/TJ" }] }, refs, factors)
 * //=> { ok: { reference: {ref: "I.1.1", scope: 1, …}, gases: { CO2: 56100, CH4: 0, N2O: 0 }, notationKey: null } }
 * Source: GPC 2014 Chapter 5 (emissions = activity data × emission factor).
 */
export function activityEmissions(a: Activity, refs: Map<string, GpcReference>, library: Map<string, FactorDefinition>): ActivityOutcome {
  const problems: ActivityProblem[] = [];
  const reference = refs.get(a.gpc?.trim?.() ?? "");
  if (!reference) problems.push({ field: "gpc", value: String(a.gpc), reason: "is not a GPC reference number (e.g. I.1.1, II.1.2, III.1.1)" });

  const hasAmount = a.amount !== undefined;
  const hasFactors = a.factor !== undefined || (a.factors?.length ?? 0) > 0;
  const hasEmissions = (a.emissions?.length ?? 0) > 0;
  const gases = zero();

  if (a.notationKey !== undefined) {
    if (!(NOTATION_KEYS as readonly string[]).includes(a.notationKey)) {
      problems.push({ field: "notationKey", value: String(a.notationKey), reason: "is not a notation key (NO, IE, NE or C)" });
    }
    if (hasAmount || hasFactors || hasEmissions) problems.push({ field: "notationKey", value: a.notationKey, reason: "cannot be given together with data (amount, factors or emissions)" });
  } else if (hasEmissions) {
    if (hasAmount || hasFactors) problems.push({ field: "emissions", reason: "cannot be given together with an amount and factors: give one or the other" });
    a.emissions!.forEach((e, i) => addMass(e, `emissions[${i}]`, gases, problems));
  } else if (hasAmount) {
    addFromFactors(a, library, gases, problems);
  } else {
    problems.push({ field: "notationKey", reason: "is missing: an activity without data must carry a notation key (NO, IE, NE or C)" });
  }

  if (problems.length > 0 || !reference) return { problems };
  return { ok: { reference, gases, notationKey: a.notationKey ?? null } };
}

function addMass(e: GasValue, field: string, gases: GasTonnes, problems: ActivityProblem[]): void {
  if (!isGas(e.gas)) return void problems.push({ field: `${field}.gas`, value: String(e.gas), reason: `is not a gas this inventory takes (${GASES.join(", ")})` });
  const u = unit(e.unit ?? "");
  if (!u || u.dimension !== "mass") return void problems.push({ field: `${field}.unit`, value: String(e.unit), reason: "is not a unit of mass (g, kg, t, kt, Mt)" });
  if (!Number.isFinite(e.value)) return void problems.push({ field: `${field}.value`, value: String(e.value), reason: "is not a number" });
  gases[e.gas] += (e.value * u.toBase) / 1000;
}

function addFromFactors(a: Activity, library: Map<string, FactorDefinition>, gases: GasTonnes, problems: ActivityProblem[]): void {
  if (!Number.isFinite(a.amount)) return void problems.push({ field: "amount", value: String(a.amount), reason: "is not a number" });
  const from = unit(a.unit ?? "");
  if (!from) return void problems.push({ field: "unit", value: String(a.unit ?? ""), reason: "is not a known unit (kWh, MWh, GWh, MJ, GJ, TJ, g, kg, t, kt, Mt, L, m³)" });
  const listed: { value: GasValue; field: string }[] = [];
  // The library factor's calorific value describes the fuel, so it serves the inline factors too.
  let ncv: number | null | undefined;
  if (a.factor !== undefined) {
    const f = library.get(a.factor);
    if (!f) problems.push({ field: "factor", value: a.factor, reason: "is not an emission factor id in the library (e.g. ipcc2006:natural-gas, cn-mee:grid:national:2022)" });
    else {
      f.gases.forEach((g) => listed.push({ value: g, field: "factor" }));
      ncv = f.ncvTjPerGg;
    }
  }
  (a.factors ?? []).forEach((g, i) => listed.push({ value: g, field: `factors[${i}]` }));
  if (listed.length === 0 && a.factor === undefined) problems.push({ field: "factor", reason: "is missing: an amount needs a factor id or factors" });
  const seen = new Set<string>();
  for (const { value: f, field } of listed) {
    if (!isGas(f.gas)) {
      problems.push({ field: `${field}.gas`, value: String(f.gas), reason: `is not a gas this inventory takes (${GASES.join(", ")})` });
      continue;
    }
    if (seen.has(f.gas)) problems.push({ field: `${field}.gas`, value: f.gas, reason: "has a factor twice for this activity" });
    seen.add(f.gas);
    const r = ratioUnit(f.unit ?? "");
    if (!r || r.numerator.dimension !== "mass") {
      problems.push({ field: `${field}.unit`, value: String(f.unit), reason: "is not a factor unit: mass of gas per unit of activity, e.g. kg/TJ, kg/kWh, t/t" });
      continue;
    }
    if (!Number.isFinite(f.value)) {
      problems.push({ field: `${field}.value`, value: String(f.value), reason: "is not a number" });
      continue;
    }
    const b = activityBridges(a, ncv);
    if ("reason" in b) {
      problems.push({ field: b.field, value: b.value, reason: b.reason });
      continue;
    }
    const converted = convertWith(a.amount!, from, r.denominator, b.bridges);
    if ("reason" in converted) {
      problems.push({ field: "unit", value: from.symbol, reason: converted.reason });
      continue;
    }
    gases[f.gas] += (converted.value * f.value * r.numerator.toBase) / 1000;
  }
}
