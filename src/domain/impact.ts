import { z } from "zod";

/** The answer of an impact evaluation (synthetic control) as the API serves it. */

const Words = z.object({ en: z.string(), zh: z.string() });

export const ImpactWarningSchema = z.object({
  code: z.enum(["poor_pre_fit", "few_pre_years", "few_post_years", "few_donors", "outside_donor_range"]),
  en: z.string(),
  zh: z.string(),
});

export const CityImpactSchema = z.object({
  treated: z.string(),
  start: z.number().int(),
  years: z.array(z.number().int()),
  preFrom: z.number().int(),
  preFromChosen: z.enum(["given", "longest_with_enough_donors", "most_donors"]).describe("how the pre-period's first year was set: given, or the earliest leaving at least 20 donors (at least 5 pre-period years), or the one with the most donors"),
  donors: z.array(z.string()),
  donorRule: z.enum(["country", "family", "list"]),
  excludedDonors: z.array(z.object({ unit: z.string(), reason: z.enum(["missing_years", "same_programme", "other_cooperation"]), detail: z.string(), en: z.string(), zh: z.string() })),
  weights: z.array(z.object({ unit: z.string(), weight: z.number() })),
  series: z.array(z.object({ year: z.number().int(), actual: z.number(), synthetic: z.number(), gap: z.number() })),
  preRmspe: z.number(),
  postRmspe: z.number(),
  ratio: z.number().nullable().describe("post/pre RMSPE; null when the pre-period fit is exact"),
  meanPostGap: z.number(),
  meanPostGapShare: z.number().nullable(),
  placebo: z.object({
    rank: z.number().int(),
    of: z.number().int(),
    pValue: z.number(),
    runs: z.array(z.object({ unit: z.string(), preRmspe: z.number(), postRmspe: z.number(), ratio: z.number().nullable(), gaps: z.array(z.number()) })),
  }),
  leaveOneOut: z.array(z.object({ unit: z.string(), preRmspe: z.number(), postRmspe: z.number(), ratio: z.number().nullable(), meanPostGap: z.number(), synthetic: z.array(z.number()) })),
  did: z.object({ estimate: z.number(), treatedPre: z.number(), treatedPost: z.number(), donorsPre: z.number(), donorsPost: z.number() }),
  warnings: z.array(ImpactWarningSchema),
  verdict: Words,
  indicator: z.object({ code: z.string(), names: Words, unit: z.string() }),
  city: z.object({ slug: z.string(), names: Words }),
  names: z.record(z.string(), Words),
});
export type CityImpact = z.infer<typeof CityImpactSchema>;
