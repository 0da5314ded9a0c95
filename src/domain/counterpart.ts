import { z } from "zod";

/** The figures behind a reason, for wording it in any language (see ReasonFacts in src/engines/matching/counterpart-score.ts). */
export const ReasonFactsSchema = z.object({
  indicator: z.string().optional(),
  theme: z.string().optional(),
  /** The counterpart's value, in `unit` (population: persons; density: persons/km²; income: USD; latitude: °; climate work: 0–3). */
  counterpart: z.number().optional(),
  /** The city's own value, in `unit`. */
  city: z.number().optional(),
  unit: z.string().optional(),
  period: z.string().optional(),
  /** Share of cities the counterpart does better than, 0–1. */
  betterThan: z.number().optional(),
  /** Relative change per year (−0.05 = −5 %/year). */
  trend: z.number().optional(),
  /** A practice with a measured outcome on the indicator (true) or only on its theme (false). */
  measured: z.boolean().optional(),
  /** Themes both declared; null when either declared none. */
  shared: z.array(z.string()).nullable().optional(),
});

export const CounterpartReasonSchema = z.object({
  /** strength, improving, practices (per indicator), population, density, income, climate, climate-work (context), interest. */
  factor: z.string(),
  /** Share of the score, 0–1. */
  share: z.number(),
  /** In English. */
  detail: z.string(),
});

/** The family of counterparts of a city, best first: the shape of `citybridge match counterparts --json`. */
export const CounterpartsSchema = z.object({
  city: z.string(),
  results: z.array(
    z.object({
      city: z.string(),
      /** 0–1. */
      score: z.number(),
      /** 0–1: how much of the evidence was available. */
      confidence: z.number(),
      reasons: z.array(CounterpartReasonSchema),
    }),
  ),
});
export type Counterparts = z.infer<typeof CounterpartsSchema>;

const ComparedValueSchema = z.object({ value: z.number(), period: z.string(), source: z.string().nullable() });

/** One indicator that drove a match, with both cities' values (per person for per-capita indicators). */
export const ComparedIndicatorSchema = z.object({
  code: z.string(),
  names: z.object({ en: z.string(), zh: z.string() }),
  theme: z.string(),
  unit: z.string(),
  direction: z.enum(["lower", "higher"]),
  city: ComparedValueSchema.nullable(),
  counterpart: ComparedValueSchema.nullable(),
  /** Share of all cities each does better than, 0–1 (null when missing). */
  standing: z.object({ city: z.number().nullable(), counterpart: z.number().nullable() }),
});

/** The API's richer answer: the CLI's shape plus names, structured reasons, the indicators compared, and how the score is made. */
export const CounterpartsDetailSchema = z.object({
  city: z.string(),
  /** How much the city itself reports: directional indicators with a value, and context figures known (of 5). */
  coverage: z.object({ indicators: z.number().int(), context: z.number().int() }),
  results: z.array(
    z.object({
      city: z.string(),
      score: z.number(),
      confidence: z.number(),
      reasons: z.array(CounterpartReasonSchema.extend({ facts: ReasonFactsSchema })),
      names: z.object({ en: z.string(), zh: z.string().nullable() }),
      country: z.string(),
      region: z.string().nullable(),
      /** Persons. */
      population: z.number().nullable(),
      compare: z.array(ComparedIndicatorSchema),
    }),
  ),
  method: z.object({
    weights: z.record(z.string(), z.number()),
    rationale: z.array(z.object({ weight: z.string(), en: z.string(), zh: z.string(), sources: z.array(z.string()) })),
    sources: z.array(z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() })),
  }),
});
export type CounterpartsDetail = z.infer<typeof CounterpartsDetailSchema>;

export const SIZE_FILTERS = ["small", "medium", "large", "megacity"] as const;
