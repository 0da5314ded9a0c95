import type { AirAnnual, AirDay, AirOverview, AirStandard } from "../domain/air.js";
import { notFound, NotFoundError } from "../errors.js";
import { AIR_RULES, limitSetApplies, loadAirReference } from "./air-reference.js";
import { loadAqiTables } from "./aqi-tables.js";
import type { AppContext } from "./context.js";

async function cityOrThrow(ctx: AppContext, slug: string) {
  const city = await ctx.cities.get(slug);
  if (!city) throw notFound("city", slug);
  return city;
}

async function stationOrThrow(ctx: AppContext, slug: string, station: string): Promise<void> {
  const [s] = await ctx.airStations.byIds([station]);
  if (!s || s.city !== slug) throw new NotFoundError(`no air-quality station "${station}" in ${slug}`, { code: "not_found.station", params: { id: station, city: slug } });
}

/** The standards' definitions as the air page shows them. */
export function airStandards(): AirStandard[] {
  return loadAqiTables().definitions.map((d) => ({
    id: d.id,
    family: d.kind,
    name: d.name,
    version: d.version,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    source: d.source,
    scale: d.kind === "eu" ? "band" : "aqi",
    categories: d.categories,
  }));
}

/** A city's air page: stations, annual summaries, the standards and limits, the rules and the sources cited. */
export async function cityAirOverview(ctx: AppContext, slug: string): Promise<AirOverview> {
  const city = await cityOrThrow(ctx, slug);
  const stations = await ctx.airStations.forCity(slug);
  const annual = await ctx.airAnnual.forSubject("city", slug);
  const ref = loadAirReference();
  const standards = airStandards();
  const limitSets = ref.limitSets.map((l) => ({ id: l.id, label: l.label, source: l.source, applies: limitSetApplies(l.scope, city.country), limits: l.limits as Record<string, number> }));
  const sources = new Set<string>([...stations.map((s) => s.source), ...annual.flatMap((a) => a.sources)]);
  if (stations.length > 0) {
    for (const s of standards) sources.add(s.source);
    for (const l of limitSets) if (l.applies) sources.add(l.source);
  }
  return {
    city: slug,
    stations,
    annual,
    firstDate: stations.length > 0 ? stations.map((s) => s.firstDate).sort()[0]! : null,
    lastDate: stations.length > 0 ? stations.map((s) => s.lastDate).sort().at(-1)! : null,
    standards,
    limitSets,
    rules: AIR_RULES,
    sources: [...sources].sort(),
  };
}

/** A city's daily series (or one station's), optionally within [from, to], after a date (the previous page's last) and at most `limit` days. */
export async function cityAirDaily(ctx: AppContext, slug: string, opts: { station?: string; from?: string; to?: string; after?: string; limit?: number } = {}): Promise<AirDay[]> {
  await cityOrThrow(ctx, slug);
  if (opts.station) {
    await stationOrThrow(ctx, slug, opts.station);
    return ctx.airDaily.series("station", opts.station, opts);
  }
  return ctx.airDaily.series("city", slug, opts);
}

/** A city's annual summaries (or one station's). */
export async function cityAirAnnual(ctx: AppContext, slug: string, station?: string): Promise<AirAnnual[]> {
  await cityOrThrow(ctx, slug);
  if (station) {
    await stationOrThrow(ctx, slug, station);
    return ctx.airAnnual.forSubject("station", station);
  }
  return ctx.airAnnual.forSubject("city", slug);
}
