import { z } from "zod";
import { CountryCodeSchema, SlugSchema } from "./city.js";
import { IndicatorCodeSchema } from "./indicator.js";
import { SourceSchema } from "./source.js";

/** Themes a practice can address (the indicator themes plus waste). */
export const PRACTICE_THEMES = ["transport", "air", "green", "congestion", "energy", "ghg", "waste"] as const;
export const PracticeThemeSchema = z.enum(PRACTICE_THEMES);
export type PracticeTheme = z.infer<typeof PracticeThemeSchema>;

export const PracticeIdSchema = SlugSchema.describe("kebab-case id, e.g. stockholm-congestion-tax");

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(1800).max(2100);

/** A source as cited by a practice: the page read, who published it, when. */
export const PracticeSourceInputSchema = z.object({
  title: text(500),
  url: z.string().url().max(2000),
  publisher: z.string().trim().max(300).nullable().default(null),
  year: year.nullable().default(null),
});

/** How an outcome figure was obtained: measured after the fact, modelled, or a target. */
export const OutcomeKindSchema = z.enum(["measured", "modelled", "target"]);

/** One outcome figure as written in an import file; `source_url` must be one of the practice's sources. */
export const OutcomeInputSchema = z.object({
  metric: text(300),
  /** A number, or a range written "20-25". */
  value: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?-\d+(\.\d+)?$/, 'must be a number or a range like "20-25"')]),
  unit: text(60),
  baseline: z.number().nullable().default(null),
  year: year.nullable().default(null),
  note: z.string().max(1000).nullable().default(null),
  source_url: z.string().url(),
  indicator: IndicatorCodeSchema.nullable().default(null),
  kind: OutcomeKindSchema.default("measured"),
});

export const CostInputSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR"),
  note: z.string().max(1000).nullable().default(null),
  source_url: z.string().url(),
});

/** URBACT good-practice criteria: each judged strong, partial or weak, with a reason. */
export const CriterionSchema = z.object({ rating: z.enum(["strong", "partial", "weak"]), note: z.string().max(1000) });
export const AssessmentSchema = z.object({
  fit: CriterionSchema.nullable().default(null),
  relevance: CriterionSchema.nullable().default(null),
  evidence: CriterionSchema.nullable().default(null),
  transferability: CriterionSchema.nullable().default(null),
});

/**
 * A practice as written in the import/export format (data/practices/practices.json): flat
 * bilingual fields, sources by URL. The same shape is accepted by the API's create and update.
 */
export const PracticeRecordSchema = z
  .object({
    id: PracticeIdSchema,
    title_en: text(300).nullable().default(null),
    title_zh: text(300).nullable().default(null),
    city: text(200),
    country: CountryCodeSchema,
    themes: z.array(PracticeThemeSchema).min(1).max(7),
    start_year: year.nullable().default(null),
    end_year: year.nullable().default(null),
    summary_en: z.string().trim().max(5000).nullable().default(null),
    summary_zh: z.string().trim().max(5000).nullable().default(null),
    measures: z.array(text(1000)).max(50).default([]),
    outcomes: z.array(OutcomeInputSchema).max(100).default([]),
    cost: CostInputSchema.nullable().default(null),
    transferability: z.string().trim().max(5000).nullable().default(null),
    assessment: AssessmentSchema.nullable().default(null),
    sources: z.array(PracticeSourceInputSchema).min(1).max(100),
  })
  .superRefine((p, ctx) => {
    if (!p.title_en && !p.title_zh) ctx.addIssue({ code: "custom", path: ["title_en"], message: "a title in English or Chinese is required" });
    if (p.start_year !== null && p.end_year !== null && p.end_year < p.start_year)
      ctx.addIssue({ code: "custom", path: ["end_year"], message: `is before start_year ${p.start_year}` });
    const urls = new Set(p.sources.map((s) => s.url));
    p.outcomes.forEach((o, i) => {
      if (!urls.has(o.source_url)) ctx.addIssue({ code: "custom", path: ["outcomes", i, "source_url"], message: "is not one of the practice's sources" });
    });
    if (p.cost && !urls.has(p.cost.source_url)) ctx.addIssue({ code: "custom", path: ["cost", "source_url"], message: "is not one of the practice's sources" });
  });
export type PracticeRecord = z.infer<typeof PracticeRecordSchema>;
export type PracticeRecordInput = z.input<typeof PracticeRecordSchema>;

const Bilingual = z.object({ en: z.string().nullable(), zh: z.string().nullable() });

