import type { AppContext } from "../../src/services/context.js";

/** The day the monitoring tests judge on. */
export const MON_TODAY = "2025-06-30";
const AT = "2025-01-01T00:00:00.000Z";
const ed = { version: 1, created_by: "test", created_at: AT, updated_at: AT };

/**
 * A programme with two cooperations written straight into the tables (independent of the cooperation
 * engineers' repositories): `mon-coop` (Chongqing ↔ Mannheim + Prague, active since 2018, with a plan,
 * actions, KPIs, activities, a partner) and `mon-bare` (Zhengzhou ↔ Málaga, agreed, no plan).
 * Needs loadFixture first (cities, indicators, sources).
 */
export async function loadMonitoringFixture(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  await db.insertInto("programmes").values({ id: "mon-prog", name_en: "Test Urban Cooperation", name_zh: "测试城市合作", description_en: "A test", description_zh: null, start_date: "2017-03-15", end_date: null, themes_json: '["transport"]', sides_json: "[]", funder: "EU", eligibility_json: "{}", source_ids_json: '["who-aqg-2021"]', ...ed }).execute();
  await db.insertInto("calls").values({ id: "mon-call", programme_id: "mon-prog", title_en: "Call 2017", title_zh: null, description_en: null, description_zh: null, side: null, opens_on: null, deadline: "2017-06-30", eligibility_json: "{}", ...ed }).execute();
  await db.insertInto("applications").values({ id: "mon-app", call_id: "mon-call", city_slug: "mannheim-de", themes_json: "[]", challenges: null, strengths: null, has_inventory: 0, has_target: 0, has_plan: 0, contact_name: "Erika Secret", contact_email: "erika@example.org", status: "accepted", eligibility_json: "[]", decision_note: null, submitted_at: AT, decided_at: null, version: 1, created_by: "test", updated_at: AT }).execute();
  const coop = (id: string, en: string, zh: string | null, status: string, start: string | null) =>
    ({ id, programme_id: "mon-prog", name_en: en, name_zh: zh, themes_json: '["transport"]', start_date: start, end_date: null, status, origin: "manual", source_ids_json: '["who-aqg-2021"]', ...ed });
  await db.insertInto("cooperations").values([coop("mon-coop", "Chongqing – Mannheim", "重庆–曼海姆", "active", "2018-01-01"), coop("mon-bare", "Zhengzhou – Málaga", null, "agreed", null)]).execute();
  await db.insertInto("cooperation_members").values([
    { cooperation_id: "mon-coop", city_slug: "chongqing-cn", role: "lead", side: "a", joined_on: null },
    { cooperation_id: "mon-coop", city_slug: "mannheim-de", role: "partner", side: "b", joined_on: null },
    { cooperation_id: "mon-coop", city_slug: "prague-cz", role: "partner", side: "b", joined_on: null },
    { cooperation_id: "mon-bare", city_slug: "zhengzhou-cn", role: "lead", side: null, joined_on: null },
    { cooperation_id: "mon-bare", city_slug: "malaga-es", role: "partner", side: null, joined_on: null },
  ]).execute();
  await db.insertInto("cooperation_transitions").values([
    { cooperation_id: "mon-coop", position: 1, from_status: null, to_status: "proposed", on_date: "2017-06-01", note: null, recorded_by: "test", recorded_at: AT },
    { cooperation_id: "mon-coop", position: 2, from_status: "proposed", to_status: "active", on_date: "2018-01-01", note: "MoU signed", recorded_by: "test", recorded_at: AT },
  ]).execute();
  await db.insertInto("action_plans").values({
    cooperation_id: "mon-coop", key_focus_en: "Freight and clean air", key_focus_zh: "货运与清洁空气", challenges_en: "Congestion", challenges_zh: null, objectives_en: "Cut PM2.5", objectives_zh: null,
    expected_results_en: null, expected_results_zh: null, benefits_en: null, benefits_zh: null, sdgs_json: '["SDG 11"]', urban_agenda_json: "[]", version: 1, updated_by: "test", updated_at: AT,
  }).execute();
  const action = (id: string, title: string, status: string, start: string, end: string, impact: string) =>
    ({ id, cooperation_id: "mon-coop", title_en: title, title_zh: null, theme: "transport", owner_city_slug: "chongqing-cn", partner_ids_json: "[]", start_date: start, end_date: end, budget: 1000, currency: "EUR", funding_source: "secret fund", status, completion_pct: status === "done" ? 100 : 40, impact_json: impact, practice_id: null, ...ed });
  await db.insertInto("actions").values([
    action("act-rail", "Freight railway link", "done", "2018-03-01", "2019-12-31", '[{"value":5000,"unit":"tCO2e/yr"}]'),
    action("act-late", "Bus depot electrification", "in_progress", "2019-01-01", "2024-12-31", '[{"value":2000,"unit":"tCO2e/yr"},{"value":1.5,"unit":"µg/m³"}]'),
    action("act-xss", "<script>alert(1)</script> & more", "planned", "2026-01-01", "2027-12-31", "[]"),
  ]).execute();
  const kpi = (id: string, actionId: string | null, en: string, base: number, baseDate: string, target: number, year: number) =>
    ({ id, cooperation_id: "mon-coop", action_id: actionId, pilot_id: null, indicator_code: null, city_slug: "chongqing-cn", name_en: en, name_zh: null, unit: "µg/m³", baseline_value: base, baseline_date: baseDate, target_value: target, target_year: year, ...ed });
  await db.insertInto("kpis").values([kpi("kpi-pm", "act-rail", "PM2.5 near the freight yard", 100, "2018-01-01", 50, 2027), kpi("kpi-quiet", "act-late", "Electric buses share", 0, "2020-01-01", 50, 2026)]).execute();
  await db.insertInto("kpi_values").values([
    { kpi_id: "kpi-pm", on_date: "2020-01-01", value: 95, note: null, recorded_by: "test", recorded_at: AT },
    { kpi_id: "kpi-pm", on_date: "2023-01-01", value: 90, note: "slow", recorded_by: "test", recorded_at: AT },
  ]).execute();
  await db.insertInto("activities").values([
    { id: "actv-visit", cooperation_id: "mon-coop", programme_id: "mon-prog", kind: "study_visit", title_en: "Study visit to Mannheim", title_zh: "曼海姆考察访问", description_en: null, description_zh: null, start_date: "2018-05-10", end_date: "2018-05-12", place: "Mannheim", organisation_ids_json: "[]", source_ids_json: "[]", ...ed },
    { id: "actv-decl", cooperation_id: null, programme_id: "mon-prog", kind: "forum", title_en: "Joint declaration", title_zh: "联合声明", description_en: null, description_zh: null, start_date: "2017-05-31", end_date: null, place: "Brussels", organisation_ids_json: "[]", source_ids_json: "[]", ...ed },
  ]).execute();
  await db.insertInto("outputs").values({ id: "out-mou", activity_id: "actv-visit", kind: "mou", title_en: "MoU on freight", title_zh: "货运合作备忘录", on_date: "2018-05-12", url: null, pilot_id: null, created_by: "test", created_at: AT }).execute();
  await db.insertInto("organisations").values({ id: "org-uni", name_en: "University of Mannheim", name_zh: null, kind: "academic", country: "DE", sector: null, city_slug: "mannheim-de", website: null, ...ed }).execute();
  await db.insertInto("commitments").values({ id: "com-1", organisation_id: "org-uni", cooperation_id: "mon-coop", pilot_id: null, role: "research partner", commitment_en: "Measures PM2.5", commitment_zh: null, ...ed }).execute();
  await db.insertInto("observations").values([
    { city_slug: "chongqing-cn", indicator_code: "air.pm25_annual", period: "2016", value: 54, source_id: "who-aqg-2021", note: null, imported_by: "test", imported_at: AT },
    { city_slug: "chongqing-cn", indicator_code: "air.pm25_annual", period: "2017", value: 45, source_id: "who-aqg-2021", note: null, imported_by: "test", imported_at: AT },
    { city_slug: "chongqing-cn", indicator_code: "air.pm25_annual", period: "2023", value: 36, source_id: "gb-3095-2012", note: null, imported_by: "test", imported_at: AT },
    { city_slug: "mannheim-de", indicator_code: "transport.public_transport_share", period: "2016", value: 20, source_id: "who-aqg-2021", note: null, imported_by: "test", imported_at: AT },
    { city_slug: "mannheim-de", indicator_code: "transport.public_transport_share", period: "2022", value: 18, source_id: "who-aqg-2021", note: null, imported_by: "test", imported_at: AT },
  ]).execute();
}
