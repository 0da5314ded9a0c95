import type { AppContext } from "../../src/services/context.js";
import { loadFixture } from "./fixture.js";

const AT = "2026-01-01T00:00:00.000Z";

/**
 * For the cooperation and action-plan suites: the fixture cities plus one partner organisation
 * ("org-mannheim-uni") and one practice ("stockholm-congestion-tax"), written directly.
 */
export async function loadActionPlanFixture(ctx: AppContext): Promise<void> {
  await loadFixture(ctx);
  const db = ctx.database.db;
  await db
    .insertInto("organisations")
    .values({ id: "org-mannheim-uni", name_en: "University of Mannheim", name_zh: null, kind: "academic", country: "DE", sector: null, city_slug: "mannheim-de", website: null, version: 1, created_by: "test", created_at: AT, updated_at: AT })
    .execute();
  await db
    .insertInto("practices")
    .values({
      id: "stockholm-congestion-tax", doc: 1, title_en: "Stockholm congestion tax", title_zh: null, summary_en: null, summary_zh: null, city: "Stockholm", city_slug: null,
      country: "SE", region: null, start_year: 2006, end_year: null, measures_json: "[]", cost_json: null, transferability: null, assessment_json: null,
      measured: 1, themes_mask: 0, created_by: "test", created_at: AT, updated_at: AT,
    })
    .execute();
}