/** A stored outcome: a figure with its unit, baseline, year, the indicator it relates to and its source. */
export const OutcomeSchema = z.object({
  metric: z.string(),
  value: z.number(),
  /** Upper end when the source gives a range (value is the lower end). */
  valueMax: z.number().nullable(),
  unit: z.string(),
  baseline: z.number().nullable(),
  year: z.number().nullable(),
  note: z.string().nullable(),
  indicator: z.string().nullable(),
  kind: OutcomeKindSchema,
  source: SourceSchema,
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const PracticeSchema = z.object({
  id: z.string(),
  title: Bilingual,
  summary: Bilingual,
  city: z.string(),
  /** The city in the catalogue, when the practice's city is one of them. */
  citySlug: z.string().nullable(),
  country: z.string(),
  /** UN subregion of the country, e.g. "Northern Europe". */
  region: z.string().nullable(),
  themes: z.array(PracticeThemeSchema),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
  measures: z.array(z.string()),
  outcomes: z.array(OutcomeSchema),
  cost: z.object({ amount: z.number(), currency: z.string(), note: z.string().nullable(), source: SourceSchema }).nullable(),
  transferability: z.string().nullable(),
  assessment: AssessmentSchema.nullable(),
  sources: z.array(SourceSchema.extend({ title: z.string(), publisher: z.string().nullable(), year: z.number().nullable() })),
  /** Has at least one measured (not modelled, not target) outcome. */
  measured: z.boolean(),
  updatedAt: z.string(),
});
export type Practice = z.infer<typeof PracticeSchema>;

/** One search hit: enough for a result card. `score` is higher for better matches. */
export const PracticeHitSchema = z.object({
  id: z.string(),
  title: Bilingual,
  city: z.string(),
  country: z.string(),
  themes: z.array(PracticeThemeSchema),
  measured: z.boolean(),
  score: z.number(),
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })).nullable(),
  /** The language the snippet is written in (the summary in the asked language when it has one). */
  snippetLang: z.enum(["en", "zh"]).nullable().optional(),
  /** The city's Chinese name from the city catalogue, when the practice's city is in it and has one. */
  cityZh: z.string().nullable().optional(),
});
export type PracticeHit = z.infer<typeof PracticeHitSchema>;

export const FacetCountSchema = z.object({ value: z.string(), count: z.number() });
export const PracticeFacetsSchema = z.object({
  theme: z.array(FacetCountSchema),
  country: z.array(FacetCountSchema),
  region: z.array(FacetCountSchema),
  measured: z.array(FacetCountSchema),
});
export type PracticeFacets = z.infer<typeof PracticeFacetsSchema>;

export const PracticeSearchResultSchema = z.object({
  query: z.string(),
  total: z.number(),
  results: z.array(PracticeHitSchema),
  facets: PracticeFacetsSchema,
  /** Close spellings from the index when the query found nothing. */
  suggestions: z.array(z.string()),
});
export type PracticeSearchResult = z.infer<typeof PracticeSearchResultSchema>;

/** Theme names in both languages; indexed with every practice so a query in either language finds its themes. */
export const PRACTICE_THEME_NAMES: Record<PracticeTheme, { en: string; zh: string }> = {
  transport: { en: "transport", zh: "交通" },
  air: { en: "air quality", zh: "空气质量" },
  green: { en: "green space", zh: "绿色空间" },
  congestion: { en: "congestion", zh: "拥堵" },
  energy: { en: "energy", zh: "能源" },
  ghg: { en: "greenhouse gas emissions", zh: "温室气体排放" },
  waste: { en: "waste", zh: "垃圾" },
};

/** A city's gap: an indicator where it is worse than its reference value (see engines/matching). */
export const CityGapSchema = z.object({
  indicator: z.object({ code: z.string(), names: z.object({ en: z.string(), zh: z.string() }), unit: z.string(), theme: z.string() }),
  observation: z.object({ value: z.number(), period: z.string(), source: z.string() }),
  reference: z.object({
    value: z.number(),
    kind: z.enum(["reference", "median"]),
    label: z.object({ en: z.string(), zh: z.string() }).nullable(),
    source: z.string().nullable(),
    peers: z.number().nullable(),
  }),
  ratio: z.number(),
});

export const PracticesForCitySchema = z.object({
  city: z.string(),
  gaps: z.array(CityGapSchema),
  practices: z.array(
    PracticeHitSchema.omit({ snippet: true }).extend({
      reasons: z.array(z.object({ indicator: z.string(), match: z.enum(["outcome", "theme"]), metric: z.string().nullable() })),
    }),
  ),
});
export type PracticesForCity = z.infer<typeof PracticesForCitySchema>;
