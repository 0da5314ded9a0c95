import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { z } from "zod";
import { CooperationStatusSchema, DateSchema, MemberRoleSchema, SideSchema, UrbanAgendaTopicSchema } from "../domain/cooperation.js";
import { SourceSchema } from "../domain/source.js";
import type { DatabaseSchema } from "../db/schema.js";
import { SourceRepository } from "../db/repositories/source.repository.js";
import { transition } from "../engines/cooperation/status.js";
import type { AppContext } from "./context.js";

const Names = z.object({ en: z.string().min(1), zh: z.string().nullable() });
const Texts = z.object({ en: z.string().nullable().optional(), zh: z.string().nullable().optional() });

/** data/programmes/<id>.json: a documented programme with its calls, cooperations, plans, pilots and activities. */
export const ProgrammeSeedSchema = z.object({
  sources: z.array(SourceSchema),
  programme: z.object({
    id: z.string(),
    names: Names,
    description: Texts,
    startDate: DateSchema.nullable(),
    endDate: DateSchema.nullable(),
    themes: z.array(z.string()),
    sides: z.array(z.object({ key: SideSchema, names: Names, countries: z.array(z.string()) })),
    funder: z.string().nullable(),
    eligibility: z.record(z.string(), z.unknown()),
    sourceIds: z.array(z.string()),
  }),
  calls: z.array(z.object({ id: z.string(), title: Names, description: Texts, side: SideSchema.nullable(), deadline: DateSchema, eligibility: z.record(z.string(), z.unknown()) })),
  cooperations: z.array(
    z.object({
      id: z.string(),
      names: Names,
      themes: z.array(z.string()),
      startDate: DateSchema,
      /** The documented end of the cooperation (e.g. the U-CAP summary's "period of cooperation"). */
      endDate: DateSchema.optional(),
      /** The current status; reached by `transitions` when given, else set on the start date with `transitionNote`. */
      status: CooperationStatusSchema,
      transitionNote: z.string().optional(),
      transitions: z.array(z.object({ to: CooperationStatusSchema, date: DateSchema, note: z.string() })).min(1).optional(),
      members: z.array(z.object({ slug: z.string(), role: MemberRoleSchema, side: SideSchema })),
      sourceIds: z.array(z.string()),
      plan: z
        .object({ keyFocus: Texts.optional(), challenges: Texts.optional(), objectives: Texts.optional(), sdgs: z.array(z.number().int().min(1).max(17)), urbanAgenda: z.array(UrbanAgendaTopicSchema) })
        .optional(),
      pilots: z
        .array(z.object({ id: z.string(), title: Names, description: Texts, status: z.enum(["planned", "in_progress", "done", "delayed", "cancelled"]), startDate: DateSchema.optional(), endDate: DateSchema.optional() }))
        .default([]),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      cooperationId: z.string().optional(),
      kind: z.string(),
      title: Names,
      startDate: DateSchema,
      endDate: DateSchema.optional(),
      place: z.string().nullable(),
      sourceIds: z.array(z.string()),
      outputs: z.array(z.object({ id: z.string(), kind: z.string(), title: Names, date: DateSchema.nullable(), url: z.string().nullable(), pilotId: z.string().optional() })).default([]),
    }),
  ),
});
export type ProgrammeSeed = z.infer<typeof ProgrammeSeedSchema>;

export interface SeedProgrammesResult {
  programmes: number;
  cooperations: number;
  /** Member cities left out because they are not in the cities table. */
  missingCities: string[];
}

const common = (now: string) => ({ version: 1, created_by: "seed", created_at: now, updated_at: now });

type SeedCooperation = ProgrammeSeed["cooperations"][number];

/**
 * A seeded cooperation's status history: its `transitions`, each a legal move dated on or after the one
 * before (the same rules as a user's move) and ending at its status; else one step to its status on its
 * start date. A file that breaks the rules is refused with the reason.
 */
export function seedTransitions(c: SeedCooperation): { from: SeedCooperation["status"] | null; to: SeedCooperation["status"]; date: string; note: string | null }[] {
  if (!c.transitions) return [{ from: null, to: c.status, date: c.startDate, note: c.transitionNote ?? null }];
  const out: ReturnType<typeof seedTransitions> = [];
  for (const t of c.transitions) {
    const prev = out.at(-1);
    if (prev) {
      const r = transition(prev.to, t.to, t.date, prev.date);
      if (!r.ok) throw new Error(`data/programmes: cooperation ${c.id}: ${r.reason.en}`);
    } else if (t.date !== c.startDate) {
      throw new Error(`data/programmes: cooperation ${c.id}: the first status change (${t.date}) must be on the start date ${c.startDate}`);
    }
    out.push({ from: prev?.to ?? null, to: t.to, date: t.date, note: t.note });
  }
  if (out.at(-1)!.to !== c.status) throw new Error(`data/programmes: cooperation ${c.id}: its transitions end at ${out.at(-1)!.to}, not at its status ${c.status}`);
  return out;
}

