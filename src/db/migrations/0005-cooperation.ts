import { type Kysely, sql } from "kysely";

/**
 * Cooperation programmes (issue 6): programmes, calls and applications; cooperations with their
 * members and dated status transitions; the Urban Cooperation Action Plan with actions and KPIs;
 * activities and outputs; pilot projects and follow-up fund applications; partner organisations
 * and their commitments. Runs unchanged on SQLite and PostgreSQL (booleans as 0/1, JSON as text,
 * dates as ISO `YYYY-MM-DD` text). Every editable record carries a `version` for conflict checks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("programmes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("description_en", "text")
    .addColumn("description_zh", "text")
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("themes_json", "text", (c) => c.notNull().defaultTo("[]"))
    // [{ key: "a"|"b", name_en, name_zh, countries: ["CN"], regions: [] }]
    .addColumn("sides_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("funder", "text")
    // { minPopulation?, countries?: per side, requireInventory?, … } — see domain/programme.ts
    .addColumn("eligibility_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("source_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("calls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("description_en", "text")
    .addColumn("description_zh", "text")
    // which side of the programme the call is for ("a" | "b"), null = both
    .addColumn("side", "text")
    .addColumn("opens_on", "text")
    .addColumn("deadline", "text", (c) => c.notNull())
    // eligibility rules of this call, overriding the programme's where set
    .addColumn("eligibility_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("calls_programme").on("calls").columns(["programme_id"]).execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("call_id", "text", (c) => c.notNull().references("calls.id").onDelete("cascade"))
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug"))
    .addColumn("themes_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("challenges", "text")
    .addColumn("strengths", "text")
    .addColumn("has_inventory", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("has_target", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("has_plan", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("status", "text", (c) => c.notNull())
    // [{ rule, ok, reason_en, reason_zh }] as checked at submission (and on re-check)
    .addColumn("eligibility_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("decision_note", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("applications_call_city", ["call_id", "city_slug"])
    .addCheckConstraint("applications_status", sql`status in ('submitted', 'eligible', 'ineligible', 'accepted', 'declined')`)
    .execute();

  await db.schema
    .createTable("cooperations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) => c.references("programmes.id").onDelete("set null"))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("themes_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    // where it came from: "manual", "pairing", "seed"
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("source_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("cooperations_status", sql`status in ('proposed', 'agreed', 'active', 'completed', 'discontinued')`)
    .execute();
  await db.schema.createIndex("cooperations_programme").on("cooperations").columns(["programme_id"]).execute();

  await db.schema
    .createTable("cooperation_members")
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug"))
    .addColumn("role", "text", (c) => c.notNull())
    // programme side ("a" | "b") where the programme has sides
    .addColumn("side", "text")
    .addColumn("joined_on", "text")
    .addPrimaryKeyConstraint("cooperation_members_pk", ["cooperation_id", "city_slug"])
    .addCheckConstraint("cooperation_members_role", sql`role in ('lead', 'partner', 'mentor', 'learner')`)
    .execute();
  await db.schema.createIndex("cooperation_members_city").on("cooperation_members").columns(["city_slug"]).execute();

  await db.schema
    .createTable("cooperation_transitions")
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cooperation_transitions_pk", ["cooperation_id", "position"])
    .execute();

  // The Urban Cooperation Action Plan: one per cooperation. Long texts in both languages.
  await db.schema
    .createTable("action_plans")
    .addColumn("cooperation_id", "text", (c) => c.primaryKey().references("cooperations.id").onDelete("cascade"))
    .addColumn("key_focus_en", "text")
    .addColumn("key_focus_zh", "text")
    .addColumn("challenges_en", "text")
    .addColumn("challenges_zh", "text")
    .addColumn("objectives_en", "text")
    .addColumn("objectives_zh", "text")
    .addColumn("expected_results_en", "text")
    .addColumn("expected_results_zh", "text")
    .addColumn("benefits_en", "text")
    .addColumn("benefits_zh", "text")
    .addColumn("sdgs_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("urban_agenda_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("sector", "text")
    .addColumn("city_slug", "text", (c) => c.references("cities.slug").onDelete("set null"))
    .addColumn("website", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("organisations_kind", sql`kind in ('public', 'private', 'academic', 'civil_society', 'residents')`)
    .execute();

  await db.schema
    .createTable("pilots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("description_en", "text")
    .addColumn("description_zh", "text")
    .addColumn("city_slug", "text", (c) => c.references("cities.slug"))
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("budget", "double precision")
    .addColumn("currency", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("pilots_status", sql`status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')`)
    .execute();

  await db.schema
    .createTable("actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("theme", "text")
    .addColumn("owner_city_slug", "text", (c) => c.references("cities.slug"))
    // organisation ids
    .addColumn("partner_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("budget", "double precision")
    .addColumn("currency", "text")
    .addColumn("funding_source", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("completion_pct", "integer", (c) => c.notNull().defaultTo(0))
    // [{ value, unit, label_en?, label_zh? }] e.g. tCO2e/yr, µg/m³
    .addColumn("impact_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("practice_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("actions_status", sql`status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')`)
    .addCheckConstraint("actions_completion", sql`completion_pct between 0 and 100`)
    .execute();
  await db.schema.createIndex("actions_cooperation").on("actions").columns(["cooperation_id"]).execute();

  // KPIs of an action or a pilot, linked to an indicator where there is one.
  await db.schema
    .createTable("kpis")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("action_id", "text", (c) => c.references("actions.id").onDelete("cascade"))
    .addColumn("pilot_id", "text", (c) => c.references("pilots.id").onDelete("cascade"))
    .addColumn("indicator_code", "text", (c) => c.references("indicators.code"))
    .addColumn("city_slug", "text", (c) => c.references("cities.slug"))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("baseline_value", "double precision", (c) => c.notNull())
    .addColumn("baseline_date", "text", (c) => c.notNull())
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("target_year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kpis_cooperation").on("kpis").columns(["cooperation_id"]).execute();

  await db.schema
    .createTable("kpi_values")
    .addColumn("kpi_id", "text", (c) => c.notNull().references("kpis.id").onDelete("cascade"))
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("kpi_values_pk", ["kpi_id", "on_date"])
    .execute();

  await db.schema
    .createTable("activities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.references("cooperations.id").onDelete("cascade"))
    // programme-wide activities (e.g. the 2017 joint declaration) have a programme and no cooperation
    .addColumn("programme_id", "text", (c) => c.references("programmes.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("description_en", "text")
    .addColumn("description_zh", "text")
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text")
    .addColumn("place", "text")
    // organisation ids taking part
    .addColumn("organisation_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "activities_kind",
      sql`kind in ('study_visit', 'business_roundtable', 'workshop', 'webinar', 'staff_exchange', 'training', 'conference', 'forum', 'other')`,
    )
    .execute();
  await db.schema.createIndex("activities_cooperation").on("activities").columns(["cooperation_id"]).execute();

  await db.schema
    .createTable("outputs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("on_date", "text")
    .addColumn("url", "text")
    .addColumn("pilot_id", "text", (c) => c.references("pilots.id").onDelete("set null"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("outputs_kind", sql`kind in ('mou', 'joint_declaration', 'report', 'pilot_project', 'other')`)
    .execute();

  await db.schema
    .createTable("fund_applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pilot_id", "text", (c) => c.notNull().references("pilots.id").onDelete("cascade"))
    .addColumn("fund", "text", (c) => c.notNull())
    .addColumn("submitted_on", "text", (c) => c.notNull())
    .addColumn("amount_requested", "double precision")
    .addColumn("currency", "text")
    .addColumn("score", "double precision")
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("decided_on", "text")
    .addColumn("amount_awarded", "double precision")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("fund_applications_decision", sql`decision in ('pending', 'awarded', 'rejected', 'withdrawn')`)
    .execute();

  // An organisation's role and commitment in a cooperation, or in one of its pilot projects.
  await db.schema
    .createTable("commitments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperations.id").onDelete("cascade"))
    .addColumn("pilot_id", "text", (c) => c.references("pilots.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("commitment_en", "text")
    .addColumn("commitment_zh", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("commitments_cooperation").on("commitments").columns(["cooperation_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "commitments", "fund_applications", "outputs", "activities", "kpi_values", "kpis", "actions", "pilots",
    "organisations", "action_plans", "cooperation_transitions", "cooperation_members", "cooperations",
    "applications", "calls", "programmes",
  ]) await db.schema.dropTable(t).execute();
}
