import { z } from "zod";

/** Monitoring, showcase and report shapes (issue 6): read-only views over the cooperation tables. */

export const MonNamesSchema = z.object({ en: z.string(), zh: z.string().nullable() });
export type MonNames = z.infer<typeof MonNamesSchema>;
const Words = z.object({ en: z.string(), zh: z.string() });

export const KPI_STATUSES = ["on_track", "at_risk", "off_track", "no_data"] as const;
export const ACTION_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;

export const MonMemberSchema = z.object({
  slug: z.string(),
  names: MonNamesSchema,
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  role: z.string(),
  side: z.string().nullable(),
});
export type MonMember = z.infer<typeof MonMemberSchema>;

export const MonSourceSchema = z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() });
export type MonSource = z.infer<typeof MonSourceSchema>;

const Dated = z.object({ date: z.string(), value: z.number() });

export const KpiMonitoringSchema = z.object({
  id: z.string(),
  names: MonNamesSchema,
  unit: z.string(),
  actionId: z.string().nullable(),
  pilotId: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  city: z.string().nullable(),
  baseline: Dated,
  target: z.object({ value: z.number(), year: z.number().int(), date: z.string() }),
  values: z.array(Dated.extend({ note: z.string().nullable() })),
  status: z.enum(KPI_STATUSES),
  statusWords: Words,
  direction: z.enum(["reduction", "increase", "maintain"]),
  latest: Dated.nullable(),
  expectedValue: z.number().nullable(),
  progressPct: z.number().nullable(),
  expectedPct: z.number().nullable(),
  projectedValue: z.number().nullable(),
  reason: Words,
});
export type KpiMonitoring = z.infer<typeof KpiMonitoringSchema>;

