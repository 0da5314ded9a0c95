import type { EligibilityCheck, EligibilityRules, ProgrammeSide, SideKey, Stage } from "../../domain/programme.js";

/** What the eligibility check needs to know about the applying city. */
export interface ApplicantFacts {
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Inhabitants; null when the city profile does not report it. */
  population: number | null;
  /** Stage of climate work: a GHG inventory, a target, a climate plan. */
  stage: Stage;
}

/** The rules in force for one call: the programme's, the call's overrides, and the sides. */
export interface EligibilityContext {
  programme: EligibilityRules;
  call: EligibilityRules;
  /** The side the call is for; null = cities of either side may apply. */
  callSide: SideKey | null;
  sides: ProgrammeSide[];
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");

type Origin = "call" | "programme";
const ORIGIN = { call: { en: "the call's", zh: "征集申请" }, programme: { en: "the programme's", zh: "合作项目" } } as const;

function pick<K extends keyof EligibilityRules>(ctx: EligibilityContext, key: K): { value: EligibilityRules[K]; origin: Origin } | null {
  if (ctx.call[key] !== undefined) return { value: ctx.call[key], origin: "call" };
  if (ctx.programme[key] !== undefined) return { value: ctx.programme[key], origin: "programme" };
  return null;
}

function countryCheck(city: ApplicantFacts, ctx: EligibilityContext): EligibilityCheck | null {
  const sides = ctx.callSide ? ctx.sides.filter((s) => s.key === ctx.callSide) : ctx.sides;
  const allowed = [...new Set(sides.flatMap((s) => s.countries))];
  if (allowed.length === 0) return null;
  const list = allowed.join(", ");
  const sideEn = ctx.callSide && sides[0] ? `the ${sides[0].names.en} side` : "either side";
  const sideZh = ctx.callSide && sides[0] ? `${sides[0].names.zh ?? sides[0].names.en}一方` : "任一方";
  if (allowed.includes(city.country)) {
    return { rule: "country", ok: true, reason: { en: `country ${city.country} belongs to ${sideEn} (${list})`, zh: `国家 ${city.country} 属于${sideZh}（${list}）` } };
  }
  return {
    rule: "country",
    ok: false,
    reason: { en: `country ${city.country} is not on ${sideEn} of this call (${list})`, zh: `国家 ${city.country} 不属于本次征集申请的${sideZh}（${list}）` },
  };
}

function populationCheck(city: ApplicantFacts, ctx: EligibilityContext): EligibilityCheck | null {
  const rule = pick(ctx, "minPopulation");
  if (!rule || rule.value === undefined || rule.value === 0) return null;
  const min = rule.value;
  const o = ORIGIN[rule.origin];
  if (city.population === null) {
    return { rule: "minPopulation", ok: false, reason: { en: `population not reported (${o.en} minimum is ${int(min)})`, zh: `人口尚未报告（${o.zh}最低要求 ${int(min)}）` } };
  }
  if (city.population < min) {
    return {
      rule: "minPopulation",
      ok: false,
      reason: { en: `population ${int(city.population)} is below ${o.en} minimum of ${int(min)}`, zh: `人口 ${int(city.population)} 低于${o.zh}的最低要求 ${int(min)}` },
    };
  }
  return {
    rule: "minPopulation",
    ok: true,
    reason: { en: `population ${int(city.population)} meets ${o.en} minimum of ${int(min)}`, zh: `人口 ${int(city.population)} 达到${o.zh}的最低要求 ${int(min)}` },
  };
}

const STAGES = [
  { rule: "requireInventory", stage: "inventory", en: "a GHG inventory", zh: "温室气体清单" },
  { rule: "requireTarget", stage: "target", en: "an emission target", zh: "减排目标" },
  { rule: "requirePlan", stage: "plan", en: "a climate action plan", zh: "气候行动计划" },
] as const;

/**
 * Checks a city against the eligibility rules of a call: its country against the call's side
 * (or either side when the call has none), its population (inhabitants) against the minimum, and
 * its stage of climate work against what is required. A call's rule overrides the programme's;
 * a rule that is not set is not checked. Returns every rule that applies, each with ok and the
 * reason in English and Chinese.
 *
 * @example
 * checkEligibility({ country: "CN", population: 43000, stage: { inventory: true, target: false, plan: false } },
 *   { programme: { minPopulation: 50000 }, call: {}, callSide: null, sides: [] })
 * //=> [{ rule: "minPopulation", ok: false, reason: { en: "population 43,000 is below the programme's minimum of 50,000", zh: "…" } }]
 *
 * Source: the IUC Asia open calls (2017: EU cities of more than 50,000 inhabitants; 2019: more
 * than 100,000 encouraged) and the Global Covenant of Mayors journey (inventory → target → plan),
 * as documented in the design notes (DOMAIN.md).
 */
export function checkEligibility(city: ApplicantFacts, ctx: EligibilityContext): EligibilityCheck[] {
  const checks: EligibilityCheck[] = [];
  const country = countryCheck(city, ctx);
  if (country) checks.push(country);
  const population = populationCheck(city, ctx);
  if (population) checks.push(population);
  for (const s of STAGES) {
    const rule = pick(ctx, s.rule);
    if (!rule?.value) continue;
    const o = ORIGIN[rule.origin];
    checks.push(
      city.stage[s.stage]
        ? { rule: s.rule, ok: true, reason: { en: `has ${s.en}, as ${o.en} rules require`, zh: `已有${s.zh}，符合${o.zh}要求` } }
        : { rule: s.rule, ok: false, reason: { en: `no ${s.en.replace(/^an? /, "")} yet: ${o.en} rules require one`, zh: `尚无${s.zh}：${o.zh}要求具备` } },
    );
  }
  return checks;
}

/** True when every checked rule is met (no rules → eligible). */
export function isEligible(checks: EligibilityCheck[]): boolean {
  return checks.every((c) => c.ok);
}