/** Inserts one documented programme; rows that exist already are left as they are (users may have edited them). */
async function seedOne(db: Kysely<DatabaseSchema>, s: ProgrammeSeed, now: string, missing: Set<string>): Promise<number> {
  const p = s.programme;
  await new SourceRepository(db).upsertMany(s.sources, now);
  await db
    .insertInto("programmes")
    .values({
      id: p.id, name_en: p.names.en, name_zh: p.names.zh, description_en: p.description.en ?? null, description_zh: p.description.zh ?? null,
      start_date: p.startDate, end_date: p.endDate, themes_json: JSON.stringify(p.themes), sides_json: JSON.stringify(p.sides), funder: p.funder,
      eligibility_json: JSON.stringify(p.eligibility), source_ids_json: JSON.stringify(p.sourceIds), ...common(now),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  for (const c of s.calls) {
    await db
      .insertInto("calls")
      .values({
        id: c.id, programme_id: p.id, title_en: c.title.en, title_zh: c.title.zh, description_en: c.description.en ?? null, description_zh: c.description.zh ?? null,
        side: c.side, opens_on: null, deadline: c.deadline, eligibility_json: JSON.stringify(c.eligibility), ...common(now),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  const cities = new Set((await db.selectFrom("cities").select("slug").where("slug", "in", s.cooperations.flatMap((c) => c.members.map((m) => m.slug))).execute()).map((r) => r.slug));
  let created = 0;
  for (const c of s.cooperations) {
    if (await db.selectFrom("cooperations").select("id").where("id", "=", c.id).executeTakeFirst()) continue;
    const members = c.members.filter((m) => cities.has(m.slug) || (missing.add(m.slug), false));
    await db
      .insertInto("cooperations")
      .values({
        id: c.id, programme_id: p.id, name_en: c.names.en, name_zh: c.names.zh, themes_json: JSON.stringify(c.themes), start_date: c.startDate, end_date: c.endDate ?? null,
        status: c.status, origin: "seed", source_ids_json: JSON.stringify(c.sourceIds), ...common(now),
      })
      .execute();
    if (members.length) await db.insertInto("cooperation_members").values(members.map((m) => ({ cooperation_id: c.id, city_slug: m.slug, role: m.role, side: m.side, joined_on: null }))).execute();
    await db
      .insertInto("cooperation_transitions")
      .values(seedTransitions(c).map((t, position) => ({ cooperation_id: c.id, position, from_status: t.from, to_status: t.to, on_date: t.date, note: t.note, recorded_by: "seed", recorded_at: now })))
      .execute();
    if (c.plan) {
      const t = (x: { en?: string | null; zh?: string | null } | undefined, lang: "en" | "zh") => x?.[lang] ?? null;
      await db
        .insertInto("action_plans")
        .values({
          cooperation_id: c.id,
          key_focus_en: t(c.plan.keyFocus, "en"), key_focus_zh: t(c.plan.keyFocus, "zh"),
          challenges_en: t(c.plan.challenges, "en"), challenges_zh: t(c.plan.challenges, "zh"),
          objectives_en: t(c.plan.objectives, "en"), objectives_zh: t(c.plan.objectives, "zh"),
          expected_results_en: null, expected_results_zh: null, benefits_en: null, benefits_zh: null,
          sdgs_json: JSON.stringify(c.plan.sdgs), urban_agenda_json: JSON.stringify(c.plan.urbanAgenda), version: 1, updated_by: "seed", updated_at: now,
        })
        .execute();
    }
    for (const pl of c.pilots) {
      await db
        .insertInto("pilots")
        .values({
          id: pl.id, cooperation_id: c.id, title_en: pl.title.en, title_zh: pl.title.zh, description_en: pl.description.en ?? null, description_zh: pl.description.zh ?? null,
          city_slug: null, start_date: pl.startDate ?? null, end_date: pl.endDate ?? null, budget: null, currency: null, status: pl.status, ...common(now),
        })
        .execute();
    }
    created++;
  }
  for (const a of s.activities) {
    if (await db.selectFrom("activities").select("id").where("id", "=", a.id).executeTakeFirst()) continue;
    if (a.cooperationId && !(await db.selectFrom("cooperations").select("id").where("id", "=", a.cooperationId).executeTakeFirst())) continue;
    await db
      .insertInto("activities")
      .values({
        id: a.id, cooperation_id: a.cooperationId ?? null, programme_id: a.cooperationId ? null : p.id, kind: a.kind, title_en: a.title.en, title_zh: a.title.zh,
        description_en: null, description_zh: null, start_date: a.startDate, end_date: a.endDate ?? null, place: a.place, organisation_ids_json: "[]",
        source_ids_json: JSON.stringify(a.sourceIds), ...common(now),
      })
      .execute();
    for (const o of a.outputs) {
      // Link the output to its pilot only where the pilot is there (a user may have removed it).
      const pilotId = o.pilotId && (await db.selectFrom("pilots").select("id").where("id", "=", o.pilotId).executeTakeFirst()) ? o.pilotId : null;
      await db
        .insertInto("outputs")
        .values({ id: o.id, activity_id: a.id, kind: o.kind, title_en: o.title.en, title_zh: o.title.zh, on_date: o.date, url: o.url, pilot_id: pilotId, created_by: "seed", created_at: now })
        .execute();
    }
  }
  return created;
}

/**
 * Loads the documented cooperation programmes under data/programmes (IUC Asia): the programme,
 * its calls, cooperations with members, first status and action-plan fields, pilots, and
 * programme-wide activities with their outputs — each with its sources. Idempotent: what exists is
 * kept as it is.
 */
export async function seedProgrammes(ctx: AppContext, dir: string, now = new Date()): Promise<SeedProgrammesResult | null> {
  const folder = join(dir, "programmes");
  if (!existsSync(folder)) return null;
  const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();
  const seeds = files.map((f) => ProgrammeSeedSchema.parse(JSON.parse(readFileSync(join(folder, f), "utf8"))));
  for (const s of seeds) for (const c of s.cooperations) seedTransitions(c); // refuses a broken history before anything is written
  const missing = new Set<string>();
  let cooperations = 0;
  await ctx.database.db.transaction().execute(async (trx) => {
    for (const s of seeds) cooperations += await seedOne(trx, s, now.toISOString(), missing);
  });
  return { programmes: seeds.length, cooperations, missingCities: [...missing] };
}
