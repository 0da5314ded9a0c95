import { z } from "zod";

/** The answer of an impact evaluation (synthetic control) as the API serves it. */

const Words = z.object({ en: z.string(), zh: z.string() });

export const ImpactWarningSchema = z.object({
  code: z.enum(["poor_pre_fit", "few_pre_years", "interpolated_fit", "few_post_years", "few_donors", "outside_donor_range"]),
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

/** An indicator a city has yearly values of, with its years before and from a start year. */
export const ImpactIndicatorYearsSchema = z.object({
  code: z.string(),
  names: Words,
  unit: z.string(),
  years: z.array(z.number().int()),
  preYears: z.number().int(),
  postYears: z.number().int(),
  evaluable: z.boolean().describe("at least one year before the start and one from it on"),
  enough: z.boolean().describe("at least 5 years before the start and 3 from it on"),
});

const NullableNames = z.object({ en: z.string(), zh: z.string().nullable() });

/** Every member city × indicator of a programme, evaluated from its cooperation's start. */
export const ProgrammeImpactSchema = z.object({
  programme: z.object({ id: z.string(), names: NullableNames }),
  indicators: z.array(z.string()),
  rows: z.array(
    z.object({
      cooperation: z.object({ id: z.string(), names: NullableNames }),
      city: z.object({ slug: z.string(), names: Words, country: z.string() }),
      indicator: z.object({ code: z.string(), names: Words, unit: z.string() }),
      start: z.number().int().nullable(),
      status: z.enum(["evaluated", "no_start", "no_data", "no_pre_years", "no_post_years", "not_evaluable"]),
      reason: Words.nullable().describe("why there is no evaluation (null when evaluated)"),
      problem: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional().describe("for not_evaluable: the problem the evaluation raised, as a code (see the Problem schema) with its params"),
      preYears: z.number().int(),
      postYears: z.number().int(),
      effectShare: z.number().nullable().describe("mean post-period gap as a share of the synthetic control's post-period level (−0.05: 5 % below)"),
      meanPostGap: z.number().nullable(),
      pValue: z.number().nullable().describe("in-space placebo p-value: rank / (donors + 1)"),
      rank: z.number().int().nullable(),
      of: z.number().int().nullable(),
      preRmspe: z.number().nullable(),
      preFitShare: z.number().nullable().describe("pre-period RMSPE as a share of the city's mean pre-period level"),
      preFit: z.enum(["good", "poor", "few_years", "interpolated"]).nullable().describe("poor: RMSPE above 5 % of the level; few_years: fewer than 5 years before the start; interpolated: exact, with about as many donor weights as pre-period years"),
      donors: z.number().int().nullable(),
      warnings: z.array(ImpactWarningSchema),
      verdict: Words.nullable(),
    }),
  ),
});
