import type { Kysely } from "kysely";
import type { MonAction, MonMember, MonNames, MonSource } from "../../domain/monitoring.js";
import type { DatabaseSchema } from "../schema.js";

/** Read-only queries across the cooperation tables for monitoring, showcase pages and reports. */

export interface MonCooperation {
  id: string;
  programmeId: string | null;
  names: MonNames;
  themes: string[];
  startDate: string | null;
  endDate: string | null;
  status: string;
  sourceIds: string[];
}
export interface MonProgramme {
  id: string;
  names: MonNames;
  descriptions: MonNames;
  startDate: string | null;
  endDate: string | null;
  themes: string[];
  funder: string | null;
  sourceIds: string[];
}
export interface MonKpi {
  id: string;
  cooperationId: string;
  actionId: string | null;
  pilotId: string | null;
  indicatorCode: string | null;
  city: string | null;
  names: MonNames;
  unit: string;
  baseline: { date: string; value: number };
  target: { value: number; year: number };
  values: { date: string; value: number; note: string | null }[];
}
export interface MonActivity {
  id: string;
  cooperationId: string | null;
  kind: string;
  titles: MonNames;
  descriptions: MonNames;
  startDate: string;
  endDate: string | null;
  place: string | null;
  outputs: { id: string; kind: string; titles: MonNames; date: string | null; url: string | null }[];
}
export interface MonTransition { from: string | null; to: string; date: string; note: string | null }
export interface MonActionPlan {
  cooperationId: string;
  keyFocus: MonNames;
  challenges: MonNames;
  objectives: MonNames;
  expectedResults: MonNames;
  benefits: MonNames;
  sdgs: string[];
  urbanAgenda: string[];
}
export interface MonPartner { organisationId: string; names: MonNames; kind: string; country: string | null; role: string; commitment: MonNames; pilotId: string | null }
export interface MonPilot { id: string; titles: MonNames; city: string | null; startDate: string | null; endDate: string | null; status: string }
export interface MonObservation {
  city: string;
  indicator: string;
  names: { en: string; zh: string };
  unit: string;
  direction: "lower" | "higher" | null;
  period: string;
  value: number;
  source: MonSource;
}

const json = <T>(text: string | null, fallback: T): T => {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
};
const names = (en: string | null, zh: string | null): MonNames => ({ en: en ?? "", zh });

/** Impacts as stored (`label`, or `label_en`/`label_zh` per the migration's comment): value and unit, label when given. */
function impacts(text: string): MonAction["impacts"] {
  const raw = json<unknown>(text, []);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: { value?: unknown; unit?: unknown; label?: unknown; label_en?: unknown }) => {
    if (typeof i?.value !== "number" || typeof i?.unit !== "string") return [];
    const label = typeof i.label === "string" ? i.label : typeof i.label_en === "string" ? i.label_en : undefined;
    return [{ value: i.value, unit: i.unit, ...(label ? { label } : {}) }];
  });
}