export const MonActionSchema = z.object({
  id: z.string(),
  titles: MonNamesSchema,
  theme: z.string().nullable(),
  ownerCity: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.string(),
  completionPct: z.number(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  fundingSource: z.string().nullable(),
  impacts: z.array(z.object({ value: z.number(), unit: z.string(), label: z.string().optional() })),
  partnerIds: z.array(z.string()),
});
export type MonAction = z.infer<typeof MonActionSchema>;

export const TimelineItemSchema = z.object({
  date: z.string(),
  endDate: z.string().nullable(),
  kind: z.enum(["activity", "action", "output", "transition"]),
  /** activity kind, output kind, action status or the status moved to */
  subkind: z.string(),
  id: z.string(),
  titles: MonNamesSchema,
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

const ObsPoint = z.object({ period: z.string(), value: z.number(), source: MonSourceSchema });
export const IndicatorChangeSchema = z.object({
  city: z.string(),
  cityNames: MonNamesSchema,
  indicator: z.string(),
  names: z.object({ en: z.string(), zh: z.string() }),
  unit: z.string(),
  direction: z.enum(["lower", "higher"]).nullable(),
  before: ObsPoint.nullable(),
  now: ObsPoint.nullable(),
  change: z.number().nullable(),
  changePct: z.number().nullable(),
  /** improved / worsened / unchanged (direction-aware); null when not comparable or no direction */
  verdict: z.enum(["improved", "worsened", "unchanged"]).nullable(),
});
export type IndicatorChange = z.infer<typeof IndicatorChangeSchema>;

export const CooperationMonitoringSchema = z.object({
  cooperation: z.object({
    id: z.string(),
    programmeId: z.string().nullable(),
    names: MonNamesSchema,
    status: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    members: z.array(MonMemberSchema),
  }),
  asOf: z.string(),
  kpis: z.array(KpiMonitoringSchema),
  kpiCounts: z.record(z.string(), z.number()),
  actionsByStatus: z.record(z.string(), z.number()),
  overdueActions: z.array(MonActionSchema),
  timeline: z.array(TimelineItemSchema),
  indicatorChanges: z.array(IndicatorChangeSchema),
  method: Words,
});
export type CooperationMonitoring = z.infer<typeof CooperationMonitoringSchema>;

export const AttentionItemSchema = z.object({
  kind: z.enum(["overdue_action", "stale_kpi", "no_action_plan"]),
  cooperationId: z.string(),
  cooperationNames: MonNamesSchema,
  id: z.string(),
  titles: MonNamesSchema,
  detail: Words,
});
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

export const ProgrammeMonitoringSchema = z.object({
  programme: z.object({ id: z.string(), names: MonNamesSchema }),
  asOf: z.string(),
  cooperations: z.array(
    z.object({
      id: z.string(),
      names: MonNamesSchema,
      status: z.string(),
      members: z.array(MonMemberSchema),
      hasActionPlan: z.boolean(),
      kpiCounts: z.record(z.string(), z.number()),
      actionsByStatus: z.record(z.string(), z.number()),
    }),
  ),
  /** one line per pair of cooperating cities (side a ↔ side b, else lead ↔ others) */
  lines: z.array(z.object({ cooperationId: z.string(), from: z.string(), to: z.string() })),
  countsByStatus: z.record(z.string(), z.number()),
  impact: z.object({ totals: z.array(z.object({ unit: z.string(), expected: z.number(), achieved: z.number() })), method: Words }),
  needsAttention: z.array(AttentionItemSchema),
});
export type ProgrammeMonitoring = z.infer<typeof ProgrammeMonitoringSchema>;

export const MonActivitySchema = z.object({
  id: z.string(),
  kind: z.string(),
  titles: MonNamesSchema,
  descriptions: MonNamesSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  place: z.string().nullable(),
  outputs: z.array(z.object({ id: z.string(), kind: z.string(), titles: MonNamesSchema, date: z.string().nullable(), url: z.string().nullable() })),
  /** on a cooperation's showcase and report: true for an activity of its whole programme (no cooperation of its own) */
  programmeWide: z.boolean().optional(),
});

const PublicAction = MonActionSchema.omit({ budget: true, currency: true, fundingSource: true, partnerIds: true });

/** GET /showcase/cooperations/:id — public fields only (no contacts, no budgets, no who-entered-what). */
export const ShowcaseCooperationSchema = z.object({
  cooperation: z.object({
    id: z.string(),
    programmeId: z.string().nullable(),
    programmeNames: MonNamesSchema.nullable(),
    names: MonNamesSchema,
    themes: z.array(z.string()),
    status: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    members: z.array(MonMemberSchema),
  }),
  transitions: z.array(z.object({ from: z.string().nullable(), to: z.string(), date: z.string(), note: z.string().nullable() })),
  actionPlan: z
    .object({
      keyFocus: MonNamesSchema, challenges: MonNamesSchema, objectives: MonNamesSchema, expectedResults: MonNamesSchema, benefits: MonNamesSchema,
      sdgs: z.array(z.string()), urbanAgenda: z.array(z.string()),
    })
    .nullable(),
  actions: z.array(PublicAction),
  kpis: z.array(KpiMonitoringSchema),
  kpiCounts: z.record(z.string(), z.number()),
  actionsByStatus: z.record(z.string(), z.number()),
  activities: z.array(MonActivitySchema),
  partners: z.array(z.object({ names: MonNamesSchema, kind: z.string(), country: z.string().nullable(), role: z.string() })),
  pilots: z.array(z.object({ id: z.string(), titles: MonNamesSchema, city: z.string().nullable(), startDate: z.string().nullable(), endDate: z.string().nullable(), status: z.string() })),
  sources: z.array(MonSourceSchema),
  asOf: z.string(),
});
export type ShowcaseCooperation = z.infer<typeof ShowcaseCooperationSchema>;

/** GET /showcase/programmes/:id — public fields only; applications (with their contacts) are never included. */
export const ShowcaseProgrammeSchema = z.object({
  programme: z.object({
    id: z.string(), names: MonNamesSchema, descriptions: MonNamesSchema, startDate: z.string().nullable(), endDate: z.string().nullable(),
    themes: z.array(z.string()), funder: z.string().nullable(),
  }),
  activities: z.array(MonActivitySchema),
  cooperations: z.array(
    z.object({
      id: z.string(), names: MonNamesSchema, themes: z.array(z.string()), status: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable(),
      members: z.array(MonMemberSchema), activities: z.array(MonActivitySchema),
      kpiCounts: z.record(z.string(), z.number()), actionsByStatus: z.record(z.string(), z.number()),
    }),
  ),
  lines: z.array(z.object({ cooperationId: z.string(), from: z.string(), to: z.string() })),
  countsByStatus: z.record(z.string(), z.number()),
  sources: z.array(MonSourceSchema),
  asOf: z.string(),
});
export type ShowcaseProgramme = z.infer<typeof ShowcaseProgrammeSchema>;
