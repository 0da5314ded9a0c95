import type { ActionPlan, CooperationAction, Kpi } from "../../domain/cooperation.js";
import type { ActionPlansTable, ActionsTable, KpisTable } from "../schema.js";

/** Driver rows of the cooperation tables turned into domain types, and back. */

const bi = (en: string | null, zh: string | null) => ({ en, zh });

export function toActionPlan(r: ActionPlansTable): ActionPlan {
  return {
    cooperationId: r.cooperation_id,
    keyFocus: bi(r.key_focus_en, r.key_focus_zh),
    challenges: bi(r.challenges_en, r.challenges_zh),
    objectives: bi(r.objectives_en, r.objectives_zh),
    expectedResults: bi(r.expected_results_en, r.expected_results_zh),
    benefits: bi(r.benefits_en, r.benefits_zh),
    sdgs: JSON.parse(r.sdgs_json) as number[],
    urbanAgenda: JSON.parse(r.urban_agenda_json) as ActionPlan["urbanAgenda"],
    version: Number(r.version),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function actionPlanRow(p: ActionPlan, updatedBy: string, updatedAt: string): ActionPlansTable {
  return {
    cooperation_id: p.cooperationId,
    key_focus_en: p.keyFocus.en,
    key_focus_zh: p.keyFocus.zh,
    challenges_en: p.challenges.en,
    challenges_zh: p.challenges.zh,
    objectives_en: p.objectives.en,
    objectives_zh: p.objectives.zh,
    expected_results_en: p.expectedResults.en,
    expected_results_zh: p.expectedResults.zh,
    benefits_en: p.benefits.en,
    benefits_zh: p.benefits.zh,
    sdgs_json: JSON.stringify(p.sdgs),
    urban_agenda_json: JSON.stringify(p.urbanAgenda),
    version: p.version,
    updated_by: updatedBy,
    updated_at: updatedAt,
  };
}

export function toAction(r: ActionsTable): CooperationAction {
  return {
    id: r.id,
    cooperationId: r.cooperation_id,
    titles: { en: r.title_en, zh: r.title_zh },
    theme: r.theme,
    ownerCity: r.owner_city_slug,
    partnerIds: JSON.parse(r.partner_ids_json) as string[],
    startDate: r.start_date,
    endDate: r.end_date,
    budget: r.budget === null ? null : Number(r.budget),
    currency: r.currency,
    fundingSource: r.funding_source,
    status: r.status as CooperationAction["status"],
    completionPct: Number(r.completion_pct),
    impact: JSON.parse(r.impact_json) as CooperationAction["impact"],
    practiceId: r.practice_id,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function actionRow(a: CooperationAction): ActionsTable {
  return {
    id: a.id,
    cooperation_id: a.cooperationId,
    title_en: a.titles.en,
    title_zh: a.titles.zh,
    theme: a.theme,
    owner_city_slug: a.ownerCity,
    partner_ids_json: JSON.stringify(a.partnerIds),
    start_date: a.startDate,
    end_date: a.endDate,
    budget: a.budget,
    currency: a.currency,
    funding_source: a.fundingSource,
    status: a.status,
    completion_pct: a.completionPct,
    impact_json: JSON.stringify(a.impact),
    practice_id: a.practiceId,
    version: a.version,
    created_by: a.createdBy,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export function toKpi(r: KpisTable): Kpi {
  return {
    id: r.id,
    cooperationId: r.cooperation_id,
    actionId: r.action_id,
    pilotId: r.pilot_id,
    indicator: r.indicator_code,
    city: r.city_slug,
    names: { en: r.name_en, zh: r.name_zh },
    unit: r.unit,
    baselineValue: Number(r.baseline_value),
    baselineDate: r.baseline_date,
    targetValue: Number(r.target_value),
    targetYear: Number(r.target_year),
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function kpiRow(k: Kpi): KpisTable {
  return {
    id: k.id,
    cooperation_id: k.cooperationId,
    action_id: k.actionId,
    pilot_id: k.pilotId,
    indicator_code: k.indicator,
    city_slug: k.city,
    name_en: k.names.en,
    name_zh: k.names.zh,
    unit: k.unit,
    baseline_value: k.baselineValue,
    baseline_date: k.baselineDate,
    target_value: k.targetValue,
    target_year: k.targetYear,
    version: k.version,
    created_by: k.createdBy,
    created_at: k.createdAt,
    updated_at: k.updatedAt,
  };
}
