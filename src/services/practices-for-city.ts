import type { PracticesForCity } from "../domain/practice.js";
import { notFound } from "../errors.js";
import { indicatorGaps, type LatestObservation, median } from "../engines/matching/indicator-gaps.js";
import { practicesForGaps } from "../engines/matching/practices-for-gaps.js";
import type { AppContext } from "./context.js";
import { withoutStandIns } from "./counterpart-inputs.js";

/**
 * Practices that fit a city's gaps: the indicators where its latest values are furthest from
 * their reference values (or from the median of the other cities where no reference is
 * published), matched to practices whose outcomes relate to those indicators or whose themes
 * cover them, each with the reasons.
 */
export async function practicesForCity(ctx: AppContext, slug: string, limit = 10): Promise<PracticesForCity> {
  if (!(await ctx.cities.get(slug))) throw notFound("city", slug);
  const latest = new Map<string, LatestObservation>();
  for (const o of await ctx.observations.forCity(slug)) {
    const prev = latest.get(o.indicator);
    if (!prev || o.period >= prev.period) latest.set(o.indicator, { indicator: o.indicator, value: o.value, period: o.period, source: o.source });
  }
  withoutStandIns(latest);
  const catalogue = await ctx.indicators.list();
  const medians = new Map<string, { value: number; peers: number }>();
  for (const ind of catalogue) {
    if (!latest.has(ind.code) || ind.references.length || !ind.direction || ind.code.endsWith("total")) continue;
    const values = (await ctx.observations.latest(ind.code)).map((v) => v.value);
    if (values.length) medians.set(ind.code, { value: Math.round(median(values) * 100) / 100, peers: values.length });
  }
  const gaps = indicatorGaps([...latest.values()], catalogue, medians);
  const candidates = await ctx.practices.getMany(await ctx.practices.idsRelatedTo(gaps.map((g) => g.indicator), [...new Set(gaps.map((g) => g.theme))]));
  const matches = practicesForGaps(gaps, candidates, limit);
  const byId = new Map(candidates.map((p) => [p.id, p]));
  const places = await ctx.practices.places(matches.map((m) => byId.get(m.id)!).map((p) => ({ city: p.city, country: p.country })));
  return {
    city: slug,
    gaps: gaps.map((g) => {
      const ind = catalogue.find((i) => i.code === g.indicator)!;
      return {
        indicator: { code: ind.code, names: ind.names, unit: ind.unit, theme: ind.theme },
        observation: { value: g.observation.value, period: g.observation.period, source: g.observation.source },
        reference: g.reference,
        ratio: g.ratio,
      };
    }),
    practices: matches.map((m) => {
      const p = byId.get(m.id)!;
      return { id: p.id, title: p.title, city: p.city, cityZh: places.get(`${p.city}|${p.country}`)?.nameZh ?? null, country: p.country, themes: p.themes, measured: p.measured, score: m.score, reasons: m.reasons };
    }),
  };
}
