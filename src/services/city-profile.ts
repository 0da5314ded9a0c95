import type { Indicator, ReferenceValue, Theme } from "../domain/indicator.js";
import type { Basis, Observation } from "../domain/observation.js";
import type { Source } from "../domain/source.js";
import { standing } from "../engines/profile/standing.js";
import { getCity } from "./cities.js";
import type { AppContext } from "./context.js";

/** The themes of the overview, in the order the IUC programme names them, then climate and energy. */
export const PROFILE_THEMES: readonly Theme[] = ["air", "transport", "green", "congestion", "ghg", "energy"];

export interface Standing {
  /** Share of the other cities (0–1) this value is better than, ties counted half. */
  better: number;
  /** How many other cities have a value. */
  of: number;
}

export interface ProfileFigure {
  indicator: Pick<Indicator, "code" | "names" | "unit" | "direction" | "description">;
  value: number;
  period: string;
  source: Source;
  note: string | null;
  place: string | null;
  match: string | null;
  basis: Basis | null;
  quality: string | null;
  /** The first reference value of the indicator (e.g. WHO 2021 for PM2.5), with its source. */
  reference: (ReferenceValue & { citation: string | null }) | null;
  /** Among cities of the same country, and of the world, by each city's latest value. */
  standing: { country: Standing | null; world: Standing | null };
  /** The city's series from the same source, oldest first: a trend where there are several years. */
  series: { period: string; value: number }[];
}

export interface ProfileTheme {
  theme: Theme;
  figures: ProfileFigure[];
  /** Indicators of the theme with no value for the city yet. */
  missing: Pick<Indicator, "code" | "names" | "unit">[];
}

export interface CityProfile {
  city: string;
  country: string;
  themes: ProfileTheme[];
}

const TOTAL = /(^|[._])total$/;

const BASIS_RANK: Record<string, number> = { measured: 0, reported: 1, modelled: 2 };

/** The latest observation: the most recent period; on a tie, measured before reported before modelled, then by source id. */
function latestOf(observations: readonly Observation[]): Observation {
  return [...observations].sort(
    (a, b) =>
      b.period.localeCompare(a.period) ||
      (BASIS_RANK[a.basis ?? ""] ?? 1) - (BASIS_RANK[b.basis ?? ""] ?? 1) ||
      a.source.localeCompare(b.source),
  )[0]!;
}

/**
 * A city's profile at a glance: for each theme, the latest value of each of its indicators with
 * year, unit, source (and licence), measured or modelled, the source's own name for the place and
 * how it was matched, the reference value, where it stands among the cities of its country and of
 * the world, and its series from the same source; and the indicators still missing.
 */
export async function cityProfile(ctx: AppContext, slug: string): Promise<CityProfile> {
  const city = await getCity(ctx, slug);
  const [catalogue, observations, sources, points] = await Promise.all([
    ctx.indicators.list(),
    ctx.observations.forCity(slug),
    ctx.sources.list(),
    ctx.cities.points(),
  ]);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const countryOf = new Map(points.map((p) => [p.slug, p.country]));
  const byIndicator = new Map<string, Observation[]>();
  for (const o of observations) byIndicator.set(o.indicator, [...(byIndicator.get(o.indicator) ?? []), o]);

  const themes: ProfileTheme[] = [];
  for (const theme of PROFILE_THEMES) {
    const figures: ProfileFigure[] = [];
    const missing: ProfileTheme["missing"] = [];
    for (const ind of catalogue.filter((i) => i.theme === theme)) {
      const own = byIndicator.get(ind.code);
      if (!own?.length) {
        missing.push({ code: ind.code, names: ind.names, unit: ind.unit });
        continue;
      }
      const latest = latestOf(own);
      const others = (await ctx.observations.latest(ind.code)).filter((v) => v.city !== slug);
      const sameCountry = others.filter((v) => countryOf.get(v.city) === city.country).map((v) => v.value);
      const ref = ind.references[0] ?? null;
      figures.push({
        indicator: { code: ind.code, names: ind.names, unit: ind.unit, direction: ind.direction, description: ind.description },
        value: latest.value,
        period: latest.period,
        source: sourceById.get(latest.source) ?? { id: latest.source, citation: latest.source, url: null, licence: null },
        note: latest.note,
        place: latest.place,
        match: latest.match,
        basis: latest.basis,
        quality: latest.quality,
        reference: ref ? { ...ref, citation: sourceById.get(ref.source)?.citation ?? null } : null,
        // A city total (tCO2) ranks cities by size, not by performance: no standing for totals.
        standing: TOTAL.test(ind.code)
          ? { country: null, world: null }
          : { country: standing(latest.value, ind.direction, sameCountry), world: standing(latest.value, ind.direction, others.map((v) => v.value)) },
        series: own.filter((o) => o.source === latest.source).sort((a, b) => a.period.localeCompare(b.period)).map((o) => ({ period: o.period, value: o.value })),
      });
    }
    themes.push({ theme, figures, missing });
  }
  return { city: slug, country: city.country, themes };
}
