import type { Selectable } from "kysely";
import {
  type Application,
  type ApplicationStatus,
  type CallRecord,
  type EligibilityCheck,
  EligibilityRulesSchema,
  type Programme,
  ProgrammeSideSchema,
} from "../../domain/programme.js";
import type { ApplicationsTable, CallsTable, ProgrammesTable } from "../schema.js";

/** Row ↔ domain mapping for programmes, calls and applications (JSON columns as text, booleans as 0/1). */

/** A side as the migration documents it: `{ key, name_en, name_zh, countries, regions }`. */
type StoredSide = { key: "a" | "b"; name_en: string; name_zh: string | null; countries: string[] };
/** Also read sides written in the domain's shape (`names: { en, zh }`), as the IUC Asia seed does. */
type AnySide = Partial<StoredSide> & { key: "a" | "b"; names?: { en?: string; zh?: string | null } };

export function toProgramme(r: Selectable<ProgrammesTable>): Programme {
  const sides = (JSON.parse(r.sides_json) as AnySide[]).map((s) =>
    ProgrammeSideSchema.parse({
      key: s.key,
      names: { en: s.name_en ?? s.names?.en ?? s.key.toUpperCase(), zh: s.name_zh ?? s.names?.zh ?? null },
      countries: s.countries ?? [],
    }),
  );
  return {
    id: r.id,
    names: { en: r.name_en, zh: r.name_zh },
    descriptions: { en: r.description_en, zh: r.description_zh },
    startDate: r.start_date,
    endDate: r.end_date,
    themes: JSON.parse(r.themes_json) as Programme["themes"],
    sides,
    funder: r.funder,
    eligibility: EligibilityRulesSchema.parse(JSON.parse(r.eligibility_json)),
    sourceIds: JSON.parse(r.source_ids_json) as string[],
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function programmeRow(p: Programme): ProgrammesTable {
  return {
    id: p.id,
    name_en: p.names.en,
    name_zh: p.names.zh,
    description_en: p.descriptions.en,
    description_zh: p.descriptions.zh,
    start_date: p.startDate,
    end_date: p.endDate,
    themes_json: JSON.stringify(p.themes),
    sides_json: JSON.stringify(p.sides.map((s): StoredSide => ({ key: s.key, name_en: s.names.en, name_zh: s.names.zh, countries: s.countries }))),
    funder: p.funder,
    eligibility_json: JSON.stringify(p.eligibility),
    source_ids_json: JSON.stringify(p.sourceIds),
    version: p.version,
    created_by: p.createdBy,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export function toCall(r: Selectable<CallsTable>): CallRecord {
  return {
    id: r.id,
    programmeId: r.programme_id,
    titles: { en: r.title_en, zh: r.title_zh },
    descriptions: { en: r.description_en, zh: r.description_zh },
    side: r.side === "a" || r.side === "b" ? r.side : null,
    opensOn: r.opens_on,
    deadline: r.deadline,
    eligibility: EligibilityRulesSchema.parse(JSON.parse(r.eligibility_json)),
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function callRow(c: CallRecord): CallsTable {
  return {
    id: c.id,
    programme_id: c.programmeId,
    title_en: c.titles.en,
    title_zh: c.titles.zh,
    description_en: c.descriptions.en,
    description_zh: c.descriptions.zh,
    side: c.side,
    opens_on: c.opensOn,
    deadline: c.deadline,
    eligibility_json: JSON.stringify(c.eligibility),
    version: c.version,
    created_by: c.createdBy,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export type ApplicationJoin = Selectable<ApplicationsTable> & {
  programme_id: string;
  city_name_en: string;
  city_name_zh: string | null;
  city_country: string;
  city_population: number | null;
};

export function toApplication(r: ApplicationJoin): Application {
  const checks = JSON.parse(r.eligibility_json) as { rule: EligibilityCheck["rule"]; ok: boolean; reason_en: string; reason_zh: string }[];
  return {
    id: r.id,
    callId: r.call_id,
    programmeId: r.programme_id,
    city: { slug: r.city_slug, names: { en: r.city_name_en, zh: r.city_name_zh }, country: r.city_country, population: r.city_population === null ? null : Number(r.city_population) },
    themes: JSON.parse(r.themes_json) as Application["themes"],
    challenges: r.challenges,
    strengths: r.strengths,
    stage: { inventory: Number(r.has_inventory) === 1, target: Number(r.has_target) === 1, plan: Number(r.has_plan) === 1 },
    contact: { name: r.contact_name, email: r.contact_email },
    status: r.status as ApplicationStatus,
    eligibility: checks.map((c) => ({ rule: c.rule, ok: Boolean(c.ok), reason: { en: c.reason_en, zh: c.reason_zh } })),
    decisionNote: r.decision_note,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    version: Number(r.version),
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function applicationRow(a: Application): ApplicationsTable {
  return {
    id: a.id,
    call_id: a.callId,
    city_slug: a.city.slug,
    themes_json: JSON.stringify(a.themes),
    challenges: a.challenges,
    strengths: a.strengths,
    has_inventory: a.stage.inventory ? 1 : 0,
    has_target: a.stage.target ? 1 : 0,
    has_plan: a.stage.plan ? 1 : 0,
    contact_name: a.contact.name,
    contact_email: a.contact.email,
    status: a.status,
    eligibility_json: JSON.stringify(a.eligibility.map((c) => ({ rule: c.rule, ok: c.ok, reason_en: c.reason.en, reason_zh: c.reason.zh }))),
    decision_note: a.decisionNote,
    submitted_at: a.submittedAt,
    decided_at: a.decidedAt,
    version: a.version,
    created_by: a.createdBy,
    updated_at: a.updatedAt,
  };
}

