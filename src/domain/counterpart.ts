import { z } from "zod";

export const CounterpartReasonSchema = z.object({
  /** strength, improving, practices (per indicator), population, density, income, climate, climate-work (context), interest. */
  factor: z.string(),
  /** Share of the score, 0–1. */
  share: z.number(),
  detail: z.string(),
});

/** The family of counterparts of a city, best first: the shape of the API and of `citybridge match counterparts --json`. */
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

export const SIZE_FILTERS = ["small", "medium", "large", "megacity"] as const;
