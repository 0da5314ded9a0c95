import type { AppContext } from "../../src/services/context.js";
import { loadFixture } from "./fixture.js";

const at = "2026-01-01T00:00:00.000Z";
const editable = { version: 1, created_by: "test", created_at: at, updated_at: at };

/**
 * The fixture cities plus a programme with two cooperations written directly into the tables
 * (the cooperation services are not needed): "coop-cq-ma" (Chongqing lead, Mannheim partner) and
 * "coop-zz-ml" (Zhengzhou, Málaga), and one programme-wide activity "act-declaration" citing
 * the "geonames" source.
 */
export async function loadWorkFixture(ctx: AppContext): Promise<void> {
  await loadFixture(ctx);
  const db = ctx.database.db;
  await db.insertInto("programmes").values({
    id: "prog-iuc", name_en: "IUC Asia (test)", name_zh: null, description_en: null, description_zh: null, start_date: "2017-03-15", end_date: null,
    themes_json: "[]", sides_json: "[]", funder: null, eligibility_json: "{}", source_ids_json: "[]", ...editable,
  }).execute();
  for (const [id, name, members] of [
    ["coop-cq-ma", "Chongqing – Mannheim", [["chongqing-cn", "lead"], ["mannheim-de", "partner"]]],
    ["coop-zz-ml", "Zhengzhou – Málaga", [["zhengzhou-cn", "lead"], ["malaga-es", "partner"]]],
  ] as const) {
    await db.insertInto("cooperations").values({
      id, programme_id: "prog-iuc", name_en: name, name_zh: null, themes_json: "[]", start_date: "2017-05-31", end_date: null, status: "active",
      origin: "manual", source_ids_json: "[]", ...editable,
    }).execute();
    for (const [city, role] of members) {
      await db.insertInto("cooperation_members").values({ cooperation_id: id, city_slug: city, role, side: null, joined_on: null }).execute();
    }
  }
  await db.insertInto("activities").values({
    id: "act-declaration", cooperation_id: null, programme_id: "prog-iuc", kind: "forum", title_en: "Joint declaration signed", title_zh: "签署联合声明",
    description_en: null, description_zh: null, start_date: "2017-05-31", end_date: null, place: "Brussels", organisation_ids_json: "[]",
    source_ids_json: JSON.stringify(["geonames"]), ...editable,
  }).execute();
}
