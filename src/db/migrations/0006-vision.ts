import { type Kysely, sql } from "kysely";

/**
 * District visions and innovation readiness (issue 8): districts of a city, vision processes with
 * participants (each with an opaque token, stored hashed), moderated statements, one changeable
 * vote per participant and statement, vision documents; readiness assessments of a pilot or an
 * action. Same SQL on SQLite and PostgreSQL: JSON as text, ISO text dates and timestamps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("districts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("city_slug", "text", (c) => c.notNull().references("cities.slug").onDelete("cascade"))
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_zh", "text")
    // GeoJSON Polygon or MultiPolygon (WGS 84), validated by domain/vision.ts
    .addColumn("boundary_json", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("districts_city").on("districts").columns(["city_slug"]).execute();

  await db.schema
    .createTable("vision_processes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id").onDelete("cascade"))
    .addColumn("question_en", "text", (c) => c.notNull())
    .addColumn("question_zh", "text")
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("vision_processes_status", sql`status in ('open', 'closed')`)
    .execute();
  await db.schema.createIndex("vision_processes_district").on("vision_processes").columns(["district_id"]).execute();

  await db.schema
    .createTable("vision_participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("process_id", "text", (c) => c.notNull().references("vision_processes.id").onDelete("cascade"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("stakeholder_group", "text", (c) => c.notNull())
    // SHA-256 of the token handed out at join (hex); the token itself is never stored
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("joined_at", "text", (c) => c.notNull())
    .addCheckConstraint("vision_participants_group", sql`stakeholder_group in ('residents', 'housing-developers', 'city-departments', 'businesses', 'others')`)
    .execute();
  await db.schema.createIndex("vision_participants_process").on("vision_participants").columns(["process_id"]).execute();

  await db.schema
    .createTable("vision_statements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("process_id", "text", (c) => c.notNull().references("vision_processes.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("vision_participants.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("aspect", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("moderated_by", "text")
    .addColumn("moderated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("vision_statements_status", sql`status in ('pending', 'accepted', 'hidden')`)
    .addCheckConstraint("vision_statements_language", sql`language in ('en', 'zh')`)
    .addCheckConstraint("vision_statements_aspect", sql`aspect in ('physical', 'social', 'mental')`)
    .addCheckConstraint("vision_statements_kind", sql`kind in ('strength', 'problem', 'wish')`)
    .execute();
  await db.schema.createIndex("vision_statements_process").on("vision_statements").columns(["process_id", "status"]).execute();

  await db.schema
    .createTable("vision_votes")
    .addColumn("statement_id", "text", (c) => c.notNull().references("vision_statements.id").onDelete("cascade"))
    .addColumn("participant_id", "text", (c) => c.notNull().references("vision_participants.id").onDelete("cascade"))
    .addColumn("process_id", "text", (c) => c.notNull().references("vision_processes.id").onDelete("cascade"))
    // agree = 1, disagree = -1, pass = 0
    .addColumn("vote", "integer", (c) => c.notNull())
    .addColumn("voted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("vision_votes_pk", ["statement_id", "participant_id"])
    .addCheckConstraint("vision_votes_vote", sql`vote in (-1, 0, 1)`)
    .execute();
  await db.schema.createIndex("vision_votes_process").on("vision_votes").columns(["process_id"]).execute();

  await db.schema
    .createTable("vision_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("process_id", "text", (c) => c.notNull().references("vision_processes.id").onDelete("cascade"))
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("title_zh", "text")
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("text_zh", "text")
    .addColumn("statement_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Links to the city's targets and the cooperation's actions, with foreign keys.
  await db.schema
    .createTable("vision_document_targets")
    .addColumn("document_id", "text", (c) => c.notNull().references("vision_documents.id").onDelete("cascade"))
    .addColumn("target_id", "text", (c) => c.notNull().references("targets.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("vision_document_targets_pk", ["document_id", "target_id"])
    .execute();
  await db.schema
    .createTable("vision_document_actions")
    .addColumn("document_id", "text", (c) => c.notNull().references("vision_documents.id").onDelete("cascade"))
    .addColumn("action_id", "text", (c) => c.notNull().references("actions.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("vision_document_actions_pk", ["document_id", "action_id"])
    .execute();

  await db.schema
    .createTable("readiness_assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pilot_id", "text", (c) => c.references("pilots.id").onDelete("cascade"))
    .addColumn("action_id", "text", (c) => c.references("actions.id").onDelete("cascade"))
    .addColumn("title", "text")
    // { [prerequisite]: { score: 0–4 | null, evidence } }
    .addColumn("scores_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("city_role", "text")
    .addColumn("role_note", "text")
    // [{ id, name, sector: public|private|people, interests }]
    .addColumn("partners_json", "text", (c) => c.notNull().defaultTo("[]"))
    // [{ between: [partnerId, partnerId], description }]
    .addColumn("tensions_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("readiness_assessments_subject", sql`(pilot_id is null) <> (action_id is null)`)
    .execute();
  await db.schema.createIndex("readiness_assessments_pilot").on("readiness_assessments").columns(["pilot_id"]).execute();
  await db.schema.createIndex("readiness_assessments_action").on("readiness_assessments").columns(["action_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["readiness_assessments", "vision_document_actions", "vision_document_targets", "vision_documents", "vision_votes", "vision_statements", "vision_participants", "vision_processes", "districts"]) {
    await db.schema.dropTable(t).execute();
  }
}
