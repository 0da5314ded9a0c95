import { z } from "zod";

/**
 * True for a year (`2019`) or a calendar date (`2019-06-30`) that exists.
 * Years are limited to 1800–2200 to catch typos such as `20019`.
 */
export function isPeriod(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const PeriodSchema = z.string().refine(isPeriod, "must be a year (2019) or a date (2019-06-30)");

/** How a value was obtained: measured (monitors, satellites, counts), modelled, or reported by an authority or a survey. */
export const BASES = ["measured", "modelled", "reported"] as const;
export const BasisSchema = z.enum(BASES);
export type Basis = z.infer<typeof BasisSchema>;

/** Where a value of a matched dataset came from; every field null for a user's own figures. */
export const ProvenanceSchema = z.object({
  /** The source's own name for the place ("Chongqing Shi", "Roma", an urban centre's names). */
  place: z.string().nullable(),
  /** How that place was matched to the city: by name, GeoNames alternate name, or coordinates and distance. */
  match: z.string().nullable(),
  basis: BasisSchema.nullable(),
  /** The source's quality fields (WHO temporal coverage, Eurostat flags such as "estimated"). */
  quality: z.string().nullable(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const ObservationSchema = z.object({
  city: z.string(),
  indicator: z.string(),
  period: PeriodSchema,
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  importedBy: z.string(),
  importedAt: z.string(),
}).merge(ProvenanceSchema);
export type Observation = z.infer<typeof ObservationSchema>;

/** What an import did. */
export const ImportResultSchema = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
