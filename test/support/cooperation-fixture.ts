import type { AppContext } from "../../src/services/context.js";

/** Ids of the records `loadCooperationFixture` writes. */
export const COOP_FIXTURE = {
  programme: "prog-a",
  otherProgramme: "prog-b",
  call: "call-a1",
  application: "app-a1",
  cooperation: "coop-a1",
  members: ["chongqing-cn", "mannheim-de"],
  action: "act-a1",
  kpi: "kpi-a1",
  activity: "actv-a1",
  output: "out-a1",
  organisation: "org-a1",
  commitment: "com-a1",
  pilot: "pil-a1",
  fundApplication: "fa-a1",
} as const;

/**
 * A programme with a call, an application, and a cooperation of Chongqing and Mannheim with an
 * action, a KPI, an activity and its output, a partner's commitment, a pilot and a fund
 * application — written directly, so tests of other layers do not depend on the cooperation
 * services. Needs the fixture cities (loadFixture).
 */
export async function loadCooperationFixture(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const f = COOP_FIXTURE;
  const at = "2026-01-01T00:00:00.000Z";
  const meta = { version: 1, created_by: "fixture", created_at: at, updated_at: at };
  for (const id of [f.programme, f.otherProgramme]) {
    await db.insertInto("programmes").values({ id, name_en: `Programme ${id}`, name_zh: null, description_en: null, description_zh: null, start_date: "2026-01-01", end_date: null, themes_json: '["transport"]', sides_json: "[]", funder: null, eligibility_json: "{}", source_ids_json: "[]", ...meta }).execute();
  }
  await db.insertInto("calls").values({ id: f.call, programme_id: f.programme, title_en: "Call", title_zh: null, description_en: null, description_zh: null, side: null, opens_on: null, deadline: "2030-01-01", eligibility_json: "{}", ...meta }).execute();
  await db.insertInto("applications").values({ id: f.application, call_id: f.call, city_slug: "chongqing-cn", themes_json: "[]", challenges: null, strengths: null, has_inventory: 0, has_target: 0, has_plan: 0, contact_name: null, contact_email: null, status: "submitted", eligibility_json: "[]", decision_note: null, submitted_at: at, decided_at: null, version: 1, created_by: "fixture", updated_at: at }).execute();
  await db.insertInto("cooperations").values({ id: f.cooperation, programme_id: f.programme, name_en: "Chongqing–Mannheim", name_zh: null, themes_json: '["transport"]', start_date: "2026-01-01", end_date: null, status: "proposed", origin: "manual", source_ids_json: "[]", ...meta }).execute();
  for (const [i, slug] of f.members.entries()) {
    await db.insertInto("cooperation_members").values({ cooperation_id: f.cooperation, city_slug: slug, role: i === 0 ? "lead" : "partner", side: null, joined_on: null }).execute();
  }
  await db.insertInto("actions").values({ id: f.action, cooperation_id: f.cooperation, title_en: "Freight rail link", title_zh: null, theme: "transport", owner_city_slug: "chongqing-cn", partner_ids_json: "[]", start_date: null, end_date: null, budget: null, currency: null, funding_source: null, status: "planned", completion_pct: 0, impact_json: "[]", practice_id: null, ...meta }).execute();
  await db.insertInto("kpis").values({ id: f.kpi, cooperation_id: f.cooperation, action_id: f.action, pilot_id: null, indicator_code: null, city_slug: "chongqing-cn", name_en: "Freight by rail", name_zh: null, unit: "%", baseline_value: 10, baseline_date: "2026-01-01", target_value: 20, target_year: 2030, ...meta }).execute();
  await db.insertInto("activities").values({ id: f.activity, cooperation_id: f.cooperation, programme_id: null, kind: "study_visit", title_en: "Study visit", title_zh: null, description_en: null, description_zh: null, start_date: "2026-02-01", end_date: null, place: null, organisation_ids_json: "[]", source_ids_json: "[]", ...meta }).execute();
  await db.insertInto("outputs").values({ id: f.output, activity_id: f.activity, kind: "mou", title_en: "MoU", title_zh: null, on_date: "2026-02-01", url: null, pilot_id: null, created_by: "fixture", created_at: at }).execute();
  await db.insertInto("organisations").values({ id: f.organisation, name_en: "Rail operator", name_zh: null, kind: "private", country: "CN", sector: "transport", city_slug: null, website: null, ...meta }).execute();
  await db.insertInto("commitments").values({ id: f.commitment, organisation_id: f.organisation, cooperation_id: f.cooperation, pilot_id: null, role: "operator", commitment_en: null, commitment_zh: null, ...meta }).execute();
  await db.insertInto("pilots").values({ id: f.pilot, cooperation_id: f.cooperation, title_en: "Pilot", title_zh: null, description_en: null, description_zh: null, city_slug: "chongqing-cn", start_date: null, end_date: null, budget: null, currency: null, status: "planned", ...meta }).execute();
  await db.insertInto("fund_applications").values({ id: f.fundApplication, pilot_id: f.pilot, fund: "Follow-up fund", submitted_on: "2026-03-01", amount_requested: null, currency: null, score: null, decision: "pending", decided_on: null, amount_awarded: null, ...meta }).execute();
}
