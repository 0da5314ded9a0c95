import { z } from "zod";

/** A city slug: ASCII name in kebab case followed by the ISO 3166-1 alpha-2 code, `chongqing-cn`. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug like chongqing-cn")
  .max(120);

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code like CN");

export const CitySchema = z.object({
  slug: SlugSchema,
  geonamesId: z.number().int().positive().nullable(),
  names: z.object({
    en: z.string().min(1),
    zh: z.string().nullable(),
    /** The name in the local language where it differs from the English one. */
    local: z.string().nullable(),
  }),
  country: CountryCodeSchema,
  /** UN geoscheme subregion, e.g. "Eastern Asia". */
  region: z.string().nullable(),
  /** GeoNames first-level administrative division code. */
  admin1: z.string().nullable(),
  coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  population: z.object({
    value: z.number().int().nonnegative().nullable(),
    year: z.number().int().nullable(),
    /** Source id; GeoNames figures are the urban core, not the municipality. */
    source: z.string().nullable(),
  }),
  areaKm2: z.number().positive().nullable(),
  /** IANA time zone. */
  timezone: z.string().nullable(),
});
export type City = z.infer<typeof CitySchema>;

/** A city as a point on the map. */
export const CityPointSchema = z.object({
  slug: SlugSchema,
  names: CitySchema.shape.names,
  country: CountryCodeSchema,
  lat: z.number(),
  lon: z.number(),
  population: z.number().nullable(),
});
export type CityPoint = z.infer<typeof CityPointSchema>;