export class MonitoringRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async programme(id: string): Promise<MonProgramme | null> {
    const r = await this.db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id, names: names(r.name_en, r.name_zh), descriptions: names(r.description_en, r.description_zh),
      startDate: r.start_date, endDate: r.end_date, themes: json(r.themes_json, []), funder: r.funder, sourceIds: json(r.source_ids_json, []),
    };
  }

  /** One cooperation, or every cooperation of a programme (by start date, then id). */
  async cooperations(by: { id: string } | { programmeId: string }): Promise<MonCooperation[]> {
    let q = this.db.selectFrom("cooperations").selectAll();
    q = "id" in by ? q.where("id", "=", by.id) : q.where("programme_id", "=", by.programmeId);
    const rows = await q.orderBy("start_date").orderBy("id").execute();
    return rows.map((r) => ({
      id: r.id, programmeId: r.programme_id, names: names(r.name_en, r.name_zh), themes: json(r.themes_json, []),
      startDate: r.start_date, endDate: r.end_date, status: r.status, sourceIds: json(r.source_ids_json, []),
    }));
  }

  /** Members of the cooperations with city names and coordinates; lead first. */
  async members(cooperationIds: string[]): Promise<(MonMember & { cooperationId: string })[]> {
    if (cooperationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("cooperation_members as m")
      .innerJoin("cities as c", "c.slug", "m.city_slug")
      .select(["m.cooperation_id", "m.city_slug", "m.role", "m.side", "c.name_en", "c.name_zh", "c.country", "c.lat", "c.lon"])
      .where("m.cooperation_id", "in", cooperationIds)
      .orderBy("m.cooperation_id").orderBy("m.side").orderBy("m.city_slug")
      .execute();
    const order = (role: string) => (role === "lead" ? 0 : 1);
    return rows
      .map((r) => ({ cooperationId: r.cooperation_id, slug: r.city_slug, names: names(r.name_en, r.name_zh), country: r.country, lat: r.lat, lon: r.lon, role: r.role, side: r.side }))
      .sort((a, b) => a.cooperationId.localeCompare(b.cooperationId) || order(a.role) - order(b.role));
  }

  async transitions(cooperationId: string): Promise<MonTransition[]> {
    const rows = await this.db.selectFrom("cooperation_transitions").selectAll().where("cooperation_id", "=", cooperationId).orderBy("position").execute();
    return rows.map((r) => ({ from: r.from_status, to: r.to_status, date: r.on_date, note: r.note }));
  }

  async actionPlans(cooperationIds: string[]): Promise<MonActionPlan[]> {
    if (cooperationIds.length === 0) return [];
    const rows = await this.db.selectFrom("action_plans").selectAll().where("cooperation_id", "in", cooperationIds).execute();
    return rows.map((r) => ({
      cooperationId: r.cooperation_id,
      keyFocus: names(r.key_focus_en, r.key_focus_zh), challenges: names(r.challenges_en, r.challenges_zh),
      objectives: names(r.objectives_en, r.objectives_zh), expectedResults: names(r.expected_results_en, r.expected_results_zh),
      benefits: names(r.benefits_en, r.benefits_zh), sdgs: json<unknown[]>(r.sdgs_json, []).map(String), urbanAgenda: json<unknown[]>(r.urban_agenda_json, []).map(String),
    }));
  }

  async actions(cooperationIds: string[]): Promise<(MonAction & { cooperationId: string })[]> {
    if (cooperationIds.length === 0) return [];
    const rows = await this.db.selectFrom("actions").selectAll().where("cooperation_id", "in", cooperationIds).orderBy("start_date").orderBy("id").execute();
    return rows.map((r) => ({
      cooperationId: r.cooperation_id, id: r.id, titles: names(r.title_en, r.title_zh), theme: r.theme, ownerCity: r.owner_city_slug,
      startDate: r.start_date, endDate: r.end_date, status: r.status, completionPct: Number(r.completion_pct),
      budget: r.budget === null ? null : Number(r.budget), currency: r.currency, fundingSource: r.funding_source,
      impacts: impacts(r.impact_json),
      partnerIds: json(r.partner_ids_json, []),
    }));
  }

  /** KPIs of the cooperations with their recorded values (by date). */
  async kpis(cooperationIds: string[]): Promise<MonKpi[]> {
    if (cooperationIds.length === 0) return [];
    const rows = await this.db.selectFrom("kpis").selectAll().where("cooperation_id", "in", cooperationIds).orderBy("cooperation_id").orderBy("created_at").orderBy("id").execute();
    if (rows.length === 0) return [];
    const values = await this.db.selectFrom("kpi_values").selectAll().where("kpi_id", "in", rows.map((r) => r.id)).orderBy("kpi_id").orderBy("on_date").execute();
    const byKpi = new Map<string, MonKpi["values"]>();
    for (const v of values) {
      const list = byKpi.get(v.kpi_id) ?? [];
      list.push({ date: v.on_date, value: Number(v.value), note: v.note });
      byKpi.set(v.kpi_id, list);
    }
    return rows.map((r) => ({
      id: r.id, cooperationId: r.cooperation_id, actionId: r.action_id, pilotId: r.pilot_id, indicatorCode: r.indicator_code, city: r.city_slug,
      names: names(r.name_en, r.name_zh), unit: r.unit,
      baseline: { date: r.baseline_date, value: Number(r.baseline_value) }, target: { value: Number(r.target_value), year: Number(r.target_year) },
      values: byKpi.get(r.id) ?? [],
    }));
  }

  /** Activities of a cooperation (or programme-wide ones of a programme) with their outputs, by date. */
  async activities(by: { cooperationIds: string[] } | { programmeId: string }): Promise<MonActivity[]> {
    let q = this.db.selectFrom("activities").selectAll();
    if ("programmeId" in by) q = q.where("programme_id", "=", by.programmeId).where("cooperation_id", "is", null);
    else if (by.cooperationIds.length === 0) return [];
    else q = q.where("cooperation_id", "in", by.cooperationIds);
    const rows = await q.orderBy("start_date").orderBy("id").execute();
    if (rows.length === 0) return [];
    const outs = await this.db.selectFrom("outputs").selectAll().where("activity_id", "in", rows.map((r) => r.id)).orderBy("on_date").orderBy("id").execute();
    return rows.map((r) => ({
      id: r.id, cooperationId: r.cooperation_id, kind: r.kind, titles: names(r.title_en, r.title_zh), descriptions: names(r.description_en, r.description_zh),
      startDate: r.start_date, endDate: r.end_date, place: r.place,
      outputs: outs.filter((o) => o.activity_id === r.id).map((o) => ({ id: o.id, kind: o.kind, titles: names(o.title_en, o.title_zh), date: o.on_date, url: o.url })),
    }));
  }

  async partners(cooperationId: string): Promise<MonPartner[]> {
    const rows = await this.db
      .selectFrom("commitments as m")
      .innerJoin("organisations as o", "o.id", "m.organisation_id")
      .select(["o.id", "o.name_en", "o.name_zh", "o.kind", "o.country", "m.role", "m.commitment_en", "m.commitment_zh", "m.pilot_id"])
      .where("m.cooperation_id", "=", cooperationId)
      .orderBy("o.name_en").orderBy("m.id")
      .execute();
    return rows.map((r) => ({ organisationId: r.id, names: names(r.name_en, r.name_zh), kind: r.kind, country: r.country, role: r.role, commitment: names(r.commitment_en, r.commitment_zh), pilotId: r.pilot_id }));
  }

  async pilots(cooperationId: string): Promise<MonPilot[]> {
    const rows = await this.db.selectFrom("pilots").selectAll().where("cooperation_id", "=", cooperationId).orderBy("start_date").orderBy("id").execute();
    return rows.map((r) => ({ id: r.id, titles: names(r.title_en, r.title_zh), city: r.city_slug, startDate: r.start_date, endDate: r.end_date, status: r.status }));
  }

  /** Every observation of the cities with indicator names, unit, direction and source (by city, indicator, period, source). */
  async observations(cities: string[]): Promise<MonObservation[]> {
    if (cities.length === 0) return [];
    const rows = await this.db
      .selectFrom("observations as o")
      .innerJoin("indicators as i", "i.code", "o.indicator_code")
      .innerJoin("sources as s", "s.id", "o.source_id")
      .select(["o.city_slug", "o.indicator_code", "o.period", "o.value", "i.name_en", "i.name_zh", "i.unit", "i.direction", "i.sort_order", "s.id as source_id", "s.citation", "s.url"])
      .where("o.city_slug", "in", cities)
      .orderBy("o.city_slug").orderBy("i.sort_order").orderBy("o.indicator_code").orderBy("o.period").orderBy("o.source_id")
      .execute();
    return rows.map((r) => ({
      city: r.city_slug, indicator: r.indicator_code, names: { en: r.name_en, zh: r.name_zh }, unit: r.unit,
      direction: r.direction === "lower" || r.direction === "higher" ? r.direction : null,
      period: r.period, value: Number(r.value), source: { id: r.source_id, citation: r.citation, url: r.url },
    }));
  }

  async sources(ids: string[]): Promise<MonSource[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom("sources").select(["id", "citation", "url"]).where("id", "in", ids).orderBy("id").execute();
    return rows;
  }
}
