import type { CityPage, CitySearch } from "../db/index.js";
import type { City } from "../domain/city.js";
import type { Observation } from "../domain/observation.js";
import { notFound } from "../errors.js";
import type { AppContext } from "./context.js";

export function searchCities(ctx: AppContext, search: CitySearch): Promise<CityPage> {
  return ctx.cities.search(search);
}

/** The city with this slug, or NotFoundError. */
export async function getCity(ctx: AppContext, slug: string): Promise<City> {
  const city = await ctx.cities.get(slug);
  if (!city) throw notFound("city", slug);
  return city;
}

/** A city's observations, optionally of one indicator; unknown city or indicator is NotFoundError. */
export async function cityObservations(ctx: AppContext, slug: string, indicator?: string): Promise<Observation[]> {
  await getCity(ctx, slug);
  if (indicator && !(await ctx.indicators.get(indicator))) throw notFound("indicator", indicator);
  return ctx.observations.forCity(slug, indicator);
}
