import type { AppContext } from "../../src/services/context.js";

const AUDIT = { version: 1, created_by: "test", created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z" };

/** A cooperation with one pilot ("pilot-solar-roofs") and one action ("action-retrofit"), written straight to the tables of migration 0005. */
export async function loadCooperationFixture(ctx: AppContext): Promise<{ pilot: string; action: string; cooperation: string }> {
  const db = ctx.database.db;
  await db.insertInto("cooperations").values({ id: "coop-prague-chongqing", programme_id: null, name_en: "Prague–Chongqing climate partnership", name_zh: "布拉格—重庆气候伙伴关系", themes_json: "[]", start_date: "2026-01-01", end_date: null, status: "active", origin: "manual", source_ids_json: "[]", ...AUDIT }).execute();
  await db.insertInto("pilots").values({ id: "pilot-solar-roofs", cooperation_id: "coop-prague-chongqing", title_en: "Solar roofs on schools", title_zh: "学校屋顶光伏", description_en: null, description_zh: null, city_slug: "prague-cz", start_date: null, end_date: null, budget: null, currency: null, status: "planned", ...AUDIT }).execute();
  await db
    .insertInto("actions")
    .values({ id: "action-retrofit", cooperation_id: "coop-prague-chongqing", title_en: "Retrofit social housing", title_zh: "社会住房改造", theme: null, owner_city_slug: "prague-cz", partner_ids_json: "[]", start_date: null, end_date: null, budget: null, currency: null, funding_source: null, status: "planned", completion_pct: 0, impact_json: "{}", practice_id: null, ...AUDIT })
    .execute();
  return { pilot: "pilot-solar-roofs", action: "action-retrofit", cooperation: "coop-prague-chongqing" };
}
